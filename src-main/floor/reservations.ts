import { businessDayOf } from '../../src-shared/business-day.ts';
import type { ParsedInput } from '../../src-shared/contract/index.ts';
import type { HandlerCtx } from '../api/context.ts';
import { getSettings } from '../store/settings-repo.ts';
import { linkedLedger } from './ledger-events.ts';
import { reservationRows, tableRow } from './queries.ts';
import { refuse } from './seating.ts';

const hhmm = (ms: number) => new Date(ms + 9 * 3600_000).toISOString().slice(11, 16);

/** S13 before seating: time, table or party of a waiting reservation, sent to the ledger. */
export function updateReservation(input: ParsedInput<'reservations.update'>, ctx: HandlerCtx) {
  const r = ctx.db.prepare('SELECT * FROM reservations WHERE id = ?').get(input.reservationId) as
    { id: string; remote_id: string; kind: string; remote_status: string; business_day: string; designated_table_id: string | null } | undefined ?? refuse('NOT_FOUND', 'reservation not found', '予約が見つかりません。');
  if (r.kind === 'block') refuse('RESERVATION_IS_BLOCK', 'R7 ledger blocks are changed in the ledger', 'ブロックは予約台帳で変更してください。');
  const seated = ctx.db.prepare(`SELECT 1 FROM visits WHERE reservation_id = ? AND status IN ('seated', 'closed', 'merged')`).get(r.id);
  if (seated || r.remote_status !== '来店前') refuse('RESERVATION_NOT_WAITING', 'not waiting', '配席済みの予約は変更できません。配席後は人数をテーブルから変更してください。');
  if (input.tableId) {
    const t = tableRow(ctx.db, input.tableId) ?? refuse('NOT_FOUND', 'table not found', 'テーブルが見つかりません。');
    if (t.kind === 'waiting') refuse('WAITING_TABLE', 'S10', '待機テーブルは予約台帳に連携されないため指定できません。');
  }
  const change: Record<string, unknown> = {};
  if (input.startAt !== undefined) {
    const day = businessDayOf(input.startAt, getSettings(ctx.db).businessDayStart);
    ctx.db.prepare('UPDATE reservations SET start_at = ?, business_day = ?, updated_at = ? WHERE id = ?').run(input.startAt, day, ctx.now(), r.id);
    Object.assign(change, { businessDay: day, startTime: hhmm(input.startAt) });
  }
  if (input.party !== undefined) {
    ctx.db.prepare('UPDATE reservations SET party = ?, updated_at = ? WHERE id = ?').run(input.party, ctx.now(), r.id);
    change.party = input.party;
  }
  if (input.tableId !== undefined) {
    ctx.db.prepare('UPDATE reservations SET designated_table_id = ?, updated_at = ? WHERE id = ?').run(input.tableId, ctx.now(), r.id);
    change.posTableId = input.tableId;
  }
  const link = linkedLedger(ctx);
  if (link && Object.keys(change).length) {
    // Its designated tables, before and after, are shared with the visits seated there.
    const keys = [r.designated_table_id, input.tableId].filter((t): t is string => typeof t === 'string').map((t) => `table:${t}`);
    ctx.outbox.add({ target: link.target, aggType: 'reservation', aggId: r.id, type: 'reservation.changed', payload: { remoteId: r.remote_id, change }, businessDay: r.business_day, keys });
  }
  ctx.emit('reservations.changed', { lastRefreshAt: null });
  ctx.emit('floor.changed', { tableIds: [] });
  const day = businessDayOf(ctx.now(), getSettings(ctx.db).businessDayStart);
  return reservationRows(ctx.db, day).find((row) => row.id === r.id) ?? refuse('NOT_FOUND', 'moved out of range', '予約が表示範囲外に移動しました。');
}
