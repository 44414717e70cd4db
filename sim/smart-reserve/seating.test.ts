import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MSG_CONFLICT, MSG_NOT_MAPPED_WALK_IN, MSG_TABLE_LINK } from './errors.ts';
import { countEffects, DAY, STORE, startHarness, type Harness } from './testing.ts';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ unmapped: ['T12'] });
});
afterEach(() => h.close());

const reserve = (seatName: string | undefined, startTime = '18:00', extra: Body = {}) =>
  h.sim.addReservation(STORE, { businessDay: DAY, startTime, party: 4, guestName: 'ですとさいとう', ...(seatName ? { seatName } : {}), ...extra });

describe('seating a reservation', () => {
  it('seats at the designated table: 来店済み, visit linked (RULES.md#S1)', async () => {
    const r = reserve('T1');
    const res = await h.api.post<Body>('/visits', { visitRef: 'reg-v1', reservationId: r.id, posTableId: h.pos('T1'), party: 4 });
    expect(res.status).toBe(201);
    expect(res.body.created).toBe(true);
    expect(res.body.reservation.status).toBe('来店済み');
    expect(res.body.reservation.table.posTableId).toBe(h.pos('T1'));
    expect(h.sim.reservation(STORE, r.id).visitRef).toBe('reg-v1');
  });

  it('RULES.md#S2: seating at another table changes the ledger table', async () => {
    const r = reserve('T1');
    const res = await h.api.post<Body>('/visits', { visitRef: 'reg-v2', reservationId: r.id, posTableId: h.pos('T4'), party: 5 });
    expect(res.status).toBe(201);
    const held = h.sim.reservation(STORE, r.id);
    expect(held.table?.seatName).toBe('T4');
    expect(held.party).toBe(5);
    expect(h.sim.effects({ kind: 'visit_created' })[0]?.detail.tableChangedFrom).toBe(h.seatId('T1'));
  });

  it('an undesignated reservation takes the seated table (RULES.md#R5)', async () => {
    const r = reserve(undefined);
    expect(r.table).toBeNull();
    await h.api.post('/visits', { visitRef: 'reg-v3', reservationId: r.id, posTableId: h.pos('C2'), party: 4 });
    expect(h.sim.reservation(STORE, r.id).table?.seatName).toBe('C2');
  });

  it('refuses to seat a reservation twice under another visitRef', async () => {
    const r = reserve('T1');
    await h.api.post('/visits', { visitRef: 'a', reservationId: r.id, posTableId: h.pos('T1'), party: 4 });
    const again = await h.api.post<Body>('/visits', { visitRef: 'b', reservationId: r.id, posTableId: h.pos('T2'), party: 4 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('RESERVATION_NOT_WAITING');
  });
});

describe('RULES.md#S11 conflicts → 409 with the manual message', () => {
  it('walk-in at a table with a designated reservation in its slot', async () => {
    reserve('T1', '18:00'); // clock 17:00, walk-in slot 17:00–19:00 overlaps
    const res = await h.api.post<Body>('/visits', { visitRef: 'w1', posTableId: h.pos('T1'), party: 2 });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'RESERVATION_CONFLICT', message: MSG_CONFLICT, conflict: { reason: 'reserved' } });
    expect(res.body.message).toBe('別の予約が存在します。USEN SMART RESERVE画面を確認してください。');
    expect(countEffects(h.sim, 'visit_created')).toBe(0);
  });

  it('a reservation seated where another guest sits', async () => {
    await h.api.post('/visits', { visitRef: 'w1', posTableId: h.pos('T3'), party: 2 });
    const r = reserve('T3', '17:30');
    const res = await h.api.post<Body>('/visits', { visitRef: 'r1', reservationId: r.id, posTableId: h.pos('T3'), party: 4 });
    expect(res.status).toBe(409);
    expect(res.body.conflict.reason).toBe('occupied');
  });

  it('a table blocked in the ledger (RULES.md#R7, T4)', async () => {
    h.sim.addBlock(STORE, { seatName: 'T6', businessDay: DAY, startTime: '16:00', durationMin: 180 });
    const res = await h.api.post<Body>('/visits', { visitRef: 'w2', posTableId: h.pos('T6'), party: 2 });
    expect(res.status).toBe(409);
    expect(res.body.conflict.reason).toBe('blocked');
  });

  it('no conflict when the designated reservation starts after the walk-in slot', async () => {
    reserve('T1', '19:30');
    const res = await h.api.post('/visits', { visitRef: 'w3', posTableId: h.pos('T1'), party: 2, durationMin: 120 });
    expect(res.status).toBe(201);
  });
});

describe('RULES.md#L5 / S11 unmapped tables → 422', () => {
  it('a pushed but unmapped table', async () => {
    const res = await h.api.post<Body>('/visits', { visitRef: 'w4', posTableId: h.pos('T12'), party: 2 });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ code: 'TABLE_NOT_MAPPED', message: MSG_TABLE_LINK, posTableId: h.pos('T12'), reason: 'unmapped', hint: MSG_NOT_MAPPED_WALK_IN });
  });

  it('a table the register never pushed (a waiting table, RULES.md#S10)', async () => {
    const res = await h.api.post<Body>('/visits', { visitRef: 'w5', posTableId: 'pos-nowhere', party: 2 });
    expect(res.status).toBe(422);
    expect(res.body.reason).toBe('unknown_table');
    const waiting = await h.api.post<Body>('/visits', { visitRef: 'w6', posTableId: 'pos-W1', party: 2 });
    expect(waiting.body.message).toBe('管理サイトのテーブル連携を確認してください。');
  });
});

