import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { m001 } from './001-foundation.ts';
import { m002 } from './002-floor-and-menu.ts';
import { m003 } from './003-floor-sync.ts';
import { m004 } from './004-orders-checkout.ts';

function base() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, [m001, m002, m003]);
  expect(migrate(db, [m001, m002, m003, m004])).toEqual([4]);
  db.exec(`INSERT INTO staff (id, name, role, pin_hash, created_at) VALUES ('s', 'S', 'cashier', 'x', 0);
    INSERT INTO till_sessions (id, register_no, business_day, status, opened_at, opened_by, opening_float) VALUES ('t', 1, '2026-11-21', 'open', 0, 's', 0);
    INSERT INTO visits (id, business_day, party, guest_name, status, seated_at) VALUES ('v', '2026-11-21', 2, 'ウォークイン', 'seated', 0);`);
  return db;
}

const slip = (db: Database.Database, id: string, no: string, seq: number, status = 'closed') => db.prepare(`INSERT INTO slips
  (id, slip_no, register_no, seq, kind, visit_id, till_session_id, business_day, status, split_mode, price_mode, rounding, party, opened_at)
  VALUES (?, ?, 1, ?, 'sale', 'v', 't', '2026-11-21', ?, 'none', 'inclusive', 'floor', 2, 0)`).run(id, no, seq, status);

describe('migration 004 orders and checkout', () => {
  it('G3: slip numbers are 13 characters, unique, and one sequence number per register', () => {
    const db = base();
    slip(db, 'a', '1012600000001', 1);
    expect(() => slip(db, 'b', '1012600000001', 2)).toThrow(/UNIQUE/);
    expect(() => slip(db, 'c', '1012600000002', 1)).toThrow(/UNIQUE/);
    expect(() => slip(db, 'd', '101260000003', 3)).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO slip_counters VALUES (1, 100000000)').run()).toThrow(/CHECK/);
  });

  it('one unfinished split per visit; parts must balance (paid − change = gross = net + tax)', () => {
    const db = base();
    slip(db, 'a', '1012600000001', 1, 'open');
    expect(() => slip(db, 'b', '1012600000002', 2, 'open')).toThrow(/UNIQUE/);
    const part = db.prepare(`INSERT INTO slip_parts (id, slip_id, part_no, till_session_id, business_day, at, subtotal, line_discount, slip_discount, gross, net, tax, paid, change)
      VALUES (?, 'a', ?, 't', '2026-11-21', 0, 1100, 0, 0, 1100, ?, 100, ?, ?)`);
    part.run('p1', 1, 1000, 2000, 900);
    expect(() => part.run('p2', 2, 1000, 2000, 800)).toThrow(/CHECK/);
    expect(() => part.run('p3', 3, 999, 1100, 0)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO payments VALUES ('x', 'p1', 6, 'cash', '現金', 2000, 1100)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO payments VALUES ('y', 'p1', 1, 'card', 'カード', 2000, 1100)").run()).toThrow(/CHECK/);
  });

  it('order lines: positive quantities, rates 8/10 only, paid lines point at their part', () => {
    const db = base();
    const line = db.prepare(`INSERT INTO order_lines (id, visit_id, seq, name, unit_price, quantity, tax_class, takeout, rate, price_mode, status, part_id, ordered_at)
      VALUES (?, 'v', ?, '枝豆', 380, ?, 'reduced', 0, ?, 'inclusive', ?, NULL, 0)`);
    line.run('l1', 1, 1, 10, 'open');
    expect(() => line.run('l2', 2, -1, 10, 'open')).toThrow(/CHECK/);
    expect(() => line.run('l3', 3, 1, 5, 'open')).toThrow(/CHECK/);
    expect(() => line.run('l4', 4, 1, 10, 'paid')).toThrow(/CHECK/);
    expect(() => line.run('l5', 1, 1, 10, 'open')).toThrow(/UNIQUE/);
  });
});
