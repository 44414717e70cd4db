import { businessDayOf } from '../../src-shared/business-day.ts';
import { SmartReserveSim } from '../../sim/smart-reserve/sim.ts';
import type { Core } from '../core.ts';
import { cmdId, login, value, type Call } from './harness.ts';

export const STORE_ID = 'store-test';
export const LINK_CODE = 'LINK-TEST';

/** A SMART RESERVE simulator with one store, linked to the register, tables pushed and mapped by name. */
export async function linkedSmartReserve(core: Core, call: Call) {
  return linkedSmartReserveOver(call, core.now());
}

/** The same over any transport (e.g. a station child process in a benchmark): `now` picks the business day. */
export async function linkedSmartReserveOver(call: Call, now: number = Date.now()) {
  const sim = new SmartReserveSim();
  const running = await sim.start({ port: 0 });
  sim.addStore({ storeId: STORE_ID, linkCode: LINK_CODE, settings: { autoMapByName: true } });
  // The ledger's own seats: every demo table but C8, so C8 stays unmapped (L5).
  const names = [...Array.from({ length: 12 }, (_, i) => `T${i + 1}`), ...Array.from({ length: 7 }, (_, i) => `C${i + 1}`), ...Array.from({ length: 8 }, (_, i) => `${201 + i}`)];
  sim.setSeats(STORE_ID, names.map((name) => ({ name, capacity: 4 })));
  const manager = await login(call, 'staff-manager', '1234');
  value(await call({ method: 'ledger.link', input: { kind: 'smart-reserve', baseUrl: running.url, storeId: STORE_ID, linkCode: LINK_CODE }, sessionId: manager, commandId: cmdId() }));
  value(await call({ method: 'ledger.pushTables', input: {}, sessionId: manager, commandId: cmdId() }));
  const today = businessDayOf(now);
  return { sim, running, manager, today, close: () => running.close() };
}

/** Wait until a condition holds, bounded in time (no unbounded loops in tests). */
export async function until<T>(fn: () => T | Promise<T>, what: string, timeoutMs = 10_000, stepMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
