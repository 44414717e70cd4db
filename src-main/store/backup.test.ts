import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/harness.ts';
import { backupDb } from './backup.ts';

describe('backups', () => {
  it('writes a readable copy through the backup API and keeps only the newest generations', async () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'live.sqlite'));
    db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (42)');
    let last = '';
    for (let i = 0; i < 5; i++) last = await backupDb(db, join(dir, 'backups'), `close-${i}`, 3);
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(3);
    expect(new Database(last, { readonly: true }).prepare('SELECT x FROM t').get()).toEqual({ x: 42 });
  });
});
