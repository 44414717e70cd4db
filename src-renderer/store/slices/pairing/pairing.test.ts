import { describe, expect, it } from 'vitest';
import { cashier, status } from '../../testing/fixtures.ts';
import { testStore } from '../../testing/fake-transport.ts';
import { DEVICE_TOKEN_KEY } from './actions.ts';

const notPaired = { error: { code: 'DEVICE_NOT_PAIRED', message: 'この端末はレジとペアリングされていません。レジに表示されるコードでペアリングしてください。' } };

describe('pairing slice', () => {
  it('shows the pairing screen when the station does not know this handheld', async () => {
    const { store } = testStore({ 'system.status': () => notPaired });
    await store.getState().start();
    expect(store.getState().boot).toBe('unpaired');
    expect(store.getState().toasts).toEqual([]);
  });

  it('pairs with the code, keeps the token and continues to login', async () => {
    let paired = false;
    const { store, local, fake } = testStore({
      'system.status': () => (paired ? status() : notPaired),
      'devices.pair': (i: { code: string }) => {
        if (i.code !== '123456') return { error: { code: 'PAIRING_CODE_INVALID', message: 'ペアリングコードが正しくないか、有効期限が切れています。' } };
        paired = true;
        return { deviceId: 'd1', token: 'tok-1' };
      },
      'auth.staffList': () => [cashier],
    });
    await store.getState().start();
    expect(await store.getState().pairDevice('000000', 'ハンディ1')).toBe(false);
    expect(store.getState().pairError).toBe('ペアリングコードが正しくないか、有効期限が切れています。');
    expect(local.getItem(DEVICE_TOKEN_KEY)).toBeNull();
    store.getState().clearPairError();
    expect(store.getState().pairError).toBeNull();
    expect(await store.getState().pairDevice('123456', 'ハンディ1')).toBe(true);
    expect(local.getItem(DEVICE_TOKEN_KEY)).toBe('tok-1');
    expect(store.getState().boot).toBe('ready');
    expect(store.getState().staffList).toEqual([cashier]);
    expect(fake.callsOf('devices.pair')[1]?.input).toEqual({ code: '123456', name: 'ハンディ1' });
  });

  it('refuses a code that is not 6 digits before calling the station', async () => {
    const { store, fake } = testStore({ 'devices.pair': () => ({ deviceId: 'd', token: 't' }) });
    expect(await store.getState().pairDevice('12345', 'ハンディ1')).toBe(false);
    expect(store.getState().pairError).toBe('コードは6桁の数字です。');
    expect(fake.callsOf('devices.pair')).toHaveLength(0);
  });

  it('forgets a token the register revoked', async () => {
    const { store, local } = testStore({ 'system.status': () => status(), 'floor.view': () => notPaired }, { local: { [DEVICE_TOKEN_KEY]: 'old' } });
    await store.getState().loadStatus();
    await store.getState().loadFloor();
    expect(local.getItem(DEVICE_TOKEN_KEY)).toBeNull();
    expect(store.getState().boot).toBe('unpaired');
  });
});
