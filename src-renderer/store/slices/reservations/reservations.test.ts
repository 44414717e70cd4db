import { describe, expect, it } from 'vitest';
import { NOW, reservation, syncStatus } from '../../testing/floor-fixtures.ts';
import { testStore } from '../../testing/fake-transport.ts';
import { ageMinutes, dayTone, isOffline, reservationsSelectors, STALE_AFTER_MS, waitingToday } from './selectors.ts';

const list = (rows = [reservation()], lastRefreshAt: number | null = NOW) => ({ businessDay: '2026-11-21', rows, lastRefreshAt, linked: true });

describe('reservations slice', () => {
  it('loads the list with the time of the last successful refresh', async () => {
    const { store } = testStore({ 'reservations.list': () => list() });
    await store.getState().loadReservations();
    expect(reservationsSelectors.rows(store.getState())).toHaveLength(1);
    expect(reservationsSelectors.lastRefreshAt(store.getState())).toBe(NOW);
    expect(reservationsSelectors.businessDay(store.getState())).toBe('2026-11-21');
  });

  it('🔄 pulls the ledger, then re-reads the list', async () => {
    const { store, fake } = testStore({
      'reservations.refresh': () => ({ ok: true, lastRefreshAt: NOW + 5_000, message: null }),
      'reservations.list': () => list([reservation(), reservation({ id: 'res-2', remoteId: 'R-2' })], NOW + 5_000),
    });
    expect(await store.getState().refreshReservations()).toBe(true);
    expect(fake.calls.map((c) => c.method)).toEqual(['reservations.refresh', 'reservations.list']);
    expect(store.getState().reservations).toHaveLength(2);
    expect(store.getState().refreshError).toBeNull();
  });

  it('keeps the last list when the ledger cannot be reached, and says so', async () => {
    let up = true;
    const { store } = testStore({
      'reservations.refresh': () => (up
        ? { ok: true, lastRefreshAt: NOW, message: null }
        : { ok: false, lastRefreshAt: NOW, message: 'テーブル情報連携時にネットワークエラーが発生しました。' }),
      'reservations.list': () => list(),
    });
    await store.getState().refreshReservations();
    up = false;
    expect(await store.getState().refreshReservations({ quiet: true })).toBe(false);
    expect(store.getState().refreshError).toBe('テーブル情報連携時にネットワークエラーが発生しました。');
    expect(store.getState().toasts).toEqual([]);
    expect(store.getState().reservations).toHaveLength(1);
    expect(isOffline({ ...store.getState(), connected: true }, NOW)).toBe(true);
    // A pull that brings news proves the ledger is back.
    store.getState().internal_applyReservationsChanged({ lastRefreshAt: NOW + 9_000 });
    expect(store.getState().refreshError).toBeNull();
    expect(store.getState().lastRefreshAt).toBe(NOW + 9_000);
  });

  it('a 🔄 that fails shows the message; the station being unreachable too', async () => {
    const { store } = testStore({
      'reservations.list': () => list(),
      'reservations.refresh': () => ({ error: { code: 'NETWORK', message: 'レジ本体と通信できません。' } }),
    });
    await store.getState().loadReservations();
    expect(await store.getState().refreshReservations()).toBe(false);
    expect(store.getState().toasts.map((t) => t.text)).toEqual(['レジ本体と通信できません。']);
  });

  it('reloads on reservations.changed once the screen loaded the list', async () => {
    const { store, fake } = testStore({ 'reservations.list': () => list() });
    store.getState().internal_applyReservationsChanged({ lastRefreshAt: null });
    expect(fake.callsOf('reservations.list')).toHaveLength(0);
    await store.getState().loadReservations();
    store.getState().internal_applyReservationsChanged({ lastRefreshAt: null });
    await store.getState().loadReservations();
    expect(fake.callsOf('reservations.list').length).toBeGreaterThanOrEqual(2);
  });

  it('R3: sync.changed brings the station\'s pulls, so the age and the error follow without polling', async () => {
    const { store } = testStore({ 'reservations.list': () => list([reservation()], NOW) });
    await store.getState().loadReservations();
    store.getState().internal_applySyncChanged(syncStatus({ lastPullAt: NOW + 30_000 }));
    expect(store.getState().lastRefreshAt).toBe(NOW + 30_000);
    const down = 'テーブル情報連携時にネットワークエラーが発生しました。';
    store.getState().internal_applySyncChanged(syncStatus({ lastPullAt: NOW + 30_000, lastPullError: down }));
    expect(store.getState().refreshError).toBe(down);
    expect(isOffline({ ...store.getState(), connected: true }, NOW + 31_000)).toBe(true);
    expect(store.getState().reservations).toHaveLength(1); // the last list stays, with its age
    store.getState().internal_applySyncChanged(syncStatus({ lastPullAt: NOW + 33_000, lastPullError: null }));
    expect([store.getState().refreshError, store.getState().lastRefreshAt]).toEqual([null, NOW + 33_000]);
  });

  it('S13: changes a waiting reservation in place', async () => {
    const { store, fake } = testStore({
      'reservations.list': () => list(),
      'reservations.update': (i: { party: number }) => reservation({ party: i.party }),
    });
    await store.getState().loadReservations();
    expect(await store.getState().updateReservation({ reservationId: 'res-1', party: 6 })).toBe(true);
    expect(store.getState().reservations[0]?.party).toBe(6);
    expect(fake.callsOf('reservations.update')[0]?.input).toEqual({ reservationId: 'res-1', party: 6 });
  });
});

describe('reservations selectors', () => {
  it('R4: today yellow, the days around light blue', () => {
    expect(dayTone(reservation(), '2026-11-21')).toBe('today');
    expect(dayTone(reservation({ businessDay: '2026-11-22' }), '2026-11-21')).toBe('near');
  });

  it('is offline when the push channel is down, a refresh failed, or the list got old', () => {
    const base = { connected: true, refreshError: null, lastRefreshAt: NOW, reservationsLinked: true };
    expect(isOffline(base, NOW + 1_000)).toBe(false);
    expect(isOffline({ ...base, connected: false }, NOW)).toBe(true);
    expect(isOffline({ ...base, refreshError: 'x' }, NOW)).toBe(true);
    expect(isOffline(base, NOW + STALE_AFTER_MS + 1)).toBe(true);
    expect(isOffline({ ...base, reservationsLinked: false }, NOW + STALE_AFTER_MS + 1)).toBe(false);
    expect(ageMinutes(NOW, NOW + 3 * 60_000 + 5)).toBe(3);
    expect(ageMinutes(null, NOW)).toBeNull();
  });

  it('lists today\'s waiting reservations by time for the R6 list view', () => {
    const rows = [
      reservation({ id: 'b', startAt: NOW + 2 }), reservation({ id: 'a', startAt: NOW + 1 }),
      reservation({ id: 's', status: 'seated' }), reservation({ id: 'n', businessDay: '2026-11-22' }),
    ];
    expect(waitingToday(rows, '2026-11-21').map((r) => r.id)).toEqual(['a', 'b']);
  });
});
