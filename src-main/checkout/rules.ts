import { PAYMENT_LABELS, type Notice, type ParsedInput, type PaymentKind, type Settings } from '../../src-shared/contract/index.ts';
import type { DB } from '../store/db.ts';
import type { Bill } from './bill.ts';
import type { PartPlan } from './compute.ts';
import { stmt } from '../store/stmt.ts';
import { checkTerminalLines } from '../terminal/checkout-link.ts';

type Input = ParsedInput<'checkout.commit'>;
export type PlannedPayment = { kind: PaymentKind; label: string; tendered: number; amount: number };
export type PaymentPlan = {
  payments: PlannedPayment[]; tendered: number; change: number; shortfall: number; prepaidPart: boolean;
  suggested: Array<{ kind: PaymentKind; amount: number }>; discountsAllowed: boolean;
};

/** P2: the manual's limit for a prepayment. */
export const PREPAYMENT_LIMIT = 300_000;

/** The manual's words (usen-smart-reserve.txt ch. 5), shown to staff as written. */
export const MSG = {
  P1: 'その他支払いに「SMART RESERVE事前決済」が設定されていません。マスター管理画面で設定し、マスタ同期を実施してください。',
  P2: '事前決済は30万円以上の場合、決済はできません。',
  P3: '事前決済額を下回った場合、事前決済での支払いを不可として、全額を現地決済してください。その際、USEN SMART RESERVEから返金対応を実施してください。',
  P4: '事前決済の予約にて追加注文がある場合は、会計時に事前決済分の商品のみ選択して分割会計をしてください。分割会計時は分割1回目で事前決済分の会計を行ってください。',
  P5: '予約サイトポイントと事前決済の併用は不可です。',
  P8_PREPAID: '事前決済を利用しない場合は、USEN SMART RESERVEから事前決済の変更操作を必ず行ってください。※自動連携はされません。',
  P8_POINTS: '予約サイトポイントを利用しない場合は、対象の予約サイトから利用ポイントの変更操作を必ず行ってください。※自動連携はされません。',
  P9_EXCEED: '予約時の利用ポイントを超えてポイントを利用することはできません。',
  P9_COMBINED: '予約サイトポイントは他のポイントと併用できません。',
  P10: '予約サイトポイントを利用時は値割引ボタンを押下することができません。値割引を行う場合は、予約サイトポイントの×ボタンをタップした後、値割引金額を登録し「その他支払い」から「ポイント」を押下し、支払いメモにある利用ポイントを確認して手動で金額を打ち込んでください。',
} as const;

const DISABLED: Record<string, string> = {
  credit: 'その他支払いに「売掛」が設定されていません。', points: 'その他支払いに「ポイント」が設定されていません。',
  sitePoints: 'その他支払いに「予約サイトポイント」が設定されていません。マスタ管理画面で設定し、マスタ同期を実施してください。',
  prepaid: MSG.P1,
};

const yen = (n: number) => `¥${n.toLocaleString('ja-JP')}`;

/** Prepayment and site points already used by earlier parts of an unfinished split. */
function usedSoFar(db: DB, slipId: string | undefined): { prepaid: number; sitePoints: number; points: number } {
  if (!slipId) return { prepaid: 0, sitePoints: 0, points: 0 };
  const rows = stmt(db, `SELECT y.kind, SUM(y.amount) AS amount FROM payments y JOIN slip_parts p ON p.id = y.part_id WHERE p.slip_id = ? GROUP BY y.kind`).all(slipId) as Array<{ kind: string; amount: number }>;
  const of = (k: string) => rows.find((r) => r.kind === k)?.amount ?? 0;
  return { prepaid: of('prepaid'), sitePoints: of('sitePoints'), points: of('points') };
}

