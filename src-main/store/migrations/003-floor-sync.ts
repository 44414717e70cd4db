import type { Migration } from './index.ts';

/**
 * The floor (reservations mirrored from the ledger, visits on tables, table state) and the
 * transactional outbox that carries every change to the linked ledger.
 */
export const m003: Migration = {
  version: 3,
  name: 'floor-and-outbox',
  up(db) {
    db.exec(`
      -- Local mirror of the linked ledger's reservations (and ledger blocks: R7).
      CREATE TABLE reservations (
        id TEXT PRIMARY KEY, remote_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL CHECK (kind IN ('reservation', 'block')),
        business_day TEXT NOT NULL, start_at INTEGER NOT NULL, duration_min INTEGER NOT NULL,
        party INTEGER NOT NULL, guest_name TEXT NOT NULL, designated_table_id TEXT REFERENCES tables(id),
        remote_status TEXT NOT NULL, memo TEXT NOT NULL DEFAULT '', request TEXT NOT NULL DEFAULT '',
        prepayment INTEGER NOT NULL DEFAULT 0 CHECK (prepayment >= 0), points INTEGER NOT NULL DEFAULT 0 CHECK (points >= 0),
        course_name TEXT NOT NULL DEFAULT '', course_detail TEXT NOT NULL DEFAULT '', remarks TEXT NOT NULL DEFAULT '',
        pulled_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX reservations_day ON reservations(business_day, start_at);

      -- A party at the register: a reservation seated, or a walk-in.
      CREATE TABLE visits (
        id TEXT PRIMARY KEY, business_day TEXT NOT NULL, reservation_id TEXT REFERENCES reservations(id),
        party INTEGER NOT NULL CHECK (party BETWEEN 1 AND 999), guest_name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('seated', 'closed', 'cancelled', 'merged')),
        seated_at INTEGER NOT NULL, ended_at INTEGER, merged_into TEXT REFERENCES visits(id),
        over_reservation INTEGER NOT NULL DEFAULT 0, -- the ▲ of S7: walk-in at a designated table
        group_id TEXT, note TEXT NOT NULL DEFAULT '', seated_by TEXT REFERENCES staff(id)
      ) STRICT;
      -- S6 fixed: a reservation can be seated once, whatever device tries at the same moment
      -- (a visit merged away still used its reservation: T1).
      CREATE UNIQUE INDEX visits_one_per_reservation ON visits(reservation_id) WHERE reservation_id IS NOT NULL AND status IN ('seated', 'closed', 'merged');

      -- Which tables a visit occupies; a table holds at most one active visit.
      CREATE TABLE visit_tables (
        visit_id TEXT NOT NULL REFERENCES visits(id), table_id TEXT NOT NULL REFERENCES tables(id),
        active INTEGER NOT NULL DEFAULT 1, since INTEGER NOT NULL, PRIMARY KEY (visit_id, table_id)
      ) STRICT;
      CREATE UNIQUE INDEX visit_tables_one_active ON visit_tables(table_id) WHERE active = 1;

      -- Table groups (T6): several tables served as one, a representative first.
      CREATE TABLE table_groups (id TEXT PRIMARY KEY, representative_table_id TEXT NOT NULL REFERENCES tables(id), created_at INTEGER NOT NULL, dissolved_at INTEGER) STRICT;
      CREATE TABLE table_group_members (group_id TEXT NOT NULL REFERENCES table_groups(id), table_id TEXT NOT NULL REFERENCES tables(id), PRIMARY KEY (group_id, table_id)) STRICT;

      -- Register-side table state: block (T4) and reset (T5) are local only.
      CREATE TABLE table_state (
        table_id TEXT PRIMARY KEY REFERENCES tables(id), blocked INTEGER NOT NULL DEFAULT 0, reset INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL
      ) STRICT;

      -- Mapping of register tables to ledger seats (who maps depends on the ledger: L4).
      CREATE TABLE ledger_table_map (table_id TEXT PRIMARY KEY REFERENCES tables(id), remote_seat_id TEXT NOT NULL, remote_name TEXT NOT NULL) STRICT;

      -- The transactional outbox: written in the same transaction as the change it describes.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,           -- order comes from here, never the clock
        event_id TEXT NOT NULL UNIQUE,                   -- idempotency key the receiver dedupes on
        target TEXT NOT NULL, agg_type TEXT NOT NULL, agg_id TEXT NOT NULL,
        event_type TEXT NOT NULL, payload TEXT NOT NULL, business_day TEXT NOT NULL,
        depends_on TEXT,                                 -- event_id that must be done first (merges)
        status TEXT NOT NULL CHECK (status IN ('pending', 'in_flight', 'done', 'parked', 'resolved_manual', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL,
        remote_ref TEXT, last_error_code TEXT, last_error TEXT,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, done_at INTEGER,
        resolved_by TEXT, resolved_note TEXT
      ) STRICT;
      CREATE INDEX outbox_key ON outbox(target, agg_type, agg_id, seq);
      CREATE INDEX outbox_open ON outbox(status, next_attempt_at) WHERE status IN ('pending', 'in_flight', 'parked');

      -- Remote ids learned from the ledger (e.g. its visit id for our visit): look up before create.
      CREATE TABLE remote_refs (target TEXT NOT NULL, local_id TEXT NOT NULL, remote_id TEXT NOT NULL, PRIMARY KEY (target, local_id)) STRICT;
    `);
  },
};
