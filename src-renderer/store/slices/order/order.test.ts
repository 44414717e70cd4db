import { describe, expect, it } from 'vitest';
import { menuView, orderLine, visitOrders } from '../../testing/checkout-fixtures.ts';
import { settings } from '../../testing/fixtures.ts';
import { testStore } from '../../testing/fake-transport.ts';
import { orderSelectors, runningTotal, visibleLines } from './selectors.ts';

const [karaage, beer] = menuView().products as [ReturnType<typeof menuView>['products'][number], ReturnType<typeof menuView>['products'][number]];

describe('order slice', () => {
  it('enters a visit: its lines, the menu and the settings', async () => {
    const { store, fake } = testStore({ 'orders.list': () => visitOrders(), 'menu.get': () => menuView(), 'settings.get': () => settings() });
    await store.getState().enterOrder('visit-1');
    expect(fake.callsOf('orders.list')[0]?.input).toEqual({ visitId: 'visit-1' });
    expect(orderSelectors.lines(store.getState())).toHaveLength(1);
    expect(store.getState().menu).not.toBeNull();
  });

  it('collects taps in a draft: the same product adds up, takeout makes its own line (its own tax rate)', () => {
    const { store } = testStore();
    const s = store.getState();
    s.addToDraft(karaage);
    s.addToDraft(karaage);
    s.setOrderTakeout(true);
    s.addToDraft(karaage);
    const draft = orderSelectors.draft(store.getState());
    expect(draft.map((d) => [d.name, d.quantity, d.takeout])).toEqual([['唐揚げ定食', 2, false], ['唐揚げ定食', 1, true]]);
    // Eat-in 10 %, takeout 8 %: ¥980 × 3 tax included.
    expect(runningTotal([], draft, settings())).toBe(2940);
    store.getState().setDraftQuantity(draft[1]!.key, 0);
    expect(orderSelectors.draft(store.getState())).toHaveLength(1);
  });

  it('sends the draft in one orders.add and keeps what was tapped meanwhile', async () => {
    let release: () => void = () => {};
    const { store, fake } = testStore({
      'orders.list': () => visitOrders([]),
      'orders.add': () => new Promise((r) => { release = () => r(visitOrders([orderLine(), orderLine({ id: 'line-2', seq: 2, name: '生ビール', productId: 'p-beer', taxClass: 'alcohol', unitPrice: 580, quantity: 1, amount: 580 })])); }),
      'menu.get': () => menuView(), 'settings.get': () => settings(),
    });
    await store.getState().enterOrder('visit-1');
    store.getState().addToDraft(karaage);
    store.getState().setDraftNote(orderSelectors.draft(store.getState())[0]!.key, ' 大盛り ');
    const sending = store.getState().sendOrder();
    store.getState().addToDraft(beer);
    release();
    expect(await sending).toBe(true);
    expect(fake.callsOf('orders.add')[0]?.input).toEqual({ visitId: 'visit-1', lines: [{ productId: 'p-karaage', quantity: 1, takeout: false, note: '大盛り' }] });
    expect(orderSelectors.draft(store.getState()).map((d) => d.name)).toEqual(['生ビール']);
    expect(orderSelectors.lines(store.getState())).toHaveLength(2);
  });

  it('voids and changes sent lines; a refusal keeps them and says why', async () => {
    const { store, fake } = testStore({
      'orders.list': () => visitOrders(), 'menu.get': () => menuView(), 'settings.get': () => settings(),
      'orders.void': () => visitOrders([orderLine({ status: 'void', voidReason: '誤入力', voidedAt: 2 })]),
      'orders.update': () => ({ error: { code: 'SPLIT_IN_PROGRESS', message: '分割会計の途中のため、注文を変更できません。' } }),
    });
    await store.getState().enterOrder('visit-1');
    expect(await store.getState().updateLine('line-1', { takeout: true })).toBe(false);
    expect(store.getState().toasts.map((t) => t.text)).toEqual(['分割会計の途中のため、注文を変更できません。']);
    expect(await store.getState().voidLine('line-1', '誤入力')).toBe(true);
    expect(fake.callsOf('orders.void')[0]?.input).toEqual({ lineId: 'line-1', reason: '誤入力' });
    expect(visibleLines(orderSelectors.lines(store.getState())).voided).toHaveLength(1);
  });

  it('re-reads on orders.changed for the visit on screen only', async () => {
    const { store, fake } = testStore({ 'orders.list': () => visitOrders(), 'menu.get': () => menuView(), 'settings.get': () => settings() });
    await store.getState().enterOrder('visit-1');
    store.getState().internal_applyOrdersChanged('visit-2');
    store.getState().internal_applyOrdersChanged('visit-1');
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.callsOf('orders.list')).toHaveLength(2);
  });
});
