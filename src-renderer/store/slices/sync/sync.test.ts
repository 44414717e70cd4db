import { describe, expect, it } from 'vitest';
import { ledgerConfig, queueRow, syncStatus } from '../../testing/floor-fixtures.ts';
import { manager } from '../../testing/fixtures.ts';
import { testStore } from '../../testing/fake-transport.ts';
import { badgeTone, canRetry, syncSelectors } from './selectors.ts';

describe('sync slice', () => {
  it('shows the badge figures and follows sync.changed', async () => {
    const { store } = testStore({ 'sync.status': () => syncStatus({ unsent: 2 }) });
    await store.getState().loadSyncStatus();
    expect(syncSelectors.unsent(store.getState())).toBe(2);
    store.getState().internal_applySyncChanged(syncStatus({ unsent: 0 }));
    expect(syncSelectors.unsent(store.getState())).toBe(0);
  });

  it('re-reads the queue on sync.changed only while the queue screen is open', async () => {
    const { store, fake } = testStore({ 'sync.queue': () => [queueRow()] });
    store.getState().internal_applySyncChanged(syncStatus());
    expect(fake.callsOf('sync.queue')).toHaveLength(0);
    store.getState().watchSyncQueue(true);
    await store.getState().loadSyncQueue('all');
    expect(fake.callsOf('sync.queue')[0]?.input).toEqual({ status: 'all', limit: 200 });
    store.getState().internal_applySyncChanged(syncStatus({ unsent: 1 }));
    await store.getState().loadSyncQueue();
    expect(fake.callsOf('sync.queue').length).toBeGreaterThanOrEqual(2);
    store.getState().watchSyncQueue(false);
  });

  it('再送 and 手動対応済み replace the row with the answer', async () => {
    const { store, fake } = testStore({
      'sync.queue': () => [queueRow(), queueRow({ seq: 2, status: 'done' })],
      'sync.retry': () => queueRow({ status: 'pending' }),
      'sync.resolve': (i: { note: string }) => queueRow({ status: 'resolved_manual', resolvedBy: manager.name, resolvedNote: i.note }),
    });
    await store.getState().loadSyncQueue();
    expect(await store.getState().retrySync(1)).toBe(true);
    expect(store.getState().syncQueue[0]?.status).toBe('pending');
    expect(await store.getState().resolveSync(1, '台帳で修正済み')).toBe(true);
    expect(store.getState().syncQueue[0]?.resolvedNote).toBe('台帳で修正済み');
    expect(fake.callsOf('sync.resolve')[0]?.input).toEqual({ seq: 1, note: '台帳で修正済み' });
  });

  it('refuses 手動対応済み without a note before calling the core', async () => {
    const { store, fake } = testStore({ 'sync.resolve': () => queueRow() });
    expect(await store.getState().resolveSync(1, '  ')).toBe(false);
    expect(fake.callsOf('sync.resolve')).toHaveLength(0);
    expect(store.getState().toasts[0]?.text).toContain('対応内容を入力してください。');
  });

  it('links the ledger, pushes the tables, runs the master sync and unlinks (L1–L6)', async () => {
    const linked = ledgerConfig({ kind: 'smart-reserve', baseUrl: 'http://127.0.0.1:8791', storeId: 'S001', linkState: '連携中' });
    const { store, fake } = testStore({
      'ledger.get': () => linked,
      'ledger.link': () => linked,
      'ledger.pushTables': () => ({ pushed: 2, mapped: 1, tables: [{ tableId: 't1', name: 'T1', remoteName: 'T1' }, { tableId: 't2', name: 'T2', remoteName: null }] }),
      'ledger.masterSync': () => ({ ...linked, lastMasterSyncAt: 5 }),
      'ledger.unlink': () => ({ ...linked, linkState: '未連携' as const }),
      'sync.status': () => syncStatus(),
    });
    expect(await store.getState().linkLedger({ kind: 'smart-reserve', baseUrl: 'http://127.0.0.1:8791', storeId: 'S001', linkCode: 'LINK-S001' })).toBe(true);
    expect(syncSelectors.ledger(store.getState())?.linkState).toBe('連携中');
    expect(await store.getState().pushLedgerTables()).toEqual({ pushed: 2, mapped: 1 });
    expect(syncSelectors.ledgerTables(store.getState())?.map((t) => t.remoteName)).toEqual(['T1', null]);
    expect(await store.getState().masterSyncLedger()).toBe(true);
    expect(syncSelectors.ledger(store.getState())?.lastMasterSyncAt).toBe(5);
    expect(await store.getState().unlinkLedger()).toBe(true);
    expect(syncSelectors.ledger(store.getState())?.linkState).toBe('未連携');
    expect(syncSelectors.ledgerTables(store.getState())).toBeNull();
    expect(fake.callsOf('sync.status').length).toBeGreaterThan(0);
  });

  it('shows a refused link (wrong link code) and stays unlinked', async () => {
    const { store } = testStore({
      'ledger.link': () => ({ error: { code: 'LEDGER_UNAVAILABLE', message: '店舗IDまたは連携コードが正しくありません。' } }),
      'sync.status': () => syncStatus({ linkState: '未連携' }),
    });
    expect(await store.getState().linkLedger({ kind: 'smart-reserve', baseUrl: 'http://127.0.0.1:1', storeId: 'S001', linkCode: 'x' })).toBe(false);
    expect(store.getState().toasts[0]?.text).toBe('店舗IDまたは連携コードが正しくありません。');
    expect(store.getState().ledgerBusy).toBeNull();
  });
});

describe('sync selectors', () => {
  it('colours the badge: parked changes warn, unsent ones are on their way', () => {
    expect(badgeTone(null)).toBe('none');
    expect(badgeTone(syncStatus())).toBe('ok');
    expect(badgeTone(syncStatus({ unsent: 3 }))).toBe('sending');
    expect(badgeTone(syncStatus({ breaker: 'open' }))).toBe('sending');
    expect(badgeTone(syncStatus({ unsent: 3, parked: 1 }))).toBe('parked');
    expect(canRetry(queueRow({ status: 'done' }))).toBe(false);
    expect(canRetry(queueRow({ status: 'pending' }))).toBe(true);
  });
});