/** P1–P10 and U3 on the payment list of one checkout or part; warnings are shown, refusals block. */
export function planPayments(db: DB, bill: Bill, plan: PartPlan, input: Input, settings: Settings, warnings: Notice[], refusals: Notice[]): PaymentPlan {
  const refuse = (code: string, message: string) => refusals.push({ code, message });
  const warn = (code: string, message: string) => warnings.push({ code, message });
  const { prepayment, points } = bill.main;
  const used = usedSoFar(db, bill.openSlip?.id);
  const of = (k: PaymentKind) => input.payments.filter((p) => p.kind === k);
  const sum = (k: PaymentKind) => of(k).reduce((a, p) => a + p.amount, 0);
  const anyDiscount = input.lineDiscounts.length > 0 || input.slipDiscounts.length > 0;

  for (const kind of new Set(input.payments.map((p) => p.kind))) {
    if (kind !== 'cash' && kind !== 'terminal' && !settings.otherPayments[kind]) refuse('PAYMENT_DISABLED', DISABLED[kind]!);
  }
  // USEN PAY (docs/payments.md, U2/U3): 決済端末 lines are exactly the terminal payments settled on
  // the bill's visits; one still on the terminal, unknown or 要確認 blocks the checkout.
  const terminal = checkTerminalLines(db, bill.visits.map((v) => v.id), of('terminal').map((p) => p.amount));
  for (const n of terminal.refusals) refuse(n.code, n.message);

  // Prepayment (P1–P6).
  const prepaid = sum('prepaid');
  const prepaidPart = prepaid > 0;
  if (prepaidPart) {
    if (prepaid >= PREPAYMENT_LIMIT || prepayment >= PREPAYMENT_LIMIT) refuse('PREPAYMENT_LIMIT', MSG.P2);
    else if (prepayment === 0) refuse('NO_PREPAYMENT', 'この予約には事前決済がありません。');
    else if (used.prepaid > 0 || of('prepaid').length > 1) refuse('PREPAYMENT_USED', '事前決済はこの伝票ですでに利用されています。');
    else if (prepaid !== prepayment) refuse('PREPAYMENT_MISMATCH', `事前決済の金額は予約の事前決済額（${yen(prepayment)}）と同じにしてください。`);
    else if (plan.billTotal < prepayment) refuse('PREPAYMENT_OVER_BILL', MSG.P3);
    else if (plan.gross !== prepayment || (plan.billTotal > prepayment && (plan.splitMode !== 'items' || plan.partNo !== 1))) refuse('PREPAYMENT_SPLIT', MSG.P4);
    else if (input.payments.some((p) => p.kind !== 'prepaid')) refuse('PREPAYMENT_ONLY', '事前決済分の会計は「SMART RESERVE事前決済」のみでお支払いください。');
    if (sum('sitePoints') > 0 || points > 0) refuse('PREPAYMENT_WITH_POINTS', MSG.P5);
  }
  if (prepayment > 0 && used.prepaid === 0) {
    if (plan.billTotal < prepayment) warn('P3', MSG.P3);
    else if (!prepaidPart) {
      if (plan.billTotal > prepayment) warn('P4', MSG.P4);
      warn('P8', MSG.P8_PREPAID); // paid on site without the prepayment: the ledger must be fixed by hand
    }
  }

  // Reservation-site points (P9, P10) and ポイント entered by hand (P8's undo path).
  const site = sum('sitePoints');
  if (site > 0) {
    if (points === 0) refuse('NO_POINTS', 'この予約には予約サイトポイントの利用がありません。');
    else if (site + used.sitePoints > points) refuse('POINTS_EXCEED', MSG.P9_EXCEED);
    if (of('sitePoints').length > 1 || sum('points') > 0 || used.points > 0) refuse('POINTS_COMBINED', MSG.P9_COMBINED);
    if (anyDiscount) refuse('DISCOUNT_WITH_POINTS', MSG.P10);
    if (points > 0 && site + used.sitePoints < points) warn('P9', `利用ポイントが予約時の利用ポイント（${points.toLocaleString('ja-JP')}pt）より少なくなります。${MSG.P8_POINTS}`);
  } else if (points > 0 && used.sitePoints === 0) {
    warn('P8', MSG.P8_POINTS);
  }
  if (used.sitePoints > 0 && sum('points') > 0) refuse('POINTS_COMBINED', MSG.P9_COMBINED);

  // Amounts: only cash gives change; everything else must fit inside the bill.
  const due = plan.gross;
  const nonCash = input.payments.filter((p) => p.kind !== 'cash').reduce((a, p) => a + p.amount, 0);
  const cash = sum('cash');
  const tendered = nonCash + cash;
  if (nonCash > due) refuse('OVERPAID', `その他支払いの合計（${yen(nonCash)}）が請求金額（${yen(due)}）を超えています。`);
  const shortfall = Math.max(0, due - tendered);
  if (shortfall > 0) refuse('UNDERPAID', `お預り金額が不足しています（不足 ${yen(shortfall)}）。`);
  const change = nonCash > due ? 0 : Math.max(0, tendered - due);
  // The change comes back out of the cash lines, last first.
  let back = change;
  let nthTerminal = 0;
  const payments = input.payments.map((p) => ({ kind: p.kind, label: p.kind === 'terminal' ? terminal.labels[nthTerminal++]! : PAYMENT_LABELS[p.kind], tendered: p.amount, amount: p.amount })).reverse()
    .map((p) => {
      if (p.kind !== 'cash' || back === 0) return p;
      const take = Math.min(back, p.amount);
      back -= take;
      return { ...p, amount: p.amount - take };
    }).reverse();

  const suggested: PaymentPlan['suggested'] = terminal.suggested.map((amount) => ({ kind: 'terminal' as const, amount }));
  if (prepayment > 0 && used.prepaid === 0 && prepayment < PREPAYMENT_LIMIT && settings.otherPayments.prepaid && plan.billTotal >= prepayment) suggested.push({ kind: 'prepaid', amount: prepayment });
  if (points > 0 && used.sitePoints === 0 && settings.otherPayments.sitePoints && prepayment === 0) suggested.push({ kind: 'sitePoints', amount: Math.min(points, due) });
  return { payments, tendered, change, shortfall, prepaidPart, suggested, discountsAllowed: site === 0 };
}
