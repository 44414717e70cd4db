import { describe, expect, it } from 'vitest';
import { floorView, reservation, tile, visit } from '../../testing/floor-fixtures.ts';
import { testStore } from '../../testing/fake-transport.ts';
import { FLOOR_VIEW_KEY } from './actions.ts';
import { allTiles, floorSelectors, groupLabels, mergeTargets, minutesSince, moveTargets, tablesForReservation } from './selectors.ts';

const seated = (over = {}) => ({ visit: visit(over), warnings: [] as string[] });

describe('floor slice', () => {
  it('loads the table list, keeps the station clock offset and picks the first floor', async () => {
    const { store } = testStore({ 'floor.view': () => floorView() });
    await store.getState().loadFloor();
    expect(floorSelectors.floorId(store.getState())).toBe('floor-1');
    expect(allTiles(store.getState().floor).map((t) => t.name)).toEqual(['T1', 'T2', '待機1', '201']);
    expect(Math.abs(store.getState().clockOffsetMs - (floorView().now - Date.now()))).toBeLessThan(1000);
    store.getState().selectFloor('floor-2');
    await store.getState().loadFloor();
    expect(floorSelectors.floorId(store.getState())).toBe('floor-2');
  });

  it('reads once more after a burst of floor.changed, never twice at the same time', async () => {
    let running = 0;
    let max = 0;
    const { store, fake } = testStore({
      'floor.view': async () => {
        running += 1;
        max = Math.max(max, running);
        await new Promise((r) => setTimeout(r, 5));
        running -= 1;
        return floorView();
      },
    });
    await store.getState().loadFloor();
    for (let i = 0; i < 5; i++) store.getState().internal_applyFloorChanged({ tableIds: [] });
    await store.getState().loadFloor();
    expect(max).toBe(1);
    expect(fake.callsOf('floor.view').length).toBeLessThanOrEqual(3);
  });

  it('does not read the floor on events before any screen showed it', () => {
    const { store, fake } = testStore({ 'floor.view': () => floorView() });
    store.getState().internal_applyFloorChanged({ tableIds: ['floor-1-T1'] });
    expect(fake.callsOf('floor.view')).toHaveLength(0);
  });

  it('S7: returns the confirmation question without a toast, then seats when confirmed', async () => {
    const question = 'このテーブルには19:00から「ですとさいとう」様の予約（4名）が指定されています。ウォークインとして配席しますか？';
    const { store, fake } = testStore({
      'seating.seat': (i: { confirmOverReservation?: boolean }) =>
        i.confirmOverReservation ? seated({ overReservation: true }) : { error: { code: 'CONFIRM_OVER_RESERVATION', message: question } },
      'floor.view': () => floorView(),
    });
    const first = await store.getState().seatTable({ tableId: 'floor-1-T2', party: 2 });
    expect(first).toEqual({ kind: 'confirm', message: question });
    expect(store.getState().toasts).toEqual([]);
    const second = await store.getState().seatTable({ tableId: 'floor-1-T2', party: 2, confirmOverReservation: true });
    expect(second.kind).toBe('seated');
    expect(fake.callsOf('seating.seat')[1]?.input).toMatchObject({ confirmOverReservation: true, party: 2 });
    expect(fake.callsOf('floor.view')).toHaveLength(1);
  });

  it('keeps the API warnings (L5) until dismissed and shows refusals as toasts', async () => {
    const l5 = 'USEN SMART RESERVEテーブルとのマッピング設定がないためウォークイン情報はUSEN SMART RESERVEに連携されません。';
    let refuse = false;
    const { store } = testStore({
      'seating.seat': () => (refuse
        ? { error: { code: 'WAITING_TABLE', message: '待機テーブルは予約台帳に連携されないため、予約を配席できません。' } }
        : { visit: visit(), warnings: [l5] }),
      'floor.view': () => floorView(),
    });
    await store.getState().seatTable({ tableId: 'floor-1-T1', party: 2 });
    expect(floorSelectors.warnings(store.getState())).toEqual([l5]);
    store.getState().dismissFloorWarnings();
    expect(floorSelectors.warnings(store.getState())).toEqual([]);
    refuse = true;
    const r = await store.getState().seatTable({ tableId: 'floor-1-W1', reservationId: 'res-1', party: 4 });
    expect(r.kind).toBe('failed');
    expect(store.getState().toasts.map((t) => t.text)).toEqual(['待機テーブルは予約台帳に連携されないため、予約を配席できません。']);
  });

  it('refuses a party of 0 before calling the core', async () => {
    const { store, fake } = testStore({ 'seating.seat': () => seated() });
    const r = await store.getState().seatTable({ tableId: 'floor-1-T1', party: 0 });
    expect(r.kind).toBe('failed');
    expect(fake.callsOf('seating.seat')).toHaveLength(0);
    expect(store.getState().toasts[0]?.text).toContain('1名以上');
  });

  it('runs the table operations and re-reads the floor after each', async () => {
    const tileOut = tile('T1', { blocked: true, status: 'blocked' });
    const { store, fake } = testStore({
      'floor.view': () => floorView(),
      'seating.cancel': (i: { visitId: string }) => ({ visitId: i.visitId }),
      'visit.update': (i: { party: number }) => visit({ party: i.party }),
      'table.merge': () => ({ visit: visit({ party: 5 }), warnings: [] }),
      'table.move': () => ({ visit: visit({ tableIds: ['floor-1-T2'] }), warnings: ['移動の注意'] }),
      'table.block': () => tileOut,
      'table.reset': () => tileOut,
      'table.group': () => ({ groupId: 'g1', warnings: [] }),
      'table.ungroup': () => ({ groupId: 'g1' }),
    });
    expect(await store.getState().cancelVisit('visit-1')).toBe(true);
    expect(await store.getState().changeParty('visit-1', 3)).toBe(true);
    expect(await store.getState().mergeTables('floor-1-T1', 'floor-1-T2')).toBe(true);
    expect(await store.getState().moveTable('floor-1-T1', 'floor-1-T2')).toBe(true);
    expect(floorSelectors.warnings(store.getState())).toEqual(['移動の注意']);
    expect(await store.getState().setTableBlocked('floor-1-T1', true)).toBe(true);
    expect(await store.getState().setTableReset('floor-1-T1', false)).toBe(true);
    expect(await store.getState().groupTables(['floor-1-T1', 'floor-1-T2'], 'floor-1-T1')).toBe(true);
    expect(await store.getState().ungroupTables('g1')).toBe(true);
    expect(fake.callsOf('floor.view')).toHaveLength(8);
    expect(fake.callsOf('table.group')[0]?.input).toEqual({ tableIds: ['floor-1-T1', 'floor-1-T2'], representativeTableId: 'floor-1-T1' });
    expect(fake.callsOf('visit.update')[0]?.input).toEqual({ visitId: 'visit-1', party: 3 });
  });

  it('shows a refused merge and leaves the floor as it was', async () => {
    const { store, fake } = testStore({
      'table.merge': () => ({ error: { code: 'TWO_RESERVATIONS', message: '予約同士のテーブル統合はできません。' } }),
    });
    expect(await store.getState().mergeTables('floor-1-T1', 'floor-1-T2')).toBe(false);
    expect(store.getState().toasts[0]?.text).toBe('予約同士のテーブル統合はできません。');
    expect(fake.callsOf('floor.view')).toHaveLength(0);
  });

  it('opens the order screen with the visit id', () => {
    const { store } = testStore();
    expect(store.getState().openOrder('visit-9')).toBe(true);
    expect(store.getState().screen).toBe('order');
    expect(store.getState().screenParams).toEqual({ visitId: 'visit-9' });
  });

  it('remembers tiles or list on this device', () => {
    const a = testStore();
    a.store.getState().setFloorViewMode('list');
    expect(a.local.getItem(FLOOR_VIEW_KEY)).toBe('list');
    expect(testStore({}, { local: { [FLOOR_VIEW_KEY]: 'list' } }).store.getState().floorViewMode).toBe('list');
  });
});

