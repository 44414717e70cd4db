import type { FloorView, LedgerConfig, QueueRow, ReservationRow, SyncStatus, TableTile, VisitSummary } from '../../../src-shared/contract/index.ts';

/** Contract-valid floor, reservation and sync answers for the slice tests (the client checks every answer). */
export const NOW = Date.UTC(2026, 10, 21, 9, 0); // 2026-11-21 18:00 JST

export const visit = (over: Partial<VisitSummary> = {}): VisitSummary => ({
  id: 'visit-1', guestName: 'ウォークイン', walkIn: true, party: 2, seatedAt: NOW - 30 * 60_000, reservationId: null,
  amount: 0, net: 0, slipNo: null, reservationStartAt: null, overReservation: false, tableIds: ['floor-1-T1'], groupId: null, prepayment: 0, points: 0, ...over,
});

export const tile = (short: string, over: Partial<TableTile> = {}): TableTile => ({
  id: `floor-1-${short}`, floorId: 'floor-1', name: short, shortName: short, kind: 'table', seats: 4, status: 'free',
  visit: null, nextReservation: null, ledgerBlock: false, blocked: false, reset: false, groupId: null, representative: false,
  unsent: false, mapped: true, ...over,
});

export const floorView = (tables: TableTile[] = [tile('T1'), tile('T2'), tile('W1', { kind: 'waiting', status: 'waiting', name: '待機1' })],
  upstairs: TableTile[] = [tile('201', { id: 'floor-2-201', floorId: 'floor-2' })]): FloorView => ({
  businessDay: '2026-11-21', now: NOW,
  floors: [{ id: 'floor-1', name: '1F', tables }, { id: 'floor-2', name: '2F', tables: upstairs }],
});

export const reservation = (over: Partial<ReservationRow> = {}): ReservationRow => ({
  id: 'res-1', remoteId: 'R-1', kind: 'reservation', businessDay: '2026-11-21', startAt: NOW + 60 * 60_000, durationMin: 120,
  party: 4, guestName: 'ですとさいとう', designatedTableId: 'floor-1-T2', designatedTableName: 'T2', status: 'waiting',
  seatedTableName: null, visitId: null, memo: '', request: '', prepayment: 0, points: 0, courseName: '', courseDetail: '', remarks: '', ...over,
});

export const syncStatus = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  ledger: 'smart-reserve', linkState: '連携中', unsent: 0, parked: 0, oldestUnsentAt: null, lastSuccessAt: NOW - 60_000,
  lastPullAt: NOW - 2_000, lastPullError: null, breaker: 'closed', training: false, ...over,
});

export const queueRow = (over: Partial<QueueRow> = {}): QueueRow => ({
  seq: 1, eventId: 'ev-1', target: 'smart-reserve', aggregate: 'visit:visit-1', type: 'visit.seated', status: 'parked',
  attempts: 3, nextAttemptAt: NOW + 10_000, createdAt: NOW - 60_000, doneAt: null,
  cause: '別の予約が存在します。USEN SMART RESERVE画面を確認してください。', code: 'RESERVATION_CONFLICT', summary: '配席 T1 2名',
  resolvedBy: null, resolvedNote: null, ...over,
});

export const ledgerConfig = (over: Partial<LedgerConfig> = {}): LedgerConfig => ({
  kind: 'none', baseUrl: '', storeId: '', linkState: '未連携', lastMasterSyncAt: null, tablesPushedAt: null, ...over,
});
