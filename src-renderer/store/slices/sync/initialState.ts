import type { LedgerConfig, QueueRow, SyncStatus } from '../../../../src-shared/contract/index.ts';

export type QueueFilter = 'open' | 'all';
export type LedgerTableRow = { tableId: string; name: string; remoteName: string | null };
export type LedgerBusy = 'link' | 'unlink' | 'push' | 'master' | null;

export type SyncState = {
  /** The badge: unsent and parked changes, last successful sync (always visible). */
  syncStatus: SyncStatus | null;
  /** The queue screen (sync.queue), newest first. */
  syncQueue: QueueRow[];
  syncQueueFilter: QueueFilter;
  /** The queue screen is open: sync.changed re-reads it. */
  syncQueueWatched: boolean;
  /** 予約台帳連携 (managers): the linked ledger. */
  ledger: LedgerConfig | null;
  /** The last 「SMART RESERVER同期」: each register table and its ledger seat (null = 未マッピング). */
  ledgerTables: LedgerTableRow[] | null;
  ledgerBusy: LedgerBusy;
};

export const initialSyncState: SyncState = {
  syncStatus: null,
  syncQueue: [],
  syncQueueFilter: 'open',
  syncQueueWatched: false,
  ledger: null,
  ledgerTables: null,
  ledgerBusy: null,
};
