import { login, openApp, shot } from './fixtures.ts';
import { checkTouchLayout, tile } from './helpers.ts';
import { commit, order, seatAndOrder, toCheckout, toFloor, yen } from './checkout-helpers.ts';
import { connectTerminal, expect, payOnTerminal, test } from './terminal-fixtures.ts';

test('U4 and U12: a QR payment refunded with × before the checkout; a 要確認 payment blocks until the manager decides', async ({ page, asManager, terminal }) => {
  await connectTerminal(asManager, terminal);
  await toFloor(page, '山田 店長', '1234');
  await seatAndOrder(page, 'T3', 1);
  await order(page, [['お食事', '親子丼', 1]]);
  await toCheckout(page);
  await payOnTerminal(page, 'QRコード');
  await expect(page.getByTestId('terminal-progress')).toHaveText('QRコードを読み取ってください');
  await terminal.act('/qr', { brand: 'PayPay' });
  const done = page.getByTestId('terminal-done');
  await expect(done).toContainText('支払完了');
  // U7: no copies for QR.
  await expect(done.getByRole('button', { name: '控え印刷' })).toBeDisabled();
  await expect(done).toContainText('QRコード決済は、支払完了時も支払取消時も控えは発行されません。');
  await done.getByRole('button', { name: 'OK' }).click();

  // U4: × on the list refunds on the terminal first; the line then leaves the list.
  await page.getByRole('button', { name: 'USEN PAY QRコードを払い戻す' }).click();
  await expect(page.getByTestId('refund-confirm')).toContainText(yen(880));
  await page.getByTestId('refund-confirm').getByRole('button', { name: '決済端末連携' }).click();
  await expect(page.getByTestId('terminal-done')).toContainText('払戻完了');
  await shot(page, 'terminal-09-u4-refunded');
  await page.getByTestId('terminal-done').getByRole('button', { name: 'OK' }).click();
  await expect(page.getByTestId('terminal-line')).toHaveCount(0);

  // U12: the acquirer cannot confirm (要確認): the checkout is blocked until a manager decides.
  await terminal.act('/outcome', { next: 'unconfirmed' });
  await payOnTerminal(page, 'QRコード');
  await terminal.waitStep('awaitingQr');
  await terminal.act('/qr', { brand: 'PayPay' });
  await expect(page.getByTestId('terminal-ended')).toContainText('要確認');
  await page.getByTestId('terminal-ended').getByRole('button', { name: '閉じる' }).click();
  const line = page.getByTestId('terminal-line');
  await expect(line).toContainText('要確認');
  await expect(page.getByTestId('refusal')).toContainText('要確認の決済端末支払いがあります');
  await checkTouchLayout(page);
  await shot(page, 'terminal-10-review-blocks');
  await line.getByRole('button', { name: '要確認' }).click();
  const decision = page.getByTestId('decision-dialog');
  await decision.getByRole('textbox', { name: '確認内容（理由）' }).fill('USEN PAY履歴で決済完了を確認');
  await shot(page, 'terminal-11-decision');
  await decision.getByRole('button', { name: '支払済み' }).click();
  await expect(line).toContainText('支払完了');
  await expect(page.getByTestId('refusal')).toHaveCount(0);
  await commit(page);
});

test('U6: cancel on the terminal returns with its message; 切断する stops waiting', async ({ page, asManager, terminal }) => {
  await connectTerminal(asManager, terminal);
  await toFloor(page);
  await seatAndOrder(page, 'T4', 1);
  await order(page, [['お食事', 'ざるそば', 1]]);
  await toCheckout(page);

  await payOnTerminal(page, 'クレジット');
  await terminal.waitStep('awaitingCard');
  await terminal.act('/cancel');
  const ended = page.getByTestId('terminal-ended');
  await expect(ended.getByTestId('terminal-message')).toHaveText('USEN PAYで決済がキャンセルされました');
  await shot(page, 'terminal-12-u6-cancelled');
  await ended.getByRole('button', { name: '閉じる' }).click();
  await expect(page.getByTestId('terminal-line')).toHaveCount(0);

  await payOnTerminal(page, 'クレジット');
  await terminal.waitStep('awaitingCard');
  await page.getByTestId('terminal-waiting').getByRole('button', { name: /切断する/ }).click();
  await expect(page.getByRole('dialog', { name: '切断しますか？' })).toContainText('USEN PAYでのキャンセル操作が必要となります');
  await shot(page, 'terminal-13-disconnect-confirm');
  await page.getByRole('dialog', { name: '切断しますか？' }).getByRole('button', { name: '切断する' }).click();
  await expect(page.getByTestId('terminal-ended')).toContainText('切断しました');
  await expect(page.getByTestId('terminal-message')).not.toBeEmpty();
  await shot(page, 'terminal-14-disconnected');
  await page.getByTestId('terminal-ended').getByRole('button', { name: '閉じる' }).click();
  // Nothing was charged: the cash checkout goes through.
  await expect(page.getByTestId('terminal-line')).toHaveCount(0);
  await page.getByRole('button', { name: 'ちょうど' }).click();
  await commit(page);
});

