// RULES.md#U12 (manual 5-5): what a terminal status means for the register, and the staff texts of
// the terminal screens in the manual's words. Pure: no I/O.
import type { TerminalMethod } from '../../src-shared/contract/index.ts';

export type Verdict = 'done' | 'notDone' | 'unconfirmed';

/** U12, per method: statuses meaning 決済/取消処理が完了しています (done) or 完了していません (not done). */
const DONE: Record<TerminalMethod, readonly string[]> = {
  credit: ['売上予定', '支払済み', '売上済み', '売上返品待ち', '売上返品済み', '取消・返品済'],
  emoney: ['決済完了', '取消・返品済'],
  qr: ['決済完了', '取消・返金済'],
};
const NOT_DONE: Record<TerminalMethod, readonly string[]> = {
  credit: ['決済失敗(与信済)', '決済不可'],
  emoney: [],
  qr: ['決済失敗'],
};
/** e-money 処理未了 and QR 要確認: the acquirer has not confirmed; staff must check (U12). */
const UNCONFIRMED: Record<TerminalMethod, readonly string[]> = {
  credit: [],
  emoney: ['処理未了'],
  qr: ['要確認'],
};

/**
 * Decides a finished transaction by its acquirer status (U12). Without one, nothing reached the
 * acquirer: cancelled (U6), stopped at the duplicate alert (U10) or refused. A status this table
 * does not know, or an approval without a status, is never guessed: it needs checking.
 */
export function verdictOf(method: TerminalMethod, acquirerStatus: string | null | undefined, outcome: string): Verdict {
  if (acquirerStatus === null || acquirerStatus === undefined || acquirerStatus === '') {
    return outcome === 'approved' || outcome === 'unconfirmed' ? 'unconfirmed' : 'notDone';
  }
  if (DONE[method].includes(acquirerStatus)) return outcome === 'approved' ? 'done' : 'unconfirmed';
  if (NOT_DONE[method].includes(acquirerStatus)) return outcome === 'approved' ? 'unconfirmed' : 'notDone';
  if (UNCONFIRMED[method].includes(acquirerStatus)) return 'unconfirmed';
  return 'unconfirmed';
}

/** Staff texts (Japanese, the manual's wording where it has one). */
export const TEXT = {
  NOT_CONFIGURED: '決済端末が設定されていません。設定で決済端末のIPアドレスまたはシリアルポートを登録してください。',
  NOT_CONNECTED: '未接続エラー：USEN PAYが正常に起動しているか確認後、「再接続」をタップしてください。',
  LINK_LOST: '決済端末との接続が切れました。USEN PAYが正常に起動しているか確認後、「再接続」をタップしてください。',
  BATTERY_LOW: '端末の充電が10%以下の場合は開局時に連携ができません。USEN PAYを充電してから「再接続」をタップしてください。',
  BUSY_TILL: '処理中エラー：USEN PAYにて処理中の取引を終了後、「再接続」をタップしてください。',
  BUSY_CHECKOUT: '処理中エラー：USEN PAYにて処理中の取引を終了後、「閉じる」をタップしてください。',
  NO_SESSION: '未接続エラー：開局時にUSEN PAYと接続されていません。「再接続」をタップしてください。',
  NOT_CONTRACTED: 'この決済手段はご利用いただけません（納品が済んでいない決済手段です）。',
  TRAINING: 'トレーニングモードでは決済端末（USEN PAY）は利用できません。',
  IN_USE: '決済端末で処理中の取引があります。完了するまでお待ちください。',
  OPEN_ON_VISIT: '決済端末で処理中または確認中の支払いがあります。完了を確認してから会計してください。',
  REVIEW_ON_VISIT: '要確認の決済端末支払いがあります。USEN PAYアプリの決済履歴を確認し、店長が支払済み・未払いを登録してください。',
  TOO_MANY: 'お支払いは1回の会計で5件までです。',
  OVER_DUE: '決済金額が請求金額の残りを超えています。',
  DISCONNECTED: '切断しました。切断した場合、USEN PAYでのキャンセル操作が必要となります。決済結果は決済端末に確認します。',
  CANCEL_SENT: '切断しました。USEN PAYの決済をキャンセルしました。',
  UNKNOWN: '決済端末との通信が途切れました。決済結果を決済端末に確認しています。',
  JOURNAL_LOST: 'USEN PAYにこの決済の記録が見つかりません（端末の再起動などで履歴が失われた可能性があります）。USEN PAYアプリの取引履歴を確認し、店長が支払済み・未払いを登録してください。',
  EMONEY_UNCONFIRMED: '処理未了：接続不良や通信不良などによる決済の正常終了が未確認の状態です。USEN PAYアプリで決済履歴をご確認ください。',
  QR_UNCONFIRMED: '要確認：ステータスの確認を行ってください。結果に応じ後続の処理を行ってください。',
  STATUS_UNKNOWN: '決済端末のステータスを確認できません。USEN PAYアプリで決済履歴をご確認ください。',
  NOT_SENT: '決済端末に送信されませんでした。再度会計を行ってください。',
  NO_PROMPT: '重複決済の確認は終了しています。',
  NO_COPY_QR: 'QRコード決済は、支払完了時も支払取消時も控えは発行されません。',
  NO_COPY: 'この取引の控えはありません。',
  NOT_REFUNDABLE: '払戻できる決済ではありません。',
  ALREADY_REFUNDED: 'この決済は取消・返品済みです。',
  NO_PRINTER: 'プリンターが設定されていません。設定でプリンターを登録してください。',
  NOT_REVIEW: 'この決済は要確認ではありません。',
  NOT_FOUND: '決済端末の支払いが見つかりません。画面を更新してください。',
} as const;

/** The label staff see for an intent (U2 支払完了, U4 払戻完了, U12 要確認). */
export function stateLabel(kind: 'sale' | 'refund', state: string, refunded: boolean): string {
  if (state === 'pending') return '送信中';
  if (state === 'waiting') return kind === 'sale' ? '決済処理中' : '払戻中';
  if (state === 'unknown') return '確認中';
  if (state === 'review') return '要確認';
  if (state === 'failed') return '未完了';
  if (kind === 'refund') return '払戻完了';
  return refunded ? '払戻済' : '支払完了';
}
