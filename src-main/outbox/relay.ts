import type { Logger } from 'pino';
import type { DB } from '../store/db.ts';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, retryDelay } from './backoff.ts';
import { CircuitBreaker } from './breaker.ts';
import { dueRows, type OpenRow } from './schedule.ts';
import type { Delivery, DeliveryTarget, OutboxEvent, RemoteRefs } from './types.ts';
import { setValue } from '../store/settings-repo.ts';
import { stmt } from '../store/stmt.ts';

export type RelayOptions = {
  db: DB;
  log: Logger;
  now?: () => number;
  random?: () => number;
  /** How often to look for due work when nothing wakes the relay (ms). */
  intervalMs?: number;
  /** Deliveries in flight at once per target. */
  concurrency?: number;
  /** Called (at most every `notifyMs`) after deliveries changed something, for the sync badge. */
  onChange?: () => void;
  notifyMs?: number;
  /** Backoff and breaker timings; production uses the defaults (2 s base, 5 min cap, 30 s open). */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  breakerOpenMs?: number;
  /** "Too many tries": a change is parked after this many strikes spread over at least parkAfterMs. */
  maxStrikes?: number;
  parkAfterMs?: number;
};

const MAX_STRIKES = 8;
const PARK_AFTER_MS = 10 * 60_000;

/**
 * Delivers outbox rows to their targets. Rows that share a conflict key (their aggregate, a
 * table, a reservation, another visit of a merge or group) go in seq order, one after another;
 * rows sharing nothing go in parallel (docs/floor-and-sync.md "The outbox"). A parked row blocks
 * only its own aggregate and the rows depending on it. Delivery is at least once; targets dedupe
 * on the event id (idempotency key) and look up before they create.
 */
export class Relay {
  private readonly db: DB;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly intervalMs: number;
  private readonly concurrency: number;
  private readonly onChange: () => void;
  private readonly notifyMs: number;
  private readonly backoff: { base: number; cap: number };
  private readonly breakerOpenMs: number;
  private readonly park: { strikes: number; afterMs: number };
  private readonly targets = new Map<string, DeliveryTarget>();
  readonly breakers = new Map<string, CircuitBreaker>();
  /** Rows being delivered now (by seq), and per target how many. */
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly inFlightPerTarget = new Map<string, number>();
  /** When each target last showed it was up (a delivery done, a refusal, a pull): for strikes. */
  private readonly lastUp = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private soon = false;
  private notifyTimer: NodeJS.Timeout | null = null;
  private notifyPending = false;
  private running = false;

  constructor(opts: RelayOptions) {
    this.db = opts.db;
    this.log = opts.log;
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.intervalMs = opts.intervalMs ?? 1000;
    this.concurrency = opts.concurrency ?? 6;
    this.onChange = opts.onChange ?? (() => {});
    this.notifyMs = opts.notifyMs ?? 200;
    this.backoff = { base: opts.backoffBaseMs ?? BACKOFF_BASE_MS, cap: opts.backoffCapMs ?? BACKOFF_CAP_MS };
    this.breakerOpenMs = opts.breakerOpenMs ?? 30_000;
    this.park = { strikes: opts.maxStrikes ?? MAX_STRIKES, afterMs: opts.parkAfterMs ?? PARK_AFTER_MS };
    // Versions before 006 marked rows in flight in the database; a crash left them so. Send again (deduped remotely).
    const res = stmt(this.db, `UPDATE outbox SET status = 'pending', updated_at = ? WHERE status = 'in_flight'`).run(this.now());
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
    this.kick();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.timer = null;
    await Promise.all(this.inFlight.values());
  }

  /** Look for work now (after a commit added rows, or when staff press 再送). */
  kick(): void {
    if (!this.running || this.soon) return;
    this.soon = true;
    if (this.timer) clearTimeout(this.timer);
    // setImmediate-like: completions arriving together share one look at the queue.
    this.timer = setTimeout(() => { this.soon = false; this.pump(); }, 0);
    this.timer.unref?.();
  }

  /** The target answered something else (e.g. a pull): it is up, so this row's failures are its own. */
  noteUp(target: string): void {
    this.lastUp.set(target, this.now());
  }

  isSending(seq: number): boolean {
    return this.inFlight.has(seq);
  }

  /** Start every due delivery the limits allow and wait for them. For tests; the running relay pumps by itself. */
  async deliverDue(): Promise<number> {
    const started = this.startDue();
    await Promise.all(started);
    return started.length;
  }

  private pump(): void {
    if (!this.running) return;
    let started: Array<Promise<void>> = [];
    try {
      started = this.startDue();
    } catch (error) {
      this.log.error({ err: error }, 'outbox round failed');
    }
    // Each finished delivery kicks the relay again, so a backlog drains at the ledger's pace;
    // with nothing in flight, look again after the interval (backoff and breaker timers expire).
    if (!started.length && !this.inFlight.size) {
      this.timer = setTimeout(() => this.pump(), this.intervalMs);
      this.timer.unref?.();
    }
  }

