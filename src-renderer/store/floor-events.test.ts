import { describe, expect, it } from 'vitest';
import { connectEvents } from './events.ts';
import { floorView, NOW, reservation, syncStatus } from './testing/floor-fixtures.ts';
import { cashier, status } from './testing/fixtures.ts';
import { testStore } from './testing/fake-transport.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('pushed floor, reservation and sync events', () => {
  it('keep the table list, 予約確認 and the sync badge current, and catch up after a reconnect', async () => {
    let seated = false;
    const { store, fake, client } = testStore({
      'system.status': () => status(), 'auth.staffList': () => [cashier], 'auth.login': () => ({ sessionId: 's', staff: cashier }),
      'till.status': () => null, 'sync.status': () => syncStatus({ unsent: 4 }),
      'floor.view': () => floorView(),
      'reservations.list': () => ({ businessDay: '2026-11-21', rows: [reservation({ status: seated ? 'seated' : 'waiting' })], lastRefreshAt: NOW, linked: true }),
    });
    const stop = connectEvents(store, client);
    await store.getState().start();
    await store.getState().login(cashier.id, '1111');
    await store.getState().loadFloor();
    await store.getState().loadReservations();

    const floorReads = fake.callsOf('floor.view').length;
    fake.emit({ name: 'floor.changed', payload: { tableIds: ['floor-1-T2'] } });
    await tick();
    expect(fake.callsOf('floor.view').length).toBe(floorReads + 1);

    seated = true;
    fake.emit({ name: 'reservations.changed', payload: { lastRefreshAt: NOW + 3_000 } });
    await tick();
    expect(store.getState().reservations[0]?.status).toBe('seated');
    expect(store.getState().lastRefreshAt).toBe(NOW + 3_000);

    fake.emit({ name: 'sync.changed', payload: syncStatus({ unsent: 2, parked: 1 }) });
    expect(store.getState().syncStatus?.parked).toBe(1);

    // Events missed while the channel was down: re-read what is on screen.
    const before = { floor: fake.callsOf('floor.view').length, list: fake.callsOf('reservations.list').length, sync: fake.callsOf('sync.status').length };
    fake.setConnected(false);
    fake.setConnected(true);
    await tick();
    expect(fake.callsOf('floor.view').length).toBe(before.floor + 1);
    expect(fake.callsOf('reservations.list').length).toBe(before.list + 1);
    expect(fake.callsOf('sync.status').length).toBe(before.sync + 1);
    expect(store.getState().syncStatus?.unsent).toBe(4);
    stop();
  });
});
