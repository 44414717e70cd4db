import type { OrderLine, RateFigures, VisitOrders } from '../../src-shared/contract/index.ts';
import { computeSlipTax, rateAmounts, type PriceMode, type SlipTax, type TaxRate } from '../../src-shared/tax/index.ts';
import type { DB } from '../store/db.ts';
import { getSettings } from '../store/settings-repo.ts';
import { stmt } from '../store/stmt.ts';

export type LineRow = {
  id: string; visit_id: string; seq: number; product_id: string | null; category_id: string | null; name: string;
  unit_price: number; quantity: number; tax_class: OrderLine['taxClass']; takeout: number; rate: TaxRate; price_mode: PriceMode;
  note: string; status: OrderLine['status']; slip_id: string | null; part_id: string | null; split_from: string | null;
  ordered_at: number; ordered_by: string | null; voided_at: number | null; void_reason: string | null;
};

export type OpenSlipRow = { id: string; slip_no: string; split_mode: 'none' | 'items' | 'amount' | 'equal'; split_parts: number | null; bill: string | null; gross: number };

const LINE_SQL = `SELECT l.*, s.name AS ordered_by_name, sl.slip_no FROM order_lines l LEFT JOIN staff s ON s.id = l.ordered_by
  LEFT JOIN slip_parts p ON p.id = l.part_id LEFT JOIN slips sl ON sl.id = COALESCE(p.slip_id, l.slip_id)`;

export function toOrderLine(r: LineRow & { ordered_by_name?: string | null; slip_no?: string | null }): OrderLine {
  return {
    id: r.id, visitId: r.visit_id, seq: r.seq, productId: r.product_id, categoryId: r.category_id, name: r.name,
    unitPrice: r.unit_price, quantity: r.quantity, amount: r.unit_price * r.quantity, priceMode: r.price_mode,
    taxClass: r.tax_class, takeout: r.takeout === 1, rate: r.rate, note: r.note, status: r.status,
    orderedAt: r.ordered_at, orderedBy: r.ordered_by_name ?? null, voidedAt: r.voided_at, voidReason: r.void_reason, slipNo: r.slip_no ?? null,
  };
}

export function lineRow(db: DB, lineId: string): LineRow | null {
  return (stmt(db, 'SELECT * FROM order_lines WHERE id = ?').get(lineId) as LineRow | undefined) ?? null;
}

/**
 * The visits and every visit merged into them (T1 テーブル統合): the source's orders are paid
 * with the destination. Bounded: a merge chain is a handful of visits.
 */
export function withMerged(db: DB, visitIds: readonly string[]): string[] {
  const out = [...visitIds];
  const seen = new Set(out);
  for (let i = 0; i < out.length && i < 200; i++) {
    for (const r of stmt(db, `SELECT id FROM visits WHERE merged_into = ? AND status = 'merged'`).all(out[i]) as Array<{ id: string }>) {
      if (!seen.has(r.id)) { seen.add(r.id); out.push(r.id); }
    }
  }
  return out;
}

/** Lines still to be paid on the given visits (and those merged into them), in order. */
export function openLines(db: DB, ids: readonly string[]): LineRow[] {
  if (ids.length === 0) return [];
  const visitIds = withMerged(db, ids);
  return stmt(db, `SELECT * FROM order_lines WHERE status = 'open' AND visit_id IN (${visitIds.map(() => '?').join(', ')})
    ORDER BY ordered_at, visit_id, seq`).all(...visitIds) as LineRow[];
}

/** A line split off by a split checkout sorts where its original was ordered. */
const ORDER = 'ORDER BY l.ordered_at, COALESCE((SELECT o.seq FROM order_lines o WHERE o.id = l.split_from), l.seq), l.seq';

export function linesByPart(db: DB, partId: string): OrderLine[] {
  return (stmt(db, `${LINE_SQL} WHERE l.part_id = ? ${ORDER}`).all(partId) as LineRow[]).map(toOrderLine);
}

export function linesBySlip(db: DB, slipId: string, status: 'billed'): OrderLine[] {
  return (stmt(db, `${LINE_SQL} WHERE l.slip_id = ? AND l.status = ? ${ORDER}`).all(slipId, status) as LineRow[]).map(toOrderLine);
}

