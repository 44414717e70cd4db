// Driver ⇄ simulator over TCP loopback: payments by card, e-money and QR, and the refusals around them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TerminalError } from '../../native/ecr/driver.ts';
import { SLIP, newRef, recorder, rig, steps, type Rig } from './test-rig.ts';

let r: Rig;
beforeEach(async () => { r = await rig(); });
afterEach(async () => { await r.close(); });

describe('card payments (U5)', () => {
  it('IC card: PIN, no signature, approved with masked card and both receipt copies', async () => {
    const rec = recorder();
    const ref = newRef();
    const flow = r.driver.sale({ ref, amount: 880, method: 'credit', slip: SLIP }, rec.handlers);
    await r.sim.waitForStep('awaitingCard');
    r.sim.presentCard({ entry: 'ic', brand: 'JCB', last4: '1012', chip: true });
    const res = await flow.result;
    expect(res).toMatchObject({ ref, outcome: 'approved', acquirerStatus: '売上予定', brand: 'JCB', maskedCard: '****1012', entry: 'ic', signed: false, division: '一括' });
    expect(res.orderCode).toMatch(/^TSU3-\d{7}$/);
    expect(res.approvalNo).toMatch(/^\d{6}$/);
    expect(steps(rec.events)).toEqual(['awaitingCard', 'pin', 'authorising']);
    expect(rec.events[0]).toEqual({ type: 'accepted', ref });
    const { customer, merchant } = res.receipts!;
    expect(customer).toMatchObject({ kind: 'card', title: 'クレジットカード売上票', copy: 'お客様控', reprint: false, maskedCard: '****1012', brand: 'JCB', entryLabel: 'IC', transaction: '売上', division: '一括', amount: 880, orderCode: res.orderCode });
    expect(merchant.copy).toBe('加盟店控');
  });

  it('contactless over ¥15,000 needs a signature; ¥15,000 does not', async () => {
    const big = recorder();
    const f1 = r.driver.sale({ ref: newRef(), amount: 15_001, method: 'credit', slip: SLIP }, big.handlers);
    await r.sim.waitForStep('awaitingCard');
    r.sim.presentCard({ entry: 'contactless', brand: 'VISA', last4: '4242' });
    await r.sim.waitForStep('signature');
    r.sim.sign();
    expect(await f1.result).toMatchObject({ outcome: 'approved', signed: true, entry: 'contactless' });
    expect(steps(big.events)).toEqual(['awaitingCard', 'authorising', 'signature']);

    const f2 = r.driver.sale({ ref: newRef(), amount: 15_000, method: 'credit', slip: SLIP });
    await r.sim.waitForStep('awaitingCard');
    r.sim.presentCard({ entry: 'contactless', brand: 'VISA', last4: '4243' });
    expect(await f2.result).toMatchObject({ outcome: 'approved', signed: false });
  });

  it('a swiped magnetic card signs; an IC card may not be swiped', async () => {
    const f = r.driver.sale({ ref: newRef(), amount: 500, method: 'credit', slip: SLIP });
    await r.sim.waitForStep('awaitingCard');
    expect(() => r.sim.presentCard({ entry: 'swipe', brand: 'AMEX', last4: '0005', chip: true })).toThrow(/may not be swiped/);
    expect(r.sim.snapshot().step).toBe('awaitingCard');
    r.sim.presentCard({ entry: 'swipe', brand: 'AMEX', last4: '0005', chip: false });
    await r.sim.waitForStep('signature');
    r.sim.sign();
    expect(await f.result).toMatchObject({ outcome: 'approved', signed: true, entry: 'swipe' });
  });

  it('a declined card reports 決済不可 and no receipts', async () => {
    r.sim.setNextOutcome('decline');
    const f = r.driver.sale({ ref: newRef(), amount: 700, method: 'credit', slip: SLIP });
    await r.sim.waitForStep('awaitingCard');
    r.sim.presentCard({ entry: 'ic', brand: 'VISA', last4: '0002' });
    const res = await f.result;
    expect(res).toMatchObject({ outcome: 'declined', acquirerStatus: '決済不可', reason: 'DECLINED' });
    expect(res.receipts).toBeUndefined();
  });
});

describe('e-money and QR', () => {
  it('e-money: the guest picks the brand, the receipt shows the masked member number', async () => {
    const rec = recorder();
    const f = r.driver.sale({ ref: newRef(), amount: 1360, method: 'emoney', slip: SLIP }, rec.handlers);
    await r.sim.waitForStep('brandSelect');
    r.sim.chooseEmoneyBrand('iD', '3028');
    const res = await f.result;
    expect(res).toMatchObject({ outcome: 'approved', acquirerStatus: '決済完了', brand: 'iD' });
    expect(res.maskedCard).toBeUndefined();
    expect(res.receipts!.customer).toMatchObject({ kind: 'emoney', title: '領収書', maskedMember: '****3028', lineLabel: 'iD支払', amount: 1360, registerNo: '066' });
    expect(steps(rec.events)).toEqual(['brandSelect', 'authorising']);
  });

  it('QR: scanned, approved, no receipts (U7)', async () => {
    const f = r.driver.sale({ ref: newRef(), amount: 1360, method: 'qr', slip: SLIP });
    await r.sim.waitForStep('awaitingQr');
    r.sim.scanQr('PayPay');
    const res = await f.result;
    expect(res).toMatchObject({ outcome: 'approved', acquirerStatus: '決済完了', brand: 'PayPay' });
    expect(res.receipts).toBeUndefined();
    await expect(r.driver.reprint(res.ref)).rejects.toMatchObject({ code: 'NO_RECEIPT', display: 'QRコード決済は控えが発行されません' });
  });

  it('QR the acquirer cannot confirm is 要確認 (U12)', async () => {
    r.sim.setNextOutcome('unconfirmed');
    const f = r.driver.sale({ ref: newRef(), amount: 990, method: 'qr', slip: SLIP });
    await r.sim.waitForStep('awaitingQr');
    r.sim.scanQr('d払い');
    expect(await f.result).toMatchObject({ outcome: 'unconfirmed', acquirerStatus: '要確認' });
  });
});

