import { randomUUID } from 'node:crypto';
import type { HandlerCtx } from '../api/context.ts';
import { linkedLedger, sendVisitEvent, visitIsLinked } from '../floor/ledger-events.ts';
import { takeSlipNo } from '../slips/numbering.ts';
import type { BillVisit } from './bill.ts';
import type { Evaluation } from './evaluate.ts';
import { stmt } from '../store/stmt.ts';

type SlipRef = { slipId: string; slipNo: string };

/** Per-slip sums the ledger needs (C3 parts, P prepayment and points used). */
function slipFigures(ctx: HandlerCtx, slipId: string) {
  const parts = stmt(ctx.db, 'SELECT part_no AS partNo, gross AS amount FROM slip_parts WHERE slip_id = ? ORDER BY part_no').all(slipId) as Array<{ partNo: number; amount: number }>;
  const pay = stmt(ctx.db, `SELECT y.kind, SUM(y.amount) AS amount FROM payments y JOIN slip_parts p ON p.id = y.part_id
    WHERE p.slip_id = ? AND y.kind IN ('prepaid', 'sitePoints') GROUP BY y.kind`).all(slipId) as Array<{ kind: string; amount: number }>;
  return {
    gross: parts.reduce((a, p) => a + p.amount, 0), parts,
    prepaymentUsed: pay.find((p) => p.kind === 'prepaid')?.amount ?? 0, pointsUsed: pay.find((p) => p.kind === 'sitePoints')?.amount ?? 0,
  };
}

/**
 * C1/C3/T6/T7 to the linked ledger, through the outbox, in the checkout's transaction:
 * - the main visit gets the slip: number, whole amount, party; a split slip only now that every
 *   part is paid, with its parts (C3); prepayment and points used (P3–P5, P9);
 * - members of a table group get nothing: the ledger closes them with the representative (T6);
 * - each combined child visit (合算会計, T7) is closed with its own slip number, amount 0 (its
 *   lines are on the parent slip), and its own party;
 * - お席トットくん takes only party and slip number (C1).
 * Visits never sent (unmapped, L5) are not sent now either.
 */
function sendToLedger(ctx: HandlerCtx, ev: Evaluation, slip: SlipRef, childSlips: Map<string, string>): void {
  const link = linkedLedger(ctx);
  if (!link) return;
  const fig = slipFigures(ctx, slip.slipId);
  const children = ev.bill.visits.filter((v) => v.role === 'combined');
  const mainParty = children.length === 0 ? ev.party : ev.bill.visits.filter((v) => v.role !== 'combined').reduce((a, v) => a + v.party, 0);
  // The representative's checkout closes its group members on the ledger (T6): it frees their tables too.
  const members = ev.bill.visits.map((v) => v.id);
  const send = (v: BillVisit, slipNo: string, amount: number, party: number, extra: Record<string, unknown>) => {
    if (!visitIsLinked(ctx, v.id)) return;
    const body = link.caps.checkoutFields === 'full' ? { slipNo, amount, party, ...extra } : { slipNo, party };
    sendVisitEvent(ctx, link, v.id, 'visit.checkedOut', { slip: body }, v.businessDay, null, members);
  };
  send(ev.bill.main, slip.slipNo, fig.gross, mainParty, {
    ...(fig.parts.length > 1 ? { parts: fig.parts.map((p) => ({ ...p, paid: true })) } : {}),
    ...(fig.prepaymentUsed ? { prepaymentUsed: fig.prepaymentUsed } : {}),
    ...(fig.pointsUsed ? { pointsUsed: fig.pointsUsed } : {}),
  });
  for (const v of children) send(v, childSlips.get(v.id)!, 0, v.party, {});
}

/** The last part is paid: the slip closes, its visits leave their tables, the ledger is told. */
export function closeSlip(ctx: HandlerCtx, ev: Evaluation, slip: SlipRef): void {
  const db = ctx.db;
  const now = ctx.now();
  const head = stmt(db, 'SELECT register_no, till_session_id, business_day, price_mode, rounding FROM slips WHERE id = ?').get(slip.slipId) as {
    register_no: number; till_session_id: string; business_day: string; price_mode: string; rounding: string };
  stmt(db, `UPDATE slips SET status = 'closed', closed_at = ? WHERE id = ?`).run(now, slip.slipId);
  const childSlips = new Map<string, string>();
  for (const v of ev.bill.visits) {
    stmt(db, `UPDATE visits SET status = 'closed', ended_at = ? WHERE id = ? AND status = 'seated'`).run(now, v.id);
    stmt(db, 'UPDATE visit_tables SET active = 0 WHERE visit_id = ?').run(v.id);
    if (v.role !== 'combined') continue;
    // Each combined table keeps a slip number of its own, numbered in the same transaction.
    const { seq, slipNo } = takeSlipNo(db, head.register_no, head.business_day);
    const id = randomUUID();
    stmt(db, `INSERT INTO slips (id, slip_no, register_no, seq, kind, parent_slip_id, visit_id, till_session_id, business_day, status, split_mode,
        price_mode, rounding, party, staff_id, opened_at, closed_at) VALUES (?, ?, ?, ?, 'combined', ?, ?, ?, ?, 'closed', 'none', ?, ?, ?, ?, ?, ?)`)
      .run(id, slipNo, head.register_no, seq, slip.slipId, v.id, head.till_session_id, head.business_day, head.price_mode, head.rounding, v.party, ctx.staff?.id ?? null, now, now);
    stmt(db, `INSERT INTO slip_visits (slip_id, visit_id, role) VALUES (?, ?, 'main')`).run(id, v.id);
    childSlips.set(v.id, slipNo);
  }
  sendToLedger(ctx, ev, slip, childSlips);
  if (ev.bill.visits.some((v) => v.reservationId)) ctx.emit('reservations.changed', { lastRefreshAt: null });
}
