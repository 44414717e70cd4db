import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countEffects, STORE, startHarness, type Harness } from './testing.ts';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ unmapped: ['T12'] });
});
afterEach(() => h.close());

describe('Idempotency-Key', () => {
  it('replays the first response for a repeat, with Idempotent-Replayed, and applies once', async () => {
    const body = { visitRef: 'r1', posTableId: h.pos('T1'), party: 2 };
    const first = await h.api.post<Body>('/visits', body, { key: 'evt-1' });
    const again = await h.api.post<Body>('/visits', body, { key: 'evt-1' });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(countEffects(h.sim, 'visit_created', 'r1')).toBe(1);
    expect(h.sim.effects({ idempotencyKey: 'evt-1' })).toHaveLength(1);
  });

  it('replays even after the state moved on (the stored response, not a new one)', async () => {
    const seated = await h.api.post<Body>('/visits', { visitRef: 'r2', posTableId: h.pos('T2'), party: 2 }, { key: 'evt-2' });
    await h.api.post(`/visits/${seated.body.visit.id}/cancel`);
    const replay = await h.api.post<Body>('/visits', { visitRef: 'r2', posTableId: h.pos('T2'), party: 2 }, { key: 'evt-2' });
    expect(replay.body.visit.status).toBe('seated');
  });

  it('a reused key with another body → 422 IDEMPOTENCY_KEY_REUSED', async () => {
    await h.api.post('/visits', { visitRef: 'r3', posTableId: h.pos('T3'), party: 2 }, { key: 'evt-3' });
    const res = await h.api.post<Body>('/visits', { visitRef: 'r3', posTableId: h.pos('T3'), party: 3 }, { key: 'evt-3' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', message: 'このIdempotency-Keyは内容の異なるリクエストですでに使用されています。' });
  });

  it('a reused key on another endpoint → 422', async () => {
    const seated = await h.api.post<Body>('/visits', { visitRef: 'r4', posTableId: h.pos('T4'), party: 2 }, { key: 'evt-4' });
    const res = await h.api.post<Body>(`/visits/${seated.body.visit.id}/cancel`, {}, { key: 'evt-4' });
    expect(res.status).toBe(422);
    expect(h.sim.visit(STORE, seated.body.visit.id).status).toBe('seated');
  });

  it('the same body with keys in another order is the same request', async () => {
    await h.api.post('/visits', { visitRef: 'r5', posTableId: h.pos('T5'), party: 2 }, { key: 'evt-5' });
    const res = await h.api.post<Body>('/visits', { party: 2, posTableId: h.pos('T5'), visitRef: 'r5' }, { key: 'evt-5' });
    expect(res.headers.get('idempotent-replayed')).toBe('true');
  });

  it('a refusal is not stored: after the table is mapped the same key runs for real', async () => {
    const body = { visitRef: 'r6', posTableId: h.pos('T12'), party: 2 };
    const refused = await h.api.post<Body>('/visits', body, { key: 'evt-6' });
    expect(refused.status).toBe(422);
    h.sim.setMappings(STORE, [...h.sim.tables(STORE).tables.filter((t) => t.seatId !== null).map((t) => ({ posTableId: t.posTableId, seatId: t.seatId as string })), { posTableId: h.pos('T12'), seatId: h.seatId('T12') }]);
    const retried = await h.api.post<Body>('/visits', body, { key: 'evt-6' });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });

  it('mutations without a key → 400; keys longer than 255 → 400', async () => {
    const none = await h.api.post<Body>('/visits', { visitRef: 'r7', posTableId: h.pos('T7'), party: 2 }, { key: null });
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const long = await h.api.post<Body>('/visits', { visitRef: 'r7', posTableId: h.pos('T7'), party: 2 }, { key: 'k'.repeat(256) });
    expect(long.status).toBe(400);
    expect(countEffects(h.sim, 'visit_created')).toBe(0);
  });

  it('keys are scoped per store: another store may use the same key', async () => {
    h.sim.addStore({ storeId: 'S002', linkCode: 'LINK-S002' });
    const other = await h.api.post<Body>('/link', { storeId: 'S002', linkCode: 'LINK-S002' }, { key: 'evt-8', apiKey: null });
    expect(other.status).toBe(201);
    const mine = await h.api.post<Body>('/visits', { visitRef: 'r8', posTableId: h.pos('T8'), party: 2 }, { key: 'evt-8' });
    expect(mine.status).toBe(201);
  });

  it('a repeat while the first is still running → 409 IDEMPOTENCY_IN_PROGRESS, then the replay', async () => {
    await h.sim.addFault({ kind: 'slow', delayMs: 800, count: 1, match: 'POST /api/v1/visits' });
    const body = { visitRef: 'r9', posTableId: h.pos('T9'), party: 2 };
    const slow = h.api.post<Body>('/visits', body, { key: 'evt-9' });
    for (let i = 0; i < 40 && h.sim.faults()[0]?.hits !== 1; i += 1) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50)); // past the key check, inside the delay
    const during = await h.api.post<Body>('/visits', body, { key: 'evt-9' });
    expect(during.status).toBe(409);
    expect(during.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect((await slow).status).toBe(201);
    const after = await h.api.post<Body>('/visits', body, { key: 'evt-9' });
    expect(after.headers.get('idempotent-replayed')).toBe('true');
    expect(countEffects(h.sim, 'visit_created', 'r9')).toBe(1);
  });
});
