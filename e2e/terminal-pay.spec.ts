import { login, shot } from './fixtures.ts';
import { checkTouchLayout, tile } from './helpers.ts';
import { commit, order, seatAndOrder, toCheckout, toFloor, yen } from './checkout-helpers.ts';
import { connectTerminal, expect, payOnTerminal, test } from './terminal-fixtures.ts';

test('U2, U7, U13, U8: USEN PAY credit for the whole bill, 支払完了 → OK, 会計; then refunded from the slip and the slip cancelled', async ({ page, asManager, terminal }) => {
  await connectTerminal(asManager, terminal);
  await toFloor(page);
  await seatAndOrder(page, 'T1', 2);
  await order(page, [['お食事', '唐揚げ定食', 2]]);
  await toCheckout(page);
  await payOnTerminal(page, 'クレジット');
  await expect(page.getByTestId('terminal-progress')).toHaveText('カードを読み取ってください');
  await checkTouchLayout(page);
  await shot(page, 'terminal-01-waiting');
  await terminal.act('/card', { entry: 'ic', brand: 'VISA', last4: '4242' });
  const done = page.getByTestId('terminal-done');
  await expect(done).toContainText('支払完了');
  await expect(done).toContainText('****4242');
  await expect(done.getByTestId('order-code')).not.toBeEmpty();
  const orderCode = (await done.getByTestId('order-code').textContent())!;
  await shot(page, 'terminal-02-paid');
  // 控え印刷 without a printer: the register says so.
  await done.getByRole('button', { name: '控え印刷' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'プリンターが設定されていません' })).toBeVisible();
  await done.getByRole('button', { name: 'OK' }).click();

  const line = page.getByTestId('terminal-line');
  await expect(line).toContainText('USEN PAY クレジット');
  await expect(line).toContainText('支払完了');
  await expect(page.getByTestId('change')).toHaveText(yen(0));
  await shot(page, 'terminal-03-on-list');
  await commit(page);
  await expect(page.getByTestId('receipt-preview')).toContainText('USEN PAY クレジット');

  // U13: the slip shows the payment's 受注コード; U8: USEN PAY → history → 取消 → 払戻完了 → 伝票取消.
  await page.getByRole('button', { name: 'テーブル一覧へ' }).click();
  await page.getByRole('button', { name: /戻る/ }).click();
  await tile(page, '伝票明細');
  await page.getByRole('list', { name: '伝票一覧' }).getByRole('listitem').first().click();
  const detail = page.getByTestId('slip-detail');
  await expect(detail.getByTestId('slip-order-code')).toHaveText(orderCode);
  await detail.getByRole('button', { name: 'USEN PAY' }).click();
  const history = page.getByTestId('usen-pay-history');
  await expect(history).toContainText(orderCode);
  await shot(page, 'terminal-04-history');
  await history.getByRole('button', { name: '取消' }).click();
  await page.getByTestId('refund-confirm').getByRole('button', { name: '決済端末連携' }).click();
  await expect(page.getByTestId('terminal-waiting')).toContainText('払戻中');
  // Same-day card void: the same card, then the signature.
  await terminal.waitStep('awaitingCard');
  await terminal.act('/card', { entry: 'ic', brand: 'VISA', last4: '4242' });
  await terminal.waitStep('signature');
  await expect(page.getByTestId('terminal-progress')).toHaveText('サインを入力してください');
  await terminal.act('/sign');
  await expect(page.getByTestId('terminal-done')).toContainText('払戻完了');
  await shot(page, 'terminal-05-refunded');
  await page.getByTestId('terminal-done').getByRole('button', { name: 'OK' }).click();
  const cancel = page.getByTestId('cancel-dialog');
  await expect(cancel).toContainText('以降は伝票取消を行ってください');
  await cancel.getByRole('button', { name: '決済取消' }).click();
  await cancel.getByRole('button', { name: '伝票取消' }).click();
  await expect(detail.getByTestId('slip-status')).toHaveText('取消');
  await shot(page, 'terminal-06-slip-cancelled');
});

