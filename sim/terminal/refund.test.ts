// Voids and returns (U9), driver ⇄ simulator over TCP loopback, with the terminal's clock moved.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Method, TxResult } from '../../native/ecr/messages.ts';
import { SLIP, newRef, recorder, rig, steps, type Rig } from './test-rig.ts';

let r: Rig;
beforeEach(async () => { r = await rig(); });
afterEach(async () => { await r.close(); });

const DAY = 86_400_000;
const jcb = { entry: 'ic', brand: 'JCB', last4: '1012' } as const;

/** A completed approved payment made through the driver, the guest acting on the terminal. */
async function paid(method: Method, brand: string, amount = 880): Promise<TxResult> {
  const flow = r.driver.sale({ ref: newRef('sale'), amount, method, slip: SLIP });
  if (method === 'credit') { await r.sim.waitForStep('awaitingCard'); r.sim.presentCard({ ...jcb, brand }); }
  if (method === 'emoney') { await r.sim.waitForStep('brandSelect'); r.sim.chooseEmoneyBrand(brand, '3028'); }
  if (method === 'qr') { await r.sim.waitForStep('awaitingQr'); r.sim.scanQr(brand); }
  const res = await flow.result;
  expect(res.outcome).toBe('approved');
  return res;
}

describe('card', () => {
  it('same day: a void (取消) with the same card and a signature', async () => {
    r.sim.setClock('2024-12-27T14:26:55+09:00');
    const sale = await paid('credit', 'JCB');
    r.sim.advanceClock(3 * 3600_000);
    const rec = recorder();
    const flow = r.driver.void({ ref: newRef('void'), originalRef: sale.ref }, rec.handlers);
    await r.sim.waitForStep('awaitingCard');
    expect(() => r.sim.presentCard({ ...jcb, last4: '9999' })).toThrow(/not the card/);
    r.sim.presentCard(jcb);
    await r.sim.waitForStep('signature');
    r.sim.sign();
    const res = await flow.result;
    expect(res).toMatchObject({ kind: 'void', originalRef: sale.ref, amount: 880, outcome: 'approved', acquirerStatus: '取消・返品済', signed: true, slip: SLIP });
    expect(res.receipts!.customer).toMatchObject({ title: 'クレジットカード取消票', transaction: '取消', maskedCard: '****1012', usedAt: '2024/12/27 17:26:55' });
    expect(steps(rec.events)).toEqual(['awaitingCard', 'awaitingCard', 'pin', 'authorising', 'signature']);
    expect(rec.events.find((e) => e.type === 'progress' && e.notice === 'cardMismatch')).toBeDefined();
    expect(await r.driver.status(sale.ref)).toMatchObject({ state: 'completed', acquirerStatus: '取消・返品済' });
    await expect(r.driver.refund({ ref: newRef(), originalRef: sale.ref }).result).rejects.toMatchObject({ code: 'NOT_REFUNDABLE', display: 'この決済は取消・返品済みです' });
  });

  it('after midnight: void is refused, refund becomes a return (返品) without the card', async () => {
    r.sim.setClock('2024-12-27T23:58:00+09:00');
    const sale = await paid('credit', 'VISA');
    r.sim.advanceClock(3 * 60_000); // 00:01 the next day
    await expect(r.driver.void({ ref: newRef(), originalRef: sale.ref }).result).rejects.toMatchObject({ code: 'EXPIRED', display: '利用日翌日以降は返品処理となります' });
    const res = await r.driver.refund({ ref: newRef('ret'), originalRef: sale.ref }).result;
    expect(res).toMatchObject({ kind: 'return', outcome: 'approved', acquirerStatus: '売上返品待ち', businessDate: '2024-12-28' });
    expect(res.receipts!.merchant).toMatchObject({ title: 'クレジットカード返品票', transaction: '返品' });
    expect(await r.driver.status(sale.ref)).toMatchObject({ acquirerStatus: '売上返品待ち' });
    const j = await r.driver.journal('2024-12-27');
    expect(j.entries.map((e) => e.ref)).toEqual([sale.ref]);
    expect((await r.driver.journal()).entries.map((e) => e.kind)).toEqual(['return']);
  });

  it('refusals: unknown original, a declined sale, a refund of a refund', async () => {
    await expect(r.driver.refund({ ref: newRef(), originalRef: 'nope' }).result).rejects.toMatchObject({ code: 'NOT_FOUND' });
    r.sim.setNextOutcome('decline');
    const f = r.driver.sale({ ref: newRef(), amount: 100, method: 'credit', slip: SLIP });
    await r.sim.waitForStep('awaitingCard');
    r.sim.presentCard(jcb);
    const declined = await f.result;
    await expect(r.driver.refund({ ref: newRef(), originalRef: declined.ref }).result).rejects.toMatchObject({ code: 'NOT_REFUNDABLE' });
    const qr = await paid('qr', 'PayPay');
    const back = await r.driver.refund({ ref: newRef(), originalRef: qr.ref }).result;
    await expect(r.driver.refund({ ref: newRef(), originalRef: back.ref }).result).rejects.toMatchObject({ code: 'NOT_REFUNDABLE' });
  });
});

