import { randomUUID } from 'node:crypto';
import { businessDayOf } from '../../src-shared/business-day.ts';
import type { ParsedInput } from '../../src-shared/contract/index.ts';
import type { HandlerCtx } from '../api/context.ts';
import { getSettings } from '../store/settings-repo.ts';
import { isMapped, linkedLedger, sendVisitEvent, visitIsLinked } from './ledger-events.ts';
import { activeGroupOf, activeVisitId, nextDesignatedReservation, tableRow, tileOf, visitSummary } from './queries.ts';
import { assertNotGrouped, refuse, seatedVisit } from './seating.ts';

type VisitInfo = { id: string; reservation_id: string | null; party: number; business_day: string; prepayment: number; points: number };

function visitOnTable(ctx: HandlerCtx, tableId: string): VisitInfo {
  const table = tableRow(ctx.db, tableId) ?? refuse('NOT_FOUND', 'table not found', 'テーブルが見つかりません。');
  const id = activeVisitId(ctx.db, table.id) ?? refuse('TABLE_FREE', 'no visit on table', `${table.name}にはお客様がいません。`);
  return ctx.db.prepare(`SELECT v.id, v.reservation_id, v.party, v.business_day, COALESCE(r.prepayment, 0) AS prepayment, COALESCE(r.points, 0) AS points
    FROM visits v LEFT JOIN reservations r ON r.id = v.reservation_id WHERE v.id = ?`).get(id) as VisitInfo;
}

/** P7: tables with prepayment or points are never merged, grouped or combined. */
function assertNoPrepaid(visits: VisitInfo[], what: string): void {
  if (visits.some((v) => v.prepayment > 0 || v.points > 0)) refuse('PREPAID_TABLE', 'P7', `事前決済・予約サイトポイントのあるテーブルは${what}できません。`);
}

function activeTableIds(ctx: HandlerCtx, visitId: string): string[] {
  return (ctx.db.prepare('SELECT table_id FROM visit_tables WHERE visit_id = ? AND active = 1').all(visitId) as Array<{ table_id: string }>).map((r) => r.table_id);
}

/** T1: the source's party joins the destination, whose info wins; the source table is free again. */
export function merge(input: ParsedInput<'table.merge'>, ctx: HandlerCtx) {
  if (input.fromTableId === input.toTableId) refuse('VALIDATION', 'same table', '統合元と統合先に同じテーブルは選べません。');
  const from = visitOnTable(ctx, input.fromTableId);
  const to = visitOnTable(ctx, input.toTableId);
  if (from.id === to.id) refuse('VALIDATION', 'same visit', '同じグループのテーブル同士は統合できません。');
  if (from.reservation_id && to.reservation_id) refuse('TWO_RESERVATIONS', 'T1', '予約同士のテーブル統合はできません。');
  assertNotGrouped(ctx, from.id);
  assertNotGrouped(ctx, to.id);
  assertNoPrepaid([from, to], '統合');
  const link = linkedLedger(ctx);
  if (link && from.reservation_id && !link.caps.mergeSourceMayBeReservation) refuse('RESERVATION_SOURCE', 'T1 oseki', '予約のテーブルは統合元にできません。統合先に選択してください。');
  const now = ctx.now();
  const fromTables = activeTableIds(ctx, from.id);
  ctx.db.prepare(`UPDATE visits SET status = 'merged', merged_into = ?, ended_at = ? WHERE id = ?`).run(to.id, now, from.id);
  ctx.db.prepare('UPDATE visit_tables SET active = 0 WHERE visit_id = ?').run(from.id);
  ctx.db.prepare('UPDATE visits SET party = party + ? WHERE id = ?').run(from.party, to.id);
  const warnings: string[] = [];
  if (link && link.caps.sendsMerges && visitIsLinked(ctx, from.id) && visitIsLinked(ctx, to.id)) {
    // The merge needs the destination's visit on the ledger first: chain it after that aggregate.
    const after = ctx.outbox.lastEventOf(link.target, 'visit', to.id);
    sendVisitEvent(ctx, link, from.id, 'visit.merged', { intoVisitId: to.id, party: from.party + to.party }, from.business_day, after);
  } else if (link && !link.caps.sendsMerges) {
    warnings.push(`${link.caps.label}にはテーブル統合が連携されません。予約台帳側で修正してください。`); // T1 Resty
  }
  ctx.emit('floor.changed', { tableIds: [...fromTables, input.toTableId] });
  return { visit: visitSummary(ctx.db, to.id)!, warnings };
}

