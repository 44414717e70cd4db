import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from './clock.ts';
import { DAY, STORE, startHarness, type Harness } from './testing.ts';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const reserve = (businessDay: string, guestName: string, seatName = 'T1', startTime = '18:00') =>
  h.sim.addReservation(STORE, { businessDay, startTime, party: 2, guestName, seatName });
const pull = (query: string) => h.api.get<Body>(`/reservations?${query}`);
const window = `from=${addDays(DAY, -1)}&to=${addDays(DAY, 1)}`;

describe('reservation pull (RULES.md#R2: business day ±1)', () => {
  it('returns the reservations of the range with the R5 fields and the mapped table', async () => {
    reserve(addDays(DAY, -2), 'too early');
    reserve(addDays(DAY, -1), '昨日');
    reserve(DAY, '今日', 'T2');
    reserve(addDays(DAY, 1), '明日');
    reserve(addDays(DAY, 2), 'too late');
    const res = await pull(window);
    expect(res.status).toBe(200);
    expect(res.body.reservations.map((r: Body) => r.guestName)).toEqual(['昨日', '今日', '明日']);
    expect(res.body.reservations[1]).toMatchObject({
      status: '来店前', businessDay: DAY, startTime: '18:00', startAt: '2026-05-01T18:00:00+09:00', durationMin: 120, party: 2,
      table: { seatName: 'T2', posTableId: h.pos('T2') },
    });
  });

  it('a cursor makes polling cheap: only what changed since', async () => {
    const a = reserve(DAY, 'A');
    reserve(DAY, 'B', 'T2');
    const first = await pull(window);
    expect(first.body.reservations).toHaveLength(2);
    const idle = await pull(`${window}&updatedSince=${first.body.cursor}`);
    expect(idle.body.reservations).toEqual([]);
    expect(idle.body.cursor).toBe(first.body.cursor);
    h.sim.editReservation(STORE, a.id, { party: 5 });
    const changed = await pull(`${window}&updatedSince=${idle.body.cursor}`);
    expect(changed.body.reservations.map((r: Body) => [r.guestName, r.party])).toEqual([['A', 5]]);
    await h.api.post('/visits', { visitRef: 'v', reservationId: a.id, posTableId: h.pos('T1'), party: 5 });
    const seated = await pull(`${window}&updatedSince=${changed.body.cursor}`);
    expect(seated.body.reservations.map((r: Body) => [r.id, r.status])).toEqual([[a.id, '来店済み']]);
  });

  it('pages with limit until hasMore is false', async () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    names.forEach((n, i) => reserve(DAY, n, `T${i + 1}`));
    const seen: string[] = [];
    let cursor = 0;
    for (let page = 0; page < 10; page += 1) {
      const res = await pull(`${window}&limit=2&updatedSince=${cursor}`);
      seen.push(...res.body.reservations.map((r: Body) => r.guestName as string));
      cursor = res.body.cursor as number;
      if (!res.body.hasMore) break;
    }
    expect(seen).toEqual(names);
  });

  it('RULES.md#R7: blocks come as ブロック on their table; a removed block comes back as removed', async () => {
    const block = h.sim.addBlock(STORE, { seatName: '205', businessDay: DAY, startTime: '17:00', durationMin: 180, reason: '設備点検' });
    const res = await pull(window);
    expect(res.body.blocks).toEqual([expect.objectContaining({ id: block.id, kind: 'block', guestName: 'ブロック', removed: false, table: expect.objectContaining({ posTableId: h.pos('205') }) })]);
    h.sim.removeBlock(STORE, block.id);
    const after = await pull(`${window}&updatedSince=${res.body.cursor}`);
    expect(after.body.blocks.map((b: Body) => [b.id, b.removed])).toEqual([[block.id, true]]);
  });

  it('walk-ins only on request', async () => {
    await h.api.post('/visits', { visitRef: 'w', posTableId: h.pos('C1'), party: 1 });
    expect((await pull(window)).body.reservations).toEqual([]);
    const withWalkIns = await pull(`${window}&includeWalkIns=true`);
    expect(withWalkIns.body.reservations.map((r: Body) => [r.kind, r.guestName, r.visitRef])).toEqual([['walk_in', 'ウォークイン', 'w']]);
  });

  it('400 for a bad range; 401 without the key; 404 for an unknown id', async () => {
    expect((await pull(`from=${DAY}&to=${addDays(DAY, -1)}`)).status).toBe(400);
    expect((await pull(`from=2026-02-30&to=2026-03-01`)).status).toBe(400);
    expect((await pull(`from=${DAY}&to=${addDays(DAY, 40)}`)).status).toBe(400);
    const noKey = await h.api.get<Body>(`/reservations?${window}`, { apiKey: null });
    expect(noKey.status).toBe(401);
    expect(noKey.body.message).toBe('認証に失敗しました。USEN SMART RESERVE連携状態を確認してください。');
    expect((await h.api.get<Body>('/reservations/R999999')).body.code).toBe('RESERVATION_NOT_FOUND');
  });
});
