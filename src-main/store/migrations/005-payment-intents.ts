import type { Migration } from './index.ts';

/**
 * USEN PAY payment intents (docs/payments.md, RULES.md U1–U13). A row is written with the
 * register's own reference BEFORE the sale request leaves, so a crash, a lost link or 切断する
 * never leaves a payment the register does not know about; the terminal's status answer for the
 * ref (or a manager's logged decision) settles it. Card data is masked: only ****1234 is stored.
 */
export const m005: Migration = {
  version: 5,
  name: 'payment-intents',
  up(db) {
    db.exec(`
      CREATE TABLE payment_intents (
        ref TEXT PRIMARY KEY CHECK (length(ref) BETWEEN 1 AND 64),
        kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
        -- a refund (U4, U8) names the sale it refunds
        original_ref TEXT REFERENCES payment_intents(ref),
        -- the command that started it: a command retried after a crash finds its intent again
        command_id TEXT UNIQUE,
        visit_id TEXT NOT NULL REFERENCES visits(id),
        -- set when the checkout commits the sale (payment_id) or for a refund of a finished slip
        slip_id TEXT REFERENCES slips(id),
        payment_id TEXT REFERENCES payments(id),
        -- what the terminal was told: the slip number (provisional before the checkout) and line 1..5 (U3)
        terminal_slip_no TEXT NOT NULL, terminal_part INTEGER NOT NULL CHECK (terminal_part BETWEEN 1 AND 5),
        method TEXT NOT NULL CHECK (method IN ('credit', 'emoney', 'qr')),
        amount INTEGER NOT NULL CHECK (amount > 0),
        -- pending: written, request on its way; waiting: the terminal accepted, guest at the terminal;
        -- unknown: link lost / 切断する / crash, ask status; done / failed: settled; review: 要確認 (U12)
        state TEXT NOT NULL CHECK (state IN ('pending', 'waiting', 'unknown', 'done', 'failed', 'review')),
        till_session_id TEXT REFERENCES till_sessions(id), business_day TEXT NOT NULL,
        staff_id TEXT REFERENCES staff(id),
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
        terminal_serial TEXT,
        -- the terminal confirmed it journaled the ref (accepted, progress, a result or a status answer)
        accepted_at INTEGER,
        -- a terminal restart (or another terminal) was seen while the intent was open: notFound is ambiguous
        journal_suspect INTEGER NOT NULL DEFAULT 0 CHECK (journal_suspect IN (0, 1)),
        step TEXT, display TEXT, reason TEXT,
        outcome TEXT, acquirer_status TEXT, result_kind TEXT CHECK (result_kind IN ('sale', 'void', 'return')),
        brand TEXT,
        masked_card TEXT CHECK (masked_card IS NULL OR masked_card GLOB '[*][*][*][*][0-9][0-9][0-9][0-9]'),
        entry TEXT, division TEXT, approval_no TEXT, order_code TEXT, result_at TEXT, terminal_business_date TEXT,
        receipts TEXT, -- the terminal's copies as JSON (masked numbers only); none for QR (U7)
        copies_printed INTEGER NOT NULL DEFAULT 0,
        refunded_by TEXT REFERENCES payment_intents(ref),
        decision TEXT CHECK (decision IN ('paid', 'unpaid')), decision_reason TEXT,
        decided_by TEXT REFERENCES staff(id), decided_at INTEGER,
        CHECK ((kind = 'refund') = (original_ref IS NOT NULL)),
        CHECK (payment_id IS NULL OR (kind = 'sale' AND state = 'done')),
        CHECK ((decision IS NULL) = (decided_by IS NULL))
      ) STRICT;
      CREATE INDEX payment_intents_visit ON payment_intents(visit_id, state);
      CREATE INDEX payment_intents_slip ON payment_intents(slip_id);
      CREATE INDEX payment_intents_open ON payment_intents(state) WHERE state IN ('pending', 'waiting', 'unknown', 'review');
      -- one checkout payment per terminal sale, and one live refund per sale
      CREATE UNIQUE INDEX payment_intents_payment ON payment_intents(payment_id) WHERE payment_id IS NOT NULL;
      CREATE UNIQUE INDEX payment_intents_one_refund ON payment_intents(original_ref) WHERE kind = 'refund' AND state != 'failed';

      -- Every state change with its source (flow, status, resent result, 切断する, manager decision).
      CREATE TABLE payment_intent_log (
        id INTEGER PRIMARY KEY,
        ref TEXT NOT NULL REFERENCES payment_intents(ref),
        at INTEGER NOT NULL, from_state TEXT, to_state TEXT NOT NULL, source TEXT NOT NULL, detail TEXT,
        staff_id TEXT REFERENCES staff(id)
      ) STRICT;
      CREATE INDEX payment_intent_log_ref ON payment_intent_log(ref, id);
    `);
  },
};
