import type { DB } from './db.ts';
import { migrations, type Migration } from './migrations/index.ts';

export class MigrationError extends Error {}

/**
 * Apply the numbered migrations the database lacks, each in its own transaction.
 * Refuses surprises (Actual Budget style): a database that knows a migration this code does not
 * (written by a newer version), or whose recorded name differs, is never touched.
 */
export function migrate(db: DB, list: readonly Migration[] = migrations): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT');
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as Array<{ version: number; name: string }>;
  const known = new Map(list.map((m) => [m.version, m]));
  for (const row of applied) {
    const m = known.get(row.version);
    if (!m) throw new MigrationError(`database has migration ${row.version} (${row.name}) unknown to this version of the app`);
    if (m.name !== row.name) throw new MigrationError(`migration ${row.version} is "${row.name}" in the database but "${m.name}" in the code`);
  }
  const sorted = [...list].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) throw new MigrationError(`migrations must be numbered 1..n without gaps; found ${m.version} at position ${i + 1}`);
  });
  const done = new Set(applied.map((r) => r.version));
  const ran: number[] = [];
  for (const m of sorted) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
    })();
    ran.push(m.version);
  }
  return ran;
}