/** T2: the visit moves to a free table. */
export function move(input: ParsedInput<'table.move'>, ctx: HandlerCtx) {
  const from = visitOnTable(ctx, input.fromTableId);
  const to = tableRow(ctx.db, input.toTableId) ?? refuse('NOT_FOUND', 'table not found', 'テーブルが見つかりません。');
  if (activeVisitId(ctx.db, to.id)) refuse('TABLE_OCCUPIED', 'move to occupied', `${to.name}は利用中です。統合する場合はテーブル統合を使ってください。`);
  const state = ctx.db.prepare('SELECT blocked, reset FROM table_state WHERE table_id = ?').get(to.id) as { blocked: number; reset: number } | undefined;
  if (state?.blocked || state?.reset) refuse('TABLE_BLOCKED', 'move to blocked', `${to.name}はブロックまたはリセット中です。`);
  if (from.reservation_id && to.kind === 'waiting') refuse('WAITING_TABLE', 'S10', '待機テーブルへは予約を移動できません。統合を使ってください。');
  const now = ctx.now();
  ctx.db.prepare('UPDATE visit_tables SET active = 0 WHERE visit_id = ? AND table_id = ?').run(from.id, input.fromTableId);
  ctx.db.prepare(`INSERT INTO visit_tables (visit_id, table_id, active, since) VALUES (?, ?, 1, ?)
    ON CONFLICT(visit_id, table_id) DO UPDATE SET active = 1, since = excluded.since`).run(from.id, to.id, now);
  const link = linkedLedger(ctx);
  const warnings: string[] = [];
  if (link && visitIsLinked(ctx, from.id)) {
    if (!link.caps.sendsMoves) warnings.push(`${link.caps.label}にはテーブル移動が連携されません。予約台帳側で移動してください。`); // T2 Resty
    else if (!isMapped(ctx, to.id)) warnings.push(link.caps.unmappedWarning);
    else sendVisitEvent(ctx, link, from.id, 'visit.moved', { fromTableId: input.fromTableId, toTableId: to.id }, from.business_day);
  }
  ctx.emit('floor.changed', { tableIds: [input.fromTableId, to.id] });
  return { visit: visitSummary(ctx.db, from.id)!, warnings };
}

function setState(ctx: HandlerCtx, tableId: string, field: 'blocked' | 'reset', value: boolean) {
  const table = tableRow(ctx.db, tableId) ?? refuse('NOT_FOUND', 'table not found', 'テーブルが見つかりません。');
  if (value && activeVisitId(ctx.db, table.id)) refuse('TABLE_OCCUPIED', `${field} occupied`, `${table.name}は利用中のため${field === 'blocked' ? 'ブロック' : 'リセット'}できません。`);
  ctx.db.prepare(`INSERT INTO table_state (table_id, ${field}, updated_at) VALUES (?, ?, ?)
    ON CONFLICT(table_id) DO UPDATE SET ${field} = excluded.${field}, updated_at = excluded.updated_at`).run(table.id, value ? 1 : 0, ctx.now());
  ctx.emit('floor.changed', { tableIds: [table.id] });
  return tileOf(ctx.db, table.id, ctx.now())!;
}

/** T4: register-only block; ledger blocks are made in the ledger. */
export const block = (input: ParsedInput<'table.block'>, ctx: HandlerCtx) => setState(ctx, input.tableId, 'blocked', input.blocked);

/** T5: only where the store enabled table reset; not sent to the ledger. */
export function reset(input: ParsedInput<'table.reset'>, ctx: HandlerCtx) {
  if (!getSettings(ctx.db).tableResetEnabled) refuse('RESET_DISABLED', 'T5 disabled', 'テーブルリセット機能は設定で有効になっていません。');
  return setState(ctx, input.tableId, 'reset', input.reset);
}

/** T6: group tables under a representative. */
export function group(input: ParsedInput<'table.group'>, ctx: HandlerCtx) {
  const ids = [...new Set(input.tableIds)];
  if (!ids.includes(input.representativeTableId)) refuse('VALIDATION', 'rep not in group', '代表テーブルはグループ内から選んでください。');
  const link = linkedLedger(ctx);
  const day = businessDayOf(ctx.now(), getSettings(ctx.db).businessDayStart);
  const visits: VisitInfo[] = [];
  let reservations = 0;
  const warnings: string[] = [];
  for (const id of ids) {
    const table = tableRow(ctx.db, id) ?? refuse('NOT_FOUND', 'table not found', 'テーブルが見つかりません。');
    if (activeGroupOf(ctx.db, id)) refuse('ALREADY_GROUPED', 'T6', `${table.name}はすでにグループに入っています。`);
    if (table.kind === 'waiting' && link && !link.caps.groupWithWaitingTable) refuse('WAITING_TABLE', 'T3', '待機テーブルはグループにできません。');
    const visitId = activeVisitId(ctx.db, id);
    if (visitId) {
      const v = visitOnTable(ctx, id);
      if (!visits.some((x) => x.id === v.id)) visits.push(v);
      if (v.reservation_id) reservations += 1;
    } else if (nextDesignatedReservation(ctx.db, id, day)) {
      reservations += 1;
      warnings.push('予約台帳ではウォークインのテーブルが空席のまま表示されます。予約台帳でウォークイン等に変更し、案内不可にしてください。');
    }
  }
  const allSeated = visits.length === ids.length;
  if (reservations > 1 && !(link?.caps.groupReservations === 'after-seating' && allSeated)) refuse('TWO_RESERVATIONS', 'T6', '予約同士のテーブルグループ設定はできません。');
  assertNoPrepaid(visits, 'グループに');
  const groupId = randomUUID();
  ctx.db.prepare('INSERT INTO table_groups (id, representative_table_id, created_at) VALUES (?, ?, ?)').run(groupId, input.representativeTableId, ctx.now());
  const member = ctx.db.prepare('INSERT INTO table_group_members (group_id, table_id) VALUES (?, ?)');
  for (const id of ids) member.run(groupId, id);
  for (const v of visits) ctx.db.prepare('UPDATE visits SET group_id = ? WHERE id = ?').run(groupId, v.id);
  const repVisit = activeVisitId(ctx.db, input.representativeTableId);
  if (link && repVisit && visits.length > 1) {
    const linked = visits.filter((v) => visitIsLinked(ctx, v.id));
    const after = linked.map((v) => ctx.outbox.lastEventOf(link.target, 'visit', v.id)).filter((e): e is string => Boolean(e)).at(-1) ?? null;
    sendVisitEvent(ctx, link, repVisit, 'visit.grouped', { groupId, visitIds: visits.map((v) => v.id).sort((a) => (a === repVisit ? -1 : 1)) }, day, after);
  }
  ctx.emit('floor.changed', { tableIds: ids });
  return { groupId, warnings: [...new Set(warnings)] };
}

