import { expect, type Page } from '@playwright/test';
import { login, openApp, test as base } from '../fixtures.ts';
import { tile } from '../helpers.ts';
import { startStation } from '../station.ts';
import { dayStartFor, demoSeats, slotOf, startSim, type LedgerReservation, type LedgerVisit, type Sim } from './ledger.ts';

/** Sync timings for tests: the relay retries within a second or two instead of backing off for minutes. */
export const FAST_SYNC = { POS_BACKOFF_BASE_MS: '300', POS_BACKOFF_CAP_MS: '1500', POS_BREAKER_OPEN_MS: '1500', POS_REQUEST_TIMEOUT_MS: '3000' };

export type Ledger = Sim & {
  dayStart: string;
  /** Add a reservation on today's business day, `minutes` from now (rounded to the minute). */
  addReservation: (r: { minutes: number; party: number; guestName: string; seatName?: string; durationMin?: number } & Record<string, unknown>) => Promise<LedgerReservation>;
  /** A ledger block (R7) on a seat from `minutes` from now (rounded down to the minute). */
  addBlock: (b: { minutes: number; seatName: string; durationMin: number; reason?: string }) => Promise<{ id: string }>;
  reservation: (id: string) => Promise<LedgerReservation>;
  visits: () => Promise<LedgerVisit[]>;
  /** The ledger line (walk-ins included) seated at a table of this name. */
  lineAt: (seatName: string) => Promise<LedgerReservation | undefined>;
  /** Pull the ledger on the station now (as 🔄 does). */
  pull: () => Promise<void>;
};

type Fixtures = {
  /** The SMART RESERVE simulator, linked to this test's station with tables pushed and mapped by name. */
  ledger: Ledger;
  /** Call the station's API as the manager. */
  asManager: <T = unknown>(method: string, input?: unknown) => Promise<T>;
};
/** One simulator per worker, reset for every test (a test gets an empty, unlinked ledger). */
type WorkerFixtures = { sim: Sim };

export const test = base.extend<Fixtures, WorkerFixtures>({
  sim: [async ({}, use) => {
    const sim = await startSim();
    try {
      await use(sim);
    } finally {
      await sim.stop();
    }
  }, { scope: 'worker' }],
  station: async ({}, use) => {
    const station = await startStation({ env: FAST_SYNC });
    try {
      await use(station);
    } finally {
      await station.stop();
    }
  },
  asManager: async ({ api }, use) => {
    const { sessionId } = await api<{ sessionId: string }>('auth.login', { staffId: 'staff-manager', pin: '1234' });
    await use(<T,>(method: string, input: unknown = {}) => api<T>(method, input, sessionId));
  },
  ledger: async ({ sim, asManager }, use) => {
    await sim.control('POST', '/reset');
    const store = `/stores/${sim.storeId}`;
    const dayStart = dayStartFor(Date.now());
    await sim.control('PUT', `${store}/seats`, { seats: demoSeats() });
    await sim.control('PATCH', `${store}/settings`, { dayStart, autoMapByName: true });
    await asManager('settings.update', { businessDayStart: dayStart });
    await asManager('ledger.link', { kind: 'smart-reserve', baseUrl: sim.url, storeId: sim.storeId, linkCode: sim.linkCode });
    await asManager('ledger.pushTables');
    const ledger: Ledger = {
      ...sim, dayStart,
      addReservation: ({ minutes, ...rest }) =>
        sim.control<LedgerReservation>('POST', `${store}/reservations`, { ...slotOf(Date.now() + minutes * 60_000, dayStart), ...rest }),
      addBlock: ({ minutes, ...rest }) => sim.control<{ id: string }>('POST', `${store}/blocks`, { ...slotOf(Date.now() + minutes * 60_000, dayStart), ...rest }),
      reservation: (id) => sim.control<LedgerReservation>('GET', `${store}/reservations/${id}`),
      visits: async () => {
        const r = await sim.control<{ visits: LedgerVisit[] } | LedgerVisit[]>('GET', `${store}/visits`);
        return Array.isArray(r) ? r : r.visits;
      },
      lineAt: async (seatName) => {
        const r = await sim.control<{ reservations: LedgerReservation[] } | LedgerReservation[]>('GET', `${store}/reservations`);
        const lines = Array.isArray(r) ? r : r.reservations;
        return lines.find((l) => l.table?.seatName === seatName && l.status !== 'キャンセル');
      },
      pull: async () => {
        await asManager('reservations.refresh');
      },
    };
    await use(ledger);
    // Whatever the test broke (faults), the next test starts from a clean ledger.
    await sim.control('DELETE', '/faults');
  },
});

export { expect };

/** Log in as a cashier and open the table list (TOP → テーブル一覧 / 注文・会計). */
export async function openFloor(page: Page, name = '佐藤 花子', pin = '1111'): Promise<void> {
  await openApp(page);
  await login(page, name, pin);
  await tile(page, 'テーブル一覧');
  await expect(page.getByRole('heading', { name: 'テーブル一覧' })).toBeVisible();
}

/** A table tile on the table list (switches floor tab when needed). */
export function tableTile(page: Page, name: string) {
  return page.locator(`.tile[data-table="${name}"]`);
}

/** Type a number on a keypad by its accessible name. */
export async function typeKeys(page: Page, keypad: string, digits: string): Promise<void> {
  const pad = page.getByRole('group', { name: keypad });
  for (const d of digits) await pad.getByRole('button', { name: d, exact: true }).click();
}

/** Walk-in at a free table through the UI (S9): tap, party on the keypad, 配席のみ. */
export async function seatWalkIn(page: Page, table: string, party: number): Promise<void> {
  await tableTile(page, table).click();
  const dialog = page.getByTestId('seat-dialog');
  await typeKeys(page, '人数のテンキー', String(party));
  await dialog.getByRole('button', { name: '配席のみ' }).click();
  await expect(dialog).toBeHidden();
}

/** Wait until the ledger shows something (the relay sends within a second or two). */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > until) throw new Error(`not reached in ${timeoutMs} ms: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}
