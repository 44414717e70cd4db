import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SmartReserveSim, type RunningSim } from './sim.ts';
import { Client, STORE, T0 } from './testing.ts';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let sim: SmartReserveSim;
let running: RunningSim;
let api: Client;
beforeEach(async () => {
  sim = new SmartReserveSim({ now: T0 });
  running = await sim.start();
  api = new Client(`${running.url}/api/v1`);
});
afterEach(() => running.close());

async function link(): Promise<string> {
  const res = await api.post<Body>('/link', { storeId: STORE, linkCode: 'LINK-S001' });
  expect(res.status).toBe(201);
  api.apiKey = res.body.apiKey as string;
  return api.apiKey;
}

describe('RULES.md#L3 account link', () => {
  it('issues a key for a store id and its link code; 連携中 until unlinked', async () => {
    const wrong = await api.post<Body>('/link', { storeId: STORE, linkCode: 'nope' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.message).toBe('店舗IDまたは連携コードが正しくありません。');
    const key = await link();
    expect(key).toMatch(/^srk_/);
    expect((await api.get<Body>('/link')).body).toMatchObject({ storeId: STORE, linkStatus: '連携中' });
    expect(sim.stores()[0]).toMatchObject({ linkStatus: '連携中', linked: true });
    const twice = await api.post<Body>('/link', { storeId: STORE, linkCode: 'LINK-S001' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_LINKED');
    const unlinked = await api.send<Body>('DELETE', '/link');
    expect(unlinked.body).toEqual({ storeId: STORE, linkStatus: '未連携' });
    expect((await api.get('/link')).status).toBe(401);
    const again = await link();
    expect(again).not.toBe(key);
  });

  it('a link retried with the same key gets the same credentials', async () => {
    const body = { storeId: STORE, linkCode: 'LINK-S001' };
    const first = await api.post<Body>('/link', body, { key: 'link-1' });
    const second = await api.post<Body>('/link', body, { key: 'link-1' });
    expect(second.body.apiKey).toBe(first.body.apiKey);
    expect(sim.effects({ kind: 'link' })).toHaveLength(1);
  });

  it('unlinking on the ledger side revokes the key', async () => {
    await link();
    sim.unlinkStore(STORE);
    expect((await api.get<Body>('/tables')).body.code).toBe('UNAUTHORIZED');
  });
});

describe('RULES.md#L4 table push (「SMART RESERVER同期」) and ledger-side mapping', () => {
  beforeEach(async () => {
    await link();
    sim.setSeats(STORE, [{ id: 'seat-a', name: '窓際A' }, { id: 'seat-b', name: 'T2' }, { id: 'seat-c', name: '個室' }]);
  });

  it('shows pushed tables unmapped until the ledger maps them; names may differ', async () => {
    const pushed = await api.send<Body>('PUT', '/tables', { tables: [{ posTableId: 'p1', name: 'T1', floor: '1F' }, { posTableId: 'p2', name: 'T2' }] });
    expect(pushed.status).toBe(200);
    expect(pushed.body).toMatchObject({ total: 2, mapped: 0 });
    sim.setMappings(STORE, [{ posTableId: 'p1', seatId: 'seat-a' }]);
    const state = await api.get<Body>('/tables');
    expect(state.body.tables.map((t: Body) => [t.posTableId, t.mapped, t.seatName])).toEqual([['p1', true, '窓際A'], ['p2', false, null]]);
    const seated = await api.post<Body>('/visits', { visitRef: 'v', posTableId: 'p1', party: 2 });
    expect(seated.body.visit.table).toEqual({ seatId: 'seat-a', seatName: '窓際A', posTableId: 'p1', posTableName: 'T1' });
  });

  it('a new push without a table drops its mapping', async () => {
    await api.send('PUT', '/tables', { tables: [{ posTableId: 'p1', name: 'T1' }, { posTableId: 'p2', name: 'T2' }] });
    sim.setMappings(STORE, { byName: true });
    expect(sim.tables(STORE).mapped).toBe(1);
    await api.send('PUT', '/tables', { tables: [{ posTableId: 'p1', name: 'T1' }] });
    expect(sim.tables(STORE)).toMatchObject({ total: 1, mapped: 0 });
  });

  it('refuses bad pushes and bad mappings', async () => {
    const dup = await api.send<Body>('PUT', '/tables', { tables: [{ posTableId: 'p1', name: 'A' }, { posTableId: 'p1', name: 'B' }] });
    expect(dup.status).toBe(400);
    expect(dup.body.issues[0].message).toBe('posTableId が重複しています');
    await api.send('PUT', '/tables', { tables: [{ posTableId: 'p1', name: 'T1' }, { posTableId: 'p2', name: 'T2' }] });
    expect(() => sim.setMappings(STORE, [{ posTableId: 'p9', seatId: 'seat-a' }])).toThrow('レジから同期されていないテーブル');
    expect(() => sim.setMappings(STORE, [{ posTableId: 'p1', seatId: 'seat-a' }, { posTableId: 'p2', seatId: 'seat-a' }])).toThrow('1つの席に複数のテーブル');
  });
});
