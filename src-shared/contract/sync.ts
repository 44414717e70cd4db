import { z } from 'zod';
import { method } from './define.ts';

export const LEDGER_KINDS = ['none', 'smart-reserve', 'oseki', 'resty', 'ebica', 'tablecheck'] as const;
export const ledgerKind = z.enum(LEDGER_KINDS);
export type LedgerKind = z.infer<typeof ledgerKind>;

export const syncStatus = z.object({
  ledger: ledgerKind, linkState: z.enum(['未連携', '連携中']),
  unsent: z.number().int(), parked: z.number().int(), oldestUnsentAt: z.number().int().nullable(),
  lastSuccessAt: z.number().int().nullable(),
  /** The last successful pull of the ledger's reservations, and why the latest pull failed (null once one succeeds). */
  lastPullAt: z.number().int().nullable(), lastPullError: z.string().nullable(),
  breaker: z.enum(['closed', 'open', 'half-open']), training: z.boolean(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const queueRow = z.object({
  seq: z.number().int(), eventId: z.string(), target: z.string(), aggregate: z.string(), type: z.string(),
  /** 送信待ち / 送信中 / 送信済み / 要対応 / 手動対応済み */
  status: z.enum(['pending', 'in_flight', 'done', 'parked', 'resolved_manual', 'skipped']),
  attempts: z.number().int(), nextAttemptAt: z.number().int(), createdAt: z.number().int(), doneAt: z.number().int().nullable(),
  /** The cause in the manual's words (S11, L5). */
  cause: z.string().nullable(), code: z.string().nullable(), summary: z.string(),
  resolvedBy: z.string().nullable(), resolvedNote: z.string().nullable(),
});
export type QueueRow = z.infer<typeof queueRow>;

export const ledgerConfig = z.object({
  kind: ledgerKind,
  baseUrl: z.string().url('URLの形式が正しくありません。').or(z.literal('')),
  storeId: z.string().max(40),
  linkState: z.enum(['未連携', '連携中']),
  lastMasterSyncAt: z.number().int().nullable(),
  tablesPushedAt: z.number().int().nullable(),
});
export type LedgerConfig = z.infer<typeof ledgerConfig>;

export const syncMethods = {
  'sync.status': method({
    kind: 'query', access: 'staff', summary: 'Unsent changes, parked ones, last successful sync (always visible).',
    input: z.object({}), output: syncStatus,
  }),
  'sync.queue': method({
    kind: 'query', access: 'staff', summary: 'The sync queue, newest first, each change with its state and cause (S11, L5).',
    input: z.object({ status: z.enum(['open', 'all']).default('open'), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(queueRow),
  }),
  'sync.retry': method({
    kind: 'command', access: 'staff', summary: '再送: send a parked change again now.',
    input: z.object({ seq: z.number().int() }), output: queueRow,
  }),
  'sync.resolve': method({
    kind: 'command', access: ['manager'], summary: '手動対応済み: staff fixed the ledger by hand; the change stops blocking its aggregate.',
    input: z.object({ seq: z.number().int(), note: z.string().trim().min(1, '対応内容を入力してください。').max(200) }), output: queueRow,
  }),
  'ledger.get': method({
    kind: 'query', access: ['manager'], summary: 'Linked ledger settings (L1, L3, L6).',
    input: z.object({}), output: ledgerConfig,
  }),
  'ledger.link': method({
    kind: 'command', async: true, access: ['manager'], summary: 'Choose the one linked ledger and link it (L1, L3).',
    input: z.object({ kind: ledgerKind, baseUrl: z.string().url('URLの形式が正しくありません。'), storeId: z.string().trim().min(1, '店舗IDを入力してください。').max(40), linkCode: z.string().max(80).default('') }),
    output: ledgerConfig,
  }),
  'ledger.unlink': method({
    kind: 'command', async: true, access: ['manager'], summary: 'Unlink the ledger (L3).',
    input: z.object({}), output: ledgerConfig,
  }),
  'ledger.pushTables': method({
    kind: 'command', async: true, access: ['manager'], summary: 'Push the register table list to the ledger (「SMART RESERVER同期」, L4) and read back the mapping.',
    input: z.object({}),
    output: z.object({ pushed: z.number().int(), mapped: z.number().int(), tables: z.array(z.object({ tableId: z.string(), name: z.string(), remoteName: z.string().nullable() })) }),
  }),
  'ledger.masterSync': method({
    kind: 'command', async: true, access: ['manager'], summary: 'マスタ同期 (L6): refresh mapping and reservations; shows the time of the last success.',
    input: z.object({}), output: ledgerConfig,
  }),
};
