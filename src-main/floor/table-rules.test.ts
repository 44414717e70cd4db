import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { businessDayOf } from '../../src-shared/business-day.ts';
import type { Result } from '../../src-shared/result.ts';
import type { TableTile } from '../../src-shared/contract/index.ts';
import { saveLedgerConfig } from '../ledger/config.ts';
import { cmdId, inprocRegister, login, value, type TestRegister } from '../testing/harness.ts';
import { linkedSmartReserve, STORE_ID, until } from '../testing/ledger.ts';

/** RULES T6 (group), T1 (merge) and P7 refusals, each rule on its own. */
const T = (n: string) => (/^2\d\d$/.test(n) ? `floor-2-${n}` : `floor-1-${n}`);
type Linked = Awaited<ReturnType<typeof linkedSmartReserve>>;
type LedgerVisit = { status: string; party: number; table: { seatName: string } | null; groupId: string | null };

function harness() {
  const h = {
    reg: null as unknown as TestRegister,
    cashier: '',
    call: (method: string, input: unknown, command = true): Promise<Result<unknown>> =>
      h.reg.call({ method, input, sessionId: h.cashier, ...(command ? { commandId: cmdId() } : {}) }),
    ok: async <V = unknown>(method: string, input: unknown, command = true) => value<V>(await h.call(method, input, command)),
    refusal: async (method: string, input: unknown) => {
      const r = await h.call(method, input);
      if (r.ok) throw new Error(`${method} was not refused`);
      return { code: r.error.code, message: r.error.message };
    },
    seat: async (table: string, party = 2, reservationId?: string) =>
      (await h.ok<{ visit: { id: string } }>('seating.seat', { tableId: T(table), party, reservationId, confirmOverReservation: true })).visit.id,
    tile: async (table: string) =>
      (await h.ok<{ floors: Array<{ tables: TableTile[] }> }>('floor.view', {}, false)).floors.flatMap((f) => f.tables).find((t) => t.id === T(table))!,
    /** A local reservation row (no ledger needed), optionally designated, prepaid or with points. */
    reservation: (id: string, extra: { table?: string; prepayment?: number; points?: number; startAt?: number } = {}) => {
      const now = h.reg.core.now();
      h.reg.core.liveDb().prepare(`INSERT INTO reservations (id, remote_id, kind, business_day, start_at, duration_min, party, guest_name, designated_table_id,
        remote_status, prepayment, points, pulled_at, updated_at) VALUES (?, ?, 'reservation', ?, ?, 120, 2, ?, ?, '来店前', ?, ?, ?, ?)`)
        .run(id, `R-${id}`, businessDayOf(now), extra.startAt ?? now + 3600_000, `${id} 様`, extra.table ? T(extra.table) : null, extra.prepayment ?? 0, extra.points ?? 0, now, now);
      return id;
    },
    link: (kind: 'resty' | 'oseki' | 'ebica') =>
      saveLedgerConfig(h.reg.core.liveDb(), { kind, baseUrl: 'http://127.0.0.1:9', storeId: 's', linkState: '連携中', lastMasterSyncAt: null, tablesPushedAt: null }),
  };
  return h;
}

