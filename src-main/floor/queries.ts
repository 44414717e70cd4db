import { addDays, businessDayOf } from '../../src-shared/business-day.ts';
import type { FloorView, ReservationRow, TableTile, VisitSummary } from '../../src-shared/contract/index.ts';
import { visitAmount } from '../orders/lines.ts';
import { unsentVisitIds } from '../outbox/outbox.ts';
import type { DB } from '../store/db.ts';
import { getSettings } from '../store/settings-repo.ts';

type TableRow = { id: string; floor_id: string; name: string; short_name: string; kind: 'table' | 'counter' | 'waiting'; seats: number };
type VisitRow = {
  id: string; reservation_id: string | null; party: number; guest_name: string; seated_at: number; over_reservation: number;
  group_id: string | null; prepayment: number | null; points: number | null; reservation_start_at: number | null;
};

/** A waiting designated reservation makes its table 予約 from this long before its time. */
const RESERVED_AHEAD_MS = 3 * 60 * 60 * 1000;
export const WALK_IN_NAME = 'ウォークイン';

export function visitSummary(db: DB, visitId: string): VisitSummary | null {
  const v = db.prepare(`SELECT v.*, r.prepayment, r.points, r.start_at AS reservation_start_at
    FROM visits v LEFT JOIN reservations r ON r.id = v.reservation_id WHERE v.id = ?`).get(visitId) as VisitRow | undefined;
  if (!v) return null;
  const tableIds = (db.prepare(`SELECT table_id FROM visit_tables WHERE visit_id = ? AND active = 1 ORDER BY since, rowid`).all(visitId) as Array<{ table_id: string }>).map((r) => r.table_id);
  return {
    id: v.id, guestName: v.guest_name, walkIn: v.reservation_id === null, party: v.party, seatedAt: v.seated_at,
    reservationId: v.reservation_id, ...visitAmount(db, v.id), overReservation: v.over_reservation === 1, tableIds,
    groupId: v.group_id, prepayment: v.prepayment ?? 0, points: v.points ?? 0, reservationStartAt: v.reservation_start_at,
  };
}

/** R7, T4: a ledger block on the table overlapping [from, to] (a removed block is キャンセル). */
export function ledgerBlockAt(db: DB, tableId: string, from: number, to: number): boolean {
  return Boolean(db.prepare(`SELECT 1 FROM reservations WHERE kind = 'block' AND designated_table_id = ? AND remote_status != 'キャンセル'
    AND start_at <= ? AND start_at + duration_min * 60000 > ?`).get(tableId, to, from));
}

/** The active visit on a table, if any. */
export function activeVisitId(db: DB, tableId: string): string | null {
  const row = db.prepare(`SELECT vt.visit_id FROM visit_tables vt JOIN visits v ON v.id = vt.visit_id
    WHERE vt.table_id = ? AND vt.active = 1 AND v.status = 'seated'`).get(tableId) as { visit_id: string } | undefined;
  return row?.visit_id ?? null;
}

export function nextDesignatedReservation(db: DB, tableId: string, businessDay: string) {
  return db.prepare(`SELECT r.id, r.guest_name AS guestName, r.start_at AS startAt, r.party FROM reservations r
    WHERE r.designated_table_id = ? AND r.kind = 'reservation' AND r.business_day = ? AND r.remote_status = '来店前'
      AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.reservation_id = r.id AND v.status IN ('seated', 'closed', 'merged'))
    ORDER BY r.start_at LIMIT 1`).get(tableId, businessDay) as { id: string; guestName: string; startAt: number; party: number } | undefined ?? null;
}

export function activeGroupOf(db: DB, tableId: string): { id: string; representative: string } | null {
  return db.prepare(`SELECT g.id, g.representative_table_id AS representative FROM table_groups g JOIN table_group_members m ON m.group_id = g.id
    WHERE m.table_id = ? AND g.dissolved_at IS NULL`).get(tableId) as { id: string; representative: string } | undefined ?? null;
}

