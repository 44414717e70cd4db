import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MSG_CONFLICT, MSG_FREE_IN_LEDGER } from './errors.ts';
import { countEffects, DAY, STORE, startHarness, type Harness } from './testing.ts';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ unmapped: ['T12'] });
});
afterEach(() => h.close());

const reserve = (seatName: string, extra: Body = {}) =>
  h.sim.addReservation(STORE, { businessDay: DAY, startTime: '17:00', party: 2, guestName: `予約${seatName}`, seatName, ...extra });

async function seat(table: string, party: number, reservationId?: string): Promise<string> {
  const res = await h.api.post<Body>('/visits', { visitRef: `v-${table}`, posTableId: h.pos(table), party, reservationId });
  expect(res.status).toBe(201);
  return res.body.visit.id as string;
}

describe('RULES.md#T1 merge', () => {
  it('a walk-in merged into a reservation: source 退店済み, destination keeps its info', async () => {
    const r = reserve('T1', { party: 4 });
    const dest = await seat('T1', 4, r.id);
    const src = await seat('T2', 2);
    const res = await h.api.post<Body>(`/visits/${dest}/merge`, { sourceVisitId: src });
    expect(res.status).toBe(200);
    expect(res.body.source).toMatchObject({ status: 'left', entryStatus: '退店済み', mergedInto: dest });
    expect(res.body.reservation).toMatchObject({ id: r.id, guestName: '予約T1', party: 6, status: '来店済み' });
  });

  it('a reservation merged into a walk-in: the reservation becomes 退店済み', async () => {
    const r = reserve('T1');
    const src = await seat('T1', 2, r.id);
    const dest = await seat('T2', 3);
    const res = await h.api.post<Body>(`/visits/${dest}/merge`, { sourceVisitId: src, party: 5 });
    expect(res.body.reservation).toMatchObject({ kind: 'walk_in', guestName: 'ウォークイン', party: 5 });
    expect(h.sim.reservation(STORE, r.id).status).toBe('退店済み');
  });

  it('two reservations cannot be merged', async () => {
    const a = await seat('T1', 2, reserve('T1').id);
    const b = await seat('T2', 2, reserve('T2').id);
    const res = await h.api.post<Body>(`/visits/${a}/merge`, { sourceVisitId: b });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'MERGE_RESERVATIONS', message: '予約同士のテーブル統合はできません。' });
    expect(countEffects(h.sim, 'visits_merged')).toBe(0);
  });

  it('RULES.md#P7: a table with prepayment or points cannot be merged', async () => {
    const paid = await seat('T1', 2, reserve('T1', { prepaymentAmount: 10_000 }).id);
    const walkIn = await seat('T2', 2);
    const res = await h.api.post<Body>(`/visits/${walkIn}/merge`, { sourceVisitId: paid });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PREPAID_NOT_COMBINABLE');
  });

  it('repeating a merge is harmless', async () => {
    const dest = await seat('T1', 2);
    const src = await seat('T2', 2);
    await h.api.post(`/visits/${dest}/merge`, { sourceVisitId: src });
    const again = await h.api.post<Body>(`/visits/${dest}/merge`, { sourceVisitId: src });
    expect(again.body.changed).toBe(false);
    expect(again.body.visit.party).toBe(4);
    expect(countEffects(h.sim, 'visits_merged')).toBe(1);
  });
});

describe('RULES.md#T2 move', () => {
  it('moves the visit and the ledger table', async () => {
    const r = reserve('T1');
    const v = await seat('T1', 2, r.id);
    const res = await h.api.post<Body>(`/visits/${v}/move`, { posTableId: h.pos('203') });
    expect(res.status).toBe(200);
    expect(res.body.visit.table).toMatchObject({ seatName: '203', posTableId: h.pos('203') });
    expect(h.sim.reservation(STORE, r.id).table?.seatName).toBe('203');
    // the old table is free again
    expect((await h.api.post('/visits', { visitRef: 'next', posTableId: h.pos('T1'), party: 2 })).status).toBe(201);
  });

  it('refuses a destination with a designated reservation (manual 6, pattern ②) or unmapped', async () => {
    reserve('T5', { startTime: '18:00' });
    const v = await seat('C1', 1);
    const busy = await h.api.post<Body>(`/visits/${v}/move`, { posTableId: h.pos('T5') });
    expect(busy.status).toBe(409);
    expect(busy.body.message).toBe(MSG_CONFLICT);
    const unmapped = await h.api.post<Body>(`/visits/${v}/move`, { posTableId: h.pos('T12') });
    expect(unmapped.status).toBe(422);
    expect(unmapped.body.code).toBe('TABLE_NOT_MAPPED');
  });
});

