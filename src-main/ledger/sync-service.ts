import { randomUUID } from 'node:crypto';
import { addDays, businessDayOf } from '../../src-shared/business-day.ts';
import type { SyncStatus } from '../../src-shared/contract/index.ts';
import type { Core } from '../core.ts';
import { OPEN_STATUSES, outboxCounts } from '../outbox/outbox.ts';
import { Relay } from '../outbox/relay.ts';
import type { DB } from '../store/db.ts';
import { getSettings, getValue, setValue } from '../store/settings-repo.ts';
import { LedgerUnavailable, type LedgerAdapter, type PulledReservation } from './adapter.ts';
import { getLedgerConfig, getLedgerToken } from './config.ts';
import { SmartReserveAdapter } from './smart-reserve.ts';

const FULL_PULL_EVERY_MS = 10 * 60_000;
/**
 * A pull that changed nothing is still pushed (sync.changed) this often, so open screens keep the
 * age of their list right (R3) without polling; news and a new or cleared error are pushed at once.
 */
const PULL_PUSH_EVERY_MS = 10_000;

export type SyncOptions = {
  pullIntervalMs?: number; relayIntervalMs?: number; requestTimeoutMs?: number;
  backoffBaseMs?: number; backoffCapMs?: number; breakerOpenMs?: number;
};

/** Timings from the environment, for tests and the fault suite (docs/operations.md). */
export function syncOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SyncOptions {
  const num = (name: string) => (env[name] ? Number(env[name]) : undefined);
  return {
    pullIntervalMs: num('POS_PULL_INTERVAL_MS'), relayIntervalMs: num('POS_RELAY_INTERVAL_MS'), requestTimeoutMs: num('POS_REQUEST_TIMEOUT_MS'),
    backoffBaseMs: num('POS_BACKOFF_BASE_MS'), backoffCapMs: num('POS_BACKOFF_CAP_MS'), breakerOpenMs: num('POS_BREAKER_OPEN_MS'),
  };
}

/**
 * Keeps the register and its linked ledger in step: the relay sends the outbox, the puller
 * brings the ledger's reservations every few seconds (R3 fixed: no 🔄 needed), and the badge
 * figures are pushed to every screen.
 */
export class LedgerSync {
  readonly relay: Relay;
  adapter: LedgerAdapter | null = null;
  private readonly core: Core;
  private readonly opts: Required<Pick<SyncOptions, 'pullIntervalMs' | 'relayIntervalMs' | 'requestTimeoutMs'>>;
  private pullTimer: NodeJS.Timeout | null = null;
  private pulling: Promise<{ ok: boolean; message: string | null }> | null = null;
  lastPullError: string | null = null;
  private pullPushedAt = 0;

  constructor(core: Core, opts: SyncOptions = {}) {
    this.core = core;
    this.opts = { pullIntervalMs: opts.pullIntervalMs ?? 3_000, relayIntervalMs: opts.relayIntervalMs ?? 1_000, requestTimeoutMs: opts.requestTimeoutMs ?? 15_000 };
    this.relay = new Relay({
      db: core.liveDb(), log: core.log, now: core.now, intervalMs: this.opts.relayIntervalMs, onChange: () => this.publish(),
      backoffBaseMs: opts.backoffBaseMs, backoffCapMs: opts.backoffCapMs, breakerOpenMs: opts.breakerOpenMs,
    });
  }

  private get db(): DB {
    return this.core.liveDb();
  }

  /** (Re)build the adapter from the settings: called at start and after link changes. */
  configure(): void {
    const config = getLedgerConfig(this.db);
    if (this.adapter) this.relay.removeTarget(this.adapter.target);
    this.adapter = null;
    if (config.linkState !== '連携中' || !config.baseUrl) return;
    if (config.kind === 'smart-reserve') this.adapter = new SmartReserveAdapter(config.baseUrl, () => getLedgerToken(this.db), this.opts.requestTimeoutMs);
    else this.core.log.warn({ kind: config.kind }, 'no adapter for this ledger yet; changes stay queued');
    if (this.adapter) this.relay.setTarget(this.adapter);
  }

  adapterFor(kind: string, baseUrl: string): LedgerAdapter {
    if (kind === 'smart-reserve') return new SmartReserveAdapter(baseUrl, () => getLedgerToken(this.db), this.opts.requestTimeoutMs);
    throw new LedgerUnavailable(`no adapter for ${kind}`, 'この予約台帳との連携は準備中です。');
  }

  start(): void {
    this.configure();
    this.relay.start();
    const loop = () => {
      this.pullTimer = setTimeout(() => void this.pullNow().finally(loop), this.opts.pullIntervalMs);
      this.pullTimer.unref?.();
    };
    loop();
  }

  async stop(): Promise<void> {
    if (this.pullTimer) clearTimeout(this.pullTimer);
    this.pullTimer = null;
    await this.pulling;
    await this.relay.stop();
  }

  /** One pull at a time; a caller during a pull shares its result. */
  pullNow(): Promise<{ ok: boolean; message: string | null }> {
    this.pulling ??= this.pullAndPush().finally(() => { this.pulling = null; });
    return this.pulling;
  }

