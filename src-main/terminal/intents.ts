// Payment intents (migration 005, docs/payments.md): the register's record of every sale and refund
// sent to the USEN PAY terminal. Each state change is one short transaction with a log row.
import { randomBytes } from 'node:crypto';
import { TERMINAL_METHOD_LABELS, type TerminalMethod, type TerminalPayment } from '../../src-shared/contract/index.ts';
import { stmt } from '../store/stmt.ts';
import type { DB } from '../store/db.ts';
import { stateLabel } from './u12.ts';

export type IntentState = TerminalPayment['state'];
export const OPEN_STATES: readonly IntentState[] = ['pending', 'waiting', 'unknown', 'review'];
/** States whose outcome is still to be learned from the terminal. */
export const UNSETTLED: readonly IntentState[] = ['pending', 'waiting', 'unknown'];

export type IntentRow = {
  ref: string; kind: 'sale' | 'refund'; original_ref: string | null; command_id: string | null; visit_id: string;
  slip_id: string | null; payment_id: string | null; terminal_slip_no: string; terminal_part: number;
  method: TerminalMethod; amount: number; state: IntentState; till_session_id: string | null; business_day: string;
  staff_id: string | null; created_at: number; updated_at: number; terminal_serial: string | null; accepted_at: number | null;
  journal_suspect: 0 | 1; step: string | null; display: string | null; reason: string | null; outcome: string | null;
  acquirer_status: string | null; result_kind: 'sale' | 'void' | 'return' | null; brand: string | null; masked_card: string | null;
  entry: string | null; division: string | null; approval_no: string | null; order_code: string | null; result_at: string | null;
  terminal_business_date: string | null; receipts: string | null; copies_printed: number; refunded_by: string | null;
  decision: 'paid' | 'unpaid' | null; decision_reason: string | null; decided_by: string | null; decided_at: number | null;
};

/** Columns a transition may set besides the state. */
export type IntentPatch = Partial<Omit<IntentRow, 'ref' | 'kind' | 'state' | 'created_at'>>;

/** A fresh reference: time-ordered, printable, unique per attempt (docs/ecr-link.md §5). */
export function newRef(now: number): string {
  return `R${now.toString(36).toUpperCase()}${randomBytes(6).toString('hex').toUpperCase()}`;
}

/** Runs `fn` in the caller's transaction, or in a short one of its own. */
export function tx<T>(db: DB, fn: () => T): T {
  return db.inTransaction ? fn() : db.transaction(fn).immediate();
}

export function getIntent(db: DB, ref: string): IntentRow | undefined {
  return stmt(db, 'SELECT * FROM payment_intents WHERE ref = ?').get(ref) as IntentRow | undefined;
}