describe('RULES.md#T6 groups', () => {
  it('walk-ins: 7 over 3 tables → 3 / 2 / 2, the representative has the odd one', async () => {
    const res = await h.api.post<Body>('/groups', { kind: 'seat', groupRef: 'g1', posTableIds: [h.pos('T1'), h.pos('T2'), h.pos('T3')], party: 7 });
    expect(res.status).toBe(201);
    expect(res.body.group.visits.map((v: Body) => [v.table.seatName, v.party])).toEqual([['T1', 3], ['T2', 2], ['T3', 2]]);
    expect(res.body.group.visits[0].id).toBe(res.body.group.representativeVisitId);
  });

  it('walk-ins: an even party splits evenly', async () => {
    const res = await h.api.post<Body>('/groups', { kind: 'seat', groupRef: 'g2', posTableIds: [h.pos('T1'), h.pos('T2')], party: 6 });
    expect(res.body.group.visits.map((v: Body) => v.party)).toEqual([3, 3]);
  });

  it('an unmapped table in a group is sent under the representative', async () => {
    const res = await h.api.post<Body>('/groups', { kind: 'seat', groupRef: 'g3', posTableIds: [h.pos('T1'), h.pos('T12'), h.pos('T2')], party: 7 });
    expect(res.status).toBe(201);
    expect(res.body.underRepresentative).toEqual([h.pos('T12')]);
    // shares 3/2/2: T12's 2 go to the representative T1
    expect(res.body.group.visits.map((v: Body) => [v.table.seatName, v.party])).toEqual([['T1', 5], ['T2', 2]]);
  });

  it('an unmapped representative is refused', async () => {
    const res = await h.api.post<Body>('/groups', { kind: 'seat', groupRef: 'g4', posTableIds: [h.pos('T12'), h.pos('T1')], party: 4 });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('TABLE_NOT_MAPPED');
    expect(h.sim.visits(STORE)).toHaveLength(0);
  });

  it('a group is all or nothing: a conflict on one table seats none', async () => {
    reserve('T2', { startTime: '17:30' });
    const res = await h.api.post<Body>('/groups', { kind: 'seat', groupRef: 'g5', posTableIds: [h.pos('T1'), h.pos('T2')], party: 4 });
    expect(res.status).toBe(409);
    expect(h.sim.visits(STORE)).toHaveLength(0);
  });

  it('a reservation grouped with a walk-in table before seating: the other table stays free in the ledger (warned)', async () => {
    const r = reserve('T1', { party: 6 });
    const res = await h.api.post<Body>('/groups', { kind: 'seat', groupRef: 'g6', posTableIds: [h.pos('T1'), h.pos('T2')], party: 6, reservationId: r.id });
    expect(res.status).toBe(201);
    expect(res.body.group.visits).toHaveLength(1);
    expect(res.body.freeInLedger).toEqual([h.pos('T2')]);
    expect(res.body.warnings[0]).toMatchObject({ code: 'TABLES_FREE_IN_LEDGER', message: MSG_FREE_IN_LEDGER });
    expect(h.sim.reservation(STORE, r.id)).toMatchObject({ status: '来店済み', party: 6 });
  });

  it('two reservations cannot be grouped', async () => {
    const a = await seat('T1', 2, reserve('T1').id);
    const b = await seat('T2', 2, reserve('T2').id);
    const res = await h.api.post<Body>('/groups', { kind: 'visits', groupRef: 'g7', representativeVisitId: a, memberVisitIds: [b] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'GROUP_RESERVATIONS', message: '予約同士のテーブルグループ設定はできません。' });
  });

  it('seated walk-ins grouped later: the party is split again; ungrouping sets the others to 1', async () => {
    const a = await seat('T1', 4);
    const b = await seat('T2', 1);
    const res = await h.api.post<Body>('/groups', { kind: 'visits', groupRef: 'g8', representativeVisitId: a, memberVisitIds: [b] });
    expect(res.body.group.visits.map((v: Body) => v.party)).toEqual([3, 2]);
    const dissolved = await h.api.send<Body>('DELETE', `/groups/${res.body.group.id}`);
    expect(dissolved.status).toBe(200);
    expect(dissolved.body.group.visits.map((v: Body) => v.party)).toEqual([3, 1]);
  });

  it('the same groupRef again returns the group once (natural key)', async () => {
    const body = { kind: 'seat', groupRef: 'g9', posTableIds: [h.pos('C1'), h.pos('C2')], party: 2 };
    const first = await h.api.post<Body>('/groups', body);
    const second = await h.api.post<Body>('/groups', body);
    expect(second.status).toBe(200);
    expect(second.body.group.id).toBe(first.body.group.id);
    expect(countEffects(h.sim, 'group_created', 'g9')).toBe(1);
    const byRef = await h.api.get<Body>('/groups/by-ref/g9');
    expect(byRef.body.id).toBe(first.body.group.id);
  });
});
