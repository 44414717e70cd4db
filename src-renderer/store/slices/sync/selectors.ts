import type { QueueRow, SyncStatus } from '../../../../src-shared/contract/index.ts';
import type { AppState } from '../../types.ts';

export const syncSelectors = {
  status: (s: AppState) => s.syncStatus,
  queue: (s: AppState) => s.syncQueue,
  queueFilter: (s: AppState) => s.syncQueueFilter,
  ledger: (s: AppState) => s.ledger,
  ledgerTables: (s: AppState) => s.ledgerTables,
  ledgerBusy: (s: AppState) => s.ledgerBusy,
  unsent: (s: AppState) => s.syncStatus?.unsent ?? 0,
  parked: (s: AppState) => s.syncStatus?.parked ?? 0,
};

/** The badge colour: parked changes need a person (warning); unsent ones are on their way. */
export function badgeTone(status: SyncStatus | null): 'ok' | 'sending' | 'parked' | 'none' {
  if (!status) return 'none';
  if (status.parked > 0) return 'parked';
  if (status.unsent > 0 || status.breaker !== 'closed') return 'sending';
  return 'ok';
}

/** 再送 is offered for parked and waiting changes, 手動対応済み too (managers only). */
export const canRetry = (row: Pick<QueueRow, 'status'>): boolean => row.status === 'parked' || row.status === 'pending';
export const canResolve = canRetry;