describe('table rules without a ledger (T6, T1, P7)', () => {
  const h = harness();
  beforeEach(async () => {
    h.reg = await inprocRegister();
    h.cashier = await login(h.reg.call);
  });
  afterEach(async () => { await h.reg.close(); });

  describe('T6 group refusals', () => {
    it('two seated reservations cannot be grouped', async () => {
      await h.seat('T1', 2, h.reservation('a'));
      await h.seat('T2', 2, h.reservation('b'));
      expect(await h.refusal('table.group', { tableIds: [T('T1'), T('T2')], representativeTableId: T('T1') }))
        .toEqual({ code: 'TWO_RESERVATIONS', message: '予約同士のテーブルグループ設定はできません。' });
    });

    it('two tables with waiting designated reservations cannot be grouped either', async () => {
      h.reservation('a', { table: 'T3' });
      h.reservation('b', { table: 'T4' });
      expect((await h.refusal('table.group', { tableIds: [T('T3'), T('T4')], representativeTableId: T('T3') })).code).toBe('TWO_RESERVATIONS');
    });

    it('a seated reservation and a waiting designated one count as two', async () => {
      await h.seat('T5', 2, h.reservation('a'));
      h.reservation('b', { table: 'T6' });
      expect((await h.refusal('table.group', { tableIds: [T('T5'), T('T6')], representativeTableId: T('T5') })).code).toBe('TWO_RESERVATIONS');
    });

    it('a table already in a group cannot join another', async () => {
      await h.ok('table.group', { tableIds: [T('T1'), T('T2')], representativeTableId: T('T1') });
      expect(await h.refusal('table.group', { tableIds: [T('T2'), T('T3')], representativeTableId: T('T3') }))
        .toEqual({ code: 'ALREADY_GROUPED', message: 'T2はすでにグループに入っています。' });
    });

    it('the representative must be one of the grouped tables', async () => {
      expect(await h.refusal('table.group', { tableIds: [T('T1'), T('T2')], representativeTableId: T('T3') }))
        .toEqual({ code: 'VALIDATION', message: '代表テーブルはグループ内から選んでください。' });
    });

    it('fewer than two tables is refused by the contract', async () => {
      expect((await h.refusal('table.group', { tableIds: [T('T1')], representativeTableId: T('T1') })).code).toBe('VALIDATION');
    });

    it('P7: a table with prepayment or points cannot be grouped', async () => {
      await h.seat('T7', 2, h.reservation('pre', { prepayment: 3000 }));
      await h.seat('T8', 2);
      const message = '事前決済・予約サイトポイントのあるテーブルはグループにできません。';
      expect(await h.refusal('table.group', { tableIds: [T('T7'), T('T8')], representativeTableId: T('T8') })).toEqual({ code: 'PREPAID_TABLE', message });
      await h.seat('T9', 2, h.reservation('pts', { points: 500 }));
      await h.seat('T10', 2);
      expect(await h.refusal('table.group', { tableIds: [T('T9'), T('T10')], representativeTableId: T('T9') })).toEqual({ code: 'PREPAID_TABLE', message });
    });

    it('a reservation grouped with a walk-in table before seating: allowed, staff are warned', async () => {
      h.reservation('a', { table: 'T11' });
      const r = await h.ok<{ warnings: string[] }>('table.group', { tableIds: [T('T11'), T('T12')], representativeTableId: T('T11') });
      expect(r.warnings).toEqual(['予約台帳ではウォークインのテーブルが空席のまま表示されます。予約台帳でウォークイン等に変更し、案内不可にしてください。']);
    });
  });

  describe('T6 waiting tables and the ledger', () => {
    it('a ledger that forbids it (Resty, ebica) refuses a waiting table in a group', async () => {
      for (const kind of ['resty', 'ebica'] as const) {
        h.link(kind);
        expect(await h.refusal('table.group', { tableIds: [T('W1'), T('T1')], representativeTableId: T('T1') }))
          .toEqual({ code: 'WAITING_TABLE', message: '待機テーブルはグループにできません。' });
      }
    });

    it('without a ledger, or with SMART RESERVE / お席トットくん, a waiting table may be grouped', async () => {
      const { groupId } = await h.ok<{ groupId: string }>('table.group', { tableIds: [T('W1'), T('T1')], representativeTableId: T('T1') });
      await h.ok('table.ungroup', { groupId });
      h.link('oseki');
      await h.ok('table.group', { tableIds: [T('W2'), T('T2')], representativeTableId: T('T2') });
    });

    it('Resty allows grouping seated reservations (after seating), never unseated ones', async () => {
      h.link('resty');
      await h.seat('T1', 2, h.reservation('a', { table: 'T1' })); // S4: Resty seats only designated reservations
      await h.seat('T2', 2, h.reservation('b', { table: 'T2' }));
      await h.ok('table.group', { tableIds: [T('T1'), T('T2')], representativeTableId: T('T1') });
      h.reservation('c', { table: 'T3' });
      await h.seat('T4', 2, h.reservation('d', { table: 'T4' }));
      expect((await h.refusal('table.group', { tableIds: [T('T3'), T('T4')], representativeTableId: T('T4') })).code).toBe('TWO_RESERVATIONS');
    });
  });

  describe('T6 ungroup', () => {
    it('a group seated at once: each non-representative table becomes a walk-in of 1', async () => {
      const { groupId } = await h.ok<{ groupId: string }>('table.group', { tableIds: [T('T1'), T('T2'), T('T3')], representativeTableId: T('T2') });
      await h.seat('T1', 7);
      expect((await h.tile('T3')).visit?.party).toBe(7);
      await h.ok('table.ungroup', { groupId });
      const [a, b, c] = [await h.tile('T1'), await h.tile('T2'), await h.tile('T3')];
      expect([a.visit?.party, c.visit?.party]).toEqual([1, 1]);
      expect([a.groupId, b.groupId, c.groupId]).toEqual([null, null, null]);
      expect(b.visit?.party).toBe(7);
      expect(new Set([a.visit?.id, b.visit?.id, c.visit?.id]).size).toBe(3);
    });

    it('a group of visits seated one by one: the non-representative parties become 1, the representative keeps its own', async () => {
      await h.seat('T4', 3);
      await h.seat('T5', 4);
      await h.seat('T6', 5);
      const { groupId } = await h.ok<{ groupId: string }>('table.group', { tableIds: [T('T4'), T('T5'), T('T6')], representativeTableId: T('T5') });
      await h.ok('table.ungroup', { groupId });
      expect([(await h.tile('T4')).visit?.party, (await h.tile('T5')).visit?.party, (await h.tile('T6')).visit?.party]).toEqual([1, 4, 1]);
    });

    it('an unknown or dissolved group is refused', async () => {
      const { groupId } = await h.ok<{ groupId: string }>('table.group', { tableIds: [T('T7'), T('T8')], representativeTableId: T('T7') });
      await h.ok('table.ungroup', { groupId });
      expect((await h.refusal('table.ungroup', { groupId })).code).toBe('NOT_FOUND');
    });
  });

  describe('T1 merge refusals', () => {
    it('two reservations', async () => {
      await h.seat('T1', 2, h.reservation('a'));
      await h.seat('T2', 2, h.reservation('b'));
      expect(await h.refusal('table.merge', { fromTableId: T('T1'), toTableId: T('T2') }))
        .toEqual({ code: 'TWO_RESERVATIONS', message: '予約同士のテーブル統合はできません。' });
    });

    it('the same table', async () => {
      await h.seat('T3', 2);
      expect(await h.refusal('table.merge', { fromTableId: T('T3'), toTableId: T('T3') }))
        .toEqual({ code: 'VALIDATION', message: '統合元と統合先に同じテーブルは選べません。' });
    });

    it('a free table (nothing to merge)', async () => {
      await h.seat('T4', 2);
      expect(await h.refusal('table.merge', { fromTableId: T('T5'), toTableId: T('T4') })).toEqual({ code: 'TABLE_FREE', message: 'T5にはお客様がいません。' });
    });

    it('a grouped visit, on either side; two tables of one group', async () => {
      await h.seat('T6', 2);
      await h.seat('T7', 2);
      await h.ok('table.group', { tableIds: [T('T6'), T('T7')], representativeTableId: T('T6') });
      await h.seat('T8', 2);
      const grouped = { code: 'GROUP_ACTIVE', message: 'テーブルグループを解除してから操作してください。' };
      expect(await h.refusal('table.merge', { fromTableId: T('T8'), toTableId: T('T6') })).toEqual(grouped);
      expect(await h.refusal('table.merge', { fromTableId: T('T7'), toTableId: T('T8') })).toEqual(grouped);
      await h.ok('table.group', { tableIds: [T('T9'), T('T10')], representativeTableId: T('T9') });
      await h.seat('T9', 4);
      expect(await h.refusal('table.merge', { fromTableId: T('T10'), toTableId: T('T9') }))
        .toEqual({ code: 'VALIDATION', message: '同じグループのテーブル同士は統合できません。' });
    });

    it('P7: prepayment or points on either side', async () => {
      const message = '事前決済・予約サイトポイントのあるテーブルは統合できません。';
      await h.seat('T11', 2, h.reservation('pre', { prepayment: 5000 }));
      await h.seat('T12', 2);
      expect(await h.refusal('table.merge', { fromTableId: T('T12'), toTableId: T('T11') })).toEqual({ code: 'PREPAID_TABLE', message });
      expect(await h.refusal('table.merge', { fromTableId: T('T11'), toTableId: T('T12') })).toEqual({ code: 'PREPAID_TABLE', message });
      await h.seat('C1', 2, h.reservation('pts', { points: 300 }));
      await h.seat('C2', 2);
      expect(await h.refusal('table.merge', { fromTableId: T('C2'), toTableId: T('C1') })).toEqual({ code: 'PREPAID_TABLE', message });
    });

    it('お席トットくん: a reservation may not be the source, it may be the destination', async () => {
      h.link('oseki');
      await h.seat('C3', 2, h.reservation('a'));
      await h.seat('C4', 2);
      expect(await h.refusal('table.merge', { fromTableId: T('C3'), toTableId: T('C4') }))
        .toEqual({ code: 'RESERVATION_SOURCE', message: '予約のテーブルは統合元にできません。統合先に選択してください。' });
      const merged = await h.ok<{ visit: { party: number; guestName: string } }>('table.merge', { fromTableId: T('C4'), toTableId: T('C3') });
      expect(merged.visit).toMatchObject({ party: 4, guestName: 'a 様' });
    });

    it('into a walk-in the reservation name disappears (destination wins)', async () => {
      await h.seat('C5', 2, h.reservation('a'));
      await h.seat('C6', 3);
      const merged = await h.ok<{ visit: { party: number; guestName: string; reservationId: string | null } }>('table.merge', { fromTableId: T('C5'), toTableId: T('C6') });
      expect(merged.visit).toMatchObject({ party: 5, guestName: 'ウォークイン', reservationId: null });
      expect((await h.tile('C5')).status).not.toBe('occupied');
    });
  });
});