describe('lookup before create (natural key visitRef)', () => {
  it('finds a visit by the register id, 404 before it exists', async () => {
    const missing = await h.api.get<Body>('/visits/by-ref/reg-77');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('VISIT_NOT_FOUND');
    await h.api.post('/visits', { visitRef: 'reg-77', posTableId: h.pos('C3'), party: 1 });
    const found = await h.api.get<Body>('/visits/by-ref/reg-77');
    expect(found.status).toBe(200);
    expect(found.body.visit.table.seatName).toBe('C3');
  });

  it('a create repeated under a new Idempotency-Key returns the first visit, one effect', async () => {
    const first = await h.api.post<Body>('/visits', { visitRef: 'reg-8', posTableId: h.pos('C4'), party: 1 });
    const second = await h.api.post<Body>('/visits', { visitRef: 'reg-8', posTableId: h.pos('C4'), party: 1 });
    expect(second.status).toBe(200);
    expect(second.body.created).toBe(false);
    expect(second.body.visit.id).toBe(first.body.visit.id);
    expect(countEffects(h.sim, 'visit_created', 'reg-8')).toBe(1);
  });

  it('the same visitRef for another table → 409 VISIT_REF_CONFLICT', async () => {
    await h.api.post('/visits', { visitRef: 'reg-9', posTableId: h.pos('C5'), party: 1 });
    const res = await h.api.post<Body>('/visits', { visitRef: 'reg-9', posTableId: h.pos('C6'), party: 1 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('VISIT_REF_CONFLICT');
  });
});

describe('RULES.md#S12 visit cancel', () => {
  it('puts the reservation back to 来店前 and frees the table', async () => {
    const r = reserve('T1');
    const seated = await h.api.post<Body>('/visits', { visitRef: 'c1', reservationId: r.id, posTableId: h.pos('T1'), party: 4 });
    const res = await h.api.post<Body>(`/visits/${seated.body.visit.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body.visit.status).toBe('cancelled');
    expect(h.sim.reservation(STORE, r.id)).toMatchObject({ status: '来店前', visitId: null });
    // seat again under a new register visit id
    const again = await h.api.post('/visits', { visitRef: 'c2', reservationId: r.id, posTableId: h.pos('T1'), party: 4 });
    expect(again.status).toBe(201);
  });

  it('a cancelled walk-in line becomes キャンセル; cancelling twice changes nothing', async () => {
    const seated = await h.api.post<Body>('/visits', { visitRef: 'c3', posTableId: h.pos('C7'), party: 1 });
    const id = seated.body.visit.id as string;
    await h.api.post(`/visits/${id}/cancel`);
    const twice = await h.api.post<Body>(`/visits/${id}/cancel`);
    expect(twice.body.changed).toBe(false);
    expect(twice.body.reservation.status).toBe('キャンセル');
    expect(countEffects(h.sim, 'visit_cancelled')).toBe(1);
  });
});

describe('RULES.md#S13 changes of time, table, party', () => {
  it('before seating: PATCH the reservation', async () => {
    const r = reserve('T1', '18:00');
    const res = await h.api.send<Body>('PATCH', `/reservations/${r.id}`, { startTime: '19:00', party: 6, posTableId: h.pos('T9') });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ startTime: '19:00', party: 6, table: { seatName: 'T9' } });
    const undesignate = await h.api.send<Body>('PATCH', `/reservations/${r.id}`, { posTableId: null });
    expect(undesignate.body.table).toBeNull();
  });

  it('before seating: a change onto another reservation is refused', async () => {
    reserve('T2', '19:00');
    const r = reserve('T1', '19:00');
    const res = await h.api.send<Body>('PATCH', `/reservations/${r.id}`, { posTableId: h.pos('T2') });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe(MSG_CONFLICT);
  });

  it('after seating: PATCH the visit (party, time, duration)', async () => {
    const r = reserve('T1', '17:00');
    const seated = await h.api.post<Body>('/visits', { visitRef: 's1', reservationId: r.id, posTableId: h.pos('T1'), party: 4 });
    const res = await h.api.send<Body>('PATCH', `/visits/${seated.body.visit.id}`, { party: 3, startTime: '17:15', durationMin: 150 });
    expect(res.status).toBe(200);
    expect(res.body.visit.party).toBe(3);
    expect(res.body.reservation).toMatchObject({ party: 3, startTime: '17:15', durationMin: 150 });
  });

  it('400 with a Japanese message for nothing to change', async () => {
    const r = reserve('T1');
    const res = await h.api.send<Body>('PATCH', `/reservations/${r.id}`, {});
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_ERROR', message: '入力内容に誤りがあります。' });
  });
});
