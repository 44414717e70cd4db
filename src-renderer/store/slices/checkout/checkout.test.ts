import { describe, expect, it } from 'vitest';
import type { CheckoutInput } from '../../../../src-shared/contract/index.ts';
import { checkoutResult, menuView, quote, terminalPayment, terminalStatus } from '../../testing/checkout-fixtures.ts';
import { settings, till } from '../../testing/fixtures.ts';
import { testStore, type FakeHandlers } from '../../testing/fake-transport.ts';
import { blockingRefusals, checkoutSelectors } from './selectors.ts';

const P4 = '事前決済の予約にて追加注文がある場合は、会計時に事前決済分の商品のみ選択して分割会計をしてください。分割会計時は分割1回目で事前決済分の会計を行ってください。';
const P8 = '予約サイトポイントを利用しない場合は、対象の予約サイトから利用ポイントの変更操作を必ず行ってください。※自動連携はされません。';

/** A core that quotes from the input: total 1,960; cash gives change; site points ≤ 500 or P8. */
function core(extra: FakeHandlers = {}) {
  const quoteOf = (i: CheckoutInput) => {
    const payments = i.payments ?? [];
    const paid = payments.reduce((a, p) => a + p.amount, 0);
    const points = payments.filter((p) => p.kind === 'sitePoints').reduce((a, p) => a + p.amount, 0);
    return quote({
      tendered: paid, change: Math.max(0, paid - 1960), shortfall: Math.max(0, 1960 - paid), points: 500,
      suggestedPayments: [{ kind: 'sitePoints', amount: 500 }, { kind: 'terminal', amount: 1000 }],
      discountsAllowed: points === 0, warnings: points === 0 ? [{ code: 'P8', message: P8 }] : [],
      refusals: paid < 1960 ? [{ code: 'UNDERPAID', message: '不足' }] : [],
    });
  };
  return {
    'checkout.quote': (i: CheckoutInput) => quoteOf(i),
    'menu.get': () => menuView(), 'settings.get': () => settings(), 'terminal.status': () => terminalStatus(), 'terminal.payments': () => [],
    ...extra,
  } as FakeHandlers;
}

