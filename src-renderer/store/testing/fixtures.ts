import type { CashMoveResult, SettlementReport, Settings, Staff, TillSummary } from '../../../src-shared/contract/index.ts';
import type { SystemStatus } from '../slices/system/initialState.ts';

export const cashier: Staff = { id: 'staff-cashier1', name: '佐藤 花子', role: 'cashier', active: true };
export const manager: Staff = { id: 'staff-manager', name: '山田 店長', role: 'manager', active: true };
export const support: Staff = { id: 'staff-support', name: 'サポート', role: 'support', active: true };

export const status = (over: Partial<SystemStatus> = {}): SystemStatus => ({
  mode: 'live', storeName: 'デモ食堂 渋谷店', registerNo: 1, businessDay: '2026-11-21', tillOpen: false, version: '0.1.0',
  integrity: { ok: true, detail: 'ok' }, lanEnabled: false, locale: 'ja', ...over,
});

/** A complete, contract-valid Settings (the client checks every answer against the contract). */
export const settings = (over: Partial<Settings> = {}): Settings => ({
  storeName: 'デモ食堂 渋谷店', registerNo: 1, businessDayStart: '05:00', lanEnabled: false, locale: 'ja', tableResetEnabled: false,
  priceMode: 'inclusive', taxRounding: 'floor',
  invoice: { registrationNumber: '', issuer: 'corporation' },
  printer: { kind: 'none' },
  receipt: { autoPrint: true, width: 42, address: '', phone: '', footer: [], defaultProviso: 'お品代' },
  otherPayments: { credit: true, points: true, sitePoints: false, prepaid: false },
  terminal: { connection: { kind: 'none' }, autoPrintCopies: false },
  ...over,
});

const zero = { gross: 0, net: 0, tax: 0 };
/** A settlement with no sales (sales arrive with the checkout feature). */
export const emptySettlement: SettlementReport = {
  slips: 0, guests: 0, sales: zero, byPayment: [], byRate: [],
  discounts: { lineCount: 0, lineYen: 0, slipCount: 0, slipYen: 0 },
  cancelled: { count: 0, ...zero, byPayment: [], byRate: [] }, netSales: zero, bySegment: [], openSplits: 0,
};

export const till = (over: Partial<TillSummary> = {}): TillSummary => ({
  sessionId: 'till-1', registerNo: 1, businessDay: '2026-11-21', status: 'open', openedAt: 1_700_000_000_000,
  openedBy: '佐藤 花子', openingFloat: 30000, openingCounts: { '1000': 30 }, cashIn: 0, cashOut: 0, cashSales: 0,
  expectedCash: 30000, movements: [], closedAt: null, closedBy: null, countedCash: null, closingCounts: null,
  difference: null, backupFile: null, settlement: emptySettlement, ...over,
});

/** A till.cashMove answer (and till.moved payload) on till() with its ¥30,000 float. */
export const cashMoved = (kind: 'in' | 'out', amount: number, id = `move-${kind}-${amount}`): CashMoveResult => ({
  sessionId: 'till-1', cashIn: kind === 'in' ? amount : 0, cashOut: kind === 'out' ? amount : 0, cashSales: 0,
  expectedCash: 30000 + (kind === 'in' ? amount : -amount),
  movement: { id, kind, amount, reason: '両替', staffName: '佐藤 花子', at: 1_700_000_100_000, businessDay: '2026-11-21' },
});
