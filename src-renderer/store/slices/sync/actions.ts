import type { Input, SyncStatus } from '../../../../src-shared/contract/index.ts';
import type { Result } from '../../../../src-shared/result.ts';
import { callApi } from '../../call.ts';
import type { SliceCreator } from '../../types.ts';
import { initialSyncState, type LedgerBusy, type QueueFilter, type SyncState } from './initialState.ts';

export type SyncActions = {
  loadSyncStatus: () => Promise<void>;
  /** Read the queue (sync.queue); `filter` switches between open changes and all. */
  loadSyncQueue: (filter?: QueueFilter) => Promise<void>;
  /** The queue screen opened or closed: while open, sync.changed re-reads the queue. */
  watchSyncQueue: (on: boolean) => void;
  /** 再送: send a parked (or waiting) change now. */
  retrySync: (seq: number) => Promise<boolean>;
  /** 手動対応済み with a note (managers). */
  resolveSync: (seq: number, note: string) => Promise<boolean>;
  loadLedger: () => Promise<void>;
  /** 連携開始 (L1, L3). */
  linkLedger: (input: Input<'ledger.link'>) => Promise<boolean>;
  /** 連携解除 (L3). */
  unlinkLedger: () => Promise<boolean>;
  /** 「SMART RESERVER同期」 (L4): push the tables, read back the mapping; the counts, or null on failure. */
  pushLedgerTables: () => Promise<{ pushed: number; mapped: number } | null>;
  /** マスタ同期 (L6). */
  masterSyncLedger: () => Promise<boolean>;
  internal_applySyncChanged: (status: SyncStatus) => void;
};

export type SyncSlice = SyncState & SyncActions;

export const createSyncSlice: SliceCreator<SyncSlice> = (deps) => (set, get) => {
  let queueInFlight: Promise<void> | null = null;
  let queueAgain = false;

  /** Ledger settings commands wait on the outside world: one at a time, the button shows it. */
  const ledgerCommand = async <T>(busy: Exclude<LedgerBusy, null>, run: () => Promise<Result<T>>, apply: (value: T) => void): Promise<boolean> => {
    if (get().ledgerBusy) return false;
    set({ ledgerBusy: busy });
    try {
      const r = await run();
      if (r.ok) apply(r.value);
      return r.ok;
    } finally {
      set({ ledgerBusy: null });
      void get().loadSyncStatus();
    }
  };

  return {
    ...initialSyncState,

    loadSyncStatus: async () => {
      const r = await callApi(deps, get, 'sync.status', {}, { toast: false });
      if (r.ok) set({ syncStatus: r.value });
    },

    loadSyncQueue: (filter) => {
      if (filter) set({ syncQueueFilter: filter });
      if (queueInFlight) {
        queueAgain = true;
        return queueInFlight;
      }
      queueInFlight = (async () => {
        do {
          queueAgain = false;
          const status = get().syncQueueFilter;
          const r = await callApi(deps, get, 'sync.queue', { status, limit: 200 });
          if (r.ok && get().syncQueueFilter === status) set({ syncQueue: r.value });
        } while (queueAgain);
      })().finally(() => {
        queueInFlight = null;
      });
      return queueInFlight;
    },

    watchSyncQueue: (on) => set({ syncQueueWatched: on }),

    retrySync: async (seq) => {
      const r = await callApi(deps, get, 'sync.retry', { seq });
      if (r.ok) set({ syncQueue: get().syncQueue.map((q) => (q.seq === seq ? r.value : q)) });
      return r.ok;
    },

    resolveSync: async (seq, note) => {
      const r = await callApi(deps, get, 'sync.resolve', { seq, note });
      if (r.ok) set({ syncQueue: get().syncQueue.map((q) => (q.seq === seq ? r.value : q)) });
      return r.ok;
    },

    loadLedger: async () => {
      const r = await callApi(deps, get, 'ledger.get', {});
      if (r.ok) set({ ledger: r.value });
    },

    linkLedger: (input) => ledgerCommand('link', () => callApi(deps, get, 'ledger.link', input), (ledger) => set({ ledger })),
    unlinkLedger: () => ledgerCommand('unlink', () => callApi(deps, get, 'ledger.unlink', {}), (ledger) => set({ ledger, ledgerTables: null })),
    pushLedgerTables: async () => {
      let counts: { pushed: number; mapped: number } | null = null;
      await ledgerCommand('push', () => callApi(deps, get, 'ledger.pushTables', {}), (v) => {
        set({ ledgerTables: v.tables });
        counts = { pushed: v.pushed, mapped: v.mapped };
        void get().loadLedger();
      });
      return counts;
    },
    masterSyncLedger: () => ledgerCommand('master', () => callApi(deps, get, 'ledger.masterSync', {}), (ledger) => set({ ledger })),

    internal_applySyncChanged: (status) => {
      set({ syncStatus: status });
      // The station's pull pushes its time and error: 予約確認 shows its age without polling (R3).
      get().internal_applyPull(status.lastPullAt, status.lastPullError);
      if (get().syncQueueWatched) void get().loadSyncQueue();
    },
  };
};
