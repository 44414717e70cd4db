import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { migrations } from './index.ts';
import { m007 } from './007-till-cash-totals.ts';

const before = migrations.filter((m) => m.version < 7);

/** Two sessions: a closed one that sold a slip for cash, the open one that cancels it. */
function base() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, before);
  db.exec(`INSERT INTO staff (id, name, role, pin_hash, created_at) VALUES ('s', 'S', 'cashier', 'x', 0);
    INSERT INTO visits (id, business_day, party, guest_name, status, seated_at) VALUES ('v', '2026-11-21', 2, 'ウォークイン', 'seated', 0);
    INSERT INTO till_sessions (id, register_no, business_day, status, opened_at, opened_by, opening_float) VALUES ('old', 1, '2026-11-20', 'closed', 0, 's', 0);
    INSERT INTO till_sessions (id, register_no, business_day, status, opened_at, opened_by, opening_float) VALUES ('now', 1, '2026-11-21', 'open', 0, 's', 0);`);
  return db;
}
const move = (db: Database.Database, id: string, session: string, kind: string, amount: number) => db.prepare(`INSERT INTO cash_movements
  (id, session_id, kind, amount, reason, staff_id, at, business_day) VALUES (?, ?, ?, ?, '両替', 's', 0, '2026-11-21')`).run(id, session, kind, amount);
/** A slip paid in one part in `session`: cash and a card payment. */
const sale = (db: Database.Database, id: string, no: string, session: string, cash: number, card: number) => {
  db.prepare(`INSERT INTO slips (id, slip_no, register_no, seq, kind, visit_id, till_session_id, business_day, status, split_mode, price_mode, rounding, party, opened_at)
    VALUES (?, ?, 1, ?, 'sale', 'v', ?, '2026-11-21', 'closed', 'none', 'inclusive', 'floor', 2, 0)`).run(id, no, Number(no.slice(-3)), session);
  const gross = cash + card;
  db.prepare(`INSERT INTO slip_parts (id, slip_id, part_no, till_session_id, business_day, at, subtotal, line_discount, slip_discount, gross, net, tax, paid, change)
    VALUES (?, ?, 1, ?, '2026-11-21', 0, ?, 0, 0, ?, ?, 0, ?, 0)`).run(`${id}-1`, id, session, gross, gross, gross, gross);
  const pay = db.prepare(`INSERT INTO payments (id, part_id, seq, kind, label, tendered, amount) VALUES (?, ?, ?, ?, '', ?, ?)`);
  pay.run(`${id}-cash`, `${id}-1`, 1, 'cash', cash, cash);
  if (card) pay.run(`${id}-card`, `${id}-1`, 2, 'credit', card, card);
};
const cancel = (db: Database.Database, slip: string, session: string) => db.prepare(`INSERT INTO slip_cancellations
  (slip_id, till_session_id, business_day, at, staff_id, reason, gross, return_document) VALUES (?, ?, '2026-11-21', 0, 's', '返品', 0, 0)`).run(slip, session);
const totals = (db: Database.Database) => db.prepare('SELECT id, cash_in, cash_out, cash_sales FROM till_sessions ORDER BY id').all();

describe('migration 007 till cash totals', () => {
  it('fills the totals of existing sessions from their rows, then keeps them as rows are added', () => {
    const db = base();
    move(db, 'm1', 'old', 'in', 5000);
    move(db, 'm2', 'old', 'out', 1200);
    sale(db, 'a', '1012600000001', 'old', 1000, 500);
    sale(db, 'b', '1012600000002', 'old', 700, 0);
    cancel(db, 'a', 'now'); // refunded from the till open now (G3)
    expect(migrate(db, [...before, m007])).toEqual([7]);
    expect(totals(db)).toEqual([{ id: 'now', cash_in: 0, cash_out: 0, cash_sales: -1000 }, { id: 'old', cash_in: 5000, cash_out: 1200, cash_sales: 1700 }]);

    move(db, 'm3', 'now', 'in', 2000);
    move(db, 'm4', 'now', 'out', 100);
    sale(db, 'c', '1012600000003', 'now', 300, 200);
    cancel(db, 'b', 'now');
    expect(totals(db)).toEqual([{ id: 'now', cash_in: 2000, cash_out: 100, cash_sales: -1000 + 300 - 700 }, { id: 'old', cash_in: 5000, cash_out: 1200, cash_sales: 1700 }]);
    // A refused row rolls back with its statement: the totals stay.
    expect(() => move(db, 'm5', 'now', 'in', 0)).toThrow(/CHECK/);
    expect(totals(db)[0]).toMatchObject({ cash_in: 2000 });
  });

  it('refuses to change or delete the rows the totals are made of', () => {
    const db = base();
    migrate(db, [...before, m007]);
    move(db, 'm1', 'now', 'in', 5000);
    sale(db, 'a', '1012600000001', 'now', 1000, 0);
    cancel(db, 'a', 'now');
    for (const sql of ["UPDATE cash_movements SET amount = 1", 'DELETE FROM cash_movements', "UPDATE payments SET amount = 1", 'DELETE FROM payments',
      "UPDATE slip_parts SET till_session_id = 'old'", "UPDATE slip_cancellations SET till_session_id = 'old'", 'DELETE FROM slip_cancellations']) {
      expect(() => db.exec(sql), sql).toThrow(/never|keeps/);
    }
    db.exec("UPDATE slip_parts SET receipt_prints = receipt_prints + 1; UPDATE slip_cancellations SET return_prints = 1; UPDATE cash_movements SET reason = '訂正'");
    expect(totals(db)[0]).toEqual({ id: 'now', cash_in: 5000, cash_out: 0, cash_sales: 0 });
    expect(db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM cash_movements WHERE session_id = 'now' ORDER BY at`).all())
      .toEqual([expect.objectContaining({ detail: expect.stringContaining('cash_movements_session') })]);
  });
});