export function tableTile(db: DB, table: TableRow, now: number, businessDay: string, unsent: Set<string>): TableTile {
  const visitId = activeVisitId(db, table.id);
  const visit = visitId ? visitSummary(db, visitId) : null;
  const state = db.prepare('SELECT blocked, reset FROM table_state WHERE table_id = ?').get(table.id) as { blocked: number; reset: number } | undefined;
  // Shown ahead like a reservation (予約 from 3 h before), so the list's ブロック row and the tile agree.
  const ledgerBlock = ledgerBlockAt(db, table.id, now, now + RESERVED_AHEAD_MS);
  const next = nextDesignatedReservation(db, table.id, businessDay);
  const group = activeGroupOf(db, table.id);
  const blocked = state?.blocked === 1;
  const reset = state?.reset === 1;
  const status: TableTile['status'] = visit ? 'occupied' : blocked || ledgerBlock ? 'blocked' : reset ? 'reset'
    : next && next.startAt - now <= RESERVED_AHEAD_MS ? 'reserved' : table.kind === 'waiting' ? 'waiting' : 'free';
  return {
    id: table.id, floorId: table.floor_id, name: table.name, shortName: table.short_name, kind: table.kind, seats: table.seats,
    status, visit, nextReservation: next, ledgerBlock, blocked, reset, groupId: group?.id ?? null,
    representative: group ? group.representative === table.id : false, unsent: visitId ? unsent.has(visitId) : false,
    mapped: Boolean(db.prepare('SELECT 1 FROM ledger_table_map WHERE table_id = ?').get(table.id)),
  };
}

export function tableRow(db: DB, tableId: string): TableRow | null {
  return (db.prepare('SELECT * FROM tables WHERE id = ?').get(tableId) as TableRow | undefined) ?? null;
}

export function tileOf(db: DB, tableId: string, now: number): TableTile | null {
  const table = tableRow(db, tableId);
  return table ? tableTile(db, table, now, businessDayOf(now, getSettings(db).businessDayStart), unsentVisitIds(db)) : null;
}

export function floorView(db: DB, now: number): FloorView {
  const businessDay = businessDayOf(now, getSettings(db).businessDayStart);
  const unsent = unsentVisitIds(db);
  const floors = db.prepare('SELECT id, name FROM floors ORDER BY sort').all() as Array<{ id: string; name: string }>;
  const tables = db.prepare('SELECT * FROM tables ORDER BY sort').all() as TableRow[];
  return {
    businessDay, now,
    floors: floors.map((f) => ({ ...f, tables: tables.filter((t) => t.floor_id === f.id).map((t) => tableTile(db, t, now, businessDay, unsent)) })),
  };
}

type ReservationDbRow = {
  id: string; remote_id: string; kind: 'reservation' | 'block'; business_day: string; start_at: number; duration_min: number; party: number;
  guest_name: string; designated_table_id: string | null; designated_name: string | null; remote_status: string; memo: string; request: string;
  prepayment: number; points: number; course_name: string; course_detail: string; remarks: string; visit_id: string | null; seated_name: string | null;
};

/**
 * R2: reservations of the business day ±1 that are not cancelled; waiting first, then 配席済み.
 * R7: ledger blocks are listed among them (name ブロック, on their table); they stay waiting.
 */
export function reservationRows(db: DB, businessDay: string): ReservationRow[] {
  const rows = db.prepare(`SELECT r.*, dt.name AS designated_name, v.id AS visit_id,
      (SELECT t.name FROM visit_tables vt JOIN tables t ON t.id = vt.table_id WHERE vt.visit_id = v.id ORDER BY vt.active DESC, vt.since LIMIT 1) AS seated_name
    FROM reservations r LEFT JOIN tables dt ON dt.id = r.designated_table_id
    LEFT JOIN visits v ON v.reservation_id = r.id AND v.status IN ('seated', 'closed', 'merged')
    WHERE r.business_day BETWEEN ? AND ? AND r.remote_status != 'キャンセル'
    ORDER BY r.start_at`).all(addDays(businessDay, -1), addDays(businessDay, 1)) as ReservationDbRow[];
  const mapped = rows.map((r): ReservationRow => ({
    id: r.id, remoteId: r.remote_id, kind: r.kind, businessDay: r.business_day, startAt: r.start_at, durationMin: r.duration_min,
    party: r.party, guestName: r.guest_name, designatedTableId: r.designated_table_id, designatedTableName: r.designated_name,
    status: r.visit_id || r.remote_status !== '来店前' ? 'seated' : 'waiting', seatedTableName: r.seated_name, visitId: r.visit_id,
    memo: r.memo, request: r.request, prepayment: r.prepayment, points: r.points, courseName: r.course_name,
    courseDetail: r.course_detail, remarks: r.remarks,
  }));
  return [...mapped.filter((r) => r.status === 'waiting'), ...mapped.filter((r) => r.status === 'seated')];
}
