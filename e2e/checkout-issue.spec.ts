import { expect, shot, test } from './fixtures.ts';
import { checkTouchLayout, tile } from './helpers.ts';
import { commit, keys, managerApi, order, seatAndOrder, tender, toCheckout, toFloor, yen } from './checkout-helpers.ts';

test('walk-in → order (eat-in and takeout, note, void) → cash checkout with change → receipt preview', async ({ page, api }) => {
  const manager = await managerApi(api);
  await manager('till.open', { total: 30000 });
  await toFloor(page);
  await seatAndOrder(page, 'T1', 2);

  // 唐揚げ定食 ×2 eaten in, 枝豆 taken out (8 %), 生ビール; a line voided after sending.
  await order(page, [['お食事', '唐揚げ定食', 2], ['アルコール', '生ビール']], { send: false });
  await page.getByRole('group', { name: '次に追加する商品' }).getByRole('button', { name: '持帰り' }).click();
  await order(page, [['一品', '枝豆']], { send: false });
  await expect(page.getByTestId('draft-line')).toHaveCount(3);
  await checkTouchLayout(page);
  await shot(page, 'checkout-01-order-draft');
  await page.getByRole('button', { name: '注文送信' }).click();
  await expect(page.getByTestId('draft-line')).toHaveCount(0);
  // 980×2 + 580 + 380 = 2,920
  await expect(page.getByTestId('order-total')).toHaveText(yen(2920));

  await page.getByRole('listitem', { name: '生ビール 1点' }).click();
  await page.getByRole('button', { name: '取消', exact: true }).click();
  await page.getByRole('button', { name: '誤入力' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '取消する' }).click();
  await expect(page.getByTestId('order-total')).toHaveText(yen(2340));
  await shot(page, 'checkout-02-order-sent');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await checkTouchLayout(page);
  await shot(page, 'checkout-02b-order-1920');
  await page.setViewportSize({ width: 1024, height: 768 });

  await toCheckout(page);
  await expect(page.getByTestId('checkout-total')).toHaveText(yen(2340));
  await expect(page.getByTestId('rate-8')).toContainText(yen(380));
  await tender(page, 5000);
  await expect(page.getByTestId('change')).toHaveText(yen(2660));
  await checkTouchLayout(page);
  await shot(page, 'checkout-03-cash');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await checkTouchLayout(page);
  await shot(page, 'checkout-04-cash-1920');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('group', { name: 'Payment methods' })).toBeVisible();
  await checkTouchLayout(page);
  await shot(page, 'checkout-04b-english');
  await page.getByRole('button', { name: '日本語' }).click();
  await commit(page);
  await expect(page.getByTestId('done-change')).toHaveText(yen(2660));
  await expect(page.getByTestId('receipt-preview')).toBeVisible();
  await checkTouchLayout(page);
  await shot(page, 'checkout-05-done');
});

