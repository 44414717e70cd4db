/**
 * Qualified invoice issuer registration number (適格請求書発行事業者の登録番号): "T" + 13 digits.
 * For a corporation the 13 digits are its corporate number (法人番号), whose first digit is a
 * check digit over the 12-digit base number (法人番号の指定等に関する省令 第2条; NTA
 * houjin-bangou.nta.go.jp/documents/checkdigit.pdf):
 *
 *   check = 9 − ((Σ_{n=1..12} P_n × Q_n) mod 9)
 *   P_n = n-th digit of the base number counted from the right (n = 1 is the last digit),
 *   Q_n = 1 for odd n, 2 for even n.
 *
 * So the check digit is always 1–9. Worked example, 国税庁 (corporate number 7000012050002):
 * base 000012050002 → 2·1 + 0·2 + 0·1 + 0·2 + 5·1 + 0·2 + 2·1 + 1·2 + 0 … = 11, 9 − 11 mod 9 = 7.
 *
 * Sole proprietors get a 13-digit number that is not a corporate number; public sources differ on
 * whether it follows the same check digit, so `issuer: 'individual'` checks the format only and
 * reports whether the digit matches (the NTA 公表サイト is the authority for existence).
 */

export type RegistrationNumberErrorCode = 'EMPTY' | 'FORMAT' | 'CHECK_DIGIT';

export const REGISTRATION_NUMBER_MESSAGES: Readonly<Record<RegistrationNumberErrorCode, string>> = {
  EMPTY: '登録番号を入力してください。',
  FORMAT: '登録番号は「T」と13桁の数字で入力してください。',
  CHECK_DIGIT: '登録番号に誤りがあります。番号をもう一度確認してください。',
};

export type RegistrationNumberResult =
  | {
    readonly ok: true;
    /** Normalised: "T" + 13 half-width digits, as printed on receipts. */
    readonly value: string;
    /** The 13 digits (the corporate number for a corporation). */
    readonly digits: string;
    /** Whether the first digit is the corporate-number check digit of the other 12. */
    readonly checkDigitValid: boolean;
  }
  | { readonly ok: false; readonly code: RegistrationNumberErrorCode; readonly message: string };

export interface RegistrationNumberOptions {
  /** 'corporation' (default) enforces the check digit; 'individual' checks the format only. */
  readonly issuer?: 'corporation' | 'individual';
}

export class RegistrationNumberError extends Error {
  readonly code: RegistrationNumberErrorCode;
  constructor(code: RegistrationNumberErrorCode) {
    super(REGISTRATION_NUMBER_MESSAGES[code]);
    this.name = 'RegistrationNumberError';
    this.code = code;
  }
}

/** Full-width letters and digits to half-width, separators (spaces, hyphens, ー) removed, upper case. */
export function normalizeRegistrationNumber(input: string): string {
  return input.normalize('NFKC').replace(/[\s\-‐‑‒–—―−ー]/gu, '').toUpperCase();
}

/** Check digit (1–9) of a 12-digit corporate base number. */
export function corporateCheckDigit(base12: string): number {
  if (!/^\d{12}$/.test(base12)) throw new RangeError('base number must be 12 digits');
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    sum += Number(base12[12 - n]) * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** True when `digits13` is 13 digits whose first is the check digit of the rest. */
export function isValidCorporateNumber(digits13: string): boolean {
  return /^\d{13}$/.test(digits13) && Number(digits13[0]) === corporateCheckDigit(digits13.slice(1));
}

export function validateRegistrationNumber(input: string, options: RegistrationNumberOptions = {}): RegistrationNumberResult {
  const fail = (code: RegistrationNumberErrorCode) => ({ ok: false as const, code, message: REGISTRATION_NUMBER_MESSAGES[code] });
  const value = normalizeRegistrationNumber(input);
  if (value === '') return fail('EMPTY');
  if (!/^T\d{13}$/.test(value)) return fail('FORMAT');
  const digits = value.slice(1);
  const checkDigitValid = isValidCorporateNumber(digits);
  if (!checkDigitValid && (options.issuer ?? 'corporation') === 'corporation') return fail('CHECK_DIGIT');
  return { ok: true, value, digits, checkDigitValid };
}

/** Normalised number, or a RegistrationNumberError with the staff message. */
export function parseRegistrationNumber(input: string, options: RegistrationNumberOptions = {}): string {
  const result = validateRegistrationNumber(input, options);
  if (!result.ok) throw new RegistrationNumberError(result.code);
  return result.value;
}
