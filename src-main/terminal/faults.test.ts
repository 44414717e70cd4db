// Fault matrix (docs/payments.md §recovery, RULES.md U12): the link dropped at every protocol step
// × credit / e-money / QR. After recovery each visit is paid exactly once or not at all, and the
// terminal's journal agrees with the register's intents to the yen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DropStep } from '../../sim/terminal/faults.ts';
import type { TerminalPayment } from '../../src-shared/contract/index.ts';
import { card, terminalRig, until, type TerminalRig } from '../testing/terminal.ts';

type Method = 'credit' | 'emoney' | 'qr';
const STEP: Record<Method, 'awaitingCard' | 'brandSelect' | 'awaitingQr'> = { credit: 'awaitingCard', emoney: 'brandSelect', qr: 'awaitingQr' };

/** The guest pays on the terminal. */
function guestPays(t: TerminalRig, method: Method, last4: string): void {
  if (method === 'credit') t.sim.presentCard(card(last4));
  else if (method === 'emoney') t.sim.chooseEmoneyBrand('iD', last4);
  else t.sim.scanQr('PayPay');
}

/** Register and terminal agree: the same approved sales, ref by ref, to the yen (a manager's decision is by hand). */
function reconcile(t: TerminalRig): void {
  const register = (t.db().prepare(`SELECT ref, amount FROM payment_intents WHERE kind = 'sale' AND state = 'done' AND decision IS NULL ORDER BY ref`).all() as Array<{ ref: string; amount: number }>);
  const terminal = t.sim.journalEntries().filter((e) => e.kind === 'sale' && e.outcome === 'approved').map((e) => ({ ref: e.ref, amount: e.amount }))
    .sort((a, b) => a.ref.localeCompare(b.ref));
  expect(register).toEqual(terminal);
}

