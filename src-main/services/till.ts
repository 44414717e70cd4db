import { randomUUID } from 'node:crypto';
import { businessDayOf } from '../../src-shared/business-day.ts';
import type { CashMoveResult, TillSummary } from '../../src-shared/contract/index.ts';
import { AppError } from '../../src-shared/errors.ts';
import { countsTotal, DENOMINATIONS, type DenominationCounts } from '../../src-shared/money.ts';
import { handlers, requireStaff, type HandlerCtx } from '../api/context.ts';
import { stmt } from '../store/stmt.ts';
import type { DB } from '../store/db.ts';
import { backupDb } from '../store/backup.ts';
import { getSetting, getSettings } from '../store/settings-repo.ts';
import { settlementOf } from '../slips/settlement.ts';
import { TERMINAL_CLOSE_MESSAGE, terminalUnsettled } from '../terminal/intents.ts';

type SessionRow = {
  id: string; register_no: number; business_day: string; status: 'open' | 'closed'; opened_at: number;
  opened_by_name: string; opening_float: number; closed_at: number | null; closed_by_name: string | null;
  counted_cash: number | null; backup_file: string | null;
  /** Terms of the expected cash: cash in/out from the session's last movement (migration 008), cash sales kept by triggers (007). */
  cash_in: number; cash_out: number; cash_sales: number; movement_count: number;
};

// The session's last movement carries its running totals (migration 008): one seek, however many.
const last = (column: string) => `COALESCE((SELECT ${column} FROM cash_movements WHERE session_id = s.id ORDER BY seq DESC LIMIT 1), 0)`;
const MOVEMENT_TERMS = `${last('total_in')} AS cash_in, ${last('total_out')} AS cash_out, ${last('seq')} AS movement_count`;

// Staff names by subquery, not by join: with better-sqlite3's SQLite (3.54, built with STAT4) a
// join whose WHERE binds a parameter took 20–40 µs a run, the subquery 2–4 µs (#2; it behaves as
// if planned again at every bind — node:sqlite without STAT4 does not show it).
const SESSION_SQL = `SELECT s.*, ${MOVEMENT_TERMS}, (SELECT name FROM staff WHERE id = s.opened_by) AS opened_by_name,
  (SELECT name FROM staff WHERE id = s.closed_by) AS closed_by_name FROM till_sessions s`;

export function openSessionRow(db: DB, registerNo: number): SessionRow | undefined {
  return stmt(db, `${SESSION_SQL} WHERE s.register_no = ? AND s.status = 'open'`).get(registerNo) as SessionRow | undefined;
}

type CashFigures = Pick<TillSummary, 'cashIn' | 'cashOut' | 'cashSales' | 'expectedCash'>;

/** The cash that should be in the drawer (G1): change fund + cash in − cash out + cash sales. */
export function cashFigures(row: SessionRow): CashFigures {
  return { cashIn: row.cash_in, cashOut: row.cash_out, cashSales: row.cash_sales, expectedCash: row.opening_float + row.cash_in - row.cash_out + row.cash_sales };
}

export function summarize(db: DB, row: SessionRow): TillSummary {
  const counts = (kind: 'open' | 'close'): DenominationCounts | null => {
    const rows = stmt(db, 'SELECT denomination, count FROM till_counts WHERE session_id = ? AND kind = ? ORDER BY denomination DESC')
      .all(row.id, kind) as Array<{ denomination: number; count: number }>;
    return rows.length ? Object.fromEntries(rows.map((r) => [String(r.denomination), r.count])) : null;
  };
  const movements = (stmt(db, `SELECT m.id, m.kind, m.amount, m.reason, m.at, m.business_day, (SELECT name FROM staff WHERE id = m.staff_id) AS staff_name
    FROM cash_movements m WHERE m.session_id = ? ORDER BY m.seq`).all(row.id) as Array<{
      id: string; kind: 'in' | 'out'; amount: number; reason: string; at: number; business_day: string; staff_name: string }>)
    .map((m) => ({ id: m.id, kind: m.kind, amount: m.amount, reason: m.reason, at: m.at, businessDay: m.business_day, staffName: m.staff_name }));
  const settlement = settlementOf(db, row.id);
  const { cashIn, cashOut, cashSales, expectedCash } = cashFigures(row);
  return {
    sessionId: row.id, registerNo: row.register_no, businessDay: row.business_day, status: row.status,
    openedAt: row.opened_at, openedBy: row.opened_by_name, openingFloat: row.opening_float,
    openingCounts: counts('open') ?? {}, cashIn, cashOut, cashSales, expectedCash, movements,
    closedAt: row.closed_at, closedBy: row.closed_by_name, countedCash: row.counted_cash,
    closingCounts: counts('close'), difference: row.counted_cash === null ? null : row.counted_cash - expectedCash,
    backupFile: row.backup_file, settlement,
  };
}

function requireOpen(ctx: HandlerCtx): SessionRow {
  const row = openSessionRow(ctx.db, getSetting(ctx.db, 'registerNo'));
  if (!row) throw new AppError('TILL_NOT_OPEN', 'till is not open');
  return row;
}

function insertCounts(db: DB, sessionId: string, kind: 'open' | 'close', counts: DenominationCounts): void {
  const put = stmt(db, 'INSERT INTO till_counts (session_id, kind, denomination, count) VALUES (?, ?, ?, ?)');
  for (const denom of DENOMINATIONS) put.run(sessionId, kind, denom, counts[String(denom)] ?? 0);
}

