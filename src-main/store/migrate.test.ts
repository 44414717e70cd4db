import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MigrationError } from './migrate.ts';
import { migrations } from './migrations/index.ts';

describe('migration runner', () => {
  it('applies every migration once, in order', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
  });
  it('refuses a database written by a newer version', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare('INSERT INTO schema_migrations VALUES (999, ?, 0)').run('from-the-future');
    expect(() => migrate(db)).toThrow(MigrationError);
  });
  it('refuses a renamed migration and numbering gaps', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare("UPDATE schema_migrations SET name = 'other' WHERE version = 1").run();
    expect(() => migrate(db)).toThrow(/"other" in the database/);
    expect(() => migrate(new Database(':memory:'), [{ version: 2, name: 'x', up: () => {} }])).toThrow(/without gaps/);
  });
  it('rolls back a failing migration completely', () => {
    const db = new Database(':memory:');
    const bad = { version: 1, name: 'bad', up: (d: Database.Database) => { d.exec('CREATE TABLE half (x INTEGER)'); throw new Error('boom'); } };
    expect(() => migrate(db, [bad])).toThrow('boom');
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
  });
});
