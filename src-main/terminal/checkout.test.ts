// Terminal payments inside the checkout (RULES.md U3, U4, U8, U9, U13): partial payment plus cash,
// refund before finishing, refund after the checkout then slip cancel, refusals by the terminal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckoutQuote, CheckoutResult, SlipDetail, TerminalPayment } from '../../src-shared/contract/index.ts';
import { card, terminalRig, until, type TerminalRig } from '../testing/terminal.ts';

describe('USEN PAY in the checkout', () => {
  let t: TerminalRig;
  beforeEach(async () => { t = await terminalRig(); });
  afterEach(async () => { await t.close(); });

  async function paid(visitId: string, method: 'credit' | 'emoney' | 'qr', amount: number, means: () => void): Promise<TerminalPayment> {
    const p = await t.ok<TerminalPayment>('terminal.pay', { visitId, method, amount });
    await t.sim.waitForStep(method === 'credit' ? 'awaitingCard' : method === 'emoney' ? 'brandSelect' : 'awaitingQr');
    means();
    return t.waitState(p.ref, ['done']);
  }

  it('U3: part on the terminal, the rest in cash; the terminal line is required and labelled USEN PAY', async () => {
    const { visitId, total } = await t.visitWithBill('T1'); // ¥1,960
    const pending = await t.ok<TerminalPayment>('terminal.pay', { visitId, method: 'credit', amount: 1000 });
    const blocked = await t.raw('checkout.commit', { visitId, payments: [{ kind: 'cash', amount: total }] });
    expect(!blocked.ok && blocked.error.code).toBe('TERMINAL_UNRESOLVED');
    await t.sim.waitForStep('awaitingCard');
    t.sim.presentCard(card('4321'));
    await t.waitState(pending.ref, ['done']);
    const q = await t.quote({ visitId });
    expect(q.suggestedPayments).toEqual([{ kind: 'terminal', amount: 1000 }]);
    // Leaving out a payment the guest made on the terminal is never possible.
    expect(await t.code('checkout.commit', { visitId, payments: [{ kind: 'cash', amount: total }] })).toBe('TERMINAL_MISMATCH');
    expect(await t.code('checkout.commit', { visitId, payments: [{ kind: 'terminal', amount: 900 }, { kind: 'cash', amount: 1100 }] })).toBe('TERMINAL_MISMATCH');
    const res = await t.pay({ visitId, payments: [{ kind: 'terminal', amount: 1000 }, { kind: 'cash', amount: 1000 }] });
    expect(res).toMatchObject({ closed: true, change: 1000 + 1000 - total });
    const slip = await t.slip(res.slipId);
    expect(slip.parts[0]!.payments.map((p) => [p.kind, p.label, p.amount])).toEqual([['terminal', 'USEN PAY クレジット', 1000], ['cash', '現金', total - 1000]]);
    expect(t.payment(pending.ref)).toMatchObject({ consumed: true, slipId: res.slipId, slipNo: res.slipNo });
  });

  it('U3: at most 5 payments on one checkout, terminal lines included', async () => {
    const { visitId, total } = await t.visitWithBill('T2');
    for (let i = 0; i < 5; i++) await paid(visitId, 'qr', 100, () => t.sim.scanQr('PayPay'));
    expect(await t.code('terminal.pay', { visitId, method: 'qr', amount: 100 })).toBe('TOO_MANY_PAYMENTS');
    const five = Array.from({ length: 5 }, () => ({ kind: 'terminal', amount: 100 }));
    expect(await t.code('checkout.commit', { visitId, payments: [...five, { kind: 'cash', amount: total }] })).toBe('VALIDATION');
    expect(await t.code('checkout.commit', { visitId, payments: five })).toBe('UNDERPAID');
  });

  it('U4: a terminal payment refunded before finishing the checkout leaves the payment list', async () => {
    const { visitId, total } = await t.visitWithBill('T3');
    const p = await paid(visitId, 'credit', total, () => t.sim.presentCard(card('1111', 'ic', 'JCB')));
    const r = await t.ok<TerminalPayment>('terminal.refund', { ref: p.ref });
    expect(r).toMatchObject({ kind: 'refund', state: 'waiting', stateLabel: '払戻中', originalRef: p.ref });
    await t.sim.waitForStep('awaitingCard'); // a same-day void needs the card, then the signature (U9)
    t.sim.presentCard(card('1111', 'ic', 'JCB'));
    await t.sim.waitForStep('signature');
    t.sim.sign();
    expect(await t.waitState(r.ref, ['done'])).toMatchObject({ stateLabel: '払戻完了', transaction: 'void', acquirerStatus: '取消・返品済' });
    expect(t.payment(p.ref)).toMatchObject({ refunded: true, stateLabel: '払戻済' });
    expect((await t.quote({ visitId })).suggestedPayments).toEqual([]);
    expect((await t.pay({ visitId, payments: [{ kind: 'cash', amount: total }] })).closed).toBe(true);
    expect(await t.code('terminal.refund', { ref: p.ref })).toBe('TERMINAL_ALREADY_REFUNDED');
  });

  it('U8 / U13: slip → USEN PAY history with 受注コード → 取消 → 払戻完了, then the slip is cancelled', async () => {
    const { visitId, total } = await t.visitWithBill('T4');
    const p = await paid(visitId, 'emoney', total, () => t.sim.chooseEmoneyBrand('iD', '3028'));
    const res = await t.pay({ visitId, payments: [{ kind: 'terminal', amount: total }] });
    const history = await t.ok<TerminalPayment[]>('terminal.payments', { slipId: res.slipId }, t.cashier);
    expect(history.map((h) => [h.ref, h.orderCode, h.stateLabel])).toEqual([[p.ref, p.orderCode, '支払完了']]);
    expect(history[0]!.orderCode).toMatch(/^TSU3-/);
    const r = await t.ok<TerminalPayment>('terminal.refund', { ref: p.ref });
    await t.sim.waitForStep('awaitingEmoney'); // the guest's iD is needed (manual 4-3)
    t.sim.chooseEmoneyBrand('iD', '3028');
    expect(await t.waitState(r.ref, ['done'])).toMatchObject({ stateLabel: '払戻完了', slipId: res.slipId });
    const cancelled = await t.ok<{ slip: SlipDetail }>('slips.cancel', { slipId: res.slipId, reason: 'お客様都合' });
    expect(cancelled.slip.status).toBe('cancelled');
    const after = await t.ok<TerminalPayment[]>('terminal.payments', { slipId: res.slipId });
    expect(after.map((h) => [h.kind, h.stateLabel])).toEqual([['sale', '払戻済'], ['refund', '払戻完了']]);
    expect(t.sim.journalEntries().map((e) => [e.kind, e.amount, e.acquirerStatus])).toEqual([['sale', total, '取消・返品済'], ['void', total, '取消・返品済']]);
  });

  it('U9: the terminal refuses nanaco (cash refund) and a QR refund past its window; a card refund after the day is a return (返品)', async () => {
    const a = await t.visitWithBill('T5');
    const nanaco = await paid(a.visitId, 'emoney', 500, () => t.sim.chooseEmoneyBrand('nanaco'));
    const refused = await t.raw('terminal.refund', { ref: nanaco.ref });
    expect(!refused.ok && [refused.error.code, refused.error.message]).toEqual(['TERMINAL_NOT_REFUNDABLE', '交通系電子マネー、nanaco、WAON、楽天Edyは性質上、返金・取消ができません。現金での返金をお願いします。']);
    const qr = await paid(a.visitId, 'qr', 300, () => t.sim.scanQr('au PAY'));
    const cardSale = await paid(a.visitId, 'credit', 400, () => t.sim.presentCard(card('6006')));
    t.sim.advanceClock(61 * 86_400_000);
    const late = await t.raw('terminal.refund', { ref: qr.ref });
    expect(!late.ok && [late.error.code, late.error.message]).toEqual(['TERMINAL_EXPIRED', '返金期間を過ぎているため返金できません']);
    const ret = await t.ok<TerminalPayment>('terminal.refund', { ref: cardSale.ref }); // later than the day: 返品, no card
    expect(await t.waitState(ret.ref, ['done'])).toMatchObject({ transaction: 'return', acquirerStatus: '売上返品待ち' });
    const states = t.db().prepare(`SELECT kind, state, reason FROM payment_intents WHERE kind = 'refund' ORDER BY created_at`).all();
    expect(states).toEqual([
      { kind: 'refund', state: 'failed', reason: 'NOT_REFUNDABLE' }, { kind: 'refund', state: 'failed', reason: 'EXPIRED' }, { kind: 'refund', state: 'done', reason: null },
    ]);
  });

  it('U8: a slip with a USEN PAY payment not refunded is not cancelled; a manager records a refund made outside the register (U9 nanaco: cash)', async () => {
    const { visitId, total } = await t.visitWithBill('T6');
    const nanaco = await paid(visitId, 'emoney', 500, () => t.sim.chooseEmoneyBrand('nanaco'));
    const res = await t.pay({ visitId, payments: [{ kind: 'terminal', amount: 500 }, { kind: 'cash', amount: total - 500 }] });
    const refused = await t.raw('slips.cancel', { slipId: res.slipId, reason: '返品' });
    expect(!refused.ok && refused.error.code).toBe('TERMINAL_NOT_REFUNDED');
    expect(!refused.ok && refused.error.message).toMatch(/^USEN PAYの決済（¥500）が払戻されていません。先に「USEN PAY」→「取消」で決済端末から払戻してから/);
    const decision = { slipId: res.slipId, reason: '返品', manualRefund: { reason: 'nanacoのため現金で返金' } };
    expect(await t.code('slips.cancel', decision)).toBe('FORBIDDEN'); // a cashier may not decide
    expect((await t.slip(res.slipId)).status).toBe('closed');
    const done = await t.ok<{ slip: SlipDetail; warnings: Array<{ code: string }> }>('slips.cancel', decision, t.manager);
    expect(done.slip.status).toBe('cancelled');
    expect(done.warnings.map((w) => w.code)).toContain('U9');
    expect(t.payment(nanaco.ref)).toMatchObject({ state: 'done', refunded: false, display: '店長判断：端末外で払戻済み（nanacoのため現金で返金）' });
    expect(t.db().prepare('SELECT source, staff_id FROM payment_intent_log WHERE ref = ? ORDER BY id DESC LIMIT 1').get(nanaco.ref)).toEqual({ source: 'manager', staff_id: 'staff-manager' });
  });

  it('閉局 waits until every terminal payment is settled and part of a checkout', async () => {
    const { visitId, total } = await t.visitWithBill('T7');
    const p = await paid(visitId, 'qr', total, () => t.sim.scanQr('PayPay'));
    const refused = await t.raw('till.close', { counts: { 10000: 3 } });
    expect(!refused.ok && refused.error.code).toBe('TERMINAL_UNSETTLED');
    await t.pay({ visitId, payments: [{ kind: 'terminal', amount: p.amount }] });
    expect((await t.ok<{ status: string }>('till.close', { counts: { 10000: 3 } })).status).toBe('closed');
  });

  it('the visit cannot be charged twice: a second terminal payment for the whole bill is refused once it is paid', async () => {
    const { visitId, total } = await t.visitWithBill('T6');
    await paid(visitId, 'credit', total, () => t.sim.presentCard(card('7007')));
    expect(await t.code('terminal.pay', { visitId, method: 'credit', amount: total })).toBe('TERMINAL_OVER_DUE');
    const q = await t.quote({ visitId, payments: [{ kind: 'terminal', amount: total }] });
    expect(q).toMatchObject({ canCommit: true, refusals: [] } satisfies Partial<CheckoutQuote>);
    const res = await t.ok<CheckoutResult>('checkout.commit', { visitId, payments: [{ kind: 'terminal', amount: total }] });
    expect(res.closed).toBe(true);
    const again = await t.raw('terminal.pay', { visitId, method: 'credit', amount: 1 });
    expect(!again.ok && again.error.code).toBe('VISIT_CLOSED');
    await until(() => t.sim.journalEntries().length === 1, 'one journal entry');
  });
});