function log(db: DB, ref: string, at: number, from: string | null, to: string, source: string, detail: string | null, staffId: string | null): void {
  stmt(db, 'INSERT INTO payment_intent_log (ref, at, from_state, to_state, source, detail, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(ref, at, from, to, source, detail, staffId);
}

export type NewIntent = Pick<IntentRow, 'ref' | 'kind' | 'original_ref' | 'command_id' | 'visit_id' | 'slip_id' | 'terminal_slip_no' |
  'terminal_part' | 'method' | 'amount' | 'till_session_id' | 'business_day' | 'staff_id' | 'terminal_serial'>;

/** Written BEFORE the request leaves (state pending): a crash after this line is recovered by status(ref). */
export function insertIntent(db: DB, at: number, i: NewIntent): IntentRow {
  return tx(db, () => {
    db.prepare(`INSERT INTO payment_intents (ref, kind, original_ref, command_id, visit_id, slip_id, terminal_slip_no, terminal_part, method, amount,
        state, till_session_id, business_day, staff_id, created_at, updated_at, terminal_serial)
      VALUES (@ref, @kind, @original_ref, @command_id, @visit_id, @slip_id, @terminal_slip_no, @terminal_part, @method, @amount,
        'pending', @till_session_id, @business_day, @staff_id, @at, @at, @terminal_serial)`).run({ ...i, at });
    log(db, i.ref, at, null, 'pending', 'register', `${i.kind} ${i.method} ${i.amount}`, i.staff_id);
    return getIntent(db, i.ref)!;
  });
}

/**
 * Moves an intent from one of `from` to `to` (conditional: a late or repeated answer changes
 * nothing). Returns the row after the change, or null when the intent was not in `from`.
 */
export function transition(db: DB, at: number, ref: string, from: readonly IntentState[], to: IntentState, patch: IntentPatch,
  source: string, detail: string | null = null, staffId: string | null = null): IntentRow | null {
  return tx(db, () => {
    const row = getIntent(db, ref);
    if (!row || !from.includes(row.state)) return null;
    const { updated_at: _ignored, ...rest } = patch;
    const sets = Object.keys(rest).map((k) => `${k} = @${k}`);
    stmt(db, `UPDATE payment_intents SET ${[...sets, 'state = @state', 'updated_at = @at'].join(', ')} WHERE ref = @ref`)
      .run({ ...rest, state: to, at, ref });
    log(db, ref, at, row.state, to, source, detail, staffId);
    return getIntent(db, ref)!;
  });
}

/** Updates columns without a state change (progress step and display, copies printed, serial). */
export function patchIntent(db: DB, ref: string, patch: IntentPatch): void {
  const sets = Object.keys(patch).map((k) => `${k} = @${k}`);
  if (sets.length) db.prepare(`UPDATE payment_intents SET ${sets.join(', ')} WHERE ref = @ref`).run({ ...patch, ref });
}

export function openIntents(db: DB): IntentRow[] {
  return db.prepare(`SELECT * FROM payment_intents WHERE state IN ('pending', 'waiting', 'unknown', 'review') ORDER BY created_at, ref`).all() as IntentRow[];
}

export function intentsOf(db: DB, q: { visitId?: string; slipId?: string; open?: boolean }): IntentRow[] {
  const where: string[] = [];
  if (q.visitId) where.push('visit_id = @visitId');
  if (q.slipId) where.push('(slip_id = @slipId OR visit_id IN (SELECT visit_id FROM slip_visits WHERE slip_id = @slipId))');
  if (q.open) where.push(`state IN ('pending', 'waiting', 'unknown', 'review')`);
  const sql = `SELECT * FROM payment_intents ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, ref LIMIT 500`;
  return db.prepare(sql).all({ visitId: q.visitId ?? null, slipId: q.slipId ?? null }) as IntentRow[];
}

/** Settled sales on the visits' payment list: approved, not refunded, not yet part of a checkout (U3, U4). */
export function paidUnconsumed(db: DB, visitIds: readonly string[]): IntentRow[] {
  if (visitIds.length === 0) return [];
  return stmt(db, `SELECT * FROM payment_intents WHERE kind = 'sale' AND state = 'done' AND payment_id IS NULL AND refunded_by IS NULL
    AND visit_id IN (${visitIds.map(() => '?').join(', ')}) ORDER BY created_at, ref`).all(...visitIds) as IntentRow[];
}

/** Open intents (in flight, unknown or 要確認) of the visits: they block charging again. */
export function blockingIntents(db: DB, visitIds: readonly string[]): IntentRow[] {
  if (visitIds.length === 0) return [];
  return stmt(db, `SELECT * FROM payment_intents WHERE state IN ('pending', 'waiting', 'unknown', 'review')
    AND visit_id IN (${visitIds.map(() => '?').join(', ')}) ORDER BY created_at, ref`).all(...visitIds) as IntentRow[];
}

export function toView(db: DB, r: IntentRow): TerminalPayment {
  const slipNo = r.slip_id ? (db.prepare('SELECT slip_no FROM slips WHERE id = ?').get(r.slip_id) as { slip_no: string } | undefined)?.slip_no ?? null : null;
  const decider = r.decided_by ? (db.prepare('SELECT name FROM staff WHERE id = ?').get(r.decided_by) as { name: string } | undefined)?.name ?? '' : '';
  return {
    ref: r.ref, kind: r.kind, originalRef: r.original_ref, visitId: r.visit_id, slipId: r.slip_id, slipNo,
    method: r.method, methodLabel: TERMINAL_METHOD_LABELS[r.method], amount: r.amount, state: r.state,
    stateLabel: stateLabel(r.kind, r.state, r.refunded_by !== null), refunded: r.refunded_by !== null, refundRef: r.refunded_by,
    consumed: r.payment_id !== null, step: r.step, display: r.display, reason: r.reason,
    acquirerStatus: r.acquirer_status, transaction: r.result_kind, brand: r.brand, maskedCard: r.masked_card, entry: r.entry,
    approvalNo: r.approval_no, orderCode: r.order_code, resultAt: r.result_at,
    hasCopies: r.receipts !== null, copiesPrinted: r.copies_printed,
    decision: r.decision && r.decided_at !== null ? { paid: r.decision === 'paid', reason: r.decision_reason ?? '', staffName: decider, at: r.decided_at } : null,
    createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** U8: the USEN PAY sales paid on a slip that were not refunded through the register. */
export function unrefundedSales(db: DB, slipId: string): IntentRow[] {
  return stmt(db, `SELECT i.* FROM payment_intents i JOIN payments y ON y.id = i.payment_id JOIN slip_parts p ON p.id = y.part_id
    WHERE p.slip_id = ? AND i.kind = 'sale' AND i.state = 'done' AND i.refunded_by IS NULL ORDER BY i.created_at, i.ref`).all(slipId) as IntentRow[];
}

/**
 * U8, U9: a manager records that a sale was refunded outside the register (on the terminal, or in
 * cash where the brand cannot be refunded). The sale stays done; the decision is shown and logged.
 */
export function recordManualRefund(db: DB, at: number, ref: string, reason: string, staffId: string): TerminalPayment {
  patchIntent(db, ref, { display: `店長判断：端末外で払戻済み（${reason}）`, updated_at: at });
  log(db, ref, at, 'done', 'done', 'manager', `refunded outside the register (slip cancel): ${reason}`, staffId);
  return toView(db, getIntent(db, ref)!);
}

export const TERMINAL_CLOSE_MESSAGE = '決済端末の支払いに、確認中・要確認のもの、または会計されていないものがあります。会計・払戻・店長の確認を済ませてから閉局してください。';

/** Intents that forbid 閉局: still open (決済中, 確認中, 要確認) or paid on the terminal outside any checkout. */
export function terminalUnsettled(db: DB): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM payment_intents WHERE state IN ('pending', 'waiting', 'unknown', 'review')
    OR (kind = 'sale' AND state = 'done' AND payment_id IS NULL AND refunded_by IS NULL)`).get() as { n: number }).n;
}
