import { describe, expect, it } from 'vitest';
import { connectEvents } from './events.ts';
import { cashier, cashMoved, settings, status, till } from './testing/fixtures.ts';
import { testStore } from './testing/fake-transport.ts';

describe('pushed events', () => {
  it('update till, mode and settings, and catch up after a reconnect', async () => {
    let mode: 'live' | 'training' = 'live';
    const { store, fake, client } = testStore({
      'system.status': () => status({ mode }), 'auth.staffList': () => [cashier],
      'auth.login': () => ({ sessionId: 's', staff: cashier }), 'till.status': () => null,
    });
    const stop = connectEvents(store, client);
    await store.getState().start();
    await store.getState().login(cashier.id, '1111');

    fake.emit({ name: 'till.changed', payload: till({ expectedCash: 4000 }) });
    expect(store.getState().till?.expectedCash).toBe(4000);
    expect(store.getState().status?.tillOpen).toBe(true);
    fake.emit({ name: 'till.moved', payload: { ...cashMoved('in', 500), expectedCash: 4500 } });
    expect(store.getState().till).toMatchObject({ expectedCash: 4500, movements: [{ amount: 500 }] });

    fake.emit({ name: 'settings.changed', payload: settings({ storeName: '二号店' }) });
    expect(store.getState().status?.storeName).toBe('二号店');

    mode = 'training';
    fake.emit({ name: 'mode.changed', payload: { mode: 'training' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().status?.mode).toBe('training');
    expect(store.getState().till).toBeNull(); // re-read from the training store

    const before = fake.callsOf('system.status').length;
    fake.setConnected(true);
    expect(store.getState().connected).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.callsOf('system.status').length).toBe(before + 1);
    fake.setConnected(false);
    expect(store.getState().connected).toBe(false);

    stop();
    fake.emit({ name: 'till.changed', payload: till({ expectedCash: 1 }) });
    expect(store.getState().till).toBeNull();
  });
});
