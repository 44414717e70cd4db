import { describe, expect, it } from 'vitest';
import { cashier, till } from '../../testing/fixtures.ts';
import { testStore } from '../../testing/fake-transport.ts';
import { SESSION_KEY } from './actions.ts';
import { sessionSelectors } from './selectors.ts';

describe('session slice', () => {
  it('logs in, keeps the session id for a reload and loads the till', async () => {
    const { store, session, client, fake } = testStore({
      'auth.login': () => ({ sessionId: 'sess-1', staff: cashier }),
      'till.status': () => till(),
    });
    expect(await store.getState().login(cashier.id, '1111')).toBe(true);
    expect(sessionSelectors.staff(store.getState())).toEqual(cashier);
    expect(session.getItem(SESSION_KEY)).toBe('sess-1');
    expect(client.sessionId).toBe('sess-1');
    expect(fake.callsOf('till.status')[0]?.sessionId).toBe('sess-1');
    expect(store.getState().till?.sessionId).toBe('till-1');
  });

  it('shows the core message on a wrong PIN and stays logged out', async () => {
    const { store, session } = testStore({
      'auth.login': () => ({ error: { code: 'LOGIN_FAILED', message: '担当者またはパスワードが正しくありません。' } }),
    });
    expect(await store.getState().login(cashier.id, '9999')).toBe(false);
    expect(store.getState().loginError).toBe('担当者またはパスワードが正しくありません。');
    expect(sessionSelectors.isLoggedIn(store.getState())).toBe(false);
    expect(session.getItem(SESSION_KEY)).toBeNull();
    // Login errors are shown under the PIN, not as a toast as well.
    expect(store.getState().toasts).toEqual([]);
  });

  it('refuses a malformed PIN before calling the core', async () => {
    const { store, fake } = testStore({ 'auth.login': () => ({ sessionId: 's', staff: cashier }) });
    expect(await store.getState().login(cashier.id, '12')).toBe(false);
    expect(store.getState().loginError).toContain('4〜8桁');
    expect(fake.callsOf('auth.login')).toHaveLength(0);
  });

  it('restores a stored session after a reload', async () => {
    const { store, fake } = testStore({ 'auth.me': () => cashier, 'till.status': () => null }, { session: { [SESSION_KEY]: 'sess-9' } });
    await store.getState().restoreSession();
    expect(fake.callsOf('auth.me')[0]?.sessionId).toBe('sess-9');
    expect(store.getState().staff).toEqual(cashier);
  });

  it('forgets a stored session the core no longer knows', async () => {
    const { store, session, client } = testStore(
      { 'auth.me': () => ({ error: { code: 'UNAUTHENTICATED', message: 'ログインしてください。' } }) },
      { session: { [SESSION_KEY]: 'stale' } },
    );
    await store.getState().restoreSession();
    expect(store.getState().staff).toBeNull();
    expect(session.getItem(SESSION_KEY)).toBeNull();
    expect(client.sessionId).toBeNull();
  });

  it('returns to login when a call finds the session gone, and clears the last person\'s data', async () => {
    const { store } = testStore({
      'auth.login': () => ({ sessionId: 's', staff: cashier }),
      'till.status': () => till(),
      'till.cashMove': () => ({ error: { code: 'UNAUTHENTICATED', message: 'ログインしてください。' } }),
    });
    await store.getState().login(cashier.id, '1111');
    store.getState().navigate('cashMove');
    expect(await store.getState().cashMove('in', 1000, '両替')).toBeNull();
    expect(store.getState().staff).toBeNull();
    expect(store.getState().till).toBeNull();
    expect(store.getState().screen).toBe('home');
    expect(store.getState().toasts.map((t) => t.text)).toEqual(['ログインしてください。']);
  });

  it('logs out and tells the core', async () => {
    const { store, fake, session } = testStore({
      'auth.login': () => ({ sessionId: 's', staff: cashier }), 'till.status': () => null,
      'auth.logout': () => ({}), 'auth.staffList': () => [cashier],
    });
    await store.getState().login(cashier.id, '1111');
    await store.getState().logout();
    expect(fake.callsOf('auth.logout')).toHaveLength(1);
    expect(store.getState().staff).toBeNull();
    expect(session.getItem(SESSION_KEY)).toBeNull();
  });

  it('grants screens by role', () => {
    const { store } = testStore();
    const as = (role: 'cashier' | 'manager' | 'support') => ({ ...store.getState(), staff: { ...cashier, role } });
    expect(sessionSelectors.canHandleTill(as('cashier'))).toBe(true);
    expect(sessionSelectors.canHandleTill(as('support'))).toBe(false);
    expect(sessionSelectors.canSupport(as('support'))).toBe(true);
    expect(sessionSelectors.canSupport(as('cashier'))).toBe(false);
    expect(sessionSelectors.canManage(as('manager'))).toBe(true);
    expect(sessionSelectors.canManage(as('cashier'))).toBe(false);
  });
});