test('U3, U9, U8: USEN PAY 電子マネー for part of the bill, the rest in cash; nanaco cannot be refunded, so only a manager cancels the slip, giving the reason', async ({ page, asManager, terminal }) => {
  await connectTerminal(asManager, terminal);
  await toFloor(page);
  await seatAndOrder(page, 'T2', 2);
  await order(page, [['お食事', '焼き魚定食', 2]]);
  await toCheckout(page);
  await expect(page.getByTestId('checkout-total')).toHaveText(yen(2160));
  await payOnTerminal(page, '電子マネー', 1000);
  await expect(page.getByTestId('terminal-progress')).toHaveText('電子マネーブランドを選択してください');
  await terminal.act('/emoney', { brand: 'nanaco' });
  await expect(page.getByTestId('terminal-done')).toContainText('支払完了');
  await page.getByTestId('terminal-done').getByRole('button', { name: 'OK' }).click();
  await expect(page.getByTestId('terminal-line')).toContainText(yen(1000));
  await expect(page.getByTestId('shortfall')).toHaveText(yen(1160));
  await page.getByRole('button', { name: 'ちょうど' }).click();
  await expect(page.getByTestId('cash-tendered')).toHaveText(yen(1160));
  await checkTouchLayout(page);
  await shot(page, 'terminal-07-partial-cash');
  await commit(page);

  await page.getByRole('button', { name: 'テーブル一覧へ' }).click();
  await page.getByRole('button', { name: /戻る/ }).click();
  await tile(page, '伝票明細');
  await page.getByRole('list', { name: '伝票一覧' }).getByRole('listitem').first().click();
  await page.getByTestId('slip-detail').getByRole('button', { name: 'USEN PAY' }).click();
  await page.getByTestId('usen-pay-history').getByRole('button', { name: '取消' }).click();
  await page.getByTestId('refund-confirm').getByRole('button', { name: '決済端末連携' }).click();
  await expect(page.getByTestId('terminal-message')).toHaveText('交通系電子マネー、nanaco、WAON、楽天Edyは性質上、返金・取消ができません。現金での返金をお願いします。');
  await shot(page, 'terminal-08-u9-refused');
  await page.getByTestId('terminal-ended').getByRole('button', { name: '閉じる' }).click();

  // U8: the payment was not refunded, so a cashier cannot cancel the slip; a manager records why.
  const detail = page.getByTestId('slip-detail');
  await detail.getByRole('button', { name: '伝票取消' }).click();
  const cancel = page.getByTestId('cancel-dialog');
  await expect(cancel.getByTestId('unrefunded')).toContainText(`USEN PAYの決済（${yen(1000)}）が払戻されていません。`);
  await cancel.getByRole('button', { name: 'お客様都合' }).click();
  await expect(cancel.getByRole('button', { name: '伝票取消' })).toBeDisabled();
  await cancel.getByRole('button', { name: 'キャンセル' }).click();
  await page.getByRole('button', { name: /戻る/ }).click(); // detail → list
  await page.getByRole('button', { name: /戻る/ }).click(); // list → TOP
  await tile(page, 'ログアウト');
  await login(page, '山田 店長', '1234');
  await tile(page, '伝票明細');
  await page.getByRole('list', { name: '伝票一覧' }).getByRole('listitem').first().click();
  await detail.getByRole('button', { name: '伝票取消' }).click();
  await cancel.getByRole('button', { name: 'お客様都合' }).click();
  await cancel.getByLabel('端末外で払戻済みの理由（店長判断）').fill('nanacoのため現金で返金');
  await checkTouchLayout(page);
  await shot(page, 'terminal-08b-u8-manager-decision');
  await cancel.getByRole('button', { name: '伝票取消' }).click();
  await expect(page.getByTestId('cancel-notices')).toContainText('出金として登録してください');
  await page.getByTestId('cancel-notices').getByRole('button', { name: '閉じる' }).click();
  await expect(detail.getByTestId('slip-status')).toHaveText('取消');
});
