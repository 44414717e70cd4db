import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { m001 } from './001-foundation.ts';
import { m002 } from './002-floor-and-menu.ts';
import { m003 } from './003-floor-sync.ts';
import { m004 } from './004-orders-checkout.ts';
import { m005 } from './005-payment-intents.ts';

function base() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, [m001, m002, m003, m004]);
  expect(migrate(db, [m001, m002, m003, m004, m005])).toEqual([5]);
  db.exec(`INSERT INTO staff (id, name, role, pin_hash, created_at) VALUES ('s', 'S', 'cashier', 'x', 0);
    INSERT INTO visits (id, business_day, party, guest_name, status, seated_at) VALUES ('v', '2026-11-21', 2, 'ウォークイン', 'seated', 0);`);
  return db;
}

type Row = Partial<{ ref: string; kind: string; original_ref: string | null; state: string; masked_card: string | null; amount: number; part: number; payment_id: string | null }>;
const insert = (db: Database.Database, r: Row) => db.prepare(`INSERT INTO payment_intents (ref, kind, original_ref, visit_id, terminal_slip_no, terminal_part,
    method, amount, state, business_day, created_at, updated_at, masked_card, payment_id)
  VALUES (@ref, @kind, @original_ref, 'v', '1012600000001', @part, 'credit', @amount, @state, '2026-11-21', 0, 0, @masked_card, @payment_id)`)
  .run({ ref: 'r1', kind: 'sale', original_ref: null, state: 'pending', masked_card: null, amount: 1000, part: 1, payment_id: null, ...r });

describe('migration 005 payment intents', () => {
  it('stores only masked card numbers (U7): ****1234 passes, anything else is refused by the schema', () => {
    const db = base();
    insert(db, { ref: 'a', state: 'done', masked_card: '****4242' });
    expect(() => insert(db, { ref: 'b', masked_card: '4242424242424242' })).toThrow(/CHECK/);
    expect(() => insert(db, { ref: 'c', masked_card: '****42424' })).toThrow(/CHECK/);
    expect(() => insert(db, { ref: 'd', masked_card: '1234****' })).toThrow(/CHECK/);
  });

  it('U3: terminal line 1..5; amounts positive; states from the intent state machine only', () => {
    const db = base();
    expect(() => insert(db, { ref: 'a', part: 6 })).toThrow(/CHECK/);
    expect(() => insert(db, { ref: 'b', amount: 0 })).toThrow(/CHECK/);
    expect(() => insert(db, { ref: 'c', state: 'paid' })).toThrow(/CHECK/);
    insert(db, { ref: 'd', state: 'review' });
    expect(() => insert(db, { ref: 'd' })).toThrow(/UNIQUE/);
  });

  it('a refund names its sale; at most one live refund per sale (U4, U8)', () => {
    const db = base();
    insert(db, { ref: 'sale', state: 'done' });
    expect(() => insert(db, { ref: 'x', kind: 'refund' })).toThrow(/CHECK/);
    expect(() => insert(db, { ref: 'y', kind: 'sale', original_ref: 'sale' })).toThrow(/CHECK/);
    insert(db, { ref: 'r1', kind: 'refund', original_ref: 'sale', state: 'failed' });
    insert(db, { ref: 'r2', kind: 'refund', original_ref: 'sale', state: 'waiting' });
    expect(() => insert(db, { ref: 'r3', kind: 'refund', original_ref: 'sale', state: 'pending' })).toThrow(/UNIQUE/);
  });

  it('only a settled sale can be a checkout payment, and only once', () => {
    const db = base();
    expect(() => insert(db, { ref: 'a', state: 'waiting', payment_id: 'p' })).toThrow(/FOREIGN KEY|CHECK/);
    db.pragma('foreign_keys = OFF');
    expect(() => insert(db, { ref: 'b', state: 'waiting', payment_id: 'p' })).toThrow(/CHECK/);
    insert(db, { ref: 'c', state: 'done', payment_id: 'p' });
    expect(() => insert(db, { ref: 'd', state: 'done', payment_id: 'p' })).toThrow(/UNIQUE/);
  });
});
