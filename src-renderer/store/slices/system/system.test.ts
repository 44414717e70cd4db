import { describe, expect, it } from 'vitest';
import { manager, status, till } from '../../testing/fixtures.ts';
import { testStore } from '../../testing/fake-transport.ts';
import { SESSION_KEY } from '../session/actions.ts';
import { LANG_KEY } from '../ui/actions.ts';
import { systemSelectors } from './selectors.ts';

describe('system slice', () => {
  it('boots: status, stored session and staff tiles', async () => {
    const { store } = testStore(
      { 'system.status': () => status(), 'auth.me': () => manager, 'auth.staffList': () => [manager], 'till.status': () => null },
      { session: { [SESSION_KEY]: 's' } },
    );
    expect(store.getState().boot).toBe('loading');
    await store.getState().start();
    expect(store.getState().boot).toBe('ready');
    expect(store.getState().staff).toEqual(manager);
    expect(store.getState().staffList).toEqual([manager]);
  });

  it('does not try to log in when the database failed its check', async () => {
    const { store, fake } = testStore({ 'system.status': () => status({ integrity: { ok: false, detail: 'page 3 corrupt' } }) });
    await store.getState().start();
    expect(systemSelectors.integrityOk(store.getState())).toBe(false);
    expect(systemSelectors.integrityDetail(store.getState())).toBe('page 3 corrupt');
    expect(fake.callsOf('auth.staffList')).toHaveLength(0);
  });

  it('shows the unreachable screen when the core does not answer, and recovers', async () => {
    let up = false;
    const { store } = testStore({
      'system.status': () => (up ? status() : { error: { code: 'NETWORK', message: 'レジ本体と通信できません。' } }),
      'auth.staffList': () => [],
    });
    await store.getState().start();
    expect(store.getState().boot).toBe('unreachable');
    expect(store.getState().bootError).toBe('レジ本体と通信できません。');
    up = true;
    await store.getState().start();
    expect(store.getState().boot).toBe('ready');
  });

  it('takes the store language unless this device chose one', async () => {
    const a = testStore({ 'system.status': () => status({ locale: 'en' }), 'auth.staffList': () => [] });
    await a.store.getState().start();
    expect(a.store.getState().lang).toBe('en');
    const b = testStore({ 'system.status': () => status({ locale: 'en' }), 'auth.staffList': () => [] }, { local: { [LANG_KEY]: 'ja' } });
    await b.store.getState().start();
    expect(b.store.getState().lang).toBe('ja');
  });

  it('switches training mode and re-reads the till from the training store', async () => {
    let mode: 'live' | 'training' = 'live';
    const { store, fake } = testStore({
      'system.status': () => status({ mode }),
      'auth.login': () => ({ sessionId: 's', staff: manager }),
      'till.status': () => (mode === 'live' ? till() : null),
      'system.setMode': (i: { training: boolean }) => {
        mode = i.training ? 'training' : 'live';
        return { mode };
      },
    });
    await store.getState().loadStatus();
    await store.getState().login(manager.id, '1234');
    expect(store.getState().till).not.toBeNull();
    expect(await store.getState().setTrainingMode(true)).toBe(true);
    expect(systemSelectors.isTraining(store.getState())).toBe(true);
    expect(store.getState().till).toBeNull();
    expect(fake.callsOf('system.setMode')[0]?.input).toEqual({ training: true });
  });
});