describe('checkout slice', () => {
  it('opens with the reservation\'s points on the list (P9) and no P8 warning; the terminal is not suggested twice', async () => {
    const { store, fake } = testStore(core());
    await store.getState().enterCheckout('visit-1');
    expect(store.getState().checkout?.payments.map((p) => [p.kind, p.amount, p.suggested])).toEqual([['sitePoints', 500, true]]);
    expect(fake.callsOf('checkout.quote').at(-1)?.input).toMatchObject({ payments: [{ kind: 'sitePoints', amount: 500 }] });
    expect(checkoutSelectors.discountsAllowed(store.getState())).toBe(false);
    expect(checkoutSelectors.notices(store.getState())).toEqual([]);
  });

  it('均等割: a checkout reopened on an unfinished equal split goes on as N等分 (the quote says N)', async () => {
    const { store, fake } = testStore(core({
      'checkout.quote': (i: CheckoutInput) => quote({ slipNo: '1012600000001', partNo: 2, splitMode: 'equal', splitParts: 3, total: i.split?.mode === 'equal' ? 553 : 1106 }),
    }));
    await store.getState().enterCheckout('visit-1');
    expect(store.getState().checkout?.split).toEqual({ mode: 'equal', parts: 3 });
    expect(fake.callsOf('checkout.quote').at(-1)?.input).toMatchObject({ split: { mode: 'equal', parts: 3 } });
    expect(store.getState().quote?.total).toBe(553);
  });

  it('shows P3/P4 of the first quote in a dialog', async () => {
    const { store } = testStore(core({ 'checkout.quote': () => quote({ warnings: [{ code: 'P4', message: P4 }, { code: 'P8', message: 'x' }] }) }));
    await store.getState().enterCheckout('visit-1');
    expect(checkoutSelectors.notices(store.getState()).map((n) => n.code)).toEqual(['P4']);
  });

  it('removing the points shows P8 (the ledger must be fixed by hand)', async () => {
    const { store } = testStore(core());
    await store.getState().enterCheckout('visit-1');
    await store.getState().removePayment(store.getState().checkout!.payments[0]!.id);
    expect(checkoutSelectors.notices(store.getState())).toEqual([{ code: 'P8', message: P8 }]);
    expect(checkoutSelectors.discountsAllowed(store.getState())).toBe(true);
  });

  it('sends その他支払 first, settled terminal payments next, cash last; shows the change', async () => {
    const { store, fake } = testStore(core({ 'terminal.payments': () => [terminalPayment({ state: 'done', stateLabel: '支払完了' }), terminalPayment({ ref: 'R2', state: 'failed' })] }));
    await store.getState().enterCheckout('visit-1');
    await store.getState().setCash(600);
    await store.getState().addCash(1000);
    expect(fake.callsOf('checkout.quote').at(-1)?.input).toMatchObject({
      payments: [{ kind: 'sitePoints', amount: 500 }, { kind: 'terminal', amount: 1000 }, { kind: 'cash', amount: 1600 }],
    });
    expect(store.getState().quote?.change).toBe(1140);
    await store.getState().exactCash();
    expect(store.getState().checkout?.cash).toBe(460);
  });

  it('keeps the draft as it was when the core cannot quote a change (a discount above its line)', async () => {
    const { store } = testStore(core({
      'checkout.quote': (i: CheckoutInput) => ((i.lineDiscounts ?? []).length ? { error: { code: 'DISCOUNT_EXCEEDS', message: '値引が金額を超えています。' } } : quote()),
    }));
    await store.getState().enterCheckout('visit-1');
    expect(await store.getState().setLineDiscount('line-1', { kind: 'amount', yen: 99999 })).toBe(false);
    expect(store.getState().checkout?.lineDiscounts).toEqual([]);
    expect(store.getState().toasts.map((t) => t.text)).toEqual(['値引が金額を超えています。']);
  });

  it('does not combine what the core refuses (T7, P7) and says why', async () => {
    const refusal = { code: 'PREPAID_NOT_COMBINABLE', message: '事前決済・予約サイトポイントのあるテーブルは合算会計できません。' };
    const { store } = testStore(core({ 'checkout.quote': (i: CheckoutInput) => ((i.combineVisitIds ?? []).length ? quote({ refusals: [refusal] }) : quote()) }));
    await store.getState().enterCheckout('visit-1');
    expect(await store.getState().setCombine(['visit-2'])).toEqual([refusal]);
    expect(store.getState().checkout?.combineVisitIds).toEqual([]);
  });

  it('refuses a sixth payment before asking the core (U3)', async () => {
    const { store } = testStore(core({ 'checkout.quote': () => quote() }));
    await store.getState().enterCheckout('visit-1');
    for (let i = 0; i < 4; i++) expect(await store.getState().addPayment('credit', 100)).toBe(true);
    await store.getState().setCash(1000);
    expect(await store.getState().addPayment('points', 100)).toBe(false);
    expect(store.getState().toasts.map((t) => t.text)).toEqual(['お支払いは1回の会計で5件までです。']);
  });

  it('commits, keeps the result with the receipt preview, and an equal split goes on with the next part', async () => {
    const { store, fake } = testStore(core({
      'checkout.quote': () => quote({ refusals: [], splitMode: 'equal', remainingAfter: 980 }),
      'checkout.commit': () => checkoutResult({ closed: false, remaining: 980 }),
      'receipts.preview': () => ({ format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"/>', reprint: false, warnings: [] }),
      'till.status': () => till(),
    }));
    await store.getState().enterCheckout('visit-1');
    await store.getState().setSplit({ mode: 'equal', parts: 2 });
    await store.getState().setCash(1000);
    expect(await store.getState().commitCheckout()).toBe(true);
    expect(checkoutSelectors.result(store.getState())?.slipNo).toBe('1012600000001');
    expect(checkoutSelectors.tendered(store.getState())).toBe(1000);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.callsOf('receipts.preview')[0]?.input).toMatchObject({ slipId: 'slip-1', partNo: 1, document: 'receipt' });
    expect(store.getState().printOutcome?.status).toBe('queued');
    await store.getState().nextPart();
    expect(store.getState().checkout).toMatchObject({ split: { mode: 'equal', parts: 2 }, cash: 0, payments: [] });
    expect(checkoutSelectors.result(store.getState())).toBeNull();
  });

  it('ignores a quote that was overtaken by a newer one', async () => {
    let slow: (v: unknown) => void = () => {};
    let n = 0;
    const { store } = testStore(core({
      'checkout.quote': (i: CheckoutInput) => {
        n++;
        const cash = (i.payments ?? []).find((p) => p.kind === 'cash')?.amount ?? 0;
        if (n === 2) return new Promise((r) => { slow = r; }) as never;
        return quote({ tendered: cash, change: Math.max(0, cash - 1960) });
      },
    }));
    await store.getState().enterCheckout('visit-1');
    const first = store.getState().setCash(5000);
    await store.getState().setCash(3000);
    slow(quote({ tendered: 5000, change: 3040 }));
    await first;
    expect(store.getState().quote?.change).toBe(1040);
  });

  it('keeps the amount still missing out of the blocking refusals', () => {
    expect(blockingRefusals([{ code: 'UNDERPAID', message: 'a' }, { code: 'TERMINAL_UNRESOLVED', message: 'b' }]).map((r) => r.code)).toEqual(['TERMINAL_UNRESOLVED']);
  });
});
