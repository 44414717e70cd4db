import type { DB } from '../store/db.ts';
import { aggKey, type OutboxRow } from './outbox.ts';
import { stmt } from '../store/stmt.ts';

/** The columns the relay needs to choose what goes next (the payload is read only when sent). */
export type OpenRow = Pick<OutboxRow, 'seq' | 'event_id' | 'target' | 'agg_type' | 'agg_id' | 'event_type' | 'depends_on' | 'status'
  | 'next_attempt_at' | 'conflict_keys' | 'attempts' | 'strikes' | 'first_strike_at' | 'updated_at'>;

/** How many of the oldest open rows one look considers: bounds the work per round on a huge backlog. */
export const WINDOW = 2_000;

const COLUMNS = 'seq, event_id, target, agg_type, agg_id, event_type, depends_on, status, next_attempt_at, conflict_keys, attempts, strikes, first_strike_at, updated_at';

type Busy = { all: boolean; keys: Set<string> };

/**
 * The rows that may be sent now, in seq order. Walking the open rows oldest first, a row may go
 * when no earlier live row of its target shares a conflict key with it and what it depends on is
 * done. Parked rows, and rows stalled behind one (same aggregate or depends_on), are stepped over:
 * they hold up only their own aggregate, not the tables or reservations they name, because the
 * ledger never took them. `*` (rows queued before conflict keys existed) conflicts with everything.
 */
export function dueRows(db: DB, now: number, inFlight: ReadonlyMap<number, unknown>, limit: number): OpenRow[] {
  if (limit <= 0) return [];
  // The oldest open rows, stepped lazily: the walk stops once `limit` rows are due, so a huge
  // backlog costs a few rows per look, not the whole queue. A prefix in seq order is enough: every
  // row that could hold a row back comes before it.
  // Parked rows are read whole and merged in (few; they must stall their aggregates however many
  // there are), so the window counts live rows only.
  const parked = stmt(db, `SELECT ${COLUMNS} FROM outbox WHERE status = 'parked' ORDER BY seq`).all() as OpenRow[];
  const live = stmt(db, `SELECT ${COLUMNS} FROM outbox WHERE status IN ('pending', 'in_flight') ORDER BY seq LIMIT ?`).iterate(WINDOW) as IterableIterator<OpenRow>;
  const rows = parked.length ? mergeBySeq(parked, live) : live;
  const openEvents = new Set<string>();
  const stalledAggs = new Set<string>();
  const stalledEvents = new Set<string>();
  const busy = new Map<string, Busy>();
  const due: OpenRow[] = [];
  for (const row of rows) {
    openEvents.add(row.event_id);
    const agg = `${row.target}\u0000${aggKey(row.agg_type, row.agg_id)}`;
    if (row.status === 'parked' || stalledAggs.has(agg) || (row.depends_on !== null && stalledEvents.has(row.depends_on))) {
      stalledAggs.add(agg);
      stalledEvents.add(row.event_id);
      continue;
    }
    const keys = [aggKey(row.agg_type, row.agg_id), ...(JSON.parse(row.conflict_keys) as string[])];
    let b = busy.get(row.target);
    if (!b) busy.set(row.target, (b = { all: false, keys: new Set() }));
    const wild = keys.includes('*');
    const blocked = b.all || (wild ? b.keys.size > 0 : keys.some((k) => b.keys.has(k)));
    if (wild) b.all = true;
    else for (const k of keys) b.keys.add(k);
    // A dependency still open elsewhere (another target) is waited for; done, resolved or skipped is fine.
    const waiting = row.depends_on !== null && openEvents.has(row.depends_on);
    if (!blocked && !waiting && row.status === 'pending' && row.next_attempt_at <= now && !inFlight.has(row.seq)) due.push(row);
    if (due.length >= limit) break; // ends the statement too
  }
  return due;
}

function* mergeBySeq(sorted: readonly OpenRow[], live: Iterable<OpenRow>): Generator<OpenRow> {
  let i = 0;
  for (const row of live) {
    while (i < sorted.length && sorted[i]!.seq < row.seq) yield sorted[i++]!;
    yield row;
  }
  while (i < sorted.length) yield sorted[i++]!;
}