  private async pullAndPush(): Promise<{ ok: boolean; message: string | null }> {
    const errorBefore = this.lastPullError;
    const result = await this.pull();
    const now = this.core.now();
    if (this.adapter && (this.lastPullError !== errorBefore || now - this.pullPushedAt >= PULL_PUSH_EVERY_MS || result.changed)) {
      this.pullPushedAt = now;
      this.publish();
    }
    return { ok: result.ok, message: result.message };
  }

  private async pull(): Promise<{ ok: boolean; message: string | null; changed?: boolean }> {
    const adapter = this.adapter;
    if (!adapter || !('pull' in adapter)) return { ok: false, message: null };
    const day = businessDayOf(this.core.now(), getSettings(this.db).businessDayStart);
    const range = `${addDays(day, -1)}..${addDays(day, 1)}`;
    const saved = getValue<{ range: string; cursor: string | null; fullAt?: number }>(this.db, 'ledger.pullCursor', { range: '', cursor: null });
    // A cursor only reports changes inside the window: a full pull now and then catches a
    // reservation moved in from another day.
    const full = saved.range !== range || !saved.cursor || this.core.now() - (saved.fullAt ?? 0) > FULL_PULL_EVERY_MS;
    try {
      const result = await adapter.pull(addDays(day, -1), addDays(day, 1), full ? null : saved.cursor);
      const changed = this.apply(result.reservations);
      setValue(this.db, 'ledger.pullCursor', { range, cursor: result.cursor, fullAt: full ? this.core.now() : saved.fullAt });
      setValue(this.db, 'ledger.lastPullAt', this.core.now());
      this.relay.noteUp(adapter.target);
      this.lastPullError = null;
      if (changed) {
        this.core.publish({ name: 'reservations.changed', payload: { lastRefreshAt: this.core.now() } });
        this.core.publish({ name: 'floor.changed', payload: { tableIds: [] } });
      }
      return { ok: true, message: null, changed: changed > 0 };
    } catch (error) {
      const message = error instanceof LedgerUnavailable ? error.staffMessage : '予期せぬエラーが発生しました。';
      if (this.lastPullError !== message) this.core.log.warn({ err: error }, 'ledger pull failed');
      this.lastPullError = message;
      return { ok: false, message };
    }
  }

  /** Upsert pulled reservations; a reservation with local changes not yet sent keeps its local values. */
  private apply(rows: PulledReservation[]): number {
    const dbs = [this.db, ...(this.core.mode === 'training' ? [this.core.store().db] : [])];
    let changed = 0;
    for (const db of dbs) {
      const tableExists = db.prepare('SELECT 1 FROM tables WHERE id = ?');
      const find = db.prepare('SELECT id FROM reservations WHERE remote_id = ?');
      const unsent = db.prepare(`SELECT 1 FROM outbox WHERE agg_type = 'reservation' AND agg_id = ? AND status IN (${OPEN_STATUSES.map(() => '?').join(', ')}) LIMIT 1`);
      const upsert = db.prepare(`INSERT INTO reservations (id, remote_id, kind, business_day, start_at, duration_min, party, guest_name, designated_table_id,
          remote_status, memo, request, prepayment, points, course_name, course_detail, remarks, pulled_at, updated_at)
        VALUES (@id, @remoteId, @kind, @businessDay, @startAt, @durationMin, @party, @guestName, @tableId, @status, @memo, @request,
          @prepayment, @points, @courseName, @courseDetail, @remarks, @now, @now)
        ON CONFLICT(remote_id) DO UPDATE SET kind = excluded.kind, business_day = excluded.business_day, start_at = excluded.start_at,
          duration_min = excluded.duration_min, party = excluded.party, guest_name = excluded.guest_name, designated_table_id = excluded.designated_table_id,
          remote_status = excluded.remote_status, memo = excluded.memo, request = excluded.request, prepayment = excluded.prepayment, points = excluded.points,
          course_name = excluded.course_name, course_detail = excluded.course_detail, remarks = excluded.remarks, pulled_at = excluded.pulled_at, updated_at = excluded.updated_at`);
      db.transaction(() => {
        for (const r of rows) {
          const existing = find.get(r.remoteId) as { id: string } | undefined;
          if (existing && unsent.get(existing.id, ...OPEN_STATUSES)) continue;
          const tableId = r.tableId && tableExists.get(r.tableId) ? r.tableId : null;
          upsert.run({ ...r, tableId, id: existing?.id ?? randomUUID(), now: this.core.now() });
          changed += 1;
        }
      })();
    }
    return changed;
  }

  status(): SyncStatus {
    const config = getLedgerConfig(this.db);
    const counts = outboxCounts(this.db);
    const target = this.adapter?.target ?? config.kind;
    return {
      ledger: config.kind, linkState: config.linkState, ...counts,
      lastSuccessAt: getValue<number | null>(this.db, `sync.lastSuccessAt.${target}`, null),
      lastPullAt: getValue<number | null>(this.db, 'ledger.lastPullAt', null), lastPullError: this.adapter ? this.lastPullError : null,
      breaker: this.relay.breakers.get(target)?.state ?? 'closed', training: this.core.mode === 'training',
    };
  }

  publish(): void {
    this.core.publish({ name: 'sync.changed', payload: this.status() });
  }
}
