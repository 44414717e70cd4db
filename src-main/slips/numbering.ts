import type { DB } from '../store/db.ts';
import { stmt } from '../store/stmt.ts';

/**
 * Slip numbers (伝票番号, RULES.md#G3), 13 digits: '1' + register number (2 digits) + the
 * business day's year (2 digits) + a sequence (8 digits), e.g. 1 01 26 00001480.
 *
 * The sequence belongs to the register and never restarts (not even with the year), so the
 * last 8 digits alone order the register's slips. It is taken from the counter row INSIDE the
 * checkout's transaction: a crash or a refused checkout rolls it back together with the slip,
 * so numbers are never skipped, and the UNIQUE index on slips makes reuse impossible.
 */
export const SLIP_NO = /^1\d{12}$/;
export const MAX_SEQ = 99_999_999;

export function formatSlipNo(registerNo: number, businessDay: string, seq: number): string {
  if (!Number.isInteger(registerNo) || registerNo < 1 || registerNo > 99) throw new RangeError(`register number ${registerNo} out of 1..99`);
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) throw new RangeError(`slip sequence ${seq} out of 1..${MAX_SEQ}`);
  return `1${String(registerNo).padStart(2, '0')}${businessDay.slice(2, 4)}${String(seq).padStart(8, '0')}`;
}

/** Must run inside the caller's write transaction. */
export function takeSlipNo(db: DB, registerNo: number, businessDay: string): { seq: number; slipNo: string } {
  if (!db.inTransaction) throw new Error('slip numbers are taken inside the checkout transaction only');
  stmt(db, 'INSERT INTO slip_counters (register_no, last_seq) VALUES (?, 0) ON CONFLICT(register_no) DO NOTHING').run(registerNo);
  const { last_seq: seq } = stmt(db, 'UPDATE slip_counters SET last_seq = last_seq + 1 WHERE register_no = ? RETURNING last_seq').get(registerNo) as { last_seq: number };
  return { seq, slipNo: formatSlipNo(registerNo, businessDay, seq) };
}
