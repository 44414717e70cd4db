import type { Notice } from '../../src-shared/contract/index.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { HandlerCtx } from '../api/context.ts';
import { activeVisitId } from '../floor/queries.ts';
import { linkedLedger } from '../floor/ledger-events.ts';
import { openLines, openSlipOf, type LineRow, type OpenSlipRow } from '../orders/lines.ts';
import { stmt } from '../store/stmt.ts';

export type Role = 'main' | 'combined' | 'group';
export type BillVisit = {
  id: string; role: Role; status: string; reservationId: string | null; party: number; businessDay: string; groupId: string | null;
  guestName: string; prepayment: number; points: number; tableIds: string[]; waitingTable: boolean;
};

/** Everything a checkout settles: the visits, their open lines and an unfinished split slip. */
export type Bill = { main: BillVisit; visits: BillVisit[]; openSlip: OpenSlipRow | null; lines: LineRow[] };

type VisitDbRow = {
  id: string; status: string; reservation_id: string | null; party: number; business_day: string; group_id: string | null;
  guest_name: string; prepayment: number; points: number;
};

function loadVisit(ctx: HandlerCtx, visitId: string, role: Role): BillVisit {
  const v = stmt(ctx.db, `SELECT v.id, v.status, v.reservation_id, v.party, v.business_day, v.group_id, v.guest_name,
      COALESCE(r.prepayment, 0) AS prepayment, COALESCE(r.points, 0) AS points
    FROM visits v LEFT JOIN reservations r ON r.id = v.reservation_id WHERE v.id = ?`).get(visitId) as VisitDbRow | undefined;
  if (!v) throw new AppError('NOT_FOUND', `visit ${visitId} not found`, '対象の来店が見つかりません。画面を更新してください。');
  if (v.status !== 'seated') throw new AppError('VISIT_CLOSED', `visit ${visitId} is ${v.status}`, 'この来店はすでに会計済みまたは取消済みです。画面を更新してください。');
  const tables = stmt(ctx.db, `SELECT t.id, t.kind FROM visit_tables vt JOIN tables t ON t.id = vt.table_id WHERE vt.visit_id = ? AND vt.active = 1
    ORDER BY vt.since, vt.rowid`).all(visitId) as Array<{ id: string; kind: string }>;
  return {
    id: v.id, role, status: v.status, reservationId: v.reservation_id, party: v.party, businessDay: v.business_day, groupId: v.group_id,
    guestName: v.guest_name, prepayment: v.prepayment, points: v.points, tableIds: tables.map((t) => t.id),
    waitingTable: tables.length > 0 && tables.every((t) => t.kind === 'waiting'),
  };
}

/** T6: a table group is paid at its representative and settles every member visit. */
function groupMembers(ctx: HandlerCtx, main: BillVisit, refusals: Notice[]): BillVisit[] {
  if (!main.groupId) return [];
  const group = stmt(ctx.db, 'SELECT representative_table_id AS rep FROM table_groups WHERE id = ? AND dissolved_at IS NULL').get(main.groupId) as { rep: string } | undefined;
  if (!group) return [];
  if (activeVisitId(ctx.db, group.rep) !== main.id) {
    refusals.push({ code: 'GROUP_CHECKOUT_REPRESENTATIVE', message: 'テーブルグループの会計は代表テーブルで行ってください。' });
  }
  const ids = (stmt(ctx.db, `SELECT id FROM visits WHERE group_id = ? AND status = 'seated' AND id != ? ORDER BY seated_at, id`)
    .all(main.groupId, main.id) as Array<{ id: string }>).map((r) => r.id);
  return ids.map((id) => loadVisit(ctx, id, 'group'));
}

/** T7 and P7: which visits may be combined into one checkout (合算会計) with the linked ledger. */
function checkCombined(ctx: HandlerCtx, main: BillVisit, children: BillVisit[], refusals: Notice[]): void {
  if (children.length === 0) return;
  if ([main, ...children].some((v) => v.prepayment > 0 || v.points > 0)) {
    refusals.push({ code: 'PREPAID_NOT_COMBINABLE', message: '事前決済・予約サイトポイントのあるテーブルは合算会計できません。' }); // P7
  }
  const link = linkedLedger(ctx);
  if (link?.caps.combined === 'reservation-parent-walkin-children') {
    // お席トットくん: a reservation only as parent, never two reservations, never a waiting table as parent.
    if (children.some((c) => c.reservationId)) {
      refusals.push({ code: 'RESERVATION_CHILD', message: main.reservationId ? '予約同士の合算会計はできません。' : '予約テーブルを子とした合算会計はできません。' });
    }
    if (main.waitingTable) refusals.push({ code: 'WAITING_PARENT', message: '待機テーブルを親とした合算会計はできません。' });
  }
}

export function gatherBill(ctx: HandlerCtx, visitId: string, combineVisitIds: readonly string[], refusals: Notice[]): Bill {
  const openSlip = openSlipOf(ctx.db, visitId);
  if (openSlip) {
    // An unfinished split keeps the visits of its first part, whatever is asked now.
    const rows = stmt(ctx.db, `SELECT visit_id, role FROM slip_visits WHERE slip_id = ? ORDER BY role != 'main', rowid`).all(openSlip.id) as Array<{ visit_id: string; role: Role }>;
    const visits = rows.map((r) => loadVisit(ctx, r.visit_id, r.role));
    const main = visits.find((v) => v.role === 'main')!;
    if (main.id !== visitId) refusals.push({ code: 'SPLIT_IN_PROGRESS', message: `分割会計（伝票No.${openSlip.slip_no}）の途中です。親テーブルで残りの会計を行ってください。` });
    return { main, visits, openSlip, lines: openLines(ctx.db, visits.map((v) => v.id)) };
  }
  const main = loadVisit(ctx, visitId, 'main');
  const members = groupMembers(ctx, main, refusals);
  const unique = [...new Set(combineVisitIds)].filter((id) => id !== main.id && !members.some((m) => m.id === id));
  const children = unique.map((id) => loadVisit(ctx, id, 'combined'));
  for (const c of children) {
    const busy = openSlipOf(ctx.db, c.id);
    if (busy) refusals.push({ code: 'SPLIT_IN_PROGRESS', message: `合算するテーブルに分割会計の途中の伝票（No.${busy.slip_no}）があります。` });
    if (c.groupId && stmt(ctx.db, 'SELECT 1 FROM table_groups WHERE id = ? AND dissolved_at IS NULL').get(c.groupId)) {
      refusals.push({ code: 'GROUPED_CHILD', message: 'テーブルグループ中のテーブルは代表テーブルで会計してください。' });
    }
  }
  checkCombined(ctx, main, children, refusals);
  const visits = [main, ...members, ...children];
  return { main, visits, openSlip: null, lines: openLines(ctx.db, visits.map((v) => v.id)) };
}
