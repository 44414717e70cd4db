import { z } from 'zod';
import { positiveYen } from '../money.ts';
import { method } from './define.ts';
import { quantity, rateFigures } from './orders.ts';
import { id } from './schemas.ts';

/** 値引 (yen off) or 割引 (percent off). A discount above what it applies to is refused. */
export const discount = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('amount'), yen: positiveYen }),
  z.object({ kind: z.literal('percent'), percent: z.number().int('割引率は整数で入力してください。').min(1, '割引率は1%以上で入力してください。').max(100, '割引率は100%以下で入力してください。') }),
], { message: '値引・割引の種類を選択してください。' });

/**
 * Payment kinds: 現金, その他支払 (売掛, ポイント, 予約サイトポイント, SMART RESERVE事前決済) and the
 * payment terminal (USEN PAY, docs/payments.md). For cash `amount` is what the guest handed over.
 */
export const paymentKind = z.enum(['cash', 'credit', 'points', 'sitePoints', 'prepaid', 'terminal'], { message: '支払方法が正しくありません。' });
export type PaymentKind = z.infer<typeof paymentKind>;
export const PAYMENT_LABELS: Record<PaymentKind, string> = {
  cash: '現金', credit: '売掛', points: 'ポイント', sitePoints: '予約サイトポイント', prepaid: 'SMART RESERVE事前決済', terminal: '決済端末',
};

export const splitSpec = z.discriminatedUnion('mode', [
  /** The whole bill, or on an unfinished split: everything that is left. */
  z.object({ mode: z.literal('none') }),
  /** 分割会計 by items: this part pays the chosen lines (a quantity below the line's splits it). */
  z.object({ mode: z.literal('items'), lines: z.array(z.object({ lineId: id, quantity: quantity.optional() })).min(1, '分割する商品を選択してください。').max(200) }),
  /** By amount: this part pays `amount` of the bill frozen at the first part. */
  z.object({ mode: z.literal('amount'), amount: positiveYen }),
  /** Into equal parts: the bill divided by `parts`, the odd yen on the first parts. */
  z.object({ mode: z.literal('equal'), parts: z.number().int().min(2, '2以上で入力してください。').max(20, '20以下で入力してください。') }),
], { message: '分割方法が正しくありません。' });

export const checkoutInput = z.object({
  visitId: id,
  /** 合算会計 (T7): other visits whose bills this checkout pays; visitId is the parent. */
  combineVisitIds: z.array(id).max(11, '合算できるのは12テーブルまでです。').default([]),
  split: splitSpec.default({ mode: 'none' }),
  lineDiscounts: z.array(z.object({ lineId: id, discount })).max(200).default([]),
  slipDiscounts: z.array(discount).max(3, '伝票の値引・割引は3件までです。').default([]),
  /** U3: at most 5 payments on one checkout. */
  payments: z.array(z.object({ kind: paymentKind, amount: positiveYen })).max(5, 'お支払いは1回の会計で5件までです。').default([]),
  /** Guests (default: the party of the visits). */
  party: z.number().int().min(0).max(9999).optional(),
  /** 客層. */
  segmentId: id.nullable().default(null),
});
export type CheckoutInput = z.input<typeof checkoutInput>;

export const notice = z.object({ code: z.string(), message: z.string() });
export type Notice = z.infer<typeof notice>;

const quoteLine = z.object({
  lineId: id, visitId: id, name: z.string(), quantity: z.number().int(), unitPrice: z.number().int(), rate: z.union([z.literal(8), z.literal(10)]),
  takeout: z.boolean(), amount: z.number().int(), discount: z.number().int(), subtotal: z.number().int(),
});

export const checkoutQuote = z.object({
  visitIds: z.array(id), tableIds: z.array(z.string()), priceMode: z.enum(['inclusive', 'exclusive']),
  /** Number of the unfinished split slip, if a part was paid already. */
  slipNo: z.string().nullable(), partNo: z.number().int(), splitMode: z.enum(['none', 'items', 'amount', 'equal']),
  /** 均等分割: the N of N等分 (fixed by the slip's first part), so a reopened screen goes on with N等分. */
  splitParts: z.number().int().nullable(),
  lines: z.array(quoteLine), byRate: z.array(rateFigures),
  subtotal: z.number().int(), lineDiscount: z.number().int(), slipDiscount: z.number().int(),
  /** What this checkout (or part) charges, tax included. */
  total: z.number().int(), net: z.number().int(), tax: z.number().int(),
  /** The whole bill still to pay before this part and what is left after it. */
  billTotal: z.number().int(), remainingAfter: z.number().int(),
  tendered: z.number().int(), change: z.number().int(), shortfall: z.number().int(),
  party: z.number().int(),
  prepayment: z.number().int(), points: z.number().int(),
  /** What the checkout screen shows on opening (the reservation's prepayment or points); × removes (P8). */
  suggestedPayments: z.array(z.object({ kind: paymentKind, amount: z.number().int() })),
  /** P10: no discounts while 予約サイトポイント are applied. */
  discountsAllowed: z.boolean(),
  /** Shown before committing (P3, P4, P8, P9 …); the checkout still goes through. */
  warnings: z.array(notice),
  /** What checkout.commit would refuse (P2, P5, P7, U3 …); empty = can commit. */
  refusals: z.array(notice),
  canCommit: z.boolean(),
  receipt: z.enum(['issued', 'none-prepaid']),
});
export type CheckoutQuote = z.infer<typeof checkoutQuote>;

export const printOutcome = z.object({
  /**
   * queued: printing follows the commit — its outcome arrives as the receipts.printed event and in
   * slips.get (parts[].print); none: no printer set; skipped: no receipt (P6, autoPrint off).
   */
  status: z.enum(['queued', 'printed', 'failed', 'skipped', 'none']), message: z.string().nullable(),
});

export const checkoutResult = z.object({
  slipId: id, slipNo: z.string(), partNo: z.number().int(), total: z.number().int(), change: z.number().int(),
  /** The slip is settled (every part paid): the visits are closed and the ledger told (C1, C3). */
  closed: z.boolean(), remaining: z.number().int(),
  warnings: z.array(notice),
  /** What happens to the receipt; a print failure never undoes the sale (retry with receipts.print). */
  print: printOutcome,
});
export type CheckoutResult = z.infer<typeof checkoutResult>;

export const checkoutMethods = {
  'checkout.quote': method({
    kind: 'query', access: 'staff',
    summary: 'Preview a checkout (会計) or split part: lines, tax per rate, change, warnings (P3/P4/P8/P9) and refusals, writing nothing.',
    input: checkoutInput, output: checkoutQuote,
  }),
  'checkout.commit': method({
    kind: 'command', access: ['cashier', 'manager'],
    summary: 'Check out (会計): slip number, lines, payments (≤5), discounts, split/combined, outbox to the ledger; receipt after the commit.',
    input: checkoutInput, output: checkoutResult,
  }),
};