const byId = (db: DB, id: string) => stmt(db, `${SESSION_SQL} WHERE s.id = ?`).get(id) as SessionRow | undefined;

export const tillHandlers = handlers({
  'till.status': (_input, ctx) => {
    const row = openSessionRow(ctx.db, getSettings(ctx.db).registerNo);
    return row ? summarize(ctx.db, row) : null;
  },

  'till.open': (input, ctx) => {
    const staff = requireStaff(ctx);
    const settings = getSettings(ctx.db);
    if (openSessionRow(ctx.db, settings.registerNo)) throw new AppError('TILL_ALREADY_OPEN', 'till already open');
    const counts = 'counts' in input ? input.counts : null;
    const total = counts ? countsTotal(counts) : (input as { total: number }).total;
    const id = randomUUID();
    const at = ctx.now();
    stmt(ctx.db, `INSERT INTO till_sessions (id, register_no, business_day, status, opened_at, opened_by, opening_float)
      VALUES (?, ?, ?, 'open', ?, ?, ?)`).run(id, settings.registerNo, businessDayOf(at, settings.businessDayStart), at, staff.id, total);
    if (counts) insertCounts(ctx.db, id, 'open', counts);
    const summary = summarize(ctx.db, byId(ctx.db, id)!);
    ctx.emit('till.changed', summary);
    // U1: the USEN PAY terminal connects at till open, after the commit and without holding it up:
    // a refusal (battery ≤ 10 %, busy) shows on terminal.status; the till is open either way.
    ctx.afterCommit(() => ctx.core.terminal?.onTillOpen());
    return summary;
  },

  // Answers the movement and the drawer's new figures, not the whole summary: rebuilding the
  // settlement and every movement of the session made each 入出金 slower as the day went on (#2).
  'till.cashMove': (input, ctx) => {
    const staff = requireStaff(ctx);
    const row = requireOpen(ctx);
    if (input.kind === 'out' && input.amount > cashFigures(row).expectedCash) {
      throw new AppError('CASH_SHORT', `cash out ${input.amount} exceeds expected cash`);
    }
    const movement = { id: randomUUID(), kind: input.kind, amount: input.amount, reason: input.reason, staffName: staff.name, at: ctx.now(), businessDay: row.business_day };
    // The next line of the session's cash book with its running totals, read in this same write
    // transaction (migration 008: a trigger refuses any other seq or totals).
    const after = input.kind === 'in' ? { ...row, cash_in: row.cash_in + input.amount } : { ...row, cash_out: row.cash_out + input.amount };
    stmt(ctx.db, `INSERT INTO cash_movements (session_id, seq, id, kind, amount, reason, staff_id, at, business_day, total_in, total_out)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(row.id, row.movement_count + 1, movement.id, movement.kind, movement.amount, movement.reason,
      staff.id, movement.at, movement.businessDay, after.cash_in, after.cash_out);
    const result: CashMoveResult = { sessionId: row.id, movement, ...cashFigures(after) };
    ctx.emit('till.moved', result);
    return result;
  },

  'till.close': (input, ctx) => {
    const staff = requireStaff(ctx);
    const row = requireOpen(ctx);
    const counted = countsTotal(input.counts);
    const { expectedCash: expected, settlement } = summarize(ctx.db, row);
    if (settlement.openSplits > 0) {
      throw new AppError('SPLIT_IN_PROGRESS', `${settlement.openSplits} split checkouts unfinished`, '分割会計の途中の伝票があります。残りの会計を済ませてから閉局してください。');
    }
    // USEN PAY (docs/payments.md): no close while a terminal payment is unsettled or paid outside a checkout.
    const terminal = terminalUnsettled(ctx.db);
    if (terminal > 0) throw new AppError('TERMINAL_UNSETTLED', `${terminal} terminal payments unsettled or not in a checkout`, TERMINAL_CLOSE_MESSAGE);
    stmt(ctx.db, `UPDATE till_sessions SET status = 'closed', closed_at = ?, closed_by = ?, counted_cash = ?, expected_cash = ?
      WHERE id = ?`).run(ctx.now(), staff.id, counted, expected, row.id);
    insertCounts(ctx.db, row.id, 'close', input.counts);
    const db = ctx.db;
    // The backup runs after the close is committed; the report shows its file once it exists.
    ctx.afterCommit(async () => {
      const file = await backupDb(db, ctx.core.store().backupsDir, `close-${row.business_day}`);
      stmt(db, 'UPDATE till_sessions SET backup_file = ? WHERE id = ?').run(file, row.id);
      ctx.emit('till.changed', null);
      ctx.log.info({ sessionId: row.id, file }, 'backup written at till close');
    });
    return summarize(ctx.db, byId(ctx.db, row.id)!);
  },

  'till.report': (input, ctx) => {
    const row = input.sessionId ? byId(ctx.db, input.sessionId)
      : stmt(ctx.db, `${SESSION_SQL} WHERE s.register_no = ? ORDER BY s.opened_at DESC LIMIT 1`).get(getSettings(ctx.db).registerNo) as SessionRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'no till session');
    return summarize(ctx.db, row);
  },

  'till.history': (input, ctx) => {
    const rows = stmt(ctx.db, `${SESSION_SQL} ORDER BY s.opened_at DESC LIMIT ?`).all(input.limit) as SessionRow[];
    return rows.map((r) => summarize(ctx.db, r));
  },
});
