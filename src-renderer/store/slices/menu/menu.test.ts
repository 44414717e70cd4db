import { describe, expect, it } from 'vitest';
import { menuView } from '../../testing/checkout-fixtures.ts';
import { settings, status } from '../../testing/fixtures.ts';
import { testStore } from '../../testing/fake-transport.ts';
import { categoriesWithProducts, menuSelectors, productsOf } from './selectors.ts';

describe('menu slice', () => {
  it('loads the active menu and, for the settings, everything', async () => {
    const { store, fake } = testStore({ 'menu.get': (i: { includeInactive: boolean }) => menuView(i.includeInactive ? { segments: [] } : {}) });
    await store.getState().loadMenu();
    await store.getState().loadMenuAll();
    expect(fake.callsOf('menu.get').map((c) => c.input)).toEqual([{ includeInactive: false }, { includeInactive: true }]);
    expect(menuSelectors.segments(store.getState()).map((s) => s.name)).toEqual(['一般']);
    expect(store.getState().menuAll?.segments).toEqual([]);
  });

  it('saves a product and reads the lists again (menu settings and order grid)', async () => {
    let products = menuView().products;
    const { store, fake } = testStore({
      'menu.get': () => menuView({ products }),
      'menu.saveProduct': (i: { name: string; price: number; categoryId: string; taxClass: 'reduced' }) => {
        const p = { id: 'p-new', categoryId: i.categoryId, name: i.name, price: i.price, taxClass: i.taxClass, active: true, sort: 0 };
        products = [...products, p];
        return p;
      },
    });
    await store.getState().loadMenuAll();
    expect(await store.getState().saveProduct({ categoryId: 'cat-food', name: '鯛めし', price: 1480, taxClass: 'reduced' })).toMatchObject({ id: 'p-new' });
    expect(fake.callsOf('menu.saveProduct')[0]?.input).toMatchObject({ active: true, sort: 0 });
    expect(productsOf(store.getState().menu, 'cat-food').map((p) => p.name)).toEqual(['唐揚げ定食', '鯛めし']);
    expect(productsOf(store.getState().menuAll, 'cat-food')).toHaveLength(2);
  });

  it('gives the core\'s message for a wrong registration number and keeps the settings', async () => {
    const { store, fake } = testStore({ 'settings.update': () => settings() });
    const message = await store.getState().saveCheckoutSettings({ invoice: { issuer: 'corporation', registrationNumber: 'T1234567890123' } });
    expect(message).toContain('登録番号に誤りがあります');
    expect(fake.callsOf('settings.update')).toHaveLength(0);
    expect(store.getState().toasts).toEqual([]);
  });

  it('applies saved checkout settings to the store', async () => {
    const { store } = testStore({ 'system.status': () => status(), 'settings.update': (p: object) => settings({ ...p }) });
    await store.getState().loadStatus();
    expect(await store.getState().saveCheckoutSettings({ priceMode: 'exclusive', taxRounding: 'round' })).toBeNull();
    expect(store.getState().settings?.priceMode).toBe('exclusive');
  });

  it('follows menu.changed only when a menu is on screen, and hides empty categories', async () => {
    const { store, fake } = testStore({ 'menu.get': () => menuView() });
    store.getState().internal_applyMenuChanged();
    expect(fake.callsOf('menu.get')).toHaveLength(0);
    await store.getState().loadMenu();
    store.getState().internal_applyMenuChanged();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.callsOf('menu.get')).toHaveLength(2);
    const withEmpty = menuView({ categories: [...menuView().categories, { id: 'cat-empty', name: '空', sort: 9 }] });
    expect(categoriesWithProducts(withEmpty).map((c) => c.id)).toEqual(['cat-food', 'cat-alcohol']);
  });
});