/** The unfinished split checkout of a visit (as main visit or as one it settles). */
export function openSlipOf(db: DB, visitId: string): OpenSlipRow | null {
  return (stmt(db, `SELECT s.id, s.slip_no, s.split_mode, s.split_parts, s.bill, s.gross FROM slips s JOIN slip_visits sv ON sv.slip_id = s.id
    WHERE sv.visit_id = ? AND s.status = 'open' LIMIT 1`).get(visitId) as OpenSlipRow | undefined) ?? null;
}

/** The parts of a slip paid so far, and their tax-included totals per rate (what an amount/equal split still owes). */
export function partsSoFar(db: DB, slipId: string): { count: number; byRate: Map<TaxRate, number> } {
  const rows = stmt(db, `SELECT r.rate, SUM(r.gross) AS gross FROM part_rates r JOIN slip_parts p ON p.id = r.part_id WHERE p.slip_id = ? GROUP BY r.rate`).all(slipId) as Array<{ rate: TaxRate; gross: number }>;
  const count = (stmt(db, 'SELECT COUNT(*) AS n FROM slip_parts WHERE slip_id = ?').get(slipId) as { n: number }).n;
  return { count, byRate: new Map(rows.map((r) => [r.rate, r.gross])) };
}

/** Per-rate figures of lines, no discounts: the running total of a table. */
export function taxOfLines(lines: readonly LineRow[], priceMode: PriceMode, rounding: SlipTax['rounding']): SlipTax {
  return computeSlipTax({ priceMode, rounding, lines: lines.map((l) => ({ unitPrice: l.unit_price, quantity: l.quantity, rate: l.rate })) });
}

export const rateFiguresOf = (tax: SlipTax): RateFigures[] =>
  tax.byRate.map((r) => ({ rate: r.rate, subtotal: r.subtotal, slipDiscount: r.slipDiscount, gross: r.gross, net: r.net, tax: r.tax }));

export function visitOrders(db: DB, visitId: string): VisitOrders {
  const visit = stmt(db, 'SELECT status FROM visits WHERE id = ?').get(visitId) as { status: string };
  const tableIds = (stmt(db, 'SELECT table_id FROM visit_tables WHERE visit_id = ? ORDER BY active DESC, since').all(visitId) as Array<{ table_id: string }>).map((r) => r.table_id);
  const ids = withMerged(db, [visitId]);
  const rows = stmt(db, `${LINE_SQL} WHERE l.visit_id IN (${ids.map(() => '?').join(', ')}) ORDER BY l.ordered_at, l.seq`).all(...ids) as LineRow[];
  const settings = getSettings(db);
  const open = rows.filter((r) => r.status === 'open');
  const tax = taxOfLines(open, open[0]?.price_mode ?? settings.priceMode, settings.taxRounding);
  const slip = openSlipOf(db, visitId);
  const paid = slip ? (stmt(db, 'SELECT COUNT(*) AS n, COALESCE(SUM(gross), 0) AS g FROM slip_parts WHERE slip_id = ?').get(slip.id) as { n: number; g: number }) : null;
  return {
    visitId, tableIds, visitStatus: visit.status, lines: rows.map(toOrderLine),
    total: { gross: tax.gross, net: tax.net, tax: tax.tax, byRate: rateFiguresOf(tax) },
    openSlip: slip && paid ? { slipId: slip.id, slipNo: slip.slip_no, splitMode: slip.split_mode, partsPaid: paid.n, paid: paid.g, splitParts: slip.split_parts } : null,
  };
}

/**
 * What a table still owes for its tile (G2, R6): open lines tax included (`amount`) and before
 * tax (`net`), plus the unpaid rest of an amount/equal split, whose net is rounded per rate as
 * the checkout rounds the part that pays it; and the number of an unfinished split slip.
 */
export function visitAmount(db: DB, visitId: string): { amount: number; net: number; slipNo: string | null } {
  const settings = getSettings(db);
  const open = openLines(db, [visitId]);
  const tax = open.length ? taxOfLines(open, open[0]!.price_mode, settings.taxRounding) : null;
  let amount = tax?.gross ?? 0;
  let net = tax?.net ?? 0;
  const slip = openSlipOf(db, visitId);
  if (slip?.bill) {
    const paid = partsSoFar(db, slip.id).byRate;
    for (const r of JSON.parse(slip.bill) as Array<{ rate: TaxRate; gross: number }>) {
      const rest = r.gross - (paid.get(r.rate) ?? 0);
      amount += rest;
      net += rateAmounts(rest, r.rate, 'inclusive', settings.taxRounding).net;
    }
  }
  return { amount, net, slipNo: slip?.slip_no ?? null };
}