test('split by items with line and slip discounts, 領収書 with 但し書き, print error with 再印刷, slip list, 伝票取消 and the settlement', async ({ page, api }) => {
  const manager = await managerApi(api);
  await manager('till.open', { total: 30000 });
  // A printer that is not there: the sale is saved, the error shows with 再印刷.
  await manager('settings.update', { printer: { kind: 'tcp', host: '127.0.0.1', port: 9 } });
  await toFloor(page);
  await seatAndOrder(page, 'T2', 4);
  await order(page, [['お食事', '親子丼', 2], ['アルコール', 'ハイボール', 2], ['デザート', '抹茶アイス', 2]]);
  await expect(page.getByTestId('order-total')).toHaveText(yen(3480));
  await toCheckout(page);

  // 値引 ¥100 on 親子丼, 割引 10 % on the slip.
  await page.getByRole('listitem', { name: /^親子丼 2点/ }).click();
  await keys(page, '値引・割引のテンキー', '100');
  await page.getByTestId('discount-dialog').getByRole('button', { name: '決定' }).click();
  await page.getByRole('group', { name: '会計の操作' }).getByRole('button', { name: '値引・割引' }).click();
  await page.getByTestId('discount-dialog').getByRole('button', { name: '割引（%）' }).click();
  await keys(page, '値引・割引のテンキー', '10');
  await page.getByTestId('discount-dialog').getByRole('button', { name: '決定' }).click();
  // (3,480 − 100) − 10 % (338) = 3,042
  await expect(page.getByTestId('checkout-total')).toHaveText(yen(3042));

  // 分割会計 by items: 親子丼 ×2 and one ハイボール now.
  await page.getByRole('button', { name: '分割会計' }).click();
  const split = page.getByTestId('split-dialog');
  await split.getByRole('button', { name: /^親子丼 / }).click();
  await split.getByRole('button', { name: /^ハイボール / }).click();
  await split.getByRole('button', { name: 'ハイボールを1つ減らす' }).click();
  await expect(split.getByTestId('split-chosen')).toHaveText(yen(2240));
  await shot(page, 'checkout-06-split-items');
  await split.getByRole('button', { name: 'この内容で会計' }).click();
  // (1,760 − 100 + 480) − 10 % (214) = 1,926
  await expect(page.getByTestId('checkout-total')).toHaveText(yen(1926));
  await expect(page.getByTestId('split-state')).toContainText('分割会計 1回目');
  await page.getByRole('button', { name: 'ちょうど' }).click();
  await checkTouchLayout(page);
  await shot(page, 'checkout-07-split-part1');
  await commit(page);
  await expect(page.getByTestId('print-status')).toContainText('印刷できませんでした');
  await expect(page.getByTestId('print-status').getByRole('button', { name: '再印刷' })).toBeVisible();
  await shot(page, 'checkout-08-print-error');

  // 領収書 with 宛名 and 但し書き: the preview is the document the printer gets.
  await page.getByRole('button', { name: '領収書' }).click();
  const formal = page.getByTestId('formal-dialog');
  await formal.getByRole('textbox', { name: '宛名' }).fill('株式会社テスト');
  await formal.getByRole('button', { name: '飲食代' }).click();
  await expect(formal.getByTestId('receipt-preview')).toContainText('株式会社テスト 様');
  await expect(formal.getByTestId('receipt-preview')).toContainText('飲食代');
  await shot(page, 'checkout-09-formal');
  await formal.getByRole('button', { name: '領収書を印刷' }).click();
  await expect(page.getByTestId('print-status')).toContainText('印刷できませんでした');

  // Part 2: the rest (ハイボール + 抹茶アイス ×2 = ¥1,240), ¥10,000 → ¥8,760 change.
  await page.getByRole('button', { name: '次の会計へ' }).click();
  await expect(page.getByTestId('checkout-total')).toHaveText(yen(1240));
  await page.getByRole('group', { name: 'お預りの早押し' }).getByRole('button', { name: '¥10,000' }).click();
  await expect(page.getByTestId('change')).toHaveText(yen(8760));
  await commit(page);
  await expect(page.getByTestId('done-change')).toHaveText(yen(8760));
  await shot(page, 'checkout-10-split-done');

  // 伝票明細: find it by the last digits, 詳細, 伝票取消 with a reason.
  await page.getByRole('button', { name: 'テーブル一覧へ' }).click();
  await page.getByRole('button', { name: /戻る/ }).click();
  await tile(page, '伝票明細');
  await expect(page.getByRole('list', { name: '伝票一覧' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('textbox', { name: '伝票No.' }).fill('0001');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await checkTouchLayout(page);
  await shot(page, 'checkout-11-slips');
  await page.getByRole('listitem', { name: /3,166/ }).click();
  const detail = page.getByTestId('slip-detail');
  await expect(detail).toContainText('分割 1回目');
  await expect(detail).toContainText('分割 2回目');
  await expect(detail.getByTestId('receipt-preview')).toBeVisible();
  await shot(page, 'checkout-12-slip-detail');
  await detail.getByRole('button', { name: '伝票取消' }).click();
  const cancel = page.getByTestId('cancel-dialog');
  await cancel.getByRole('button', { name: 'お客様都合' }).click();
  await shot(page, 'checkout-13-slip-cancel');
  await cancel.getByRole('button', { name: '伝票取消' }).click();
  await expect(detail.getByTestId('slip-status')).toHaveText('取消');
  await expect(detail.getByTestId('cancellation')).toContainText('お客様都合');
  await page.getByRole('button', { name: /閉じる/ }).first().click().catch(() => undefined);

  // 精算レポート of the open session: sales, by payment, by rate, discounts, the cancelled slip.
  await page.getByRole('button', { name: /戻る/ }).click();
  await page.getByRole('button', { name: /戻る/ }).click();
  await tile(page, '精算レポート');
  await expect(page.getByTestId('settlement-gross')).toHaveText(yen(3166));
  await expect(page.getByTestId('settlement-cancelled')).toHaveText(`−${yen(3166)}`);
  await expect(page.getByTestId('settlement-net-sales')).toHaveText(yen(0));
  await shot(page, 'checkout-14-settlement');
});

test('合算会計 of two walk-in tables, paid in three equal parts; the checkout opened again goes on with 3等分', async ({ page, api }) => {
  const manager = await managerApi(api);
  await manager('till.open', { total: 30000 });
  await toFloor(page);
  await seatAndOrder(page, 'T4', 2);
  await order(page, [['アルコール', '生ビール', 2]]);
  await page.getByRole('button', { name: /戻る/ }).click();
  await seatAndOrder(page, 'T3', 2);
  await order(page, [['お食事', '唐揚げ定食', 1]]);
  await toCheckout(page);
  await expect(page.getByTestId('checkout-total')).toHaveText(yen(980));

  await page.getByRole('button', { name: '合算会計' }).click();
  const combine = page.getByTestId('combine-dialog');
  await combine.getByRole('button', { name: /T4/ }).click();
  await shot(page, 'checkout-15-combine');
  await combine.getByRole('button', { name: '1テーブルを合算' }).click();
  await expect(page.getByTestId('combine-state')).toBeVisible();
  await expect(page.getByTestId('checkout-total')).toHaveText(yen(2140));

  await page.getByRole('button', { name: '分割会計' }).click();
  const split = page.getByTestId('split-dialog');
  await split.getByRole('button', { name: '均等に分ける' }).click();
  await split.getByRole('button', { name: '分割数を増やす' }).click();
  await split.getByRole('button', { name: 'この内容で会計' }).click();
  await expect(page.getByTestId('checkout-total')).toHaveText(yen(714)); // 2140 = 714 + 713 + 713
  await page.getByRole('button', { name: 'ちょうど' }).click();
  await shot(page, 'checkout-16-equal-part1');
  await commit(page);
  // A reload opens the checkout again: the slip remembers 3等分, part 2 charges its share.
  await page.reload();
  await expect(page.getByTestId('split-state')).toHaveText('分割会計 2回目: 3等分');
  await expect(page.getByTestId('checkout-total')).toHaveText(yen(713));
  await page.getByRole('button', { name: 'ちょうど' }).click();
  await commit(page);
  await page.getByRole('button', { name: '次の会計へ' }).click();
  await expect(page.getByTestId('checkout-total')).toHaveText(yen(713));
  await page.getByRole('button', { name: 'ちょうど' }).click();
  await commit(page);
  await expect(page.getByTestId('checkout-done')).toContainText('会計完了');
  await page.getByRole('button', { name: 'テーブル一覧へ' }).click();
  await expect(page.locator('.tile[data-table="T3"]')).toHaveAttribute('data-status', 'free');
  await expect(page.locator('.tile[data-table="T4"]')).toHaveAttribute('data-status', 'free');
});
