import { describe, expect, it } from 'vitest';
import { cashier, manager, settings, status } from '../../testing/fixtures.ts';
import { testStore } from '../../testing/fake-transport.ts';
import { secondsLeft, settingsSelectors } from './selectors.ts';

describe('settings slice', () => {
  it('saves store settings and updates the header status', async () => {
    const { store, fake } = testStore({
      'system.status': () => status(),
      'settings.update': (patch: object) => settings({ ...patch }),
    });
    await store.getState().loadStatus();
    expect(await store.getState().updateSettings({ storeName: '新店', registerNo: 2 })).toBe(true);
    expect(fake.callsOf('settings.update')[0]?.input).toEqual({ storeName: '新店', registerNo: 2 });
    expect(store.getState().status?.storeName).toBe('新店');
    expect(store.getState().status?.registerNo).toBe(2);
  });

  it('refuses an invalid business day start before calling the core', async () => {
    const { store, fake } = testStore({ 'settings.update': () => settings() });
    expect(await store.getState().updateSettings({ businessDayStart: '25:00' })).toBe(false);
    expect(fake.callsOf('settings.update')).toHaveLength(0);
    expect(store.getState().toasts[0]?.text).toContain('HH:MM');
  });

  it('adds and edits staff, keeping the login tiles fresh', async () => {
    const added = { id: 'new', name: '高橋', role: 'cashier' as const, active: true };
    const { store, fake } = testStore({
      'staff.list': () => [manager, cashier],
      'staff.save': (i: { id?: string; name: string }) => (i.id ? { ...cashier, name: i.name } : added),
      'auth.staffList': () => [manager, cashier, added],
    });
    await store.getState().loadStaffAll();
    await store.getState().saveStaff({ name: '高橋', role: 'cashier', active: true, pin: '4321' });
    await store.getState().saveStaff({ id: cashier.id, name: '佐藤 花', role: 'cashier', active: true });
    expect(settingsSelectors.staffAll(store.getState()).map((s) => s.name)).toEqual(['山田 店長', '佐藤 花', '高橋']);
    expect(fake.callsOf('auth.staffList').length).toBeGreaterThan(0);
  });

  it('lists, pairs and revokes devices', async () => {
    const dev = { id: 'd1', name: 'ハンディ1', pairedAt: 1, lastSeenAt: null };
    const { store } = testStore({
      'devices.list': () => [dev],
      'devices.pairingCode': () => ({ code: '012345', expiresAt: 300_000 }),
      'devices.revoke': () => ({}),
    });
    await store.getState().loadDevices();
    await store.getState().issuePairingCode();
    expect(settingsSelectors.pairing(store.getState())?.code).toBe('012345');
    expect(await store.getState().revokeDevice('d1')).toBe(true);
    expect(settingsSelectors.devices(store.getState())).toEqual([]);
  });

  it('counts the pairing code down to zero, never below', () => {
    expect(secondsLeft(300_000, 0)).toBe(300);
    expect(secondsLeft(300_000, 299_001)).toBe(1);
    expect(secondsLeft(300_000, 400_000)).toBe(0);
  });
});