describe('floor selectors', () => {
  const view = floorView([
    tile('T1', { status: 'occupied', visit: visit() }),
    tile('T2', { status: 'reserved', nextReservation: { id: 'res-1', guestName: 'ですとさいとう', startAt: 0, party: 4 } }),
    tile('T3', { status: 'reserved', nextReservation: { id: 'res-other', guestName: '他', startAt: 0, party: 2 } }),
    tile('T4'),
    tile('T5', { status: 'blocked', blocked: true }),
    tile('W1', { kind: 'waiting', status: 'waiting' }),
    tile('T6', { status: 'occupied', visit: visit({ id: 'visit-2', tableIds: ['floor-1-T6'] }), groupId: 'g-b', representative: true }),
    tile('T7', { groupId: 'g-a' }),
  ]);

  it('S1/S10: offers free tables for a reservation, its designated one first, never waiting or blocked ones', () => {
    expect(tablesForReservation(view, reservation()).map((t) => t.name)).toEqual(['T2', 'T4', 'T7', '201']);
  });

  it('T1/T2: merges into occupied tables, moves to seatable ones', () => {
    expect(mergeTargets(view, 'floor-1-T1').map((t) => t.name)).toEqual(['T6']);
    expect(moveTargets(view, 'floor-1-T1').map((t) => t.name)).toEqual(['T2', 'T3', 'T4', 'W1', 'T7', '201']);
  });

  it('labels groups in floor order and counts minutes on the station clock', () => {
    expect([...groupLabels(view).entries()]).toEqual([['g-b', 'G1'], ['g-a', 'G2']]);
    expect(minutesSince(1_000, 1_000 + 59_999)).toBe(0);
    expect(minutesSince(1_000, 1_000 + 30 * 60_000)).toBe(30);
    expect(minutesSince(5_000, 0)).toBe(0);
  });
});
