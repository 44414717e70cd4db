/**
 * Error codes shared by core and UI, each with the Japanese message staff see.
 * The core throws `AppError`; the API layer turns it into `{ok: false, error}`.
 */
export const staffMessages = {
  BAD_REQUEST: 'リクエストの形式が正しくありません。',
  VALIDATION: '入力内容に誤りがあります。',
  UNKNOWN_METHOD: 'この操作はサポートされていません。',
  UNAUTHENTICATED: 'ログインしてください。',
  FORBIDDEN: 'この操作を行う権限がありません。',
  DEVICE_NOT_PAIRED: 'この端末はレジとペアリングされていません。レジに表示されるコードでペアリングしてください。',
  LAN_DISABLED: 'LAN接続は無効です。設定でLAN接続を有効にしてください。',
  LOGIN_FAILED: '担当者またはパスワードが正しくありません。',
  LOGIN_LOCKED: 'パスワードの誤りが続いたため、しばらくログインできません。',
  TILL_ALREADY_OPEN: 'すでに開局しています。',
  TILL_NOT_OPEN: '開局されていません。先に開局してください。',
  CASH_SHORT: 'レジ内の現金が不足しています。',
  PAIRING_CODE_INVALID: 'ペアリングコードが正しくないか、有効期限が切れています。',
  NOT_FOUND: '対象が見つかりません。',
  CONFLICT: 'ほかの端末で変更されました。画面を更新してください。',
  INTERNAL: '予期せぬエラーが発生しました。',
  DB_CORRUPT: 'データベースの検査で異常が見つかりました。サポートへ連絡してください。',
} as const;

export type ErrorCode = keyof typeof staffMessages | (string & {});

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly staffMessage: string;
  readonly fields: Record<string, string> | undefined;

  /** `logMessage` is English for the logs; staff see `staffMessage` (Japanese). */
  constructor(code: ErrorCode, logMessage?: string, staffMessage?: string, fields?: Record<string, string>) {
    super(logMessage ?? code);
    this.code = code;
    this.staffMessage = staffMessage ?? (staffMessages as Record<string, string>)[code] ?? staffMessages.INTERNAL;
    this.fields = fields;
  }
}
