import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';
import { m008 } from './008-cash-movements-clustered.ts';

const before = migrations.filter((m) => m.version < 8);

function base() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, before);
  db.exec(`INSERT INTO staff (id, name, role, pin_hash, created_at) VALUES ('s', 'S', 'cashier', 'x', 0);
    INSERT INTO till_sessions (id, register_no, business_day, status, opened_at, opened_by, opening_float) VALUES ('old', 1, '2026-11-20', 'closed', 0, 's', 0);
    INSERT INTO till_sessions (id, register_no, business_day, status, opened_at, opened_by, opening_float) VALUES ('now', 1, '2026-11-21', 'open', 0, 's', 0);`);
  return db;
}
/** A movement as 007 wrote it. */
const moved = (db: Database.Database, id: string, session: string, kind: string, amount: number, at: number) => db.prepare(`INSERT INTO cash_movements
  (id, session_id, kind, amount, reason, staff_id, at, business_day) VALUES (?, ?, ?, ?, '両替', 's', ?, '2026-11-21')`).run(id, session, kind, amount, at);
/** A movement as 008 writes it: the next line of the session's book with its running totals. */
const line = (db: Database.Database, session: string, seq: number, kind: string, amount: number, totalIn: number, totalOut: number) => db.prepare(`INSERT INTO cash_movements
  (session_id, seq, id, kind, amount, reason, staff_id, at, business_day, total_in, total_out) VALUES (?, ?, ?, ?, ?, '両替', 's', 0, '2026-11-21', ?, ?)`)
  .run(session, seq, `${session}-${seq}`, kind, amount, totalIn, totalOut);
const book = (db: Database.Database) => db.prepare('SELECT session_id, seq, id, amount, total_in, total_out FROM cash_movements ORDER BY session_id, seq').all();

describe('migration 008 cash movements clustered by session, with running totals', () => {
  it('numbers the existing movements of each session in time order (ties in insert order) with their running totals', () => {
    const db = base();
    moved(db, 'b', 'now', 'in', 5000, 20);
    moved(db, 'a', 'now', 'out', 1200, 10);
    moved(db, 'c', 'now', 'in', 300, 20); // same instant as b, inserted after it
    moved(db, 'x', 'old', 'in', 700, 5);
    expect(migrate(db, [...before, m008])).toEqual([8]);
    expect(book(db)).toEqual([
      { session_id: 'now', seq: 1, id: 'a', amount: 1200, total_in: 0, total_out: 1200 },
      { session_id: 'now', seq: 2, id: 'b', amount: 5000, total_in: 5000, total_out: 1200 },
      { session_id: 'now', seq: 3, id: 'c', amount: 300, total_in: 5300, total_out: 1200 },
      { session_id: 'old', seq: 1, id: 'x', amount: 700, total_in: 700, total_out: 0 },
    ]);
    // 007's session columns are gone; cash sales stay on the session.
    const columns = (db.prepare('PRAGMA table_info(till_sessions)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toContain('cash_sales');
    expect(columns).not.toContain('cash_in');
    expect(columns).not.toContain('cash_out');
  });

  it('takes only the next line with the right totals, and never changes or deletes one', () => {
    const db = base();
    migrate(db, [...before, m008]);
    line(db, 'now', 1, 'in', 5000, 5000, 0);
    line(db, 'now', 2, 'out', 100, 5000, 100);
    line(db, 'old', 1, 'out', 1, 0, 1);
    for (const bad of [() => line(db, 'now', 4, 'in', 1, 5001, 100), () => line(db, 'now', 3, 'in', 1, 5000, 100), () => line(db, 'now', 3, 'out', 1, 5000, 100)]) {
      expect(bad).toThrow(/continues its session/);
    }
    expect(() => line(db, 'now', 2, 'in', 1, 5001, 100)).toThrow(/continues its session/); // a seq taken already
    expect(() => line(db, 'nowhere', 1, 'in', 1, 1, 0)).toThrow(/FOREIGN KEY/);
    for (const sql of ['UPDATE cash_movements SET amount = 1', 'UPDATE cash_movements SET total_in = 0', 'DELETE FROM cash_movements']) {
      expect(() => db.exec(sql), sql).toThrow(/never/);
    }
    db.exec("UPDATE cash_movements SET reason = '訂正'");
    expect(book(db)).toHaveLength(3);
    // The drawer's figures are one seek on the key, however long the day.
    expect(db.prepare(`EXPLAIN QUERY PLAN SELECT total_in FROM cash_movements WHERE session_id = 'now' ORDER BY seq DESC LIMIT 1`).all())
      .toEqual([expect.objectContaining({ detail: expect.stringMatching(/SEARCH cash_movements USING PRIMARY KEY \(session_id=\?\)/) })]);
  });
});
