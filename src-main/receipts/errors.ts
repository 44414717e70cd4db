// Receipt errors and warnings, with the messages shown to staff.

export type ReceiptErrorCode =
  | 'PREPAID_NO_RECEIPT' | 'QR_NO_COPY' | 'BAD_SLIP_NO' | 'BAD_REGISTRATION_NUMBER' | 'BAD_CARD_DIGITS'
  | 'BAD_WIDTH' | 'INCONSISTENT';

export const RECEIPT_ERROR_MESSAGES: Readonly<Record<ReceiptErrorCode, string>> = {
  // RULES.md#P6: a checkout paid by prepayment issues neither レシート nor 領収書.
  PREPAID_NO_RECEIPT: '事前決済の会計ではレシート・領収書は発行できません。',
  // RULES.md#U7: no copies for QR payments or QR refunds.
  QR_NO_COPY: 'QRコード決済の控えは発行されません。',
  BAD_SLIP_NO: '伝票番号は13桁の数字です。',
  BAD_REGISTRATION_NUMBER: '登録番号が正しくありません。店舗設定の登録番号を確認してください。',
  BAD_CARD_DIGITS: 'カード番号・会員番号は下4桁のみ指定できます。',
  BAD_WIDTH: '用紙の桁数は42桁または48桁を指定してください。',
  INCONSISTENT: 'レシートの明細・支払と合計金額が一致しません。',
};

export class ReceiptError extends Error {
  readonly code: ReceiptErrorCode;
  readonly staffMessage: string;
  constructor(code: ReceiptErrorCode, detail?: string) {
    super(detail ? `${RECEIPT_ERROR_MESSAGES[code]} (${detail})` : RECEIPT_ERROR_MESSAGES[code]);
    this.name = 'ReceiptError';
    this.code = code;
    this.staffMessage = RECEIPT_ERROR_MESSAGES[code];
  }
}

export type ReceiptWarning =
  /** Characters that will print as '?' (cp932 has no code for them). */
  | { readonly code: 'UNENCODABLE'; readonly chars: readonly string[]; readonly message: string }
  /** Not a qualified invoice: the store has no registration number set. */
  | { readonly code: 'NO_REGISTRATION_NUMBER'; readonly message: string };

export const unencodableWarning = (chars: readonly string[]): ReceiptWarning => ({
  code: 'UNENCODABLE', chars, message: `プリンターで印字できない文字があります（?で印字されます）: ${chars.join(' ')}`,
});
export const noRegistrationWarning: ReceiptWarning = {
  code: 'NO_REGISTRATION_NUMBER', message: '登録番号が未設定のため、適格簡易請求書になりません。',
};
