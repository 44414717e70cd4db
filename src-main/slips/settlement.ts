import { PAYMENT_LABELS, type PaymentKind, type SettlementReport } from '../../src-shared/contract/index.ts';
import type { DB } from '../store/db.ts';
import { stmt } from '../store/stmt.ts';

const ORDER: PaymentKind[] = ['cash', 'terminal', 'credit', 'points', 'sitePoints', 'prepaid'];
type Figures = { gross: number; net: number; tax: number };
type ByPayment = SettlementReport['byPayment'];

/** P1: 事前決済 is a credit sale (掛売); P9: site points are booked as ポイント. */
const GROUP: Record<PaymentKind, string> = { cash: '現金', terminal: '決済端末', credit: '掛売', prepaid: '掛売', points: 'ポイント', sitePoints: 'ポイント' };

const byKind = (rows: Array<{ kind: PaymentKind; count: number; amount: number }>): ByPayment =>
  rows.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind))
    .map((r) => ({ kind: r.kind, label: PAYMENT_LABELS[r.kind], group: GROUP[r.kind], count: r.count, amount: r.amount }));

/**
 * 精算 (till close, docs/checkout.md). Everything is summed from what the checkouts stored —
 * the parts paid in this session (each with its per-rate figures, rounded once on its receipt)
 * and the cancellations made in it — so the report equals the sum of its slips to the yen and
 * never changes once the session is closed. Works offline: it reads only the local database.
 */
export function settlementOf(db: DB, sessionId: string): SettlementReport {
  const sales = stmt(db, `SELECT COALESCE(SUM(gross), 0) AS gross, COALESCE(SUM(net), 0) AS net, COALESCE(SUM(tax), 0) AS tax
    FROM slip_parts WHERE till_session_id = ?`).get(sessionId) as Figures;
  // IN, not a join: a join that binds a parameter is planned again at every run (services/till.ts, SESSION_SQL).
  const byPayment = byKind(stmt(db, `SELECT kind, COUNT(*) AS count, SUM(amount) AS amount FROM payments
    WHERE part_id IN (SELECT id FROM slip_parts WHERE till_session_id = ?) GROUP BY kind`).all(sessionId) as Array<{ kind: PaymentKind; count: number; amount: number }>);
  const byRate = stmt(db, `SELECT r.rate, SUM(r.gross) AS gross, SUM(r.net) AS net, SUM(r.tax) AS tax FROM part_rates r JOIN slip_parts p ON p.id = r.part_id
    WHERE p.till_session_id = ? GROUP BY r.rate ORDER BY r.rate DESC`).all(sessionId) as Array<Figures & { rate: number }>;
  const disc = stmt(db, `SELECT d.scope, COUNT(*) AS count, SUM(d.yen) AS yen FROM part_discounts d JOIN slip_parts p ON p.id = d.part_id
    WHERE p.till_session_id = ? GROUP BY d.scope`).all(sessionId) as Array<{ scope: 'line' | 'slip'; count: number; yen: number }>;
  const slips = stmt(db, `SELECT COUNT(*) AS n, COALESCE(SUM(party), 0) AS guests FROM slips WHERE till_session_id = ? AND kind = 'sale'`).get(sessionId) as { n: number; guests: number };

  // Cancellations made in this session, whatever session sold them.
  const cancelledSlips = `SELECT slip_id FROM slip_cancellations WHERE till_session_id = ?`;
  const cancelled = stmt(db, `SELECT COUNT(*) AS count, COALESCE(SUM(s.gross), 0) AS gross, COALESCE(SUM(s.net), 0) AS net, COALESCE(SUM(s.tax), 0) AS tax
    FROM slip_cancellations c JOIN slips s ON s.id = c.slip_id WHERE c.till_session_id = ?`).get(sessionId) as Figures & { count: number };
  const cancelledByPayment = byKind(stmt(db, `SELECT y.kind, COUNT(*) AS count, SUM(y.amount) AS amount FROM payments y JOIN slip_parts p ON p.id = y.part_id
    WHERE p.slip_id IN (${cancelledSlips}) GROUP BY y.kind`).all(sessionId) as Array<{ kind: PaymentKind; count: number; amount: number }>);
  const cancelledByRate = stmt(db, `SELECT r.rate, SUM(r.gross) AS gross, SUM(r.net) AS net, SUM(r.tax) AS tax FROM part_rates r JOIN slip_parts p ON p.id = r.part_id
    WHERE p.slip_id IN (${cancelledSlips}) GROUP BY r.rate ORDER BY r.rate DESC`).all(sessionId) as Array<Figures & { rate: number }>;

  const bySegment = stmt(db, `SELECT s.segment_id AS segmentId, COALESCE(seg.name, '未設定') AS name, COUNT(*) AS slips,
      COALESCE(SUM(s.party), 0) AS guests, COALESCE(SUM(s.gross), 0) AS gross
    FROM slips s LEFT JOIN customer_segments seg ON seg.id = s.segment_id WHERE s.till_session_id = ? AND s.kind = 'sale'
    GROUP BY s.segment_id ORDER BY seg.sort IS NULL, seg.sort`).all(sessionId) as SettlementReport['bySegment'];
  const openSplits = (stmt(db, `SELECT COUNT(*) AS n FROM slips WHERE till_session_id = ? AND status = 'open'`).get(sessionId) as { n: number }).n;
  const of = (scope: 'line' | 'slip') => disc.find((d) => d.scope === scope);
  return {
    slips: slips.n, guests: slips.guests, sales, byPayment, byRate,
    discounts: { lineCount: of('line')?.count ?? 0, lineYen: of('line')?.yen ?? 0, slipCount: of('slip')?.count ?? 0, slipYen: of('slip')?.yen ?? 0 },
    cancelled: { ...cancelled, byPayment: cancelledByPayment, byRate: cancelledByRate },
    netSales: { gross: sales.gross - cancelled.gross, net: sales.net - cancelled.net, tax: sales.tax - cancelled.tax },
    bySegment, openSplits,
  };
}
