import type { Migration } from './index.ts';

/** Settings, staff, the applied-commands log, till sessions with counts and cash movements, devices. */
export const m001: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      CREATE TABLE staff (
        id TEXT PRIMARY KEY, name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('cashier', 'manager', 'support')),
        pin_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, sort INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      ) STRICT;

      -- One row per applied command: a retry with the same command id gets the stored result.
      CREATE TABLE command_log (
        command_id TEXT PRIMARY KEY, method TEXT NOT NULL, staff_id TEXT, result TEXT NOT NULL, at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE till_sessions (
        id TEXT PRIMARY KEY, register_no INTEGER NOT NULL, business_day TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        opened_at INTEGER NOT NULL, opened_by TEXT NOT NULL REFERENCES staff(id),
        opening_float INTEGER NOT NULL CHECK (opening_float >= 0),
        closed_at INTEGER, closed_by TEXT REFERENCES staff(id),
        counted_cash INTEGER, expected_cash INTEGER, backup_file TEXT
      ) STRICT;
      -- At most one open till per register.
      CREATE UNIQUE INDEX till_one_open ON till_sessions(register_no) WHERE status = 'open';

      CREATE TABLE till_counts (
        session_id TEXT NOT NULL REFERENCES till_sessions(id), kind TEXT NOT NULL CHECK (kind IN ('open', 'close')),
        denomination INTEGER NOT NULL, count INTEGER NOT NULL CHECK (count BETWEEN 0 AND 100000),
        PRIMARY KEY (session_id, kind, denomination)
      ) STRICT;

      CREATE TABLE cash_movements (
        id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES till_sessions(id),
        kind TEXT NOT NULL CHECK (kind IN ('in', 'out')), amount INTEGER NOT NULL CHECK (amount > 0),
        reason TEXT NOT NULL, staff_id TEXT NOT NULL REFERENCES staff(id),
        at INTEGER NOT NULL, business_day TEXT NOT NULL
      ) STRICT;

      CREATE TABLE devices (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
        paired_at INTEGER NOT NULL, last_seen_at INTEGER, revoked_at INTEGER
      ) STRICT;
    `);
  },
};
