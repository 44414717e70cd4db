import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countEffects, DAY, STORE, startHarness, type Harness } from './testing.ts';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const base = { businessDay: DAY, startTime: '18:00', party: 2, guestName: '鈴木' };

describe('control API over HTTP', () => {
  it('adds, edits and cancels reservations as ledger staff', async () => {
    const added = await h.control.post<Body>(`/stores/${STORE}/reservations`, { ...base, seatName: 'T3', courseName: 'おまかせ' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ status: '来店前', table: { seatName: 'T3', posTableId: h.pos('T3') }, courseName: 'おまかせ' });
    const id = added.body.id as string;
    const edited = await h.control.send<Body>('PATCH', `/stores/${STORE}/reservations/${id}`, { startTime: '19:30', seatId: null });
    expect(edited.body).toMatchObject({ startTime: '19:30', table: null });
    const cancelled = await h.control.post<Body>(`/stores/${STORE}/reservations/${id}/cancel`);
    expect(cancelled.body.status).toBe('キャンセル');
    const seat = await h.api.post<Body>('/visits', { visitRef: 'v', reservationId: id, posTableId: h.pos('T3'), party: 2 });
    expect(seat.body.code).toBe('RESERVATION_NOT_WAITING');
  });

  it('RULES.md#R5: store memo and guest request take at most 255 characters', async () => {
    const ok = await h.control.post<Body>(`/stores/${STORE}/reservations`, { ...base, storeMemo: 'あ'.repeat(255), guestRequest: 'い'.repeat(255) });
    expect(ok.status).toBe(201);
    const tooLong = await h.control.post<Body>(`/stores/${STORE}/reservations`, { ...base, guestRequest: 'い'.repeat(256) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ code: 'VALIDATION_ERROR', message: '入力内容に誤りがあります。', issues: [{ path: 'guestRequest' }] });
  });

  it('bad JSON → 400 INVALID_JSON; unknown seat → 404; unknown path → 404', async () => {
    const res = await fetch(`${h.running.controlUrl}/_control/stores/${STORE}/reservations`, { method: 'POST', body: '{oops', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Body).code).toBe('INVALID_JSON');
    expect((await h.control.post<Body>(`/stores/${STORE}/reservations`, { ...base, seatName: '無い席' })).body.code).toBe('SEAT_NOT_FOUND');
    expect((await h.control.get<Body>('/nothing')).status).toBe(404);
  });

  it('sets and advances the clock', async () => {
    const set = await h.control.send<Body>('PUT', '/clock', { now: '2026-05-02T12:00:00+09:00' });
    expect(set.body).toMatchObject({ now: '2026-05-02T12:00:00+09:00', frozen: true });
    const advanced = await h.control.post<Body>('/clock/advance', { minutes: 90 });
    expect(advanced.body.now).toBe('2026-05-02T13:30:00+09:00');
    expect((await h.control.send<Body>('PUT', '/clock', { now: 'yesterday' })).status).toBe(400);
    expect((await h.control.send<Body>('PUT', '/clock', { real: true })).body.frozen).toBe(false);
  });

  it('adds and removes blocks, reads visits, groups, slips and effects', async () => {
    const block = await h.control.post<Body>(`/stores/${STORE}/blocks`, { seatName: 'C8', businessDay: DAY, startTime: '17:00', durationMin: 60 });
    expect(block.body).toMatchObject({ guestName: 'ブロック', table: { seatName: 'C8' } });
    expect((await h.control.send<Body>('DELETE', `/stores/${STORE}/blocks/${block.body.id}`)).body.removed).toBe(true);
    const seated = await h.api.post<Body>('/visits', { visitRef: 'ref-1', posTableId: h.pos('C8'), party: 1 }, { key: 'idem-1' });
    await h.api.post(`/visits/${seated.body.visit.id}/checkout`, { slipNo: '1002600001480', amount: 1200, party: 1 });
    expect((await h.control.get<Body>(`/stores/${STORE}/visits`)).body.visits).toHaveLength(1);
    expect((await h.control.get<Body>(`/stores/${STORE}/slips`)).body.slips[0]).toMatchObject({ slipNo: '1002600001480', amount: 1200, visitRef: 'ref-1' });
    expect((await h.control.get<Body>(`/stores/${STORE}/groups`)).body.groups).toEqual([]);
    const byKey = await h.control.get<Body>('/effects?idempotencyKey=idem-1');
    expect(byKey.body.effects.map((e: Body) => [e.kind, e.naturalKey])).toEqual([['visit_created', 'ref-1']]);
    const byRef = await h.control.get<Body>('/effects?naturalKey=1002600001480');
    expect(byRef.body.effects[0].kind).toBe('checkout');
  });

  it('reset empties the ledger and revokes keys', async () => {
    await h.api.post('/visits', { visitRef: 'x', posTableId: h.pos('T1'), party: 2 });
    expect((await h.control.post('/reset')).status).toBe(200);
    expect(h.sim.visits(STORE)).toEqual([]);
    expect(countEffects(h.sim, 'visit_created')).toBe(0);
    expect((await h.api.get('/tables')).status).toBe(401);
    expect(h.sim.clock().now).toBe('2026-05-01T17:00:00+09:00');
  });

  it('seeds a demo day around the business day, mapped by name', async () => {
    const seeded = await h.control.post<Body>(`/stores/${STORE}/seed-demo`, {});
    expect(seeded.status).toBe(201);
    expect(seeded.body).toMatchObject({ businessDay: DAY, seats: 28 });
    const pulled = await h.api.get<Body>(`/reservations?from=2026-04-30&to=2026-05-02`);
    expect(pulled.body.reservations).toHaveLength(seeded.body.reservations.length);
    expect(pulled.body.reservations.find((r: Body) => r.prepaymentAmount > 0)?.table.posTableId).toBe(h.pos('201'));
    expect(pulled.body.blocks[0].table.seatName).toBe('205');
  });

  it('manages stores and faults', async () => {
    expect((await h.control.post<Body>('/stores', { storeId: 'S002', linkCode: 'L2' })).status).toBe(201);
    expect((await h.control.post<Body>('/stores', { storeId: 'S002', linkCode: 'L2' })).body.code).toBe('STORE_EXISTS');
    expect((await h.control.get<Body>('/stores')).body.stores.map((s: Body) => s.storeId)).toEqual([STORE, 'S002']);
    const fault = await h.control.post<Body>('/faults', { kind: 'error', count: 1 });
    expect(fault.body).toMatchObject({ id: 'F1', remaining: 1, spec: { kind: 'error', status: 503 } });
    expect((await h.control.post<Body>('/faults', { kind: 'flaky' })).status).toBe(400);
    expect((await h.control.send<Body>('DELETE', '/faults/F1')).body.removed).toBe(true);
  });
});
