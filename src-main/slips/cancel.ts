import type { Notice, ParsedInput } from '../../src-shared/contract/index.ts';
import { AppError } from '../../src-shared/errors.ts';
import { formatYen } from '../../src-shared/money.ts';
import { requireStaff, type HandlerCtx } from '../api/context.ts';
import { linkedLedger, visitIsLinked } from '../floor/ledger-events.ts';
import { cashFigures, openSessionRow } from '../services/till.ts';
import { getSettings } from '../store/settings-repo.ts';
import { slipById } from './documents.ts';
import { printAfterCommit } from './print.ts';
import { slipDetail } from './queries.ts';
import { RETURN_DOCUMENT_THRESHOLD, returnFigures } from './return-doc.ts';
import { stmt } from '../store/stmt.ts';
import { recordManualRefund, unrefundedSales, type IntentRow } from '../terminal/intents.ts';

const refuse = (code: string, log: string, message: string): never => {
  throw new AppError(code, log, message);
};

/**
 * 伝票取消 (G3). The slip keeps its number and is marked cancelled; the refund is booked in the
 * till session open now (cash leaves this drawer), so a settlement shows what happened in it.
 * A 適格返還請求書 is issued when the refund the register receipted is ¥10,000 or more, or when
 * staff ask. What the register cannot undo by itself becomes a warning (P9, prepayment, ledger).
 */
export function cancelSlip(input: ParsedInput<'slips.cancel'>, ctx: HandlerCtx) {
  const staff = requireStaff(ctx);
  const settings = getSettings(ctx.db);
  const till = openSessionRow(ctx.db, settings.registerNo) ?? refuse('TILL_NOT_OPEN', 'cancel without an open till', '開局されていません。先に開局してください。');
  const slip = slipById(ctx.db, input.slipId);
  if (slip.kind === 'combined') refuse('COMBINED_SLIP', 'cancel of a combined child', '合算会計の子伝票は取消できません。親伝票を取消してください。');
  if (slip.status === 'cancelled') refuse('ALREADY_CANCELLED', 'slip already cancelled', 'この伝票はすでに取消されています。');
  // An unfinished split is finished first, unless its table was cancelled meanwhile (来店取消):
  // then cancelling is the only way to refund the paid parts and let the till close.
  const seated = stmt(ctx.db, `SELECT 1 FROM slip_visits sv JOIN visits v ON v.id = sv.visit_id WHERE sv.slip_id = ? AND v.status = 'seated' LIMIT 1`).get(slip.id);
  if (slip.status === 'open' && seated) refuse('SPLIT_IN_PROGRESS', 'cancel of an unfinished split', '分割会計の途中の伝票は取消できません。残りの会計を済ませてから取消してください。');

  const refundedOutside = assertRefunded(ctx, slip.id, input.manualRefund !== undefined);

  const pays = stmt(ctx.db, `SELECT y.kind, SUM(y.amount) AS amount FROM payments y JOIN slip_parts p ON p.id = y.part_id WHERE p.slip_id = ? GROUP BY y.kind`)
    .all(slip.id) as Array<{ kind: string; amount: number }>;
  const paidBy = (k: string) => pays.find((p) => p.kind === k)?.amount ?? 0;
  const cash = paidBy('cash');
  if (cash > cashFigures(till).expectedCash) refuse('CASH_SHORT', 'refund above cash in drawer', 'レジ内の現金が不足しているため、現金の返金ができません。');

  const figures = returnFigures(ctx.db, slip);
  const returnDocument = figures.gross > 0 && (figures.gross >= RETURN_DOCUMENT_THRESHOLD || input.returnDocument);
  const now = ctx.now();
  for (const sale of refundedOutside) ctx.emit('terminal.payment', recordManualRefund(ctx.db, now, sale.ref, input.manualRefund!.reason, staff.id));
  if (refundedOutside.length) ctx.log.warn({ refs: refundedOutside.map((i) => i.ref), reason: input.manualRefund!.reason }, 'manager cancels a slip with USEN PAY sales refunded outside the register');
  stmt(ctx.db, `UPDATE slips SET status = 'cancelled' WHERE id = ? OR parent_slip_id = ?`).run(slip.id, slip.id);
  stmt(ctx.db, `INSERT INTO slip_cancellations (slip_id, till_session_id, business_day, at, staff_id, reason, gross, return_document)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(slip.id, till.id, till.business_day, now, staff.id, input.reason, slip.gross, returnDocument ? 1 : 0);

  const warnings: Notice[] = [];
  if (paidBy('sitePoints') > 0) warnings.push({ code: 'P9', message: '予約サイトポイントを利用した伝票を取消しました。予約サイトで利用ポイントを手動で戻してください。' });
  if (paidBy('prepaid') > 0) warnings.push({ code: 'PREPAID', message: '事前決済のキャンセルはUSEN SMART RESERVEより行ってください。' });
  if (refundedOutside.length) warnings.push({ code: 'U9', message: '決済端末で払戻できず現金で返金した場合は、その金額を出金として登録してください。' });
  const visits = (stmt(ctx.db, 'SELECT visit_id FROM slip_visits WHERE slip_id = ?').all(slip.id) as Array<{ visit_id: string }>).map((r) => r.visit_id);
  const link = linkedLedger(ctx);
  if (link && visits.some((v) => visitIsLinked(ctx, v))) {
    warnings.push({ code: 'LEDGER', message: `${link.caps.label}の会計情報は自動で取消されません。${link.caps.label}の画面で修正してください。` });
  }
  ctx.log.info({ slipNo: slip.slip_no, gross: slip.gross, reason: input.reason, returnDocument }, 'slip cancelled');
  ctx.emit('slips.changed', { slipId: slip.id, slipNo: slip.slip_no, status: 'cancelled', visitIds: visits });

  // The refund's cash leaves the drawer: the return document (or a kick alone) opens it.
  const print = returnDocument || cash > 0
    ? printAfterCommit(ctx, { slipId: slip.id, partNo: 0, document: 'return' }, { prepaid: false, cash: cash > 0, print: returnDocument })
    : { status: 'skipped' as const, message: null };
  return { slip: slipDetail(ctx.db, slip.id), returnDocument, warnings, print };
}

/**
 * U8: a USEN PAY payment is refunded on the terminal (USEN PAY → 取消) before its slip is
 * cancelled, or the register would keep money the guest got back. Only a manager may record that
 * it was refunded outside the register (a brand the terminal cannot refund, U9, or a void made on
 * the terminal itself). Returns the sales that decision covers.
 */
function assertRefunded(ctx: HandlerCtx, slipId: string, managerDecides: boolean): IntentRow[] {
  const open = unrefundedSales(ctx.db, slipId);
  if (open.length === 0) return [];
  if (!managerDecides) {
    const amount = formatYen(open.reduce((a, i) => a + i.amount, 0), 'ja');
    refuse('TERMINAL_NOT_REFUNDED', `slip has ${open.length} USEN PAY sale(s) not refunded`,
      `USEN PAYの決済（${amount}）が払戻されていません。先に「USEN PAY」→「取消」で決済端末から払戻してから、伝票を取消してください。`
      + '払戻できない電子マネー（交通系・nanaco・WAON・楽天Edy）や、決済端末で直接取消した場合は、店長が理由を記録して取消します。');
  }
  if (requireStaff(ctx).role !== 'manager') refuse('FORBIDDEN', 'manual refund decision by a non-manager', '端末外での払戻の記録は店長のみ行えます。');
  return open;
}
