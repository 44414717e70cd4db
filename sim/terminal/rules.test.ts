// The manual's rules as pure functions: U5 signature, U9 refunds, U10 duplicate alert, JST business days.
import { describe, expect, it } from 'vitest';
import { businessDateOf, decideRefund, isDuplicate, isoJst, needsSignature, receiptTime, type HistoryItem, type Original } from './rules.ts';

const NOW = Date.parse('2025-03-01T12:00:00+09:00');
const MIN = 60_000;
const card = { amount: 2000, last4: '1111', brand: 'VISA' };
const sale = (minutesAgo: number, over: Partial<HistoryItem> = {}): HistoryItem =>
  ({ at: NOW - minutesAgo * MIN, amount: 2000, last4: '1111', brand: 'VISA', acquirerStatus: '売上予定', ...over });

describe('U5 signature', () => {
  it('swipe always, contactless from ¥15,001, IC never', () => {
    expect(needsSignature('swipe', 1)).toBe(true);
    expect(needsSignature('contactless', 15_000)).toBe(false);
    expect(needsSignature('contactless', 15_001)).toBe(true);
    expect(needsSignature('ic', 1_000_000)).toBe(false);
  });
});

describe('U10 duplicate alert', () => {
  it('alerts on the same amount, last 4 and brand within 5 minutes', () => {
    expect(isDuplicate([sale(4.9)], card, NOW)).toBe(true);
    expect(isDuplicate([sale(5)], card, NOW)).toBe(false);
    expect(isDuplicate([sale(1, { amount: 2001 })], card, NOW)).toBe(false);
    expect(isDuplicate([sale(1, { last4: '1112' })], card, NOW)).toBe(false);
    expect(isDuplicate([sale(1, { brand: 'JCB' })], card, NOW)).toBe(false);
  });

  it('looks only at the latest transaction whose status is 売上予定 or 売上済み', () => {
    expect(isDuplicate([sale(3), sale(1, { amount: 500 })], card, NOW)).toBe(false);
    expect(isDuplicate([sale(3, { acquirerStatus: '売上済み' }), sale(1, { acquirerStatus: '取消・返品済' })], card, NOW)).toBe(true);
    expect(isDuplicate([sale(1, { acquirerStatus: '決済不可' })], card, NOW)).toBe(false);
    expect(isDuplicate([sale(1, { acquirerStatus: '決済完了', last4: undefined, brand: 'iD' })], card, NOW)).toBe(false);
  });

  it('no alert when the 5 minutes hold 50 or more transactions (49 still alert)', () => {
    const others = (n: number) => Array.from({ length: n }, (_, i) => sale(2, { amount: 100 + i, acquirerStatus: '決済完了' }));
    expect(isDuplicate([...others(48), sale(1)], card, NOW)).toBe(true);
    expect(isDuplicate([...others(49), sale(1)], card, NOW)).toBe(false);
    // Transactions older than 5 minutes do not count towards the 50.
    expect(isDuplicate([...others(49).map((h) => ({ ...h, at: NOW - 6 * MIN })), sale(1)], card, NOW)).toBe(true);
  });
});

describe('U9 refunds', () => {
  const orig = (over: Partial<Original> = {}): Original =>
    ({ method: 'credit', brand: 'VISA', at: Date.parse('2025-03-01T23:59:59+09:00'), approved: true, refunded: false, kind: 'sale', ...over });
  const at = (iso: string) => Date.parse(iso);

  it('the business day ends at midnight JST: void before, return after', () => {
    expect(decideRefund(orig(), at('2025-03-01T23:59:59.999+09:00'), false)).toEqual({ ok: true, kind: 'void' });
    expect(decideRefund(orig(), at('2025-03-02T00:00:00+09:00'), false)).toEqual({ ok: true, kind: 'return' });
    expect(decideRefund(orig(), at('2025-03-02T00:00:00+09:00'), true)).toMatchObject({ ok: false, code: 'EXPIRED' });
  });

  it('e-money only iD and QUICPay; QR within the window', () => {
    const now = at('2025-03-02T10:00:00+09:00');
    for (const brand of ['iD', 'QUICPay']) expect(decideRefund(orig({ method: 'emoney', brand }), now, false).ok).toBe(true);
    for (const brand of ['交通系IC', 'nanaco', 'WAON', '楽天Edy']) expect(decideRefund(orig({ method: 'emoney', brand }), now, false)).toMatchObject({ ok: false, code: 'NOT_REFUNDABLE' });
    const qr = orig({ method: 'qr', brand: 'au PAY' }); // 60 days in the default table
    expect(decideRefund(qr, at('2025-04-30T12:00:00+09:00'), false).ok).toBe(true);
    expect(decideRefund(qr, at('2025-05-01T12:00:00+09:00'), false)).toMatchObject({ ok: false, code: 'EXPIRED' });
    expect(decideRefund(orig({ method: 'qr', brand: 'Unknown' }), at('2025-05-30T12:00:00+09:00'), false).ok).toBe(true);
  });

  it('only approved sales not yet refunded', () => {
    expect(decideRefund(orig({ approved: false }), NOW, false)).toMatchObject({ ok: false, code: 'NOT_REFUNDABLE' });
    expect(decideRefund(orig({ refunded: true }), NOW, false)).toMatchObject({ ok: false, code: 'NOT_REFUNDABLE' });
    expect(decideRefund(orig({ kind: 'void' }), NOW, false)).toMatchObject({ ok: false, code: 'NOT_REFUNDABLE' });
  });
});

describe('JST dates', () => {
  it('formats the business date, ISO time and receipt time in Japan time', () => {
    const t = Date.parse('2024-12-27T05:26:55Z');
    expect(businessDateOf(t)).toBe('2024-12-27');
    expect(businessDateOf(Date.parse('2024-12-27T15:00:00Z'))).toBe('2024-12-28');
    expect(isoJst(t)).toBe('2024-12-27T14:26:55.000+09:00');
    expect(receiptTime(t)).toBe('2024/12/27 14:26:55');
  });
});
