import type { Migration } from './index.ts';

/**
 * The till session keeps the running terms of its expected cash (#2): cash in, cash out and cash
 * sales (cash taken by its checkouts minus cash refunded by the cancellations made in it, G3).
 * 入出金 needs the expected cash, and summing every movement and payment of the session made each
 * one slower as the day went on. Triggers add each row in the row's own transaction, so the totals
 * cannot drift from the rows, which stay the record: those rows are only ever inserted, and the
 * guards below refuse any change to the columns the totals are made of.
 */
export const m007: Migration = {
  version: 7,
  name: 'till-cash-totals',
  up(db) {
    db.exec(`
      ALTER TABLE till_sessions ADD COLUMN cash_in INTEGER NOT NULL DEFAULT 0 CHECK (cash_in >= 0);
      ALTER TABLE till_sessions ADD COLUMN cash_out INTEGER NOT NULL DEFAULT 0 CHECK (cash_out >= 0);
      ALTER TABLE till_sessions ADD COLUMN cash_sales INTEGER NOT NULL DEFAULT 0;
      UPDATE till_sessions SET
        cash_in = (SELECT COALESCE(SUM(amount), 0) FROM cash_movements WHERE session_id = till_sessions.id AND kind = 'in'),
        cash_out = (SELECT COALESCE(SUM(amount), 0) FROM cash_movements WHERE session_id = till_sessions.id AND kind = 'out'),
        cash_sales = (SELECT COALESCE(SUM(amount), 0) FROM payments WHERE kind = 'cash'
            AND part_id IN (SELECT id FROM slip_parts WHERE till_session_id = till_sessions.id))
          - (SELECT COALESCE(SUM(amount), 0) FROM payments WHERE kind = 'cash'
            AND part_id IN (SELECT id FROM slip_parts WHERE slip_id IN (SELECT slip_id FROM slip_cancellations WHERE till_session_id = till_sessions.id)));

      CREATE TRIGGER cash_movements_totals AFTER INSERT ON cash_movements BEGIN
        UPDATE till_sessions SET cash_in = cash_in + (CASE NEW.kind WHEN 'in' THEN NEW.amount ELSE 0 END),
          cash_out = cash_out + (CASE NEW.kind WHEN 'out' THEN NEW.amount ELSE 0 END)
        WHERE id = NEW.session_id;
      END;
      -- Cash paid counts for the session the part was paid in …
      CREATE TRIGGER payments_cash_sales AFTER INSERT ON payments WHEN NEW.kind = 'cash' BEGIN
        UPDATE till_sessions SET cash_sales = cash_sales + NEW.amount WHERE id = (SELECT till_session_id FROM slip_parts WHERE id = NEW.part_id);
      END;
      -- … and a cancellation refunds the slip's cash from the session it is made in.
      CREATE TRIGGER slip_cancellations_cash_sales AFTER INSERT ON slip_cancellations BEGIN
        UPDATE till_sessions SET cash_sales = cash_sales - (SELECT COALESCE(SUM(amount), 0) FROM payments WHERE kind = 'cash'
          AND part_id IN (SELECT id FROM slip_parts WHERE slip_id = NEW.slip_id)) WHERE id = NEW.till_session_id;
      END;

      -- The rows behind the totals are never changed or removed (corrections are new rows).
      CREATE TRIGGER cash_movements_fixed BEFORE UPDATE OF session_id, kind, amount ON cash_movements BEGIN SELECT RAISE(ABORT, 'cash movements are never changed'); END;
      CREATE TRIGGER cash_movements_kept BEFORE DELETE ON cash_movements BEGIN SELECT RAISE(ABORT, 'cash movements are never deleted'); END;
      CREATE TRIGGER payments_fixed BEFORE UPDATE OF part_id, kind, amount ON payments BEGIN SELECT RAISE(ABORT, 'payments are never changed'); END;
      CREATE TRIGGER payments_kept BEFORE DELETE ON payments BEGIN SELECT RAISE(ABORT, 'payments are never deleted'); END;
      CREATE TRIGGER slip_parts_fixed BEFORE UPDATE OF slip_id, till_session_id ON slip_parts BEGIN SELECT RAISE(ABORT, 'a paid part keeps its slip and till session'); END;
      CREATE TRIGGER slip_cancellations_fixed BEFORE UPDATE OF slip_id, till_session_id ON slip_cancellations BEGIN SELECT RAISE(ABORT, 'cancellations are never changed'); END;
      CREATE TRIGGER slip_cancellations_kept BEFORE DELETE ON slip_cancellations BEGIN SELECT RAISE(ABORT, 'cancellations are never deleted'); END;

      -- The movements of one session (till report) without reading every movement ever made.
      CREATE INDEX cash_movements_session ON cash_movements(session_id, at);
    `);
  },
};
