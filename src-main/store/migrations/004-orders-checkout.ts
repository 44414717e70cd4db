import type { Migration } from './index.ts';

/**
 * Orders on visits, checkout (slips, parts, payments), slip numbering, slip cancel and customer
 * segments (docs/checkout.md). Money is integer yen; the per-rate figures printed on a receipt
 * are stored with the part that printed them and reused for reprints and the settlement.
 */
export const m004: Migration = {
  version: 4,
  name: 'orders-checkout',
  up(db) {
    db.exec(`
      -- 客層 (G4, M3): chosen at checkout, reported at till close.
      CREATE TABLE customer_segments (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, sort INTEGER NOT NULL, active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;

      -- G3: one counter row per register; a slip number is taken from it inside the checkout's
      -- transaction, so a crash rolls the number back with the sale: no gap, no reuse.
      CREATE TABLE slip_counters (
        register_no INTEGER PRIMARY KEY CHECK (register_no BETWEEN 1 AND 99),
        last_seq INTEGER NOT NULL CHECK (last_seq BETWEEN 0 AND 99999999)
      ) STRICT;

      -- 伝票: the bill of a visit (or of several: 合算会計 T7, groups T6). 'combined' slips only
      -- carry the number of a child visit of a combined checkout; its lines are on the parent.
      CREATE TABLE slips (
        id TEXT PRIMARY KEY,
        slip_no TEXT NOT NULL UNIQUE CHECK (length(slip_no) = 13),
        register_no INTEGER NOT NULL, seq INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('sale', 'combined')),
        parent_slip_id TEXT REFERENCES slips(id),
        visit_id TEXT NOT NULL REFERENCES visits(id),
        till_session_id TEXT NOT NULL REFERENCES till_sessions(id),
        business_day TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed', 'cancelled')),
        split_mode TEXT NOT NULL CHECK (split_mode IN ('none', 'items', 'amount', 'equal')),
        split_parts INTEGER CHECK (split_parts BETWEEN 2 AND 20),
        bill TEXT, -- amount/equal splits: the bill frozen at the first part (JSON per rate)
        price_mode TEXT NOT NULL CHECK (price_mode IN ('inclusive', 'exclusive')),
        rounding TEXT NOT NULL CHECK (rounding IN ('floor', 'round', 'ceil')),
        party INTEGER NOT NULL CHECK (party BETWEEN 0 AND 9999),
        segment_id TEXT REFERENCES customer_segments(id),
        gross INTEGER NOT NULL DEFAULT 0, net INTEGER NOT NULL DEFAULT 0, tax INTEGER NOT NULL DEFAULT 0,
        discount INTEGER NOT NULL DEFAULT 0,
        staff_id TEXT REFERENCES staff(id), opened_at INTEGER NOT NULL, closed_at INTEGER,
        UNIQUE (register_no, seq),
        CHECK (gross = net + tax)
      ) STRICT;
      CREATE INDEX slips_day ON slips(business_day, opened_at);
      CREATE INDEX slips_session ON slips(till_session_id);
      -- At most one unfinished split checkout per visit.
      CREATE UNIQUE INDEX slips_one_open_per_visit ON slips(visit_id) WHERE status = 'open';

      -- The visits a slip settles and how (main, combined child, member of a table group).
      CREATE TABLE slip_visits (
        slip_id TEXT NOT NULL REFERENCES slips(id), visit_id TEXT NOT NULL REFERENCES visits(id),
        role TEXT NOT NULL CHECK (role IN ('main', 'combined', 'group')),
        PRIMARY KEY (slip_id, visit_id)
      ) STRICT;
      CREATE INDEX slip_visits_visit ON slip_visits(visit_id);

      -- One payment transaction of a slip: the whole bill, or one part of a split checkout. Each
      -- part is one receipt (適格簡易請求書) with one rounding per rate.
      CREATE TABLE slip_parts (
        id TEXT PRIMARY KEY, slip_id TEXT NOT NULL REFERENCES slips(id),
        part_no INTEGER NOT NULL CHECK (part_no BETWEEN 1 AND 99),
        till_session_id TEXT NOT NULL REFERENCES till_sessions(id), business_day TEXT NOT NULL,
        at INTEGER NOT NULL, staff_id TEXT REFERENCES staff(id),
        subtotal INTEGER NOT NULL, line_discount INTEGER NOT NULL CHECK (line_discount >= 0),
        slip_discount INTEGER NOT NULL CHECK (slip_discount >= 0),
        gross INTEGER NOT NULL CHECK (gross >= 0), net INTEGER NOT NULL, tax INTEGER NOT NULL,
        paid INTEGER NOT NULL, change INTEGER NOT NULL CHECK (change >= 0),
        prepaid INTEGER NOT NULL DEFAULT 0 CHECK (prepaid IN (0, 1)), -- P6: no receipt
        receipt_prints INTEGER NOT NULL DEFAULT 0, formal_prints INTEGER NOT NULL DEFAULT 0,
        -- The receipt's print after the commit: the answer of checkout.commit is sent before it
        -- ends, so its outcome (paper out …) is kept here for slips.get and receipts.print.
        print_status TEXT NOT NULL DEFAULT 'queued' CHECK (print_status IN ('queued', 'printed', 'failed', 'skipped', 'none')),
        print_message TEXT,
        UNIQUE (slip_id, part_no),
        CHECK (gross = net + tax), CHECK (paid - change = gross)
      ) STRICT;
      CREATE INDEX slip_parts_session ON slip_parts(till_session_id);

      CREATE TABLE part_rates (
        part_id TEXT NOT NULL REFERENCES slip_parts(id), rate INTEGER NOT NULL CHECK (rate IN (8, 10)),
        subtotal INTEGER NOT NULL, slip_discount INTEGER NOT NULL,
        gross INTEGER NOT NULL, net INTEGER NOT NULL, tax INTEGER NOT NULL,
        PRIMARY KEY (part_id, rate), CHECK (gross = net + tax)
      ) STRICT;

      -- 値引 (amount) and 割引 (percent), per line or per slip, with the yen they took off.
      CREATE TABLE part_discounts (
        part_id TEXT NOT NULL REFERENCES slip_parts(id), seq INTEGER NOT NULL,
        scope TEXT NOT NULL CHECK (scope IN ('line', 'slip')), line_id TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('amount', 'percent')), value INTEGER NOT NULL CHECK (value > 0),
        yen INTEGER NOT NULL CHECK (yen >= 0), label TEXT NOT NULL,
        PRIMARY KEY (part_id, seq)
      ) STRICT;

      -- U3: up to 5 payments per part. amount is what the payment settled (cash: tendered − change).
      CREATE TABLE payments (
        id TEXT PRIMARY KEY, part_id TEXT NOT NULL REFERENCES slip_parts(id),
        seq INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 5),
        kind TEXT NOT NULL CHECK (kind IN ('cash', 'credit', 'points', 'sitePoints', 'prepaid', 'terminal')),
        label TEXT NOT NULL, tendered INTEGER NOT NULL CHECK (tendered > 0),
        amount INTEGER NOT NULL CHECK (amount >= 0 AND amount <= tendered),
        UNIQUE (part_id, seq)
      ) STRICT;

      -- 注文: one line per product ordered on a visit. The rate is decided at sale time (eat-in or
      -- takeout, alcohol always 10 %) and kept on the line with the price and the price mode.
      CREATE TABLE order_lines (
        id TEXT PRIMARY KEY, visit_id TEXT NOT NULL REFERENCES visits(id), seq INTEGER NOT NULL,
        product_id TEXT REFERENCES products(id), category_id TEXT, name TEXT NOT NULL,
        unit_price INTEGER NOT NULL CHECK (unit_price BETWEEN 0 AND 99999999),
        quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 999),
        tax_class TEXT NOT NULL CHECK (tax_class IN ('standard', 'reduced', 'alcohol')),
        takeout INTEGER NOT NULL CHECK (takeout IN (0, 1)),
        rate INTEGER NOT NULL CHECK (rate IN (8, 10)),
        price_mode TEXT NOT NULL CHECK (price_mode IN ('inclusive', 'exclusive')),
        note TEXT NOT NULL DEFAULT '',
        -- open → paid (part_id) or void; billed = frozen into an amount/equal split (slip_id)
        status TEXT NOT NULL CHECK (status IN ('open', 'void', 'billed', 'paid')),
        slip_id TEXT REFERENCES slips(id), part_id TEXT REFERENCES slip_parts(id),
        split_from TEXT REFERENCES order_lines(id),
        ordered_at INTEGER NOT NULL, ordered_by TEXT REFERENCES staff(id),
        voided_at INTEGER, voided_by TEXT REFERENCES staff(id), void_reason TEXT,
        UNIQUE (visit_id, seq),
        CHECK ((status = 'paid') = (part_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX order_lines_visit ON order_lines(visit_id, status);
      CREATE INDEX order_lines_part ON order_lines(part_id);
      CREATE INDEX order_lines_slip ON order_lines(slip_id);

      -- 伝票取消 (G3): the slip keeps its number; the refund belongs to the till session it was
      -- made in; return_document = a 適格返還請求書 was issued.
      CREATE TABLE slip_cancellations (
        slip_id TEXT PRIMARY KEY REFERENCES slips(id),
        till_session_id TEXT NOT NULL REFERENCES till_sessions(id), business_day TEXT NOT NULL,
        at INTEGER NOT NULL, staff_id TEXT NOT NULL REFERENCES staff(id), reason TEXT NOT NULL,
        gross INTEGER NOT NULL, return_document INTEGER NOT NULL CHECK (return_document IN (0, 1)),
        return_prints INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX slip_cancellations_session ON slip_cancellations(till_session_id);
    `);
  },
};
