import { randomUUID } from 'node:crypto';
import { AppError } from '../../src-shared/errors.ts';
import { rateFor } from '../../src-shared/tax/index.ts';
import { handlers, type HandlerCtx } from '../api/context.ts';
import { productById } from '../menu/handlers.ts';
import { getSettings } from '../store/settings-repo.ts';
import { lineRow, openSlipOf, visitOrders, type LineRow } from './lines.ts';
import { stmt } from '../store/stmt.ts';

const refuse = (code: string, log: string, message: string): never => {
  throw new AppError(code, log, message);
};

/** Orders are taken only on a seated visit (after checkout or cancel the table is closed). */
function seatedVisit(ctx: HandlerCtx, visitId: string): { id: string } {
  const v = stmt(ctx.db, 'SELECT id, status FROM visits WHERE id = ?').get(visitId) as { id: string; status: string } | undefined;
  if (!v) refuse('NOT_FOUND', 'visit not found', '対象の来店が見つかりません。画面を更新してください。');
  if (v!.status !== 'seated') refuse('VISIT_CLOSED', `visit is ${v!.status}`, 'この来店は会計済みまたは取消済みのため、注文を変更できません。');
  return v!;
}

/** An amount/equal split froze the bill at its first part: nothing may be added or changed until it is paid. */
function assertNoFrozenBill(ctx: HandlerCtx, visitId: string): void {
  const slip = openSlipOf(ctx.db, visitId);
  if (slip && (slip.split_mode === 'amount' || slip.split_mode === 'equal')) {
    refuse('SPLIT_IN_PROGRESS', 'amount split in progress', `分割会計（伝票No.${slip.slip_no}）の途中のため、注文を変更できません。残りの会計を済ませてください。`);
  }
}

function openLine(ctx: HandlerCtx, lineId: string): LineRow {
  const line = lineRow(ctx.db, lineId) ?? refuse('NOT_FOUND', 'line not found', '注文が見つかりません。画面を更新してください。');
  if (line.status !== 'open') refuse('LINE_NOT_OPEN', `line is ${line.status}`, 'この注文は会計済みまたは取消済みのため変更できません。');
  seatedVisit(ctx, line.visit_id);
  assertNoFrozenBill(ctx, line.visit_id);
  return line;
}

function changed(ctx: HandlerCtx, visitId: string) {
  const view = visitOrders(ctx.db, visitId);
  ctx.emit('orders.changed', { visitId, tableIds: view.tableIds });
  ctx.emit('floor.changed', { tableIds: view.tableIds });
  return view;
}

export const ordersHandlers = handlers({
  'orders.list': (input, ctx) => {
    if (!stmt(ctx.db, 'SELECT 1 FROM visits WHERE id = ?').get(input.visitId)) refuse('NOT_FOUND', 'visit not found', '対象の来店が見つかりません。');
    return visitOrders(ctx.db, input.visitId);
  },

  'orders.add': (input, ctx) => {
    const visit = seatedVisit(ctx, input.visitId);
    assertNoFrozenBill(ctx, visit.id);
    const priceMode = getSettings(ctx.db).priceMode;
    const now = ctx.now();
    let seq = (stmt(ctx.db, 'SELECT COALESCE(MAX(seq), 0) AS n FROM order_lines WHERE visit_id = ?').get(visit.id) as { n: number }).n;
    const insert = stmt(ctx.db, `INSERT INTO order_lines (id, visit_id, seq, product_id, category_id, name, unit_price, quantity, tax_class,
      takeout, rate, price_mode, note, status, ordered_at, ordered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`);
    input.lines.forEach((l, i) => {
      const product = productById(ctx.db, l.productId);
      if (!product) refuse('NOT_FOUND', `product ${l.productId} not found`, `${i + 1}行目: 商品が見つかりません。メニューを更新してください。`);
      if (!product!.active) refuse('PRODUCT_INACTIVE', 'product inactive', `${i + 1}行目: 「${product!.name}」は販売停止中です。`);
      // The rate belongs to the line at the time of sale: takeout food 8 %, eat-in and alcohol 10 %.
      const rate = rateFor({ taxClass: product!.taxClass, takeout: l.takeout });
      insert.run(randomUUID(), visit.id, ++seq, product!.id, product!.categoryId, product!.name, product!.price, l.quantity,
        product!.taxClass, l.takeout ? 1 : 0, rate, priceMode, l.note, now, ctx.staff?.id ?? null);
    });
    return changed(ctx, visit.id);
  },

  'orders.update': (input, ctx) => {
    const line = openLine(ctx, input.lineId);
    const takeout = input.takeout ?? line.takeout === 1;
    const rate = rateFor({ taxClass: line.tax_class, takeout });
    stmt(ctx.db, 'UPDATE order_lines SET quantity = ?, takeout = ?, rate = ?, note = ? WHERE id = ?')
      .run(input.quantity ?? line.quantity, takeout ? 1 : 0, rate, input.note ?? line.note, line.id);
    return changed(ctx, line.visit_id);
  },

  'orders.void': (input, ctx) => {
    const line = openLine(ctx, input.lineId);
    stmt(ctx.db, `UPDATE order_lines SET status = 'void', voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?`)
      .run(ctx.now(), ctx.staff?.id ?? null, input.reason, line.id);
    return changed(ctx, line.visit_id);
  },
});
