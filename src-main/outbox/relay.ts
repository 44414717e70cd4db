import type { Logger } from 'pino';
import type { DB } from '../store/db.ts';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, retryDelay } from './backoff.ts';
import { CircuitBreaker } from './breaker.ts';
import type { OutboxRow } from './outbox.ts';
import type { Delivery, DeliveryTarget, OutboxEvent, RemoteRefs } from './types.ts';

export type RelayOptions = {
  db: DB;
  log: Logger;
  now?: () => number;
  random?: () => number;
  /** How often to look for due work when nothing wakes the relay (ms). */
  intervalMs?: number;
  /** Deliveries in flight at once, over all targets. */
  concurrency?: number;
  /** Called after each round that changed something, for the sync badge. */
  onChange?: () => void;
  /** Backoff and breaker timings; production uses the defaults (2 s base, 5 min cap, 30 s open). */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  breakerOpenMs?: number;
};

/**
 * Delivers outbox rows to their targets. Each target gets the register's changes in commit (seq)
 * order, one at a time: changes of different visits are not independent in a ledger (a table one
 * visit frees is taken by the next, a cancelled reservation is seated again, a merge or a group
 * changes other visits), so per-aggregate order alone lets a ledger refuse changes that were valid
 * when made (docs/fault-suite.md). A parked row blocks only its own key and the rows depending on
 * it. Different targets go in parallel. Delivery is at least once; targets dedupe on the event id
 * (idempotency key) and look up before they create.
 */
export class Relay {
  private readonly db: DB;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly intervalMs: number;
  private readonly concurrency: number;
  private readonly onChange: () => void;
  private readonly backoff: { base: number; cap: number };
  private readonly breakerOpenMs: number;
  private readonly targets = new Map<string, DeliveryTarget>();
  readonly breakers = new Map<string, CircuitBreaker>();
  private readonly inFlight = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private round: Promise<void> | null = null;

  constructor(opts: RelayOptions) {
    this.db = opts.db;
    this.log = opts.log;
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.intervalMs = opts.intervalMs ?? 1000;
    this.concurrency = opts.concurrency ?? 4;
    this.onChange = opts.onChange ?? (() => {});
    this.backoff = { base: opts.backoffBaseMs ?? BACKOFF_BASE_MS, cap: opts.backoffCapMs ?? BACKOFF_CAP_MS };
    this.breakerOpenMs = opts.breakerOpenMs ?? 30_000;
    // A crash between sending and recording leaves rows in flight: send them again (deduped remotely).
    const res = this.db.prepare(`UPDATE outbox SET status = 'pending', updated_at = ? WHERE status = 'in_flight'`).run(this.now());
    if (res.changes) this.log.warn({ rows: res.changes }, 'outbox rows left in flight by a crash are pending again');
  }

  setTarget(target: DeliveryTarget): void {
    this.targets.set(target.target, target);
    if (!this.breakers.has(target.target)) this.breakers.set(target.target, new CircuitBreaker({ random: this.random, openMs: this.breakerOpenMs }));
    this.kick();
  }

  removeTarget(name: string): void {
    this.targets.delete(name);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.round;
  }

