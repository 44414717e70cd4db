import type { Migration } from './index.ts';

/**
 * Outbox rows say which ledger resources they touch (conflict keys: tables, the reservation, the
 * other visits of a merge or group), so the relay sends independent changes in parallel and
 * orders only those that share something. Strikes count failed tries while the ledger was taking
 * other changes: enough of them over long enough parks the change (docs/outbox.md).
 */
export const m006: Migration = {
  version: 6,
  name: 'outbox-conflict-keys',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN conflict_keys TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE outbox ADD COLUMN strikes INTEGER NOT NULL DEFAULT 0 CHECK (strikes >= 0);
      ALTER TABLE outbox ADD COLUMN first_strike_at INTEGER;
      -- Rows queued before this version knew no keys: '*' keeps them in the old one-at-a-time order.
      UPDATE outbox SET conflict_keys = '["*"]' WHERE status IN ('pending', 'in_flight', 'parked');
    `);
  },
};
