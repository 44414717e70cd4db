// The terminal's business rules from the USEN PAY manual (RULES.md U5, U9, U10, U12), as pure functions.
import type { ErrorCode, Method } from '../../native/ecr/messages.ts';

export const CARD_BRANDS = ['VISA', 'Mastercard', 'JCB', 'AMEX', 'Diners', 'Discover'] as const;
export const EMONEY_BRANDS = ['交通系IC', 'nanaco', 'WAON', '楽天Edy', 'iD', 'QUICPay'] as const;
/** U9: e-money refunds only for iD and QUICPay (manual 4-3). */
export const EMONEY_REFUNDABLE: readonly string[] = ['iD', 'QUICPay'];
export type QrWindow = { days: number } | { sameMonth: true };
/**
 * QR refund windows per brand. The manual says only "当月内～90日間" and defers to each brand;
 * these values are simulator settings (overridable in TerminalConfig), not the acquirers' figures.
 */
export const QR_REFUND_WINDOWS: Record<string, QrWindow> = {
  PayPay: { days: 90 }, 'd払い': { days: 90 }, '楽天ペイ': { days: 90 }, 'au PAY': { days: 60 },
  'メルペイ': { sameMonth: true }, 'Alipay+': { days: 90 }, 'WeChat Pay': { days: 90 },
};
export type Entry = 'ic' | 'swipe' | 'contactless';

const JST_MS = 9 * 3600_000; // Japan has no daylight saving time
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Business day (JST calendar date, the boundary at midnight) as YYYY-MM-DD. */
export function businessDateOf(ms: number): string {
  return new Date(ms + JST_MS).toISOString().slice(0, 10);
}
/** ISO 8601 with the +09:00 offset, as results carry it. */
export function isoJst(ms: number): string {
  return new Date(ms + JST_MS).toISOString().replace('Z', '+09:00');
}
/** Receipt time as printed on the copies (U7): 2024/12/27 14:26:55. */
export function receiptTime(ms: number): string {
  const d = new Date(ms + JST_MS);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** U5: swiped cards always sign; contactless signs from ¥15,001; IC cards enter a PIN instead. */
export function needsSignature(entry: Entry, amount: number): boolean {
  return entry === 'swipe' || (entry === 'contactless' && amount >= 15_001);
}

/** One transaction in the duplicate-check window: this terminal's or another of the same account. */
export interface HistoryItem { at: number; amount: number; last4?: string; brand?: string; acquirerStatus: string | null }
export const DUPLICATE_WINDOW_MS = 5 * 60_000;
export const DUPLICATE_MAX_HISTORY = 50;

/**
 * U10 (manual 5-3), card payments only: the latest transaction of the last 5 minutes whose status
 * is 売上予定 or 売上済み, with the same amount, last 4 and brand. No alert when the 5 minutes hold
 * 50 or more transactions.
 */
export function isDuplicate(history: readonly HistoryItem[], card: { amount: number; last4: string; brand: string }, now: number): boolean {
  const recent = history.filter((h) => h.at > now - DUPLICATE_WINDOW_MS && h.at <= now && h.acquirerStatus !== null);
  if (recent.length >= DUPLICATE_MAX_HISTORY) return false;
  let latest: HistoryItem | undefined;
  for (const h of recent) {
    if (h.acquirerStatus !== '売上予定' && h.acquirerStatus !== '売上済み') continue;
    if (!latest || h.at >= latest.at) latest = h;
  }
  return !!latest && latest.amount === card.amount && latest.last4 === card.last4 && latest.brand === card.brand;
}

/** What a refund request needs to know about the original payment. */
export interface Original { method: Method; brand: string; at: number; approved: boolean; refunded: boolean; kind: string }
export type RefundDecision =
  | { ok: true; kind: 'void' | 'return' }
  | { ok: false; code: ErrorCode; message: string; display: string };

function days(fromMs: number, toMs: number): number {
  return Math.round((Date.parse(businessDateOf(toMs)) - Date.parse(businessDateOf(fromMs))) / 86_400_000);
}

/**
 * U9: a card refund the same business day is a void (取消), later a return (返品); e-money only for
 * iD and QUICPay; QR within the brand's window. `voidOnly` is the register's `void` request, which
 * cannot become a return.
 */
export function decideRefund(o: Original, now: number, voidOnly: boolean, windows: Record<string, QrWindow> = QR_REFUND_WINDOWS): RefundDecision {
  const refuse = (code: ErrorCode, message: string, display: string): RefundDecision => ({ ok: false, code, message, display });
  if (o.kind !== 'sale' || !o.approved) return refuse('NOT_REFUNDABLE', 'original is not an approved sale', '取消できる決済ではありません');
  if (o.refunded) return refuse('NOT_REFUNDABLE', 'original already refunded', 'この決済は取消・返品済みです');
  if (o.method === 'emoney' && !EMONEY_REFUNDABLE.includes(o.brand)) {
    return refuse('NOT_REFUNDABLE', `e-money brand ${o.brand} cannot be refunded`,
      '交通系電子マネー、nanaco、WAON、楽天Edyは性質上、返金・取消ができません。現金での返金をお願いします。');
  }
  const sameDay = businessDateOf(o.at) === businessDateOf(now);
  if (o.method === 'qr') {
    const w = windows[o.brand] ?? { days: 90 };
    const inWindow = 'days' in w ? days(o.at, now) <= w.days : businessDateOf(o.at).slice(0, 7) === businessDateOf(now).slice(0, 7);
    if (!inWindow) return refuse('EXPIRED', `QR refund window of ${o.brand} has passed`, '返金期間を過ぎているため返金できません');
  }
  if (voidOnly && !sameDay) return refuse('EXPIRED', 'void is same-day only; use refund (return)', '利用日翌日以降は返品処理となります');
  return { ok: true, kind: sameDay ? 'void' : 'return' };
}

/** U12 statuses a payment shows once finished, per method. */
export const ACQUIRER_STATUS = {
  credit: { approved: '売上予定', settled: '売上済み', declined: '決済不可', authorisedFailed: '決済失敗(与信済)', voided: '取消・返品済', returnPending: '売上返品待ち', returned: '売上返品済み' },
  emoney: { approved: '決済完了', unconfirmed: '処理未了', refunded: '取消・返品済' },
  qr: { approved: '決済完了', declined: '決済失敗', unconfirmed: '要確認', refunded: '取消・返金済' },
} as const;

/** The status of an approved original after a refund of the given kind. */
export function statusAfterRefund(method: Method, kind: 'void' | 'return'): string {
  if (method === 'credit') return kind === 'void' ? ACQUIRER_STATUS.credit.voided : ACQUIRER_STATUS.credit.returnPending;
  return method === 'emoney' ? ACQUIRER_STATUS.emoney.refunded : ACQUIRER_STATUS.qr.refunded;
}