  /** Look for work now (after a commit added rows, or when staff press 再送). */
  kick(): void {
    if (this.running) this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runRound(), ms);
    this.timer.unref?.();
  }

  private async runRound(): Promise<void> {
    if (this.round) return;
    let sent = 0;
    this.round = this.deliverDue().then((n) => { sent = n; }, (error: unknown) => { this.log.error({ err: error }, 'outbox round failed'); });
    await this.round;
    this.round = null;
    // One row at a time per target: while rows go out, go on at once (a backlog drains at the
    // ledger's pace, not one row per interval); when nothing was due, wait for the interval.
    if (this.running) this.schedule(sent > 0 ? 0 : this.intervalMs);
  }

  /** One round: start every due delivery the limits allow and wait for them. Exposed for tests. */
  async deliverDue(): Promise<number> {
    const rows = this.dueRows(this.concurrency - this.inFlight.size);
    const work: Array<Promise<void>> = [];
    for (const row of rows) {
      const target = this.targets.get(row.target);
      const breaker = this.breakers.get(row.target);
      if (!target || !breaker || !breaker.allow(this.now())) continue;
      work.push(this.deliverOne(target, breaker, row));
    }
    await Promise.all(work);
    if (work.length) this.onChange();
    return work.length;
  }

  private dueRows(limit: number): OutboxRow[] {
    if (limit <= 0) return [];
    // Walk the open rows in seq order: per target the first live row is its head, and nothing after
    // the head goes before it. Parked rows, and rows stalled behind one (same key or depends_on),
    // are stepped over so that they hold up only what really waits for them.
    const open = this.db.prepare(`SELECT * FROM outbox WHERE status IN ('pending', 'in_flight', 'parked') ORDER BY seq`).all() as OutboxRow[];
    const now = this.now();
    const stalledKeys = new Set<string>();
    const stalledEvents = new Set<string>();
    const openEvents = new Set(open.map((r) => r.event_id));
    const headed = new Set<string>();
    const due: OutboxRow[] = [];
    for (const row of open) {
      if (headed.has(row.target)) continue;
      const key = `${row.target}\u0000${row.agg_type}\u0000${row.agg_id}`;
      if (row.status === 'parked' || stalledKeys.has(key) || (row.depends_on !== null && stalledEvents.has(row.depends_on))) {
        stalledKeys.add(key);
        stalledEvents.add(row.event_id);
        continue;
      }
      headed.add(row.target);
      // A dependency still open elsewhere (another target) is waited for; done, resolved or skipped is fine.
      const waiting = row.depends_on !== null && openEvents.has(row.depends_on);
      if (row.status === 'pending' && row.next_attempt_at <= now && !waiting) due.push(row);
      if (due.length >= limit) break;
    }
    return due;
  }

  private async deliverOne(target: DeliveryTarget, breaker: CircuitBreaker, row: OutboxRow): Promise<void> {
    this.inFlight.add(row.seq);
    this.db.prepare(`UPDATE outbox SET status = 'in_flight', updated_at = ? WHERE seq = ?`).run(this.now(), row.seq);
    const event: OutboxEvent = {
      seq: row.seq, eventId: row.event_id, target: row.target, aggType: row.agg_type, aggId: row.agg_id,
      type: row.event_type, payload: JSON.parse(row.payload) as unknown, businessDay: row.business_day, attempts: row.attempts,
    };
    let result: Delivery;
    try {
      result = await target.deliver(event, this.refs(row.target));
    } catch (error) {
      result = { kind: 'retry', code: 'ADAPTER_ERROR', message: (error as Error).message };
    }
    this.record(row, result, breaker);
    this.inFlight.delete(row.seq);
  }

  private refs(target: string): RemoteRefs {
    const stmt = this.db.prepare('SELECT remote_id FROM remote_refs WHERE target = ? AND local_id = ?');
    return { get: (localId) => (stmt.get(target, localId) as { remote_id: string } | undefined)?.remote_id ?? null };
  }

  private record(row: OutboxRow, result: Delivery, breaker: CircuitBreaker): void {
    const now = this.now();
    this.db.transaction(() => {
      if (result.kind === 'done') {
        breaker.success();
        this.db.prepare(`UPDATE outbox SET status = 'done', attempts = attempts + 1, remote_ref = ?, done_at = ?, updated_at = ?, last_error_code = NULL, last_error = NULL WHERE seq = ?`)
          .run(result.remoteRef ?? null, now, now, row.seq);
        const ref = this.db.prepare('INSERT INTO remote_refs (target, local_id, remote_id) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET remote_id = excluded.remote_id');
        for (const [local, remote] of Object.entries(result.refs ?? {})) ref.run(row.target, local, remote);
        this.db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
          .run(`sync.lastSuccessAt.${row.target}`, JSON.stringify(now));
        return;
      }
      const attempts = row.attempts + 1;
      if (result.kind === 'permanent') {
        // The target answered (a refusal retrying cannot fix): it is reachable, so a half-open
        // breaker closes here; left half-open it would never allow another request.
        breaker.success();
        this.db.prepare(`UPDATE outbox SET status = 'parked', attempts = ?, last_error_code = ?, last_error = ?, updated_at = ? WHERE seq = ?`)
          .run(attempts, result.code, result.message, now, row.seq);
        this.log.warn({ seq: row.seq, eventId: row.event_id, type: row.event_type, code: result.code, attempts }, 'outbox change parked');
        return;
      }
      // Faults that time can fix (network, timeouts, 5xx, 429) are retried for ever with capped
      // backoff: an outage of any length loses nothing. Staff see the backlog on the sync badge.
      breaker.failure(now);
      const delay = retryDelay(attempts, result.retryAfterMs, this.random, this.backoff.base, this.backoff.cap);
      this.db.prepare(`UPDATE outbox SET status = 'pending', attempts = ?, next_attempt_at = ?, last_error_code = ?, last_error = ?, updated_at = ? WHERE seq = ?`)
        .run(attempts, now + delay, result.code, result.message, now, row.seq);
      this.log.info({ seq: row.seq, type: row.event_type, code: result.code, attempts, delayMs: delay }, 'outbox delivery will be retried');
    })();
  }
}