const paidOn = (t: TerminalRig, visitId: string) => t.db().prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(amount), 0) AS yen FROM payment_intents
  WHERE visit_id = ? AND kind = 'sale' AND state = 'done'`).get(visitId) as { n: number; yen: number };

describe.each(['credit', 'emoney', 'qr'] as const)('link dropped at each protocol step: %s', (method) => {
  let t: TerminalRig;
  let table = 0;
  beforeAll(async () => { t = await terminalRig(); });
  afterAll(async () => { await t.close(); });

  const payOnce = async (drop: DropStep | null): Promise<{ visitId: string; total: number; ref: string }> => {
    const { visitId, total } = await t.visitWithBill(`T${++table}`);
    await until(async () => (await t.status()).state === 'connected', 'connected before the sale');
    if (drop) t.sim.setFaults({ dropLinkAt: drop });
    const p = await t.ok<TerminalPayment>('terminal.pay', { visitId, method, amount: total });
    return { visitId, total, ref: p.ref };
  };

  it('beforeAck: the terminal never took the sale: status notFound → 未完了; a new attempt is paid once (U12)', async () => {
    const { visitId, total, ref } = await payOnce('beforeAck');
    expect(await t.waitState(ref, ['failed'])).toMatchObject({ reason: 'NOT_FOUND' });
    expect(t.sim.journal.get(ref)).toBeUndefined();
    await until(async () => (await t.status()).state === 'connected', 'reconnected');
    const again = await t.ok<TerminalPayment>('terminal.pay', { visitId, method, amount: total });
    await t.sim.waitForStep(STEP[method]);
    guestPays(t, method, '1001');
    await t.waitState(again.ref, ['done']);
    expect(paidOn(t, visitId)).toEqual({ n: 1, yen: total });
    reconcile(t);
  });

  it('afterAccepted: the guest pays while the link is down; the result reaches the register after reconnecting', async () => {
    const { visitId, total, ref } = await payOnce('afterAccepted');
    await t.waitState(ref, ['unknown']);
    await t.sim.waitForStep(STEP[method]);
    guestPays(t, method, '1002');
    expect(await t.waitState(ref, ['done'])).toMatchObject({ amount: total });
    expect(paidOn(t, visitId)).toEqual({ n: 1, yen: total });
    // The same visit cannot be charged past its bill.
    expect(await t.code('terminal.pay', { visitId, method, amount: 1 })).toBe('TERMINAL_OVER_DUE');
    reconcile(t);
  });

  it('beforeResult: approved while the link drops; resent after hello and applied once', async () => {
    const { visitId, total, ref } = await payOnce('beforeResult');
    await t.sim.waitForStep(STEP[method]);
    guestPays(t, method, '1003');
    expect(await t.waitState(ref, ['done'])).toMatchObject({ amount: total });
    await until(() => t.sim.snapshot().pendingResults.length === 0, 'result acknowledged');
    expect(paidOn(t, visitId)).toEqual({ n: 1, yen: total });
    reconcile(t);
  });

  it('afterResult: the result arrived, its ack was lost; the resent result changes nothing', async () => {
    const { visitId, total, ref } = await payOnce('afterResult');
    await t.sim.waitForStep(STEP[method]);
    guestPays(t, method, '1004');
    await t.waitState(ref, ['done']);
    await until(() => t.sim.snapshot().pendingResults.length === 0, 'resent result acknowledged after reconnect', 10_000);
    const log = t.db().prepare(`SELECT to_state FROM payment_intent_log WHERE ref = ? ORDER BY id`).all(ref) as Array<{ to_state: string }>;
    expect(log.filter((l) => l.to_state === 'done')).toHaveLength(1);
    expect(paidOn(t, visitId)).toEqual({ n: 1, yen: total });
    reconcile(t);
  });
});

describe('terminal restarts (U12)', () => {
  let t: TerminalRig;
  beforeAll(async () => { t = await terminalRig(); });
  afterAll(async () => { await t.close(); });

  it('restart keeping its journal mid-payment: cancelled before authorisation, the session reopens by itself', async () => {
    const { visitId, total } = await t.visitWithBill('T1');
    const p = await t.ok<TerminalPayment>('terminal.pay', { visitId, method: 'credit', amount: total });
    await t.sim.waitForStep('awaitingCard');
    t.sim.restart(true);
    expect(await t.waitState(p.ref, ['failed'])).toMatchObject({ reason: 'CANCELLED_ON_TERMINAL' });
    await until(async () => (await t.status()).state === 'connected', 'session reopened after the restart');
    reconcile(t);
  });

});

describe('terminal restart that loses its journal (U12: cannot be resolved automatically)', () => {
  let t: TerminalRig;
  // A slow reconnect leaves time to restart the terminal before the register asks again.
  beforeAll(async () => { t = await terminalRig({ register: { reconnectMinMs: 1500, reconnectMaxMs: 2000 } }); });
  afterAll(async () => { await t.close(); });

  it('an approval lost with the journal: 要確認 blocks the visit until a manager decides, with a reason, in the log', async () => {
    const { visitId, total } = await t.visitWithBill('T3');
    const p = await t.ok<TerminalPayment>('terminal.pay', { visitId, method: 'emoney', amount: total });
    await t.sim.waitForStep('brandSelect');
    t.sim.setFaults({ dropLinkAt: 'beforeResult' });
    t.sim.chooseEmoneyBrand('iD');
    await t.waitState(p.ref, ['unknown']);
    t.sim.restart(false);
    const review = await t.waitState(p.ref, ['review'], 10_000);
    expect(review).toMatchObject({ stateLabel: '要確認', reason: 'JOURNAL_LOST' });
    expect(review.display).toContain('USEN PAYアプリの取引履歴を確認');
    expect(await t.code('terminal.pay', { visitId, method: 'credit', amount: 1 })).toBe('TERMINAL_UNRESOLVED');
    expect(await t.code('terminal.decide', { ref: p.ref, paid: true, reason: 'x' })).toBe('FORBIDDEN');
    const decided = await t.ok<TerminalPayment>('terminal.decide', { ref: p.ref, paid: true, reason: 'USEN PAYアプリの履歴で決済完了を確認' }, t.manager);
    expect(decided).toMatchObject({ state: 'done', stateLabel: '支払完了', decision: { paid: true, staffName: '山田 店長' } });
    const log = t.db().prepare(`SELECT source, detail, staff_id FROM payment_intent_log WHERE ref = ? ORDER BY id DESC LIMIT 1`).get(p.ref);
    expect(log).toEqual({ source: 'manager', detail: 'USEN PAYアプリの履歴で決済完了を確認', staff_id: 'staff-manager' });
    // Paid in full: nothing more can be charged on the terminal for this visit.
    expect(await t.code('terminal.pay', { visitId, method: 'credit', amount: 1 })).toBe('TERMINAL_OVER_DUE');
  });

  it('a sale that never reached a terminal which then restarted is still 要確認 unless its journal is shown intact', async () => {
    const a = await t.visitWithBill('T4');
    await until(async () => (await t.status()).state === 'connected', 'connected');
    const ok = await t.ok<TerminalPayment>('terminal.pay', { visitId: a.visitId, method: 'credit', amount: a.total });
    await t.sim.waitForStep('awaitingCard');
    t.sim.presentCard(card('2001'));
    await t.waitState(ok.ref, ['done']);
    const b = await t.visitWithBill('T5');
    t.sim.setFaults({ dropLinkAt: 'beforeAck' });
    const lost = await t.ok<TerminalPayment>('terminal.pay', { visitId: b.visitId, method: 'credit', amount: b.total });
    expect(lost.state).toBe('unknown');
    t.sim.restart(true); // keeps the journal: the earlier sale proves it, so notFound means never sent
    expect(await t.waitState(lost.ref, ['failed'], 10_000)).toMatchObject({ reason: 'NOT_FOUND' });
    reconcile(t);
  });
});
