import { randomUUID } from 'node:crypto';
import type { CheckoutResult, ParsedInput } from '../../src-shared/contract/index.ts';
import { AppError } from '../../src-shared/errors.ts';
import { requireStaff, type HandlerCtx } from '../api/context.ts';
import { openSessionRow } from '../services/till.ts';
import { takeSlipNo } from '../slips/numbering.ts';
import { printAfterCommit } from '../slips/print.ts';
import { getSettings } from '../store/settings-repo.ts';
import { closeSlip } from './close.ts';
import { evaluate, type Evaluation } from './evaluate.ts';
import { stmt } from '../store/stmt.ts';
import { bindTerminalPayments } from '../terminal/checkout-link.ts';

/** The ledger takes at most 20 parts (sim/smart-reserve/schemas.ts checkoutBody). */
const MAX_PARTS = 20;

type Written = { slipId: string; slipNo: string; partId: string };

/** The slip row and the visits it settles, numbered inside this transaction (G3). */
function openSlip(ctx: HandlerCtx, ev: Evaluation, tillId: string, businessDay: string, registerNo: number): { slipId: string; slipNo: string } {
  if (ev.bill.openSlip) return { slipId: ev.bill.openSlip.id, slipNo: ev.bill.openSlip.slip_no };
  const { seq, slipNo } = takeSlipNo(ctx.db, registerNo, businessDay);
  const slipId = randomUUID();
  const { plan } = ev;
  stmt(ctx.db, `INSERT INTO slips (id, slip_no, register_no, seq, kind, visit_id, till_session_id, business_day, status, split_mode, split_parts,
      bill, price_mode, rounding, party, segment_id, staff_id, opened_at) VALUES (?, ?, ?, ?, 'sale', ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(slipId, slipNo, registerNo, seq, ev.bill.main.id, tillId, businessDay, plan.splitMode, plan.splitParts,
      plan.bill ? JSON.stringify(plan.bill) : null, ev.priceMode, ev.settings.taxRounding, ev.party, ev.input.segmentId, ctx.staff?.id ?? null, ctx.now());
  const link = stmt(ctx.db, 'INSERT INTO slip_visits (slip_id, visit_id, role) VALUES (?, ?, ?)');
  for (const v of ev.bill.visits) link.run(slipId, v.id, v.role);
  return { slipId, slipNo };
}

/** The part: per-rate figures, discounts, payments, and the lines it pays (or freezes). */
function writePart(ctx: HandlerCtx, ev: Evaluation, slip: { slipId: string; slipNo: string }, tillId: string, businessDay: string): Written {
  const { plan, pay } = ev;
  const db = ctx.db;
  const partId = randomUUID();
  stmt(db, `INSERT INTO slip_parts (id, slip_id, part_no, till_session_id, business_day, at, staff_id, subtotal, line_discount, slip_discount,
      gross, net, tax, paid, change, prepaid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(partId, slip.slipId, plan.partNo, tillId, businessDay, ctx.now(), ctx.staff?.id ?? null, plan.subtotal, plan.lineDiscount, plan.slipDiscount,
      plan.gross, plan.net, plan.tax, pay.tendered, pay.change, pay.prepaidPart ? 1 : 0);
  const rate = stmt(db, 'INSERT INTO part_rates (part_id, rate, subtotal, slip_discount, gross, net, tax) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const r of plan.byRate) rate.run(partId, r.rate, r.subtotal, r.slipDiscount, r.gross, r.net, r.tax);
  const payment = stmt(db, 'INSERT INTO payments (id, part_id, seq, kind, label, tendered, amount) VALUES (?, ?, ?, ?, ?, ?, ?)');
  pay.payments.forEach((p, i) => payment.run(randomUUID(), partId, i + 1, p.kind, p.label, p.tendered, p.amount));

  // Lines: a quantity below the line's splits it, so each receipt lists what it paid.
  const renamed = new Map<string, string>();
  for (const { row, quantity } of plan.lines) {
    if (plan.freeze) {
      stmt(db, `UPDATE order_lines SET status = 'billed', slip_id = ? WHERE id = ? AND status = 'open'`).run(slip.slipId, row.id);
    } else if (quantity < row.quantity) {
      const newId = randomUUID();
      const seq = (stmt(db, 'SELECT MAX(seq) AS n FROM order_lines WHERE visit_id = ?').get(row.visit_id) as { n: number }).n + 1;
      stmt(db, 'UPDATE order_lines SET quantity = quantity - ? WHERE id = ?').run(quantity, row.id);
      stmt(db, `INSERT INTO order_lines (id, visit_id, seq, product_id, category_id, name, unit_price, quantity, tax_class, takeout, rate, price_mode,
          note, status, slip_id, part_id, split_from, ordered_at, ordered_by) SELECT ?, visit_id, ?, product_id, category_id, name, unit_price, ?, tax_class,
          takeout, rate, price_mode, note, 'paid', ?, ?, id, ordered_at, ordered_by FROM order_lines WHERE id = ?`)
        .run(newId, seq, quantity, slip.slipId, partId, row.id);
      renamed.set(row.id, newId);
    } else {
      const done = stmt(db, `UPDATE order_lines SET status = 'paid', slip_id = ?, part_id = ? WHERE id = ? AND status = 'open'`).run(slip.slipId, partId, row.id);
      if (done.changes !== 1) throw new AppError('CONFLICT', `line ${row.id} changed during checkout`);
    }
  }
  const discount = stmt(db, 'INSERT INTO part_discounts (part_id, seq, scope, line_id, kind, value, yen, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  plan.discounts.forEach((d, i) => discount.run(partId, i + 1, d.scope, d.lineId ? renamed.get(d.lineId) ?? d.lineId : null, d.kind, d.value, d.yen, d.label));

  stmt(db, `UPDATE slips SET gross = gross + ?, net = net + ?, tax = tax + ?, discount = discount + ?, party = ?,
      segment_id = COALESCE(?, segment_id) WHERE id = ?`)
    .run(plan.gross, plan.net, plan.tax, plan.lineDiscount + plan.slipDiscount, ev.party, ev.input.segmentId, slip.slipId);
  return { ...slip, partId };
}

/**
 * 会計: one SQLite transaction (the dispatcher's) holds the slip number, the part, its lines,
 * payments and discounts, the visits' closing and the outbox rows for the ledger. Printing and
 * the drawer follow the commit (ctx.afterCommit): the sale is on disk before paper moves.
 */
export function commitCheckout(input: ParsedInput<'checkout.commit'>, ctx: HandlerCtx): CheckoutResult {
  requireStaff(ctx);
  const settings = getSettings(ctx.db);
  const till = openSessionRow(ctx.db, settings.registerNo);
  if (!till) throw new AppError('TILL_NOT_OPEN', 'checkout without an open till');
  const ev = evaluate(ctx, input);
  if (ev.plan.partNo > MAX_PARTS) ev.refusals.push({ code: 'TOO_MANY_PARTS', message: `分割会計は${MAX_PARTS}回までです。残りはまとめて会計してください。` });
  const first = ev.refusals[0];
  if (first) throw new AppError(first.code, `checkout refused: ${ev.refusals.map((r) => r.code).join(', ')}`, first.message);

  const slip = openSlip(ctx, ev, till.id, till.business_day, settings.registerNo);
  const written = writePart(ctx, ev, slip, till.id, till.business_day);
  // USEN PAY: each 決済端末 payment takes its settled intent, in this same transaction (docs/payments.md).
  bindTerminalPayments(ctx.db, ctx.now(), written.partId, slip.slipId, ev.bill.visits.map((v) => v.id), ctx.staff?.id ?? null);
  if (ev.plan.closes) closeSlip(ctx, ev, slip);
  const remaining = ev.plan.closes ? 0 : ev.plan.remainingAfter;
  ctx.emit('slips.changed', { slipId: slip.slipId, slipNo: slip.slipNo, status: ev.plan.closes ? 'closed' : 'open', visitIds: ev.bill.visits.map((v) => v.id) });
  ctx.emit('floor.changed', { tableIds: ev.bill.visits.flatMap((v) => v.tableIds) });
  for (const v of ev.bill.visits) ctx.emit('orders.changed', { visitId: v.id, tableIds: v.tableIds });
  ctx.log.info({ slipNo: slip.slipNo, partNo: ev.plan.partNo, gross: ev.plan.gross, closed: ev.plan.closes, payments: ev.pay.payments.map((p) => p.kind) }, 'checkout committed');

  const print = printAfterCommit(ctx, { slipId: written.slipId, partNo: ev.plan.partNo, document: 'receipt' }, {
    prepaid: ev.pay.prepaidPart, cash: ev.pay.payments.some((p) => p.kind === 'cash'), print: settings.receipt.autoPrint,
  });
  return {
    slipId: slip.slipId, slipNo: slip.slipNo, partNo: ev.plan.partNo, total: ev.plan.gross, change: ev.pay.change,
    closed: ev.plan.closes, remaining, warnings: ev.warnings, print,
  };
}
