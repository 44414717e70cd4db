// Staff-facing Japanese texts of the simulated terminal's steps and errors (logs and error messages stay English).
import type { ErrorCode, Step } from '../../native/ecr/messages.ts';

/** What the terminal shows at each step, sent with `progress` (after the manual's screens). */
export const STEP_DISPLAY: Record<Step, string> = {
  awaitingCard: 'カードを読み取ってください',
  brandSelect: '電子マネーブランドを選択してください',
  awaitingEmoney: '音が鳴るまで電子マネーをかざしてください',
  awaitingQr: 'QRコードを読み取ってください',
  pin: '暗証番号を入力してください',
  duplicateAlert: '重複決済の可能性があります',
  authorising: '決済処理中',
  signature: 'サインを入力してください',
};

/** Error texts for staff (the manual's wording where it has one: 処理中エラー, 未接続エラー, U1). */
export const ERROR_DISPLAY: Partial<Record<ErrorCode, string>> = {
  BUSY: '処理中エラー：USEN PAYで処理中の取引を終了してください',
  BATTERY_LOW: '端末の充電が10%以下の場合は開局時に連携ができません',
  NO_SESSION: '未接続エラー：USEN PAYが正常に起動しているか確認後、「再接続」をタップしてください',
  NOT_CONTRACTED: 'この決済手段はご利用いただけません',
  NOT_FOUND: '決済履歴が見つかりません',
  NO_RECEIPT: 'QRコード決済は控えが発行されません',
  REF_CONFLICT: '取引番号が別の取引で使用されています',
  INVALID: '通信エラーが発生しました',
  UNSUPPORTED_VERSION: '決済端末のバージョンが対応していません',
};
