import type { ParsedInput, PaymentKind, SlipDetail, SlipRow } from '../../src-shared/contract/index.ts';
import { AppError } from '../../src-shared/errors.ts';
import { linesByPart, linesBySlip } from '../orders/lines.ts';
import type { DB } from '../store/db.ts';
import { discountsOf, partsOf, paymentsOf, ratesOf, slipById, type SlipRowDb } from './documents.ts';
import { stmt } from '../store/stmt.ts';

type ListRow = SlipRowDb & { guest_name: string; segment_name: string | null; parent_slip_no: string | null; parts: number; tables: string | null; kinds: string | null };

const LIST_SQL = `SELECT s.*, v.guest_name, seg.name AS segment_name, ps.slip_no AS parent_slip_no,
    (SELECT COUNT(*) FROM slip_parts p WHERE p.slip_id = COALESCE(s.parent_slip_id, s.id)) AS parts,
    (SELECT GROUP_CONCAT(name, '、') FROM (SELECT DISTINCT t.name FROM slip_visits sv JOIN visit_tables vt ON vt.visit_id = sv.visit_id
       JOIN tables t ON t.id = vt.table_id WHERE sv.slip_id = s.id ORDER BY t.sort)) AS tables,
    (SELECT GROUP_CONCAT(kind) FROM (SELECT DISTINCT y.kind FROM payments y JOIN slip_parts p ON p.id = y.part_id WHERE p.slip_id = s.id)) AS kinds
  FROM slips s JOIN visits v ON v.id = s.visit_id LEFT JOIN customer_segments seg ON seg.id = s.segment_id LEFT JOIN slips ps ON ps.id = s.parent_slip_id`;

function toRow(r: ListRow): SlipRow {
  return {
    id: r.id, slipNo: r.slip_no, kind: r.kind, status: r.status, businessDay: r.business_day, openedAt: r.opened_at, closedAt: r.closed_at,
    visitId: r.visit_id, guestName: r.guest_name, tableNames: r.tables ? r.tables.split('、') : [], party: r.party, segmentName: r.segment_name,
    gross: r.gross, tax: r.tax, discount: r.discount, splitMode: r.split_mode, parts: r.parts,
    paymentKinds: (r.kinds ? r.kinds.split(',') : []) as PaymentKind[], parentSlipNo: r.parent_slip_no,
  };
}

/** 伝票明細 (G3): search by number (the last digits are enough), time, table, amount and status. */
export function listSlips(db: DB, q: ParsedInput<'slips.list'>): { rows: SlipRow[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => { where.push(sql); args.push(...values); };
  if (q.businessDay) add('s.business_day = ?', q.businessDay);
  if (q.from !== undefined) add('COALESCE(s.closed_at, s.opened_at) >= ?', q.from);
  if (q.to !== undefined) add('COALESCE(s.closed_at, s.opened_at) < ?', q.to);
  if (q.slipNo) add(q.slipNo.length === 13 ? 's.slip_no = ?' : "s.slip_no LIKE '%' || ?", q.slipNo);
  if (q.tableId) add('EXISTS (SELECT 1 FROM slip_visits sv JOIN visit_tables vt ON vt.visit_id = sv.visit_id WHERE sv.slip_id = s.id AND vt.table_id = ?)', q.tableId);
  if (q.minAmount !== undefined) add('s.gross >= ?', q.minAmount);
  if (q.maxAmount !== undefined) add('s.gross <= ?', q.maxAmount);
  if (q.status) add('s.status = ?', q.status);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (stmt(db, `SELECT COUNT(*) AS n FROM slips s ${clause}`).get(...args) as { n: number }).n;
  const rows = stmt(db, `${LIST_SQL} ${clause} ORDER BY s.opened_at DESC, s.seq DESC LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as ListRow[];
  return { rows: rows.map(toRow), total };
}

export function slipRowById(db: DB, slipId: string): SlipRow {
  const row = stmt(db, `${LIST_SQL} WHERE s.id = ?`).get(slipId) as ListRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `slip ${slipId} not found`, '伝票が見つかりません。');
  return toRow(row);
}

/** 詳細: everything the slip holds, as stored at checkout. */
export function slipDetail(db: DB, slipId: string): SlipDetail {
  const slip = slipById(db, slipId);
  const visits = stmt(db, `SELECT sv.visit_id AS visitId, sv.role, v.guest_name AS guestName, v.party, v.reservation_id AS reservationId
    FROM slip_visits sv JOIN visits v ON v.id = sv.visit_id WHERE sv.slip_id = ? ORDER BY sv.role != 'main', sv.rowid`).all(slip.id) as SlipDetail['visits'];
  const cancellation = stmt(db, `SELECT c.at, s.name AS staffName, c.reason, c.gross, c.return_document AS returnDocument FROM slip_cancellations c
    JOIN staff s ON s.id = c.staff_id WHERE c.slip_id = ?`).get(slip.id) as (Omit<NonNullable<SlipDetail['cancellation']>, 'returnDocument'> & { returnDocument: number }) | undefined;
  const children = (stmt(db, 'SELECT slip_no FROM slips WHERE parent_slip_id = ? ORDER BY seq').all(slip.id) as Array<{ slip_no: string }>).map((r) => r.slip_no);
  return {
    ...slipRowById(db, slip.id), priceMode: slip.price_mode, rounding: slip.rounding, visits, childSlipNos: children,
    parts: partsOf(db, slip.id).map((p) => ({
      partNo: p.part_no, at: p.at, staffName: p.staff_name, subtotal: p.subtotal, lineDiscount: p.line_discount, slipDiscount: p.slip_discount,
      gross: p.gross, net: p.net, tax: p.tax, paid: p.paid, change: p.change, prepaid: p.prepaid === 1,
      receiptPrints: p.receipt_prints, formalPrints: p.formal_prints, print: { status: p.print_status, message: p.print_message }, byRate: ratesOf(db, p.id), discounts: discountsOf(db, p.id),
      payments: paymentsOf(db, p.id) as SlipDetail['parts'][number]['payments'], lines: linesByPart(db, p.id),
    })),
    billedLines: linesBySlip(db, slip.id, 'billed'),
    cancellation: cancellation ? { ...cancellation, returnDocument: cancellation.returnDocument === 1 } : null,
  };
}

export function slipIdByNo(db: DB, slipNo: string): string {
  const row = stmt(db, 'SELECT id FROM slips WHERE slip_no = ?').get(slipNo) as { id: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `slip ${slipNo} not found`, `伝票No.${slipNo}は見つかりません。`);
  return row.id;
}