describe('e-money', () => {
  it.each(['交通系IC', 'nanaco', 'WAON', '楽天Edy'])('%s cannot be refunded: refund in cash', async (brand) => {
    const sale = await paid('emoney', brand);
    await expect(r.driver.refund({ ref: newRef(), originalRef: sale.ref }).result).rejects.toMatchObject({
      code: 'NOT_REFUNDABLE', display: expect.stringContaining('現金での返金をお願いします'),
    });
  });

  it('iD is refunded with the same e-money, also on a later day', async () => {
    const sale = await paid('emoney', 'iD', 1360);
    r.sim.advanceClock(2 * DAY);
    const flow = r.driver.refund({ ref: newRef(), originalRef: sale.ref });
    await r.sim.waitForStep('awaitingEmoney');
    expect(() => r.sim.chooseEmoneyBrand('QUICPay')).toThrow(/needs the iD/);
    r.sim.chooseEmoneyBrand('iD');
    const res = await flow.result;
    expect(res).toMatchObject({ kind: 'return', outcome: 'approved', acquirerStatus: '取消・返品済' });
    expect(res.receipts!.customer).toMatchObject({ kind: 'emoney', title: '取消・返品', transaction: '取消', lineLabel: 'iD支払取消・返品', maskedMember: '****3028' });
  });
});

describe('QR', () => {
  it('refunds within the brand window (90 days) and not after; no receipts', async () => {
    r.sim.setClock('2025-01-10T12:00:00+09:00');
    const inside = await paid('qr', 'PayPay');
    const outside = await paid('qr', 'PayPay');
    r.sim.advanceClock(90 * DAY);
    const res = await r.driver.refund({ ref: newRef(), originalRef: inside.ref }).result;
    expect(res).toMatchObject({ kind: 'return', outcome: 'approved', acquirerStatus: '取消・返金済' });
    expect(res.receipts).toBeUndefined();
    r.sim.advanceClock(DAY);
    await expect(r.driver.refund({ ref: newRef(), originalRef: outside.ref }).result).rejects.toMatchObject({ code: 'EXPIRED' });
  });

  it('a brand refundable within the month only (当月内) refuses on the 1st of the next month', async () => {
    r.sim.setClock('2025-01-31T20:00:00+09:00');
    const sale = await paid('qr', 'メルペイ');
    r.sim.advanceClock(5 * 3600_000);
    await expect(r.driver.refund({ ref: newRef(), originalRef: sale.ref }).result).rejects.toMatchObject({ code: 'EXPIRED', display: '返金期間を過ぎているため返金できません' });
  });
});
