import type { Migration } from './index.ts';

/**
 * Fewer pages per 入出金 (#2). A commit writes every B-tree page it touched to the WAL before the
 * fsync. A cash movement touched four besides the command log: the movements table, its id index
 * (a random page: the id is a UUID), its session index and the session row (the totals of 007).
 *
 * Now a movement is one row on one page, like a line of a cash book (現金出納帳) with its balance:
 * - cash_movements is WITHOUT ROWID keyed by (session_id, seq), so a session's movements sit
 *   together in the order they were made; seq numbers them from 1.
 * - each row carries the session's running totals (total_in, total_out) after it, so the drawer's
 *   figures are the last row of the session (one seek) and the session row is not written; 007's
 *   cash_in/cash_out columns and trigger go. Cash sales (many payments) keep 007's running total.
 * - a trigger refuses a row that does not continue its session (next seq, totals = previous +
 *   this amount), so the totals cannot drift from the rows; the rows are never changed or deleted.
 * The UUID id stays for the API, unindexed: nothing looks a movement up by id.
 */
export const m008: Migration = {
  version: 8,
  name: 'cash-movements-clustered',
  up(db) {
    db.exec(`
      CREATE TABLE cash_movements_new (
        session_id TEXT NOT NULL REFERENCES till_sessions(id), seq INTEGER NOT NULL CHECK (seq >= 1),
        id TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('in', 'out')), amount INTEGER NOT NULL CHECK (amount > 0),
        reason TEXT NOT NULL, staff_id TEXT NOT NULL REFERENCES staff(id),
        at INTEGER NOT NULL, business_day TEXT NOT NULL,
        total_in INTEGER NOT NULL CHECK (total_in >= 0), total_out INTEGER NOT NULL CHECK (total_out >= 0),
        PRIMARY KEY (session_id, seq)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO cash_movements_new (session_id, seq, id, kind, amount, reason, staff_id, at, business_day, total_in, total_out)
        SELECT session_id, ROW_NUMBER() OVER w, id, kind, amount, reason, staff_id, at, business_day,
          SUM(CASE kind WHEN 'in' THEN amount ELSE 0 END) OVER w, SUM(CASE kind WHEN 'out' THEN amount ELSE 0 END) OVER w
        FROM cash_movements WINDOW w AS (PARTITION BY session_id ORDER BY at, rowid ROWS UNBOUNDED PRECEDING);
      DROP TABLE cash_movements;
      ALTER TABLE cash_movements_new RENAME TO cash_movements;
      ALTER TABLE till_sessions DROP COLUMN cash_in;
      ALTER TABLE till_sessions DROP COLUMN cash_out;

      CREATE TRIGGER cash_movements_continue BEFORE INSERT ON cash_movements BEGIN
        SELECT RAISE(ABORT, 'a cash movement continues its session: the next seq and the running totals')
        FROM (SELECT 1) LEFT JOIN (SELECT seq, total_in, total_out FROM cash_movements WHERE session_id = NEW.session_id ORDER BY seq DESC LIMIT 1) AS last
        WHERE NEW.seq != COALESCE(last.seq, 0) + 1
          OR NEW.total_in != COALESCE(last.total_in, 0) + (CASE NEW.kind WHEN 'in' THEN NEW.amount ELSE 0 END)
          OR NEW.total_out != COALESCE(last.total_out, 0) + (CASE NEW.kind WHEN 'out' THEN NEW.amount ELSE 0 END);
      END;
      CREATE TRIGGER cash_movements_fixed BEFORE UPDATE OF session_id, seq, kind, amount, total_in, total_out ON cash_movements BEGIN
        SELECT RAISE(ABORT, 'cash movements are never changed');
      END;
      CREATE TRIGGER cash_movements_kept BEFORE DELETE ON cash_movements BEGIN SELECT RAISE(ABORT, 'cash movements are never deleted'); END;
    `);
  },
};