/** T6 ungroup: non-representative tables keep a party of 1 (the manual's rule). */
export function ungroup(input: ParsedInput<'table.ungroup'>, ctx: HandlerCtx) {
  const g = ctx.db.prepare('SELECT * FROM table_groups WHERE id = ? AND dissolved_at IS NULL').get(input.groupId) as { id: string; representative_table_id: string } | undefined
    ?? refuse('NOT_FOUND', 'group not found', 'グループが見つかりません。');
  const tables = (ctx.db.prepare('SELECT table_id FROM table_group_members WHERE group_id = ?').all(g.id) as Array<{ table_id: string }>).map((r) => r.table_id);
  const now = ctx.now();
  const link = linkedLedger(ctx);
  ctx.db.prepare('UPDATE table_groups SET dissolved_at = ? WHERE id = ?').run(now, g.id);
  const splits: Array<{ newId: string; fromVisitId: string; tableId: string; businessDay: string }> = [];
  // The ledger sets the members' parties when the group goes: the ungroup is ordered with their changes.
  const members = new Set<string>();
  for (const tableId of tables) {
    const visitId = activeVisitId(ctx.db, tableId);
    if (visitId) members.add(visitId);
    if (!visitId || tableId === g.representative_table_id) continue;
    const v = seatedVisit(ctx, visitId);
    if (activeTableIds(ctx, visitId).length > 1) {
      // One visit spanned the group: the table leaves it as a walk-in of 1.
      ctx.db.prepare('UPDATE visit_tables SET active = 0 WHERE visit_id = ? AND table_id = ?').run(visitId, tableId);
      const newId = randomUUID();
      ctx.db.prepare(`INSERT INTO visits (id, business_day, reservation_id, party, guest_name, status, seated_at, seated_by) VALUES (?, ?, NULL, 1, 'ウォークイン', 'seated', ?, ?)`)
        .run(newId, v.business_day, now, ctx.staff?.id ?? null);
      ctx.db.prepare('INSERT INTO visit_tables (visit_id, table_id, active, since) VALUES (?, ?, 1, ?)').run(newId, tableId, now);
      // The ledger seated this table as a member visit of the group (ref "<visit>/<table>"):
      // adopt it, so later changes of the new walk-in reach the ledger (after the ungroup is sent).
      if (link && visitIsLinked(ctx, visitId) && isMapped(ctx, tableId)) {
        splits.push({ newId, fromVisitId: visitId, tableId, businessDay: v.business_day });
      }
    } else {
      ctx.db.prepare('UPDATE visits SET party = 1, group_id = NULL WHERE id = ?').run(visitId);
    }
  }
  ctx.db.prepare('UPDATE visits SET group_id = NULL WHERE group_id = ?').run(g.id);
  const repVisit = activeVisitId(ctx.db, g.representative_table_id);
  if (link && repVisit && visitIsLinked(ctx, repVisit)) sendVisitEvent(ctx, link, repVisit, 'visit.ungrouped', { groupId: g.id }, seatedVisit(ctx, repVisit).business_day, null, [...members]);
  for (const split of splits) {
    const after = link ? ctx.outbox.lastEventOf(link.target, 'visit', split.fromVisitId) : null;
    sendVisitEvent(ctx, link, split.newId, 'visit.split', { fromVisitId: split.fromVisitId, tableId: split.tableId }, split.businessDay, after);
  }
  ctx.emit('floor.changed', { tableIds: tables });
  return { groupId: g.id };
}