  private startDue(): Array<Promise<void>> {
    const now = this.now();
    const started: Array<Promise<void>> = [];
    const free = this.targets.size * this.concurrency - this.inFlight.size;
    for (const row of dueRows(this.db, now, this.inFlight, free)) {
      const target = this.targets.get(row.target);
      const breaker = this.breakers.get(row.target);
      const busy = this.inFlightPerTarget.get(row.target) ?? 0;
      if (!target || !breaker || busy >= this.concurrency || !breaker.allow(now)) continue;
      this.inFlightPerTarget.set(row.target, busy + 1);
      const work = this.deliverOne(target, breaker, row).finally(() => {
        this.inFlight.delete(row.seq);
        this.inFlightPerTarget.set(row.target, (this.inFlightPerTarget.get(row.target) ?? 1) - 1);
        this.notify();
        this.kick();
      });
      this.inFlight.set(row.seq, work);
      started.push(work);
    }
    return started;
  }

  private notify(): void {
    if (this.notifyTimer) {
      this.notifyPending = true;
      return;
    }
    this.onChange();
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = null;
      if (this.notifyPending) {
        this.notifyPending = false;
        this.notify();
      }
    }, this.notifyMs);
    this.notifyTimer.unref?.();
  }

  private async deliverOne(target: DeliveryTarget, breaker: CircuitBreaker, row: OpenRow): Promise<void> {
    const full = stmt(this.db, 'SELECT payload, business_day FROM outbox WHERE seq = ?').get(row.seq) as { payload: string; business_day: string };
    const event: OutboxEvent = {
      seq: row.seq, eventId: row.event_id, target: row.target, aggType: row.agg_type, aggId: row.agg_id,
      type: row.event_type, payload: JSON.parse(full.payload) as unknown, businessDay: full.business_day, attempts: row.attempts,
    };
    let result: Delivery;
    try {
      result = await target.deliver(event, this.refs(row.target));
    } catch (error) {
      result = { kind: 'retry', code: 'ADAPTER_ERROR', message: (error as Error).message };
    }
    try {
      this.record(row, result, breaker);
    } catch (error) {
      // Left pending: sent again later and deduped by the target.
      this.log.error({ err: error, seq: row.seq }, 'outbox delivery could not be recorded');
    }
  }

  private refs(target: string): RemoteRefs {
    const lookup = stmt(this.db, 'SELECT remote_id FROM remote_refs WHERE target = ? AND local_id = ?');
    return { get: (localId) => (lookup.get(target, localId) as { remote_id: string } | undefined)?.remote_id ?? null };
  }

  private record(row: OpenRow, result: Delivery, breaker: CircuitBreaker): void {
    const now = this.now();
    this.db.transaction(() => {
      if (result.kind === 'done') {
        breaker.success();
        this.noteUp(row.target);
        stmt(this.db, `UPDATE outbox SET status = 'done', attempts = attempts + 1, remote_ref = ?, done_at = ?, updated_at = ?, last_error_code = NULL, last_error = NULL WHERE seq = ?`)
          .run(result.remoteRef ?? null, now, now, row.seq);
        const ref = stmt(this.db, 'INSERT INTO remote_refs (target, local_id, remote_id) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET remote_id = excluded.remote_id');
        for (const [local, remote] of Object.entries(result.refs ?? {})) ref.run(row.target, local, remote);
        setValue(this.db, `sync.lastSuccessAt.${row.target}`, now);
        return;
      }
      if (result.kind === 'permanent') {
        // The target answered (a refusal retrying cannot fix): it is reachable, so a half-open
        // breaker closes here; left half-open it would never allow another request.
        breaker.success();
        this.noteUp(row.target);
        this.parkRow(row, result.code, result.message, now);
        return;
      }
      breaker.failure(now);
      // A strike: the target took something else since this row was last tried, yet not this
      // row. Outages strike nothing, so a long one parks nothing; a change the ledger keeps
      // failing while it takes others is parked after enough strikes over enough time.
      const strike = (this.lastUp.get(row.target) ?? 0) > row.updated_at;
      const strikes = row.strikes + (strike ? 1 : 0);
      const firstStrikeAt = row.first_strike_at ?? (strike ? now : null);
      if (strike && strikes >= this.park.strikes && firstStrikeAt !== null && now - firstStrikeAt >= this.park.afterMs) {
        this.parkRow({ ...row, strikes }, 'TOO_MANY_TRIES', `${result.message}（${strikes}回続けて送れなかったため保留しました）`, now);
        return;
      }
      const attempts = row.attempts + 1;
      const delay = retryDelay(attempts, result.retryAfterMs, this.random, this.backoff.base, this.backoff.cap);
      stmt(this.db, `UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error_code = ?, last_error = ?, updated_at = ?, strikes = ?, first_strike_at = ?
        WHERE seq = ? AND status = 'pending'`)
        .run(attempts, now + delay, result.code, result.message, now, strikes, firstStrikeAt, row.seq);
      this.log.info({ seq: row.seq, type: row.event_type, code: result.code, attempts, strikes, delayMs: delay }, 'outbox delivery will be retried');
    })();
  }

  private parkRow(row: OpenRow, code: string, message: string, now: number): void {
    stmt(this.db, `UPDATE outbox SET status = 'parked', attempts = attempts + 1, strikes = ?, last_error_code = ?, last_error = ?, updated_at = ? WHERE seq = ? AND status = 'pending'`)
      .run(row.strikes, code, message, now, row.seq);
    this.log.warn({ seq: row.seq, eventId: row.event_id, type: row.event_type, code, attempts: row.attempts + 1 }, 'outbox change parked');
  }
}
