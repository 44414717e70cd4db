/** The whole simulated service: stores, credentials, the effect log, idempotency records, the clock. */
import { randomBytes } from 'node:crypto';
import { jstIso, SimClock } from './clock.ts';
import { fail } from './errors.ts';
import { extendedDuration } from './rules.ts';
import { StoreState, type StoreInit } from './store.ts';
import { SEATED, type Effect } from './types.ts';

/** What an operation needs: its store, the time, and how to log the effect it applies. */
export interface OpCtx {
  store: StoreState;
  now: number;
  idempotencyKey: string | null;
  effect(kind: string, entityId: string, naturalKey: string | null, detail?: Record<string, unknown>): void;
}

/** A stored first response of an idempotent request. */
export interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  body: string;
  at: number;
}

export const DEFAULT_STORE: StoreInit = { storeId: 'S001', linkCode: 'LINK-S001', name: 'USENダイニング 本店' };

export class Ledger {
  readonly clock = new SimClock();
  readonly stores = new Map<string, StoreState>();
  readonly effects: Effect[] = [];
  /** scope ("storeId" or "-" before auth) + NUL + key → first response. */
  readonly idempotency = new Map<string, IdempotencyRecord>();
  readonly #initial: StoreInit[];

  constructor(stores: StoreInit[] = [DEFAULT_STORE]) {
    this.#initial = stores;
    this.reset();
  }

  /** Back to the stores given at construction, empty, unlinked; the clock is left alone. */
  reset(): void {
    this.stores.clear();
    this.effects.length = 0;
    this.idempotency.clear();
    for (const init of this.#initial) this.addStore(init);
  }

  addStore(init: StoreInit): StoreState {
    if (this.stores.has(init.storeId)) fail('STORE_EXISTS', { storeId: init.storeId });
    const store = new StoreState(init);
    this.stores.set(store.id, store);
    return store;
  }

  store(storeId: string): StoreState {
    return this.stores.get(storeId) ?? fail('STORE_NOT_FOUND', { storeId });
  }

  storeByApiKey(apiKey: string): StoreState | undefined {
    for (const store of this.stores.values()) if (store.apiKey !== null && store.apiKey === apiKey) return store;
    return undefined;
  }

  ctx(store: StoreState, idempotencyKey: string | null, source: Effect['source'] = 'api'): OpCtx {
    const now = this.clock.now();
    return {
      store,
      now,
      idempotencyKey,
      effect: (kind, entityId, naturalKey, detail = {}) => {
        this.effects.push({ seq: this.effects.length + 1, at: now, storeId: store.id, kind, source, idempotencyKey, naturalKey, entityId, detail });
      },
    };
  }

  /** RULES.md#L3 account link: a store id and its link code give an API key; 連携中 from then on. */
  link(storeId: string, linkCode: string, idempotencyKey: string | null) {
    const store = this.stores.get(storeId);
    if (!store || store.linkCode !== linkCode) fail('LINK_REJECTED');
    if (store.linkStatus === '連携中') fail('ALREADY_LINKED', { storeId });
    store.apiKey = `srk_${randomBytes(18).toString('base64url')}`;
    store.linkStatus = '連携中';
    this.ctx(store, idempotencyKey).effect('link', store.id, store.id);
    return { storeId: store.id, storeName: store.name, apiKey: store.apiKey, linkStatus: store.linkStatus };
  }

  /** RULES.md#L3: unlinking revokes the key. Table pushes and mappings stay on the ledger. */
  unlink(store: StoreState, idempotencyKey: string | null) {
    if (store.linkStatus === '連携中') this.ctx(store, idempotencyKey).effect('unlink', store.id, store.id);
    store.apiKey = null;
    store.linkStatus = '未連携';
    return { storeId: store.id, linkStatus: store.linkStatus };
  }

  /**
   * RULES.md#C2: grow the slot of every seated guest who stayed past it, in 30-minute steps.
   * Runs before each request and after each clock change, so the ledger always shows the
   * extension as of its clock.
   */
  tick(): void {
    for (const store of this.stores.values()) {
      let ctx: OpCtx | null = null;
      for (const entry of store.entries.values()) {
        if (entry.status !== SEATED) continue;
        ctx ??= this.ctx(store, null, 'clock');
        const next = extendedDuration(entry, ctx.now, store.settings.extensionStepMin);
        if (next === entry.durationMin) continue;
        ctx.effect('auto_extended', entry.id, null, { fromMin: entry.durationMin, toMin: next, at: jstIso(ctx.now) });
        entry.durationMin = next;
        store.touch(entry, ctx.now);
      }
    }
  }
}
