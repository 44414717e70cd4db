import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type DB = Database.Database;

export type OpenedDb = {
  db: DB;
  /** Result of `PRAGMA integrity_check` at open: the UI shows a clear screen, never a crash. */
  integrity: { ok: boolean; detail: string };
};

/**
 * Open a register database. Durable by default: WAL with synchronous=FULL so an acknowledged
 * sale survives a power cut (NORMAL may lose the last commits), one writer connection.
 */
export function openDb(file: string): OpenedDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return { db, integrity: integrityCheck(db) };
}

export function integrityCheck(db: DB): { ok: boolean; detail: string } {
  try {
    const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const detail = rows.map((r) => r.integrity_check).join('; ');
    return { ok: detail === 'ok', detail };
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}
