/**
 * Every refusal of the ledger: HTTP status, a stable code and the Japanese message staff see.
 * Messages quoted in 「」 by RULES.md are reproduced exactly (support searches the manual by them).
 */

/** RULES.md#S11: the table has a designated reservation (or a guest, or a block) at that time. */
export const MSG_CONFLICT = '別の予約が存在します。USEN SMART RESERVE画面を確認してください。';
/** RULES.md#S11: table info differs between register and ledger, or the table is not mapped. */
export const MSG_TABLE_LINK = '管理サイトのテーブル連携を確認してください。';
/** RULES.md#L5: what the register shows when it seats at an unmapped table. */
export const MSG_NOT_MAPPED_WALK_IN =
  'USEN SMART RESERVEテーブルとのマッピング設定がないためウォークイン情報はUSEN SMART RESERVEに連携されません。';
/** RULES.md#S11: any other failure. */
export const MSG_UNEXPECTED = '予期せぬエラーが発生しました。';
/** RULES.md#T6 (manual 4-2 ④): a reservation grouped with walk-in tables before seating. */
export const MSG_FREE_IN_LEDGER =
  'USEN SMART RESERVE管理画面で案内可能（空席）ですが、POS側はグループになっていて配席済みのテーブルがあります。USEN SMART RESERVE管理画面よりウォークイン等にして案内不可の状態にしてください。';

const CATALOG = {
  VALIDATION_ERROR: [400, '入力内容に誤りがあります。'],
  INVALID_JSON: [400, 'リクエストの形式が正しくありません。'],
  IDEMPOTENCY_KEY_REQUIRED: [400, 'Idempotency-Keyヘッダー（1〜255文字）が必要です。'],
  UNAUTHORIZED: [401, '認証に失敗しました。USEN SMART RESERVE連携状態を確認してください。'],
  LINK_REJECTED: [403, '店舗IDまたは連携コードが正しくありません。'],
  NOT_FOUND: [404, '指定されたAPIは存在しません。'],
  STORE_NOT_FOUND: [404, '店舗が見つかりません。'],
  RESERVATION_NOT_FOUND: [404, '予約が見つかりません。'],
  VISIT_NOT_FOUND: [404, '来店情報が見つかりません。'],
  GROUP_NOT_FOUND: [404, 'テーブルグループが見つかりません。'],
  SEAT_NOT_FOUND: [404, 'USEN SMART RESERVEの席が見つかりません。'],
  BLOCK_NOT_FOUND: [404, 'ブロックが見つかりません。'],
  UNKNOWN_POS_TABLE: [404, 'レジから同期されていないテーブルです。「SMART RESERVER同期」を実施してください。'],
  ALREADY_LINKED: [409, 'この店舗はすでに連携中です。'],
  STORE_EXISTS: [409, 'この店舗IDはすでに登録されています。'],
  RESERVATION_EXISTS: [409, 'この予約IDはすでに登録されています。'],
  MAPPING_DUPLICATE: [409, '1つの席に複数のテーブルを紐づけることはできません。'],
  RESERVATION_CONFLICT: [409, MSG_CONFLICT],
  RESERVATION_NOT_WAITING: [409, 'この予約はすでに配席済みか、キャンセルされています。'],
  VISIT_NOT_OPEN: [409, 'この来店はすでに退店済みか、取り消されています。'],
  VISIT_REF_CONFLICT: [409, '同じ来店IDで内容の異なる配席がすでに登録されています。'],
  GROUP_REF_CONFLICT: [409, '同じグループIDで内容の異なるテーブルグループがすでに登録されています。'],
  ALREADY_CHECKED_OUT: [409, 'この来店はすでに別の伝票で会計済みです。'],
  SLIP_DUPLICATE: [409, 'この伝票番号はすでに別の来店で連携されています。'],
  IDEMPOTENCY_IN_PROGRESS: [409, '同じIdempotency-Keyのリクエストを処理中です。しばらく待ってから再度お試しください。'],
  IDEMPOTENCY_KEY_REUSED: [422, 'このIdempotency-Keyは内容の異なるリクエストですでに使用されています。'],
  TABLE_NOT_MAPPED: [422, MSG_TABLE_LINK],
  MERGE_RESERVATIONS: [422, '予約同士のテーブル統合はできません。'],
  GROUP_RESERVATIONS: [422, '予約同士のテーブルグループ設定はできません。'],
  PREPAID_NOT_COMBINABLE: [422, '事前決済・予約サイトポイントのある予約はテーブル統合・テーブルグループ・合算会計はできません。'],
  GROUP_ACTIVE: [422, 'テーブルグループを解除してから操作してください。'],
  GROUP_CHECKOUT_REPRESENTATIVE: [422, 'テーブルグループの会計は代表テーブルで行ってください。'],
  GROUP_PARTY_TOO_SMALL: [422, 'グループの人数はテーブル数以上にしてください。'],
  SAME_VISIT: [422, '同じ来店どうしは統合・グループ設定できません。'],
  SPLIT_NOT_PAID: [422, '分割会計がすべて支払われていないため、会計情報を連携できません。'],
  SPLIT_AMOUNT_MISMATCH: [422, '分割会計の合計が伝票金額と一致しません。'],
  PREPAYMENT_LIMIT: [422, '事前決済は30万円以上の場合、決済はできません。'],
  PREPAYMENT_WITH_POINTS: [422, '予約サイトポイントと事前決済の併用はできません。'],
  PREPAYMENT_MISMATCH: [422, '事前決済の利用額が予約の事前決済額と一致しません。'],
  PREPAYMENT_OVER_BILL: [422, '請求金額が事前決済額を下回るため、事前決済は利用できません。全額を現地決済し、USEN SMART RESERVEから返金してください。'],
  POINTS_EXCEED: [422, '予約時の利用ポイントを超えてポイントを利用することはできません。'],
  RATE_LIMITED: [429, 'リクエストが多すぎます。しばらく待ってから再度お試しください。'],
  UNEXPECTED_ERROR: [500, MSG_UNEXPECTED],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof CATALOG;

export interface ErrorBody {
  code: string;
  message: string;
  [extra: string]: unknown;
}

export class LedgerError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly extra: Record<string, unknown>;

  constructor(code: ErrorCode, extra: Record<string, unknown> = {}) {
    super(CATALOG[code][1]);
    this.name = 'LedgerError';
    this.code = code;
    this.status = CATALOG[code][0];
    this.extra = extra;
  }

  body(): ErrorBody {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

export function fail(code: ErrorCode, extra?: Record<string, unknown>): never {
  throw new LedgerError(code, extra);
}

export function errorBody(code: ErrorCode, extra: Record<string, unknown> = {}): ErrorBody {
  return { code, message: CATALOG[code][1], ...extra };
}
