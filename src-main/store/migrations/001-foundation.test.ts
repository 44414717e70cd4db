import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { m001 } from './001-foundation.ts';

describe('migration 001 foundation', () => {
  it('creates the till tables and allows one open till per register', () => {
    const db = new Database(':memory:');
    migrate(db, [m001]);
    db.prepare("INSERT INTO staff (id, name, role, pin_hash, created_at) VALUES ('s', 'S', 'cashier', 'x', 0)").run();
    const open = db.prepare("INSERT INTO till_sessions (id, register_no, business_day, status, opened_at, opened_by, opening_float) VALUES (?, 1, '2026-11-21', 'open', 0, 's', 0)");
    open.run('a');
    expect(() => open.run('b')).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO till_counts VALUES ('a', 'open', 1000, 100001)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO staff (id, name, role, pin_hash, created_at) VALUES ('t', 'T', 'owner', 'x', 0)").run()).toThrow(/CHECK/);
  });
});