describe('T6 on the ledger (USEN SMART RESERVE simulator)', () => {
  const h = harness();
  let ledger: Linked;
  const drained = () => until(async () => (await h.ok<{ unsent: number }>('sync.status', {}, false)).unsent === 0, 'empty outbox');
  const ledgerVisits = () => (ledger.sim.visits(STORE_ID) as LedgerVisit[]).filter((v) => v.status !== 'cancelled');
  beforeEach(async () => {
    h.reg = await inprocRegister();
    ledger = await linkedSmartReserve(h.reg.core, h.reg.call);
    h.cashier = await login(h.reg.call);
  });
  afterEach(async () => {
    await h.reg.close();
    await ledger.close();
  });

  it('party of walk-ins split evenly, the odd remainder on the representative (difference at most 1)', async () => {
    await h.ok('table.group', { tableIds: [T('T1'), T('T2')], representativeTableId: T('T2') });
    await h.seat('T1', 5);
    await h.ok('table.group', { tableIds: [T('201'), T('202'), T('203'), T('204')], representativeTableId: T('203') });
    await h.seat('204', 11);
    await drained();
    const bySeat = Object.fromEntries(ledgerVisits().map((v) => [v.table?.seatName, v.party])) as Record<string, number>;
    expect([bySeat.T2, bySeat.T1]).toEqual([3, 2]); // 5 over 2 tables: the odd one on the representative
    // 11 over 4 tables: shares differ by at most 1 and the representative holds the largest one.
    const shares = ['201', '202', '203', '204'].map((n) => bySeat[n]!);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(11);
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
    expect(bySeat['203']).toBe(Math.max(...shares));
  });

  it('an unmapped table in a group is sent under the representative, with a warning', async () => {
    await h.ok('table.group', { tableIds: [T('C7'), T('C8')], representativeTableId: T('C7') }); // C8 is not mapped
    const seated = await h.ok<{ warnings: string[] }>('seating.seat', { tableId: T('C8'), party: 5 });
    expect(seated.warnings).toContain('マッピングされていないテーブルの人数は代表テーブルに含めて連携されます。');
    await drained();
    const visits = ledgerVisits();
    expect(visits.map((v) => [v.table?.seatName, v.party])).toEqual([['C7', 5]]);
  });

  it('two reservations from the ledger cannot be grouped, seated or not', async () => {
    const add = (seatName: string, guestName: string) => ledger.sim.addReservation(STORE_ID, { businessDay: ledger.today, startTime: '23:30', party: 2, guestName, seatName }) as { id: string };
    add('T5', 'A 様');
    add('T6', 'B 様');
    await h.ok('reservations.refresh', {}, false);
    expect((await h.refusal('table.group', { tableIds: [T('T5'), T('T6')], representativeTableId: T('T5') })).code).toBe('TWO_RESERVATIONS');
  });

  it('ungroup after a group seating: the ledger group is dissolved, non-representative tables become party 1 locally', async () => {
    const { groupId } = await h.ok<{ groupId: string }>('table.group', { tableIds: [T('T7'), T('T8'), T('T9')], representativeTableId: T('T7') });
    await h.seat('T7', 6);
    await drained();
    await h.ok('table.ungroup', { groupId });
    await drained();
    expect([(await h.tile('T8')).visit?.party, (await h.tile('T9')).visit?.party]).toEqual([1, 1]);
    expect(ledgerVisits().every((v) => v.groupId === null)).toBe(true);
    const parked = await h.ok<{ parked: number }>('sync.status', {}, false);
    expect(parked.parked).toBe(0);
  });

  it('P7: the ledger never sees a merge or group of a prepaid table (refused before anything is queued)', async () => {
    const r = ledger.sim.addReservation(STORE_ID, { businessDay: ledger.today, startTime: '23:30', party: 2, guestName: '前払 様', prepaymentAmount: 3000 }) as { id: string };
    await h.ok('reservations.refresh', {}, false);
    const row = (await h.ok<{ rows: Array<{ id: string; remoteId: string; prepayment: number }> }>('reservations.list', {}, false)).rows.find((x) => x.remoteId === r.id)!;
    expect(row.prepayment).toBe(3000);
    await h.seat('T10', 2, row.id);
    await h.seat('T11', 2);
    await drained();
    expect((await h.refusal('table.merge', { fromTableId: T('T11'), toTableId: T('T10') })).code).toBe('PREPAID_TABLE');
    expect((await h.refusal('table.group', { tableIds: [T('T10'), T('T11')], representativeTableId: T('T10') })).code).toBe('PREPAID_TABLE');
    expect((await h.ok<{ unsent: number }>('sync.status', {}, false)).unsent).toBe(0);
  });
});
