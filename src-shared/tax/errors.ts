// Typed input errors with the message shown to staff (Japanese, exactly as the UI displays it).

export type TaxErrorCode =
  | 'NOT_INTEGER'
  | 'NEGATIVE_QUANTITY'
  | 'NEGATIVE_PRICE'
  | 'DISCOUNT_EXCEEDS'
  | 'BAD_PERCENT'
  | 'BAD_RATE'
  | 'BAD_TAX_CLASS'
  | 'BAD_OPTION'
  | 'TOO_LARGE';

export const TAX_ERROR_MESSAGES: Readonly<Record<TaxErrorCode, string>> = {
  NOT_INTEGER: '金額・数量は整数（円単位）で入力してください。',
  NEGATIVE_QUANTITY: '数量にマイナスは指定できません。',
  NEGATIVE_PRICE: '単価・値引額にマイナスは指定できません。',
  DISCOUNT_EXCEEDS: '値引・割引の額が対象金額を超えています。',
  BAD_PERCENT: '割引率は0～100%の整数で入力してください。',
  BAD_RATE: '税率は8%または10%のみ指定できます。',
  BAD_TAX_CLASS: '商品の税区分が正しくありません。',
  BAD_OPTION: '税計算の設定（内税/外税・端数処理）が正しくありません。',
  TOO_LARGE: '金額が大きすぎます。',
};

export interface TaxErrorWhere {
  /** 0-based line index, when the error belongs to a line. */
  readonly line?: number;
  /** 0-based index of the discount in the line's or the slip's list. */
  readonly discount?: number;
}

export class TaxInputError extends Error {
  readonly code: TaxErrorCode;
  /** The fixed staff message for the code (without position). */
  readonly staffMessage: string;
  readonly where: TaxErrorWhere;

  constructor(code: TaxErrorCode, where: TaxErrorWhere = {}) {
    const staffMessage = TAX_ERROR_MESSAGES[code];
    // The position is prefixed so staff can find the line (1-based as shown on screen).
    super(where.line === undefined ? staffMessage : `${where.line + 1}行目: ${staffMessage}`);
    this.name = 'TaxInputError';
    this.code = code;
    this.staffMessage = staffMessage;
    this.where = where;
  }
}