describe('cancel (U6)', () => {
  it('cancel on the terminal ends the register flow with a cancel message', async () => {
    const f = r.driver.sale({ ref: newRef(), amount: 1200, method: 'credit', slip: SLIP });
    await r.sim.waitForStep('awaitingCard');
    r.sim.cancelOnTerminal();
    expect(await f.result).toMatchObject({ outcome: 'cancelled', reason: 'CANCELLED_ON_TERMINAL', acquirerStatus: null, display: 'USEN PAYで決済がキャンセルされました' });
    expect(r.sim.snapshot().busy).toBe(false);
  });

  it('cancel from the register before authorisation; tooLate once authorising', async () => {
    const f = r.driver.sale({ ref: newRef(), amount: 1200, method: 'emoney', slip: SLIP });
    await r.sim.waitForStep('brandSelect');
    expect(await f.cancel()).toBe('cancelled');
    expect(await f.result).toMatchObject({ outcome: 'cancelled', reason: 'CANCELLED_BY_REGISTER' });

    r.sim.setFaults({ authoriseMs: 300 });
    const g = r.driver.sale({ ref: newRef(), amount: 1200, method: 'qr', slip: SLIP });
    await r.sim.waitForStep('awaitingQr');
    r.sim.scanQr('PayPay');
    expect(await g.cancel()).toBe('tooLate');
    expect(await g.result).toMatchObject({ outcome: 'approved' });
    expect(() => r.sim.cancelOnTerminal()).toThrow(/no transaction/);
  });
});

describe('refusals', () => {
  it('busy (U11): another transaction on the terminal, or a register one, refuses sale and session', async () => {
    r.sim.setBusy(true);
    const e1 = await r.driver.sale({ ref: newRef(), amount: 100, method: 'credit', slip: SLIP }).result.catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(TerminalError);
    expect(e1).toMatchObject({ code: 'BUSY', display: expect.stringContaining('処理中エラー') });
    await expect(r.driver.openSession()).rejects.toMatchObject({ code: 'BUSY' });
    r.sim.setBusy(false);
    const first = newRef();
    const f = r.driver.sale({ ref: first, amount: 100, method: 'credit', slip: SLIP });
    await r.sim.waitForStep('awaitingCard');
    await expect(r.driver.sale({ ref: newRef(), amount: 200, method: 'qr', slip: SLIP }).result).rejects.toMatchObject({ code: 'BUSY', currentRef: first });
    r.sim.cancelOnTerminal();
    await f.result;
  });

  it('battery ≤10% refuses the session with the manual wording (U1); a method not contracted is refused', async () => {
    r.sim.setBattery(10);
    await expect(r.driver.openSession()).rejects.toMatchObject({ code: 'BATTERY_LOW', display: '端末の充電が10%以下の場合は開局時に連携ができません' });
    r.sim.setBattery(11);
    await expect(r.driver.openSession()).resolves.toEqual({ battery: 11 });
    r.sim.setContracts(['credit']);
    await expect(r.driver.sale({ ref: newRef(), amount: 100, method: 'qr', slip: SLIP }).result).rejects.toMatchObject({ code: 'NOT_CONTRACTED' });
    expect((await r.driver.connect(r.transport)).contracts).toEqual(['credit']);
  });

  it('no sale before the session is open', async () => {
    const fresh = await rig({ session: false });
    try {
      await expect(fresh.driver.sale({ ref: newRef(), amount: 100, method: 'credit', slip: SLIP }).result).rejects.toMatchObject({ code: 'NO_SESSION' });
    } finally { await fresh.close(); }
  });
});

describe('receipts, journal, card data', () => {
  it('reprint marks (再); the journal lists the day; no full card number ever crosses the wire', async () => {
    const ref = newRef();
    const f = r.driver.sale({ ref, amount: 3300, method: 'credit', slip: { no: '1002600001481', part: 2 } });
    await r.sim.waitForStep('awaitingCard');
    r.sim.presentCard({ entry: 'ic', brand: 'Mastercard', last4: '5100' });
    const res = await f.result;
    const again = await r.driver.reprint(ref);
    expect(again.customer).toEqual({ ...res.receipts!.customer, reprint: true });
    expect(again.merchant.reprint).toBe(true);
    const q = r.driver.sale({ ref: newRef(), amount: 500, method: 'qr', slip: SLIP });
    await r.sim.waitForStep('awaitingQr');
    r.sim.scanQr('PayPay');
    await q.result;
    const j = await r.driver.journal();
    expect(j.entries.map((e) => [e.ref, e.method, e.amount, e.outcome, e.acquirerStatus])).toEqual([
      [ref, 'credit', 3300, 'approved', '売上予定'], [expect.any(String), 'qr', 500, 'approved', '決済完了'],
    ]);
    expect(j.entries[0]).toMatchObject({ maskedCard: '****5100', slip: { no: '1002600001481', part: 2 }, orderCode: res.orderCode });
    expect((await r.driver.journal('2000-01-01')).entries).toEqual([]);
    const wire = Buffer.concat(r.received).toString('utf8');
    expect(wire).toContain('****5100');
    expect(wire).not.toMatch(/\d{14,19}/); // slip numbers have 13 digits; a card number 14-19
  });
});
