import type { Statement } from 'better-sqlite3';
import type { DB } from '../store/db.ts';

const caches = new WeakMap<DB, Map<string, Statement>>();
/** Bounded: the checkout code has a few dozen distinct statements; anything past this is a bug. */
const MAX_STATEMENTS = 500;

/**
 * A prepared statement, compiled once per database. Compiling SQL was a fifth of a checkout's
 * CPU time (bench/checkout.ts); the live and the training database each get their own cache.
 */
export function stmt(db: DB, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
