import { describe, expect, it } from 'vitest';
import { menuView, quote, terminalPayment, terminalStatus } from '../../testing/checkout-fixtures.ts';
import { settings } from '../../testing/fixtures.ts';
import { testStore, type FakeHandlers } from '../../testing/fake-transport.ts';
import { terminalSelectors } from './selectors.ts';

const BUSY = '処理中エラー：USEN PAYにて処理中の取引を終了後、「閉じる」をタップしてください。';

async function atCheckout(extra: FakeHandlers = {}) {
  const t = testStore({
    'checkout.quote': () => quote(), 'menu.get': () => menuView(), 'settings.get': () => settings(),
    'terminal.status': () => terminalStatus(), 'terminal.payments': () => [], ...extra,
  });
  await t.store.getState().enterCheckout('visit-1');
  return t;
}

describe('terminal slice', () => {
  it('follows a sale: progress before terminal.pay answers, then 支払完了, with the checkout as the screen has it', async () => {
    let accept: (v: unknown) => void = () => {};
    const { store, fake } = await atCheckout({ 'terminal.pay': () => new Promise((r) => { accept = r; }) as never });
    await store.getState().setSplit({ mode: 'equal', parts: 2 });
    const paying = store.getState().startTerminalSale('credit', 1000);
    expect(terminalSelectors.flow(store.getState())?.phase).toBe('sending');
    // Events can overtake the command's answer: the flow adopts the ref from its payment event.
    store.getState().internal_applyTerminalPayment(terminalPayment({ state: 'pending', stateLabel: '送信中' }));
    store.getState().internal_applyTerminalProgress({ ref: 'R1', display: 'カードを読み取ってください' });
    accept(terminalPayment());
    await paying;
    expect(fake.callsOf('terminal.pay')[0]?.input).toMatchObject({ visitId: 'visit-1', method: 'credit', amount: 1000, split: { mode: 'equal', parts: 2 } });
    expect(terminalSelectors.flow(store.getState())).toMatchObject({ ref: 'R1', phase: 'waiting', display: 'カードを読み取ってください' });
    store.getState().internal_applyTerminalPayment(terminalPayment({ state: 'done', stateLabel: '支払完了', orderCode: 'TSU3-0003377' }));
    expect(terminalSelectors.flow(store.getState())).toMatchObject({ phase: 'done' });
    expect(terminalSelectors.settledForCheckout(store.getState()).map((p) => p.amount)).toEqual([1000]);
  });

  it('never lets a late command answer undo a newer event (続ける answered after the terminal approved)', async () => {
    const { store } = await atCheckout({
      'terminal.pay': () => terminalPayment({ updatedAt: 10 }),
      'terminal.answer': () => terminalPayment({ state: 'waiting', updatedAt: 11 }),
    });
    await store.getState().startTerminalSale('credit', 1000);
    store.getState().internal_applyTerminalPrompt({ ref: 'R1', promptId: 'R1#1', display: '重複', open: true, options: [], answer: null, chosenOn: null });
    const answering = store.getState().answerTerminalPrompt('continue');
    store.getState().internal_applyTerminalPayment(terminalPayment({ state: 'done', stateLabel: '支払完了', updatedAt: 12 }));
    await answering;
    expect(terminalSelectors.flow(store.getState())?.phase).toBe('done');
    expect(terminalSelectors.settledForCheckout(store.getState())).toHaveLength(1);
  });

  it('keeps the newest terminal status when a read answers after a pushed change (U1 at till open)', async () => {
    let answer: (v: unknown) => void = () => {};
    const { store } = testStore({ 'terminal.status': () => new Promise((r) => { answer = r; }) as never });
    const reading = store.getState().loadTerminalStatus();
    store.getState().internal_applyTerminalStatus(terminalStatus({ state: 'refused', code: 'BATTERY_LOW', battery: 5, at: 20 }));
    answer(terminalStatus({ state: 'connecting', at: 10 }));
    await reading;
    expect(terminalSelectors.status(store.getState())).toMatchObject({ state: 'refused', code: 'BATTERY_LOW' });
  });

  it('shows the busy refusal (U11) with 閉じる and nothing on the list', async () => {
    const { store } = await atCheckout({ 'terminal.pay': () => ({ error: { code: 'TERMINAL_BUSY', message: BUSY } }) });
    await store.getState().startTerminalSale('credit', 1000);
    expect(terminalSelectors.flow(store.getState())).toMatchObject({ phase: 'failed', error: BUSY, errorCode: 'TERMINAL_BUSY' });
    expect(store.getState().toasts).toEqual([]);
    store.getState().closeTerminalFlow();
    expect(terminalSelectors.flow(store.getState())).toBeNull();
  });

  it('answers the duplicate alert (U10) and closes it when the terminal answers', async () => {
    const { store, fake } = await atCheckout({ 'terminal.pay': () => terminalPayment(), 'terminal.answer': () => terminalPayment({ state: 'failed', stateLabel: '未完了', display: '取引中止しました' }) });
    await store.getState().startTerminalSale('credit', 1000);
    const prompt = { ref: 'R1', promptId: 'R1#1', display: '重複決済の可能性があります。', open: true, options: [{ answer: 'stop' as const, label: '取引中止' }, { answer: 'continue' as const, label: '続ける' }], answer: null, chosenOn: null };
    store.getState().internal_applyTerminalPrompt(prompt);
    expect(terminalSelectors.prompt(store.getState())?.display).toBe('重複決済の可能性があります。');
    await store.getState().answerTerminalPrompt('stop');
    expect(fake.callsOf('terminal.answer')[0]?.input).toEqual({ ref: 'R1', answer: 'stop' });
    expect(terminalSelectors.flow(store.getState())).toMatchObject({ phase: 'failed', display: '取引中止しました' });
    store.getState().internal_applyTerminalPrompt({ ...prompt, open: false });
    expect(terminalSelectors.prompt(store.getState())).toBeNull();
  });

  it('切断する marks the flow and waits for the outcome (U6)', async () => {
    const { store } = await atCheckout({
      'terminal.pay': () => terminalPayment(),
      'terminal.disconnect': () => terminalPayment({ state: 'unknown', stateLabel: '確認中', display: '切断しました。' }),
    });
    await store.getState().startTerminalSale('credit', 1000);
    await store.getState().disconnectTerminal();
    expect(terminalSelectors.flow(store.getState())).toMatchObject({ phase: 'unknown', disconnected: true });
    expect(terminalSelectors.blocking(store.getState())).toHaveLength(1);
  });

  it('refunds a settled line (U4) and keeps the list in step with the events', async () => {
    const sale = terminalPayment({ state: 'done', stateLabel: '支払完了' });
    const { store } = await atCheckout({
      'terminal.payments': () => [sale],
      'terminal.refund': () => terminalPayment({ ref: 'R2', kind: 'refund', originalRef: 'R1', state: 'waiting', stateLabel: '払戻中' }),
    });
    await store.getState().startTerminalRefund(sale);
    expect(terminalSelectors.flow(store.getState())).toMatchObject({ kind: 'refund', ref: 'R2', phase: 'waiting' });
    store.getState().internal_applyTerminalPayment(terminalPayment({ ref: 'R2', kind: 'refund', originalRef: 'R1', state: 'done', stateLabel: '払戻完了' }));
    store.getState().internal_applyTerminalPayment({ ...sale, refunded: true, refundRef: 'R2', stateLabel: '払戻済' });
    expect(terminalSelectors.flow(store.getState())?.phase).toBe('done');
    expect(terminalSelectors.forCheckout(store.getState())).toEqual([]);
  });

  it('reconnects (U1) and lets a manager decide a 要確認 payment', async () => {
    const review = terminalPayment({ state: 'review', stateLabel: '要確認' });
    const { store, fake } = await atCheckout({
      'terminal.payments': () => [review],
      'terminal.connect': () => terminalStatus({ battery: 60 }),
      'terminal.decide': () => ({ ...review, state: 'done' as const, stateLabel: '支払完了' }),
    });
    expect(terminalSelectors.blocking(store.getState())).toHaveLength(1);
    expect((await store.getState().connectTerminal())?.battery).toBe(60);
    expect(await store.getState().decideTerminal('R1', true, '履歴で確認')).toBe(true);
    expect(fake.callsOf('terminal.decide')[0]?.input).toEqual({ ref: 'R1', paid: true, reason: '履歴で確認' });
    expect(terminalSelectors.blocking(store.getState())).toEqual([]);
  });
});