test('U10: the duplicate alert — 取引中止 returns with an error, 続ける completes', async ({ page, asManager, terminal }) => {
  await connectTerminal(asManager, terminal);
  await terminal.act('/account-transactions', { amount: 980, last4: '1111', brand: 'JCB', minutesAgo: 1 });
  await toFloor(page);
  await seatAndOrder(page, 'T5', 1);
  await order(page, [['お食事', '唐揚げ定食', 1]]);
  await toCheckout(page);

  await payOnTerminal(page, 'クレジット');
  await terminal.waitStep('awaitingCard');
  await terminal.act('/card', { entry: 'contactless', brand: 'JCB', last4: '1111' });
  const alert = page.getByTestId('terminal-duplicate');
  await expect(alert).toBeVisible();
  await shot(page, 'terminal-15-duplicate');
  await alert.getByRole('button', { name: '取引中止' }).click();
  await expect(page.getByTestId('terminal-message')).toContainText('重複決済の可能性があるため取引中止しました');
  await page.getByTestId('terminal-ended').getByRole('button', { name: '閉じる' }).click();

  await payOnTerminal(page, 'クレジット');
  await terminal.waitStep('awaitingCard');
  await terminal.act('/card', { entry: 'contactless', brand: 'JCB', last4: '1111' });
  await page.getByTestId('terminal-duplicate').getByRole('button', { name: '続ける' }).click();
  await expect(page.getByTestId('terminal-done')).toContainText('支払完了');
  await page.getByTestId('terminal-done').getByRole('button', { name: 'OK' }).click();
  await commit(page);
});

test('U1, U11: settings with テスト接続; battery ≤ 10 % at 開局 → 再接続 from the checkout; busy terminal → 閉じる', async ({ page, asManager, terminal }) => {
  await terminal.act('/battery', { percent: 5 });
  await openApp(page);
  await login(page, '山田 店長', '1234');
  await tile(page, 'メニュー・会計設定');
  await page.getByRole('tab', { name: '決済端末' }).click();
  await page.getByRole('group', { name: '接続方法' }).getByRole('button', { name: 'LAN' }).click();
  await page.getByRole('textbox', { name: 'IPアドレス' }).fill('127.0.0.1');
  await page.getByRole('textbox', { name: 'ポート' }).fill(String(terminal.tcpPort));
  await page.getByRole('button', { name: 'テスト接続' }).click();
  await expect(page.getByTestId('terminal-test')).toContainText('決済端末に接続できました');
  await checkTouchLayout(page);
  await shot(page, 'terminal-16-settings-test');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '設定を保存しました' })).toBeVisible();

  // 開局 with the battery at 5 %: the till opens, the terminal is not linked (U1), the menu says why.
  await page.getByRole('button', { name: /戻る/ }).click();
  await asManager('till.open', { total: 30000 });
  await expect(page.getByTestId('terminal-status')).toContainText('端末の充電が10%以下の場合は開局時に連携ができません');
  await shot(page, 'terminal-17-battery-low');

  // Charged: 再接続 on the checkout's 決済端末 screen (the update button, U1).
  await terminal.act('/battery', { percent: 80 });
  await tile(page, 'テーブル一覧');
  await seatAndOrder(page, 'T6', 1);
  await order(page, [['お食事', '親子丼', 1]]);
  await toCheckout(page);
  await page.getByRole('group', { name: '支払方法' }).getByRole('button', { name: '決済端末' }).click();
  const dialog = page.getByTestId('terminal-dialog');
  await expect(dialog.getByRole('button', { name: 'USEN PAY クレジット' })).toBeDisabled();
  await dialog.getByRole('button', { name: '再接続' }).click();
  await expect(dialog.getByTestId('terminal-status')).toContainText('決済端末 接続中');
  await dialog.getByRole('button', { name: '閉じる' }).click();

  // U11: the terminal is running another transaction.
  await terminal.act('/busy', { busy: true });
  await payOnTerminal(page, 'クレジット').catch(() => undefined);
  const ended = page.getByTestId('terminal-ended');
  await expect(ended.getByTestId('terminal-message')).toHaveText('処理中エラー：USEN PAYにて処理中の取引を終了後、「閉じる」をタップしてください。');
  await shot(page, 'terminal-18-busy');
  await ended.getByRole('button', { name: '閉じる' }).click();
  await terminal.act('/busy', { busy: false });
  await page.getByRole('button', { name: 'ちょうど' }).click();
  await commit(page);
});
