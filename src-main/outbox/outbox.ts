import { randomUUID } from 'node:crypto';
import type { DB } from '../store/db.ts';
import { stmt } from '../store/stmt.ts';

export type NewEvent = {
  target: string;
  aggType: string;
  aggId: string;
  type: string;
  payload: unknown;
  businessDay: string;
  /** An event (by id) that must be delivered first, e.g. the seating of a merge's destination. */
  dependsOn?: string | null;
  /**
   * Ledger resources the change touches besides its aggregate (`table:<id>`, `reservation:<id>`,
   * `visit:<id>`): changes sharing a key go in seq order, the others in parallel.
   */
  keys?: readonly string[];
};

/**
 * Adds outbox rows inside the caller's transaction. In training mode nothing is written:
 * nothing is ever sent out (RULES L2).
 */
export class OutboxWriter {
  private readonly db: DB;
  private readonly now: () => number;
  readonly enabled: boolean;

  constructor(db: DB, now: () => number, enabled: boolean) {
    this.db = db;
    this.now = now;
    this.enabled = enabled;
  }

  add(event: NewEvent): string | null {
    if (!this.enabled) return null;
    const id = randomUUID();
    const at = this.now();
    const keys = [...new Set(event.keys ?? [])].filter((k) => k !== aggKey(event.aggType, event.aggId)).sort();
    stmt(this.db, `INSERT INTO outbox (event_id, target, agg_type, agg_id, event_type, payload, business_day, depends_on, conflict_keys, status, next_attempt_at, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`)
      .run(id, event.target, event.aggType, event.aggId, event.type, JSON.stringify(event.payload), event.businessDay, event.dependsOn ?? null,
        JSON.stringify(keys), at, at, at);
    return id;
  }

  /** The latest event of an aggregate, to chain a dependent change (e.g. a merge) after it. */
  lastEventOf(target: string, aggType: string, aggId: string): string | null {
    const row = stmt(this.db, 'SELECT event_id FROM outbox WHERE target = ? AND agg_type = ? AND agg_id = ? ORDER BY seq DESC LIMIT 1')
      .get(target, aggType, aggId) as { event_id: string } | undefined;
    return row?.event_id ?? null;
  }

  /** Aggregates with changes not yet delivered: pulled ledger data must not overwrite them. */
  hasUnsent(aggType: string, aggId: string): boolean {
    return Boolean(stmt(this.db, `SELECT 1 FROM outbox WHERE agg_type = ? AND agg_id = ? AND status IN ('pending', 'in_flight', 'parked') LIMIT 1`).get(aggType, aggId));
  }
}

export type OutboxRow = {
  seq: number; event_id: string; target: string; agg_type: string; agg_id: string; event_type: string; payload: string;
  business_day: string; depends_on: string | null; status: string; attempts: number; next_attempt_at: number;
  remote_ref: string | null; last_error_code: string | null; last_error: string | null; created_at: number; updated_at: number;
  done_at: number | null; resolved_by: string | null; resolved_note: string | null;
  conflict_keys: string; strikes: number; first_strike_at: number | null;
};

/** The key of an aggregate, in the same form as a row's conflict keys. */
export function aggKey(aggType: string, aggId: string): string {
  return `${aggType}:${aggId}`;
}

export const OPEN_STATUSES = ['pending', 'in_flight', 'parked'] as const;

/** Counts for the always-visible sync badge. */
export function outboxCounts(db: DB): { unsent: number; parked: number; oldestUnsentAt: number | null } {
  const row = stmt(db, `SELECT COUNT(*) AS unsent, SUM(status = 'parked') AS parked, MIN(created_at) AS oldest
    FROM outbox WHERE status IN ('pending', 'in_flight', 'parked')`).get() as { unsent: number; parked: number | null; oldest: number | null };
  return { unsent: row.unsent, parked: row.parked ?? 0, oldestUnsentAt: row.oldest };
}

/** Tables (by local id) whose visits have changes not yet sent: the tile marker of the table list. */
export function unsentVisitIds(db: DB): Set<string> {
  const rows = stmt(db, `SELECT DISTINCT agg_id FROM outbox WHERE agg_type = 'visit' AND status IN ('pending', 'in_flight', 'parked')`).all() as Array<{ agg_id: string }>;
  return new Set(rows.map((r) => r.agg_id));
}
