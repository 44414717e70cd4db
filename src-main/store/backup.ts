import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DB } from './db.ts';

export const BACKUPS_KEPT = 14;
let generation = 0;

/**
 * Online backup through SQLite's backup API (consistent even while the register writes),
 * then keep only the newest `keep` generations.
 */
export async function backupDb(db: DB, dir: string, label: string, keep = BACKUPS_KEPT): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const stamp = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(++generation).padStart(4, '0')}`;
  const file = join(dir, `register-${stamp}-${label.replace(/[^\w-]/g, '_')}.sqlite`);
  await db.backup(file);
  pruneBackups(dir, keep);
  return file;
}

export function pruneBackups(dir: string, keep = BACKUPS_KEPT): void {
  const files = readdirSync(dir).filter((f) => f.startsWith('register-') && f.endsWith('.sqlite')).sort();
  for (const f of files.slice(0, Math.max(0, files.length - keep))) rmSync(join(dir, f));
}
