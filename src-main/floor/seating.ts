import { randomUUID } from 'node:crypto';
import { businessDayOf } from '../../src-shared/business-day.ts';
import type { ParsedInput } from '../../src-shared/contract/index.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { HandlerCtx } from '../api/context.ts';
import { getSettings } from '../store/settings-repo.ts';
import { isMapped, linkedLedger, sendVisitEvent, visitIsLinked } from './ledger-events.ts';
import { activeGroupOf, activeVisitId, ledgerBlockAt, nextDesignatedReservation, tableRow, visitSummary, WALK_IN_NAME } from './queries.ts';

type ReservationRow = { id: string; remote_id: string; kind: string; guest_name: string; designated_table_id: string | null; remote_status: string; start_at: number };

const hhmm = (ms: number) => new Date(ms + 9 * 3600_000).toISOString().slice(11, 16);

export const refuse = (code: string, log: string, message: string): never => {
  throw new AppError(code, log, message);
};

/** S1, S7, S9, S10: seat a reservation or a walk-in. A grouped table seats its whole group (T6). */
export function seat(input: ParsedInput<'seating.seat'>, ctx: HandlerCtx) {
  const table = tableRow(ctx.db, input.tableId) ?? refuse('NOT_FOUND', 'table not found', 'テーブルが見つかりません。');
  const now = ctx.now();
  const businessDay = businessDayOf(now, getSettings(ctx.db).businessDayStart);
  const link = linkedLedger(ctx);
  const warnings: string[] = [];
  const group = activeGroupOf(ctx.db, table.id);
  const tableIds = group
    ? (ctx.db.prepare('SELECT table_id FROM table_group_members WHERE group_id = ? ORDER BY table_id = ? DESC, table_id').all(group.id, group.representative) as Array<{ table_id: string }>).map((r) => r.table_id)
    : [table.id];
  for (const id of tableIds) {
    const busy = activeVisitId(ctx.db, id);
    if (busy) refuse('TABLE_OCCUPIED', `table ${id} occupied`, `${tableRow(ctx.db, id)?.name ?? ''}は利用中です。`);
    const state = ctx.db.prepare('SELECT blocked, reset FROM table_state WHERE table_id = ?').get(id) as { blocked: number; reset: number } | undefined;
    if (state?.blocked) refuse('TABLE_BLOCKED', 'table blocked', 'このテーブルはブロック中です。ブロックを解除してから配席してください。');
    if (state?.reset) refuse('TABLE_RESET', 'table in reset', 'このテーブルはリセット中です。リセットを解除してから配席してください。');
  }

  let reservation: ReservationRow | null = null;
  if (input.reservationId) {
    reservation = (ctx.db.prepare('SELECT * FROM reservations WHERE id = ?').get(input.reservationId) as ReservationRow | undefined)
      ?? refuse('NOT_FOUND', 'reservation not found', '予約が見つかりません。予約確認を更新してください。');
    if (reservation.kind === 'block') refuse('RESERVATION_IS_BLOCK', 'R7 a ledger block cannot be seated', 'ブロックは配席できません。解除は予約台帳で行ってください。');
    if (reservation.remote_status === 'キャンセル') refuse('RESERVATION_CANCELLED', 'reservation cancelled', 'この予約はキャンセルされています。');
    assertNotSeated(ctx, reservation.id);
    if (table.kind === 'waiting') refuse('WAITING_TABLE', 'S10 waiting table', '待機テーブルは予約台帳に連携されないため、予約を配席できません。'); // S10
    if (link?.caps.requiresDesignatedSeat && !reservation.designated_table_id) {
      refuse('NO_DESIGNATED_SEAT', 'S4', '席が指定されていない予約は配席できません。予約台帳で席を指定してから配席してください。'); // S4
    }
  } else {
    const waiting = nextDesignatedReservation(ctx.db, table.id, businessDay);
    if (waiting && !input.confirmOverReservation) {
      // S7: the dialog; the UI asks and calls again with confirmOverReservation.
      refuse('CONFIRM_OVER_RESERVATION', 'S7 confirmation needed',
        `このテーブルには${hhmm(waiting.startAt)}から「${waiting.guestName}」様の予約（${waiting.party}名）が指定されています。ウォークインとして配席しますか？`);
    }
  }

  const visitId = randomUUID();
  const overReservation = !reservation && Boolean(nextDesignatedReservation(ctx.db, table.id, businessDay));
  ctx.db.prepare(`INSERT INTO visits (id, business_day, reservation_id, party, guest_name, status, seated_at, over_reservation, group_id, seated_by)
    VALUES (?, ?, ?, ?, ?, 'seated', ?, ?, ?, ?)`).run(visitId, businessDay, reservation?.id ?? null, input.party,
    reservation?.guest_name ?? (input.guestName || WALK_IN_NAME), now, overReservation ? 1 : 0, group?.id ?? null, ctx.staff?.id ?? null);
  const place = ctx.db.prepare('INSERT INTO visit_tables (visit_id, table_id, active, since) VALUES (?, ?, 1, ?)');
  for (const id of tableIds) place.run(visitId, id, now);

  if (link) {
    const mapped = tableIds.filter((id) => isMapped(ctx, id));
    if (!reservation && mapped.length === 0) warnings.push(link.caps.unmappedWarning); // L5: seated locally, not sent
    else {
      const payload = { reservationRemoteId: reservation?.remote_id ?? null, tableIds, party: input.party, seatedAt: now, guestName: reservation?.guest_name ?? null };
      sendVisitEvent(ctx, link, visitId, tableIds.length > 1 ? 'group.seated' : 'visit.seated', payload, businessDay);
      if (reservation && tableIds.length > 1) warnings.push('予約台帳ではグループの他のテーブルが空席のまま表示されます。予約台帳でウォークイン等に変更し、案内不可にしてください。');
      if (!reservation && mapped.length < tableIds.length) warnings.push('マッピングされていないテーブルの人数は代表テーブルに含めて連携されます。');
    }
  }
  if (ledgerBlockAt(ctx.db, table.id, now, now)) warnings.push('このテーブルは予約台帳でブロックされています。'); // T4
  ctx.emit('floor.changed', { tableIds });
  if (reservation) ctx.emit('reservations.changed', { lastRefreshAt: null });
  ctx.log.info({ visitId, tableIds, reservationId: reservation?.id ?? null, party: input.party }, 'seated');
  return { visit: visitSummary(ctx.db, visitId)!, warnings };
}

