// Where terminal payments meet the checkout (docs/payments.md): what a terminal payment may charge,
// which settled terminal payments a checkout must carry, and binding them to its payment rows.
import { TERMINAL_METHOD_LABELS, type Notice, type ParsedInput } from '../../src-shared/contract/index.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { HandlerCtx } from '../api/context.ts';
import { evaluate } from '../checkout/evaluate.ts';
import { stmt } from '../store/stmt.ts';
import { openSessionRow } from '../services/till.ts';
import { formatSlipNo } from '../slips/numbering.ts';
import type { DB } from '../store/db.ts';
import { getSettings } from '../store/settings-repo.ts';
import { blockingIntents, paidUnconsumed, transition, type IntentRow } from './intents.ts';
import { TEXT } from './u12.ts';

const yen = (n: number) => `¥${n.toLocaleString('ja-JP')}`;

/** Refusals of an evaluation that concern the payment list, not the bill: ignored when a terminal payment starts. */
const PAYMENT_CODES = new Set(['UNDERPAID', 'OVERPAID', 'TERMINAL_UNRESOLVED', 'TERMINAL_MISMATCH']);

export type Due = {
  visitIds: string[]; due: number; paid: IntentRow[]; slipNo: string; tillId: string; businessDay: string;
};

/**
 * What a terminal payment of this checkout may charge: the part's total (the checkout's own
 * evaluation, so split, discounts and 合算 count) minus the terminal payments already settled on it.
 * Must run inside the write transaction that inserts the intent.
 */
export function dueFor(ctx: HandlerCtx, input: ParsedInput<'terminal.pay'>): Due {
  const ev = evaluate(ctx, {
    visitId: input.visitId, combineVisitIds: input.combineVisitIds, split: input.split, lineDiscounts: input.lineDiscounts,
    slipDiscounts: input.slipDiscounts, payments: [], segmentId: null,
  });
  const refusal = ev.refusals.find((r) => !PAYMENT_CODES.has(r.code));
  if (refusal) throw new AppError(refusal.code, `terminal payment refused by the checkout: ${refusal.code}`, refusal.message);
  const visitIds = ev.bill.visits.map((v) => v.id);
  const till = openSessionRow(ctx.db, ev.settings.registerNo);
  if (!till) throw new AppError('TILL_NOT_OPEN', 'terminal payment without an open till');
  const paid = paidUnconsumed(ctx.db, visitIds);
  const due = ev.plan.gross - paid.reduce((a, p) => a + p.amount, 0);
  return { visitIds, due, paid, slipNo: ev.bill.openSlip?.slip_no ?? provisionalSlipNo(ctx.db, till.business_day), tillId: till.id, businessDay: till.business_day };
}

/**
 * The number the slip will get if no other checkout commits first (the terminal only prints and
 * journals it); the intent learns the real slip when the checkout commits.
 */
export function provisionalSlipNo(db: DB, businessDay: string): string {
  const registerNo = getSettings(db).registerNo;
  const row = db.prepare('SELECT last_seq FROM slip_counters WHERE register_no = ?').get(registerNo) as { last_seq: number } | undefined;
  return formatSlipNo(registerNo, businessDay, (row?.last_seq ?? 0) + 1);
}

/**
 * The checkout's 決済端末 lines must be exactly the visits' settled terminal payments (U2, U3):
 * a payment taken on the terminal is never left out (a charge the register forgot), and 決済端末
 * is never entered without one. Anything unsettled (決済中, 確認中, 要確認) blocks the checkout.
 */
export function checkTerminalLines(db: DB, visitIds: readonly string[], amounts: readonly number[]): { refusals: Notice[]; labels: string[]; suggested: number[] } {
  const refusals: Notice[] = [];
  const open = blockingIntents(db, visitIds);
  if (open.length > 0) refusals.push({ code: 'TERMINAL_UNRESOLVED', message: open.some((r) => r.state === 'review') ? TEXT.REVIEW_ON_VISIT : TEXT.OPEN_ON_VISIT });
  const paid = paidUnconsumed(db, visitIds);
  const left = [...paid];
  const labels = amounts.map((a) => {
    const i = left.findIndex((p) => p.amount === a);
    return i < 0 ? '決済端末' : TERMINAL_METHOD_LABELS[left.splice(i, 1)[0]!.method];
  });
  if (left.length > 0 || amounts.length !== paid.length) {
    const total = paid.reduce((s, p) => s + p.amount, 0);
    refusals.push({
      code: 'TERMINAL_MISMATCH',
      message: paid.length === 0 ? '決済端末で支払われていません。先に「決済端末連携」で決済してください。'
        : `決済端末で支払済みの金額（${paid.map((p) => yen(p.amount)).join('、')}、計${yen(total)}）をそのまま支払いに含めてください。`,
    });
  }
  return { refusals, labels, suggested: paid.map((p) => p.amount) };
}

/** In the checkout's transaction: each 決済端末 payment row takes one settled intent of the same amount. */
export function bindTerminalPayments(db: DB, now: number, partId: string, slipId: string, visitIds: readonly string[], staffId: string | null): void {
  const rows = stmt(db, `SELECT id, amount FROM payments WHERE part_id = ? AND kind = 'terminal' ORDER BY seq`).all(partId) as Array<{ id: string; amount: number }>;
  if (rows.length === 0) return;
  const left = paidUnconsumed(db, visitIds);
  for (const p of rows) {
    const i = left.findIndex((r) => r.amount === p.amount);
    if (i < 0) throw new AppError('TERMINAL_MISMATCH', `payment ${p.id} of ${p.amount} has no settled terminal intent`, '決済端末の支払いが確認できません。画面を更新してください。');
    const intent = left.splice(i, 1)[0]!;
    const bound = transition(db, now, intent.ref, ['done'], 'done', { payment_id: p.id, slip_id: slipId }, 'checkout', `payment ${p.id}`, staffId);
    if (!bound) throw new AppError('CONFLICT', `intent ${intent.ref} changed during checkout`);
  }
}
