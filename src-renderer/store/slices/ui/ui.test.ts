import { describe, expect, it } from 'vitest';
import { testStore } from '../../testing/fake-transport.ts';
import { LANG_KEY, SCREEN_KEY } from './actions.ts';

describe('ui slice', () => {
  it('remembers the screen for a reload and ignores unknown stored screens', () => {
    const a = testStore();
    a.store.getState().navigate('tillClose');
    expect(a.session.getItem(SCREEN_KEY)).toBe('tillClose');
    expect(testStore({}, { session: { [SCREEN_KEY]: 'tillClose' } }).store.getState().screen).toBe('tillClose');
    expect(testStore({}, { session: { [SCREEN_KEY]: 'bogus' } }).store.getState().screen).toBe('home');
  });

  it('keeps at most three toasts and drops repeats', () => {
    const { store } = testStore();
    ['a', 'b', 'b', 'c', 'd'].forEach((t) => store.getState().pushToast('error', t));
    expect(store.getState().toasts.map((t) => t.text)).toEqual(['b', 'c', 'd']);
    store.getState().dismissToast(store.getState().toasts[0]!.id);
    expect(store.getState().toasts.map((t) => t.text)).toEqual(['c', 'd']);
  });

  it('stores the language chosen on this device', () => {
    const { store, local } = testStore();
    store.getState().setLang('en');
    expect(local.getItem(LANG_KEY)).toBe('en');
    expect(testStore({}, { local: { [LANG_KEY]: 'en' } }).store.getState().lang).toBe('en');
  });
});