/** S6 fixed: checked here for a clear message, and by a unique index for two devices at once. */
function assertNotSeated(ctx: HandlerCtx, reservationId: string): void {
  const seated = ctx.db.prepare(`SELECT t.name FROM visits v JOIN visit_tables vt ON vt.visit_id = v.id JOIN tables t ON t.id = vt.table_id
    WHERE v.reservation_id = ? AND v.status IN ('seated', 'closed', 'merged') LIMIT 1`).get(reservationId) as { name: string } | undefined;
  if (seated) refuse('ALREADY_SEATED', 'reservation already seated', `この予約はすでに${seated.name}に配席されています。`);
}

/** The ledger refuses to cancel or merge a visit of an active group (GROUP_ACTIVE): so do we, first. */
export function assertNotGrouped(ctx: HandlerCtx, visitId: string): void {
  const grouped = ctx.db.prepare(`SELECT 1 FROM visits v JOIN table_groups g ON g.id = v.group_id WHERE v.id = ? AND g.dissolved_at IS NULL`).get(visitId);
  if (grouped) refuse('GROUP_ACTIVE', 'visit in an active group', 'テーブルグループを解除してから操作してください。');
}

export function seatedVisit(ctx: HandlerCtx, visitId: string) {
  const v = ctx.db.prepare(`SELECT * FROM visits WHERE id = ?`).get(visitId) as { id: string; status: string; business_day: string; party: number; reservation_id: string | null } | undefined;
  if (!v || v.status !== 'seated') refuse('NOT_FOUND', 'visit not seated', '対象の来店が見つかりません。画面を更新してください。');
  return v!;
}

/** S12 来店取消: the tables are free again and the ledger's visit goes back to 来店前. */
export function cancelVisit(input: ParsedInput<'seating.cancel'>, ctx: HandlerCtx) {
  const v = seatedVisit(ctx, input.visitId);
  assertNotGrouped(ctx, v.id);
  // A visit with orders, a started split or a terminal payment is settled, not cancelled.
  const busy = ctx.db.prepare(`SELECT
      (SELECT COUNT(*) FROM order_lines WHERE visit_id = ? AND status != 'void') AS lines,
      (SELECT COUNT(*) FROM slip_visits WHERE visit_id = ?) AS slips,
      (SELECT COUNT(*) FROM payment_intents WHERE visit_id = ? AND kind = 'sale' AND state NOT IN ('failed')) AS terminal`)
    .get(v.id, v.id, v.id) as { lines: number; slips: number; terminal: number };
  if (busy.lines || busy.slips || busy.terminal) {
    refuse('VISIT_HAS_ORDERS', 'visit has orders or payments', '注文または支払いのある来店は取り消せません。注文を取り消すか、会計してください。');
  }
  const tableIds = (ctx.db.prepare('SELECT table_id FROM visit_tables WHERE visit_id = ? AND active = 1').all(v.id) as Array<{ table_id: string }>).map((r) => r.table_id);
  ctx.db.prepare(`UPDATE visits SET status = 'cancelled', ended_at = ? WHERE id = ?`).run(ctx.now(), v.id);
  ctx.db.prepare('UPDATE visit_tables SET active = 0 WHERE visit_id = ?').run(v.id);
  if (visitIsLinked(ctx, v.id)) sendVisitEvent(ctx, linkedLedger(ctx), v.id, 'visit.cancelled', {}, v.business_day);
  ctx.emit('floor.changed', { tableIds });
  if (v.reservation_id) ctx.emit('reservations.changed', { lastRefreshAt: null });
  return { visitId: v.id };
}

/** S13 after seating: a new party size. */
export function updateVisit(input: ParsedInput<'visit.update'>, ctx: HandlerCtx) {
  const v = seatedVisit(ctx, input.visitId);
  ctx.db.prepare('UPDATE visits SET party = ? WHERE id = ?').run(input.party, v.id);
  if (visitIsLinked(ctx, v.id)) sendVisitEvent(ctx, linkedLedger(ctx), v.id, 'visit.changed', { party: input.party }, v.business_day);
  const summary = visitSummary(ctx.db, v.id)!;
  ctx.emit('floor.changed', { tableIds: summary.tableIds });
  return summary;
}
