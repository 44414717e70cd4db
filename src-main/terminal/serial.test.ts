// The key USEN PAY flows with the terminal on a serial line: a socat pty pair, the simulator on
// one end, the register's settings pointing at the other (serialTransport, 115200 8N1).
// Skipped, with the reason printed, only where socat is not installed.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TerminalPayment } from '../../src-shared/contract/index.ts';
import { card, terminalRig, until, type TerminalRig } from '../testing/terminal.ts';

const SOCAT = ['/usr/bin/socat', '/usr/local/bin/socat'].find((p) => existsSync(p));
if (!SOCAT) console.warn('src-main/terminal/serial.test.ts skipped: socat is not installed (apt-get install socat)');

const A = `/tmp/pos-ecr-${process.pid}-register`;
const B = `/tmp/pos-ecr-${process.pid}-terminal`;

describe.skipIf(!SOCAT)('USEN PAY over a serial line (socat pty pair)', () => {
  let socat: ChildProcess;
  let t: TerminalRig;
  beforeAll(async () => {
    socat = spawn(SOCAT!, ['-d', '-d', `pty,raw,echo=0,link=${A}`, `pty,raw,echo=0,link=${B}`], { stdio: 'ignore' });
    await until(() => existsSync(A) && existsSync(B), 'socat pty pair', 5000);
  });
  afterAll(async () => {
    socat.kill('SIGTERM');
    await once(socat, 'exit');
  });
  beforeEach(async () => {
    t = await terminalRig({ serialPath: B, connection: () => ({ kind: 'serial', path: A, baudRate: 115_200 }), terminal: {} });
  });
  afterEach(async () => { await t.close(); });

  const pay = (visitId: string, method: 'credit' | 'emoney' | 'qr', amount: number) => t.ok<TerminalPayment>('terminal.pay', { visitId, method, amount });

  it('U2: credit IC, e-money and QR payments; U7 copies exist for card and e-money only', async () => {
    expect((await t.status()).target).toBe(`serial ${A}@115200`);
    const a = await t.visitWithBill('T1');
    const p = await pay(a.visitId, 'credit', a.total);
    await t.sim.waitForStep('awaitingCard');
    t.sim.presentCard(card('1012', 'ic', 'JCB'));
    expect(await t.waitState(p.ref, ['done'])).toMatchObject({ maskedCard: '****1012', hasCopies: true });
    const b = await t.visitWithBill('T2');
    const e = await pay(b.visitId, 'emoney', b.total);
    await t.sim.waitForStep('brandSelect');
    t.sim.chooseEmoneyBrand('iD');
    expect(await t.waitState(e.ref, ['done'])).toMatchObject({ brand: 'iD', hasCopies: true });
    const c = await t.visitWithBill('T3');
    const q = await pay(c.visitId, 'qr', c.total);
    await t.sim.waitForStep('awaitingQr');
    t.sim.scanQr('d払い');
    expect(await t.waitState(q.ref, ['done'])).toMatchObject({ brand: 'd払い', hasCopies: false });
  });

  it('U6: cancel on the terminal; U4: refund before the checkout finishes; U3: part on the terminal, rest in cash', async () => {
    const a = await t.visitWithBill('T4');
    const p = await pay(a.visitId, 'credit', a.total);
    await t.sim.waitForStep('awaitingCard');
    t.sim.cancelOnTerminal();
    expect(await t.waitState(p.ref, ['failed'])).toMatchObject({ reason: 'CANCELLED_ON_TERMINAL' });
    const q = await pay(a.visitId, 'emoney', a.total);
    await t.sim.waitForStep('brandSelect');
    t.sim.chooseEmoneyBrand('QUICPay');
    await t.waitState(q.ref, ['done']);
    const r = await t.ok<TerminalPayment>('terminal.refund', { ref: q.ref });
    await t.sim.waitForStep('awaitingEmoney');
    t.sim.chooseEmoneyBrand('QUICPay');
    expect(await t.waitState(r.ref, ['done'])).toMatchObject({ stateLabel: '払戻完了', transaction: 'void' });
    expect(t.payment(q.ref)).toMatchObject({ refunded: true, stateLabel: '払戻済' });
    // U3: then part on the terminal, the rest in cash, and the checkout commits both.
    const part = await pay(a.visitId, 'credit', 1000);
    await t.sim.waitForStep('awaitingCard');
    t.sim.presentCard(card('5050'));
    await t.waitState(part.ref, ['done']);
    const res = await t.pay({ visitId: a.visitId, payments: [{ kind: 'terminal', amount: 1000 }, { kind: 'cash', amount: a.total - 1000 }] });
    expect(res.closed).toBe(true);
    expect(t.payment(part.ref)).toMatchObject({ consumed: true, slipNo: res.slipNo });
  });

  it('a muted line mid-payment (no connection state on serial): the link recovers and the result is applied once', async () => {
    t.sim.setFaults({ serialDropMs: 1500 });
    const a = await t.visitWithBill('T5');
    t.sim.setFaults({ dropLinkAt: 'afterAccepted' });
    const p = await pay(a.visitId, 'credit', a.total);
    await t.waitState(p.ref, ['unknown'], 10_000);
    await t.sim.waitForStep('awaitingCard');
    t.sim.presentCard(card('3003'));
    expect(await t.waitState(p.ref, ['done'], 15_000)).toMatchObject({ maskedCard: '****3003' });
    const entries = t.sim.journalEntries().filter((e) => e.outcome === 'approved');
    expect(entries.map((e) => [e.ref, e.amount])).toEqual([[p.ref, a.total]]);
  });
});
