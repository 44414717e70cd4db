import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TableTile } from '../../src-shared/contract/index.ts';
import { cmdId, inprocRegister, login, value, type TestRegister } from '../testing/harness.ts';
import { linkedSmartReserve } from '../testing/ledger.ts';

/**
 * The conflict keys floor changes carry (src-main/outbox/schedule.ts sends rows sharing a key in
 * order, the rest in parallel). Each case is one the fault suite found or would find: two changes
 * of different visits that the ledger sees interact.
 */
type Linked = Awaited<ReturnType<typeof linkedSmartReserve>>;
const T = (n: string) => `floor-1-${n}`;

describe('conflict keys of floor changes (issue 3: per-aggregate order, independent aggregates in parallel)', () => {
  let reg: TestRegister;
  let ledger: Linked;
  let cashier: string;
  const call = (method: string, input: unknown, command = true) => reg.call({ method, input, sessionId: cashier, ...(command ? { commandId: cmdId() } : {}) });
  const visitAt = async (id: string) => {
    const view = value<{ floors: Array<{ tables: TableTile[] }> }>(await call('floor.view', {}, false));
    return view.floors.flatMap((f) => f.tables).find((t) => t.id === id)!.visit!.id;
  };
  const rows = () => (reg.core.liveDb().prepare('SELECT event_type, agg_id, conflict_keys FROM outbox ORDER BY seq').all() as
    Array<{ event_type: string; agg_id: string; conflict_keys: string }>).map((r) => ({ type: r.event_type, visit: r.agg_id, keys: new Set([`visit:${r.agg_id}`, ...JSON.parse(r.conflict_keys) as string[]]) }));
  const share = (a: { keys: Set<string> }, b: { keys: Set<string> }) => [...a.keys].some((k) => b.keys.has(k));

  beforeEach(async () => {
    reg = await inprocRegister();
    ledger = await linkedSmartReserve(reg.core, reg.call);
    cashier = await login(reg.call);
    await ledger.sim.addFault({ kind: 'down' } as never); // keep everything queued
  });
  afterEach(async () => {
    await reg.close();
    await ledger.close();
  });

  it('a table freed by one visit and taken by the next: the two changes share the table', async () => {
    value(await call('seating.seat', { tableId: T('T1'), party: 2 }));
    const first = await visitAt(T('T1'));
    value(await call('seating.cancel', { visitId: first }));
    value(await call('seating.seat', { tableId: T('T1'), party: 3 }));
    value(await call('seating.seat', { tableId: T('T2'), party: 2 }));
    const [seat1, cancel1, seat2, other] = rows();
    expect([seat1?.type, cancel1?.type, seat2?.type, other?.type]).toEqual(['visit.seated', 'visit.cancelled', 'visit.seated', 'visit.seated']);
    expect(share(cancel1!, seat2!)).toBe(true);
    expect(share(other!, seat2!) || share(other!, cancel1!)).toBe(false); // T2 goes in parallel
  });

  it('T6 ungroup sets the members\' parties on the ledger: it is ordered with a later party change of a member (fault suite seed 63)', async () => {
    value(await call('seating.seat', { tableId: T('T4'), party: 4 }));
    value(await call('seating.seat', { tableId: T('C5'), party: 4 }));
    const member = await visitAt(T('C5'));
    const { groupId } = value<{ groupId: string }>(await call('table.group', { tableIds: [T('C5'), T('T4')], representativeTableId: T('T4') }));
    value(await call('table.ungroup', { groupId }));
    value(await call('visit.update', { visitId: member, party: 5 }));
    const all = rows();
    const ungroup = all.find((r) => r.type === 'visit.ungrouped')!;
    const change = all.find((r) => r.type === 'visit.changed' && r.visit === member)!;
    expect(ungroup.visit).not.toBe(member);
    expect(ungroup.keys.has(`visit:${member}`)).toBe(true);
    expect(share(ungroup, change)).toBe(true);
  });
});
