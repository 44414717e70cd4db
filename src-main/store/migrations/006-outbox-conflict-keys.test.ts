import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { m001 } from './001-foundation.ts';
import { m002 } from './002-floor-and-menu.ts';
import { m003 } from './003-floor-sync.ts';
import { m004 } from './004-orders-checkout.ts';
import { m005 } from './005-payment-intents.ts';
import { m006 } from './006-outbox-conflict-keys.ts';

const before = [m001, m002, m003, m004, m005];

describe('migration 006 outbox conflict keys', () => {
  it('keeps rows queued by the older version in the old one-at-a-time order (*), leaves sent rows alone', () => {
    const db = new Database(':memory:');
    migrate(db, before);
    const add = db.prepare(`INSERT INTO outbox (event_id, target, agg_type, agg_id, event_type, payload, business_day, status, next_attempt_at, created_at, updated_at)
      VALUES (?, 'smart-reserve', 'visit', 'v', 'visit.seated', '{}', '2026-11-21', ?, 0, 0, 0)`);
    add.run('e-pending', 'pending');
    add.run('e-parked', 'parked');
    add.run('e-done', 'done');
    expect(migrate(db, [...before, m006])).toEqual([6]);
    const rows = db.prepare('SELECT event_id, conflict_keys, strikes, first_strike_at FROM outbox ORDER BY seq').all();
    expect(rows).toEqual([
      { event_id: 'e-pending', conflict_keys: '["*"]', strikes: 0, first_strike_at: null },
      { event_id: 'e-parked', conflict_keys: '["*"]', strikes: 0, first_strike_at: null },
      { event_id: 'e-done', conflict_keys: '[]', strikes: 0, first_strike_at: null },
    ]);
    expect(() => db.prepare('UPDATE outbox SET strikes = -1').run()).toThrow(/CHECK/);
  });
});
