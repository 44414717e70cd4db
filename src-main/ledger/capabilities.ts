import type { LedgerKind } from '../../src-shared/contract/index.ts';

/**
 * How the five ledgers differ (RULES L4, S2, S4, T1–T7, C1–C3). The floor services ask these
 * questions instead of testing the vendor name, so a new ledger is a new row here plus an adapter.
 */
export type LedgerCapabilities = {
  label: string;
  /** Who maps register tables to ledger seats (L4). */
  mapping: 'ledger-side' | 'ledger-by-name' | 'register-side';
  /** Does the ledger take the new table when a reservation is seated elsewhere (S2)? */
  followsSeatedTable: boolean;
  /** Must a reservation have a designated seat before it can be seated (S4)? */
  requiresDesignatedSeat: boolean;
  sendsMoves: boolean; // T2
  sendsMerges: boolean; // T1
  /** Can the merge source be a reservation (T1: not for お席トットくん)? */
  mergeSourceMayBeReservation: boolean;
  /** Are seated reservations allowed in one group (T6)? */
  groupReservations: 'never' | 'after-seating';
  /** Is grouping with a waiting table allowed (T3)? */
  groupWithWaitingTable: boolean;
  /** Overstays extended by the ledger in 30-minute steps (C2). */
  autoExtends: boolean;
  /** What checkout sends (C1): the full slip, or only party size and slip number. */
  checkoutFields: 'full' | 'party-and-slip';
  /** Combined checkout (T7). */
  combined: 'reservations-allowed' | 'reservation-parent-walkin-children';
  /** The message when seating at an unmapped table (L5). */
  unmappedWarning: string;
  /** The message when the ledger refuses a designated conflict (S11). */
  conflictMessage: string;
};

const SMART: LedgerCapabilities = {
  label: 'USEN SMART RESERVE', mapping: 'ledger-side', followsSeatedTable: true, requiresDesignatedSeat: false,
  sendsMoves: true, sendsMerges: true, mergeSourceMayBeReservation: true, groupReservations: 'never', groupWithWaitingTable: true,
  autoExtends: true, checkoutFields: 'full', combined: 'reservations-allowed',
  unmappedWarning: 'USEN SMART RESERVEテーブルとのマッピング設定がないためウォークイン情報はUSEN SMART RESERVEに連携されません。',
  conflictMessage: '別の予約が存在します。USEN SMART RESERVE画面を確認してください。',
};

export const CAPABILITIES: Record<Exclude<LedgerKind, 'none'>, LedgerCapabilities> = {
  'smart-reserve': SMART,
  oseki: {
    ...SMART, label: 'お席トットくん', mapping: 'ledger-by-name', mergeSourceMayBeReservation: false, autoExtends: false,
    checkoutFields: 'party-and-slip', combined: 'reservation-parent-walkin-children',
    unmappedWarning: '対象テーブルはお席トットくんの座席情報に存在しません。お席トットくんへの同期状況とマッピング状況をご確認ください。 [エラーコード：SEAT_NOT_MAPPED]',
    conflictMessage: '時間が重複する予約情報が存在します。お席トットくん画面をご確認下さい。',
  },
  resty: {
    ...SMART, label: 'Resty', mapping: 'register-side', followsSeatedTable: false, requiresDesignatedSeat: true,
    sendsMoves: false, sendsMerges: false, groupReservations: 'after-seating', groupWithWaitingTable: false, autoExtends: false,
    unmappedWarning: '【Resty】・【ebica】テーブルとのマッピング設定がないためウォークイン情報は【Resty】・【ebica】に連携されません。',
    conflictMessage: '別の予約が存在します。予約台帳の画面を確認してください。',
  },
  ebica: {
    ...SMART, label: 'ebica', mapping: 'register-side', followsSeatedTable: false, sendsMoves: false, sendsMerges: false,
    groupReservations: 'after-seating', groupWithWaitingTable: false, autoExtends: false,
    unmappedWarning: '【Resty】・【ebica】テーブルとのマッピング設定がないためウォークイン情報は【Resty】・【ebica】に連携されません。',
    conflictMessage: '別の予約が存在します。予約台帳の画面を確認してください。',
  },
  tablecheck: {
    ...SMART, label: 'TableCheck', mapping: 'ledger-by-name', autoExtends: false,
    unmappedWarning: 'TableCheckのテーブル名と一致しないため、この来店はTableCheckに連携されません。',
    conflictMessage: '別の予約が存在します。TableCheckの画面を確認してください。',
  },
};

export const capabilitiesOf = (kind: LedgerKind): LedgerCapabilities | null => (kind === 'none' ? null : CAPABILITIES[kind]);
