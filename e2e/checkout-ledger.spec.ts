import { shot } from './fixtures.ts';
import { checkTouchLayout, tile } from './helpers.ts';
import { commit, keys, openOrder, toCheckout, toFloor, yen } from './checkout-helpers.ts';
import { eventually, expect, test, type Ledger } from './floor/fixtures.ts';

type Api = <T = unknown>(method: string, input?: unknown) => Promise<T>;
type Row = { id: string; guestName: string };
type Floor = { floors: Array<{ tables: Array<{ id: string; name: string }> }> };

const P2 = '事前決済は30万円以上の場合、決済はできません。';
const P3 = '事前決済額を下回った場合、事前決済での支払いを不可として、全額を現地決済してください。';
const P4 = '事前決済の予約にて追加注文がある場合は、会計時に事前決済分の商品のみ選択して分割会計をしてください。';
const P5 = '予約サイトポイントと事前決済の併用は不可です。';
const P7 = '事前決済・予約サイトポイントのあるテーブルは合算会計できません。';
const P8_POINTS = '予約サイトポイントを利用しない場合は、対象の予約サイトから利用ポイントの変更操作を必ず行ってください。';
const P9_EXCEED = '予約時の利用ポイントを超えてポイントを利用することはできません。';
const P9_FEWER = '利用ポイントが予約時の利用ポイント（500pt）より少なくなります。';

/**
 * The store as the checkout tests need it: その他支払 for prepayment and site points enabled (P1),
 * a course that the prepayment pays for, the till open; reservations from the ledger seated.
 */
async function prepare(asManager: Api, ledger: Ledger, reservations: Array<{ guestName: string; seatName: string; party: number } & Record<string, unknown>>) {
  await asManager('settings.update', { otherPayments: { credit: true, points: true, sitePoints: true, prepaid: true } });
  const course = await asManager<{ id: string }>('menu.saveProduct', { categoryId: 'cat-food', name: 'おまかせコース', price: 11000, taxClass: 'reduced' });
  await asManager('till.open', { total: 30000 });
  for (const r of reservations) await ledger.addReservation({ minutes: 30, ...r });
  await ledger.pull();
  const { rows } = await asManager<{ rows: Row[] }>('reservations.list');
  const view = await asManager<Floor>('floor.view');
  const tableId = (name: string) => view.floors.flatMap((f) => f.tables).find((t) => t.name === name)!.id;
  const visits: Record<string, string> = {};
  for (const r of reservations) {
    const row = rows.find((x) => x.guestName === r.guestName)!;
    const seated = await asManager<{ visit: { id: string } }>('seating.seat', { tableId: tableId(r.seatName), reservationId: row.id, party: r.party });
    visits[r.seatName] = seated.visit.id;
  }
  return { courseId: course.id, visits, tableId };
}

test('P4, P6, P2: a prepayment below the bill is paid as part 1 of an items split without a receipt, the rest on site', async ({ page, asManager, ledger }) => {
  const { courseId, visits } = await prepare(asManager, ledger, [{ guestName: '高橋 一郎', seatName: '201', party: 3, prepaymentAmount: 33000 }]);
  await asManager('orders.add', { visitId: visits['201'], lines: [{ productId: courseId, quantity: 3 }, { productId: 'cat-alcohol-1', quantity: 2 }] });
  await toFloor(page);
  await page.getByRole('tab', { name: '2F' }).click();
  await openOrder(page, '201');
  await toCheckout(page);

  // P4 on opening, in the manual's words; the prepayment is on the list; the banner says the checkout must be split.
  const warning = page.getByTestId('warning-dialog');
  await expect(warning).toContainText(P4);
  await shot(page, 'checkout-p4-01-warning');
  await warning.getByRole('button', { name: '閉じる' }).click();
  await expect(page.getByRole('list', { name: '支払一覧' })).toContainText('SMART RESERVE事前決済');
  await expect(page.getByRole('list', { name: '支払一覧' })).toContainText(yen(33000));
  await expect(page.getByTestId('refusal').first()).toContainText(P4);

  // P2: a prepayment of ¥300,000 or more is refused.
  await page.getByRole('button', { name: 'その他支払', exact: true }).click();
  const other = page.getByTestId('other-payment');
  await other.getByRole('button', { name: 'SMART RESERVE事前決済' }).click();
  await other.getByRole('group', { name: 'その他支払の金額のテンキー' }).getByRole('button', { name: 'クリア' }).click();
  await keys(page, 'その他支払の金額のテンキー', '300000');
  await other.getByRole('button', { name: '追加' }).click();
  await page.getByRole('group', { name: 'お預り金額のテンキー' }).getByRole('button', { name: '会計' }).click();
  await expect(page.getByTestId('refusal-dialog')).toContainText(P2);
  await shot(page, 'checkout-p2-refused');
  await page.getByTestId('refusal-dialog').getByRole('button', { name: '閉じる' }).click();
  await page.getByRole('button', { name: 'SMART RESERVE事前決済を外す' }).nth(1).click();

  // 分割会計: the prepaid items only (3 × ¥11,000 = ¥33,000), paid by the prepayment: no receipt (P6).
  await page.getByRole('button', { name: '分割会計' }).click();
  await page.getByTestId('split-dialog').getByRole('button', { name: /^おまかせコース / }).click();
  await page.getByTestId('split-dialog').getByRole('button', { name: 'この内容で会計' }).click();
  await expect(page.getByTestId('checkout-total')).toHaveText(yen(33000));
  await expect(page.getByTestId('refusal')).toHaveCount(0);
  await checkTouchLayout(page);
  await shot(page, 'checkout-p4-02-prepaid-part');
  await page.getByRole('group', { name: 'お預り金額のテンキー' }).getByRole('button', { name: '会計' }).click();
  await expect(page.getByTestId('commit-dialog')).toContainText('事前決済商品のある会計は、POSから領収書発行／レシート発行ができません。');
  await page.getByTestId('commit-dialog').getByRole('button', { name: '会計する' }).click();
  await expect(page.getByTestId('no-receipt')).toBeVisible();
  await expect(page.getByTestId('receipt-preview')).toHaveCount(0);
  await shot(page, 'checkout-p6-no-receipt');

  // Part 2: what was ordered on top, paid on site, with its receipt.
  await page.getByRole('button', { name: '次の会計へ' }).click();
  await expect(page.getByTestId('checkout-total')).toHaveText(yen(1160));
  await page.getByRole('button', { name: 'ちょうど' }).click();
  await commit(page);
  await expect(page.getByTestId('receipt-preview')).toBeVisible();
  await shot(page, 'checkout-p4-03-rest-paid');
  const line = await eventually(() => ledger.lineAt('201'), (l) => l?.status === '退店済み');
  expect(line?.guestName).toBe('高橋 一郎');
});

test('P3 and P7: a bill below the prepayment is paid on site; a prepaid table cannot be combined (T7)', async ({ page, asManager, ledger }) => {
  const { visits } = await prepare(asManager, ledger, [{ guestName: '山本 花', seatName: '202', party: 2, prepaymentAmount: 33000 }]);
  await asManager('orders.add', { visitId: visits['202'], lines: [{ productId: 'cat-food-1', quantity: 1 }] });
  await toFloor(page);
  // A walk-in at T6, to try to combine.
  await page.locator('.tile[data-table="T6"]').click();
  await keys(page, '人数のテンキー', '2');
  await page.getByTestId('seat-dialog').getByRole('button', { name: '配席のみ' }).click();
  await page.getByRole('tab', { name: '2F' }).click();
  await openOrder(page, '202');
  await toCheckout(page);
  await expect(page.getByTestId('warning-dialog')).toContainText(P3);
  await shot(page, 'checkout-p3-01-warning');
  await page.getByTestId('warning-dialog').getByRole('button', { name: '閉じる' }).click();
  await expect(page.getByRole('list', { name: '支払一覧' })).not.toContainText('SMART RESERVE事前決済');

  await page.getByRole('button', { name: '合算会計' }).click();
  await page.getByTestId('combine-dialog').getByRole('button', { name: /T6/ }).click();
  await page.getByTestId('combine-dialog').getByRole('button', { name: '1テーブルを合算' }).click();
  await expect(page.getByTestId('refusal-dialog')).toContainText(P7);
  await shot(page, 'checkout-p7-refused');
  await page.getByTestId('refusal-dialog').getByRole('button', { name: '閉じる' }).click();
  await expect(page.getByTestId('combine-state')).toHaveCount(0);

  await page.getByRole('button', { name: 'ちょうど' }).click();
  await page.getByRole('group', { name: 'お預り金額のテンキー' }).getByRole('button', { name: '会計' }).click();
  await expect(page.getByTestId('commit-dialog')).toContainText(P3);
  await page.getByTestId('commit-dialog').getByRole('button', { name: '会計する' }).click();
  await expect(page.getByTestId('done-change')).toHaveText(yen(0));
});

test('P9, P10, P8, P5: site points on the list, discounts off, × warns, fewer points warn, more are refused; cancel warns to return them', async ({ page, asManager, ledger }) => {
  const { visits } = await prepare(asManager, ledger, [{ guestName: '田中 美咲', seatName: 'T5', party: 2, points: 500 }]);
  await asManager('orders.add', { visitId: visits.T5, lines: [{ productId: 'cat-food-2', quantity: 2 }] });
  await toFloor(page);
  await openOrder(page, 'T5');
  await toCheckout(page);
  const payments = page.getByRole('list', { name: '支払一覧' });
  await expect(payments).toContainText('予約サイトポイント');
  await expect(payments).toContainText(yen(500));
  // P10: no discounts while the points are applied.
  await expect(page.getByRole('group', { name: '会計の操作' }).getByRole('button', { name: '値引・割引' })).toBeDisabled();
  await expect(page.getByTestId('p10-hint')).toHaveText('予約サイトポイント利用時は値割引ボタンを押下することができません。');
  await checkTouchLayout(page);
  await shot(page, 'checkout-p10-points');

  // P8: × on the points warns that the site must be fixed by hand; then discounts are possible again.
  await page.getByRole('button', { name: '予約サイトポイントを外す' }).click();
  await expect(page.getByTestId('warning-dialog')).toContainText(P8_POINTS);
  await shot(page, 'checkout-p8-removed');
  await page.getByTestId('warning-dialog').getByRole('button', { name: '閉じる' }).click();
  await expect(page.getByRole('group', { name: '会計の操作' }).getByRole('button', { name: '値引・割引' })).toBeEnabled();

  const addOther = async (label: string, amount: number) => {
    await page.getByRole('button', { name: 'その他支払', exact: true }).click();
    const other = page.getByTestId('other-payment');
    await other.getByRole('button', { name: label, exact: true }).click();
    await other.getByRole('group', { name: 'その他支払の金額のテンキー' }).getByRole('button', { name: 'クリア' }).click();
    await keys(page, 'その他支払の金額のテンキー', String(amount));
    await other.getByRole('button', { name: '追加' }).click();
    await expect(other).toBeHidden();
  };
  const pressCommit = () => page.getByRole('group', { name: 'お預り金額のテンキー' }).getByRole('button', { name: '会計' }).click();

  // P9: more points than reserved are refused; P5: never with a prepayment.
  await addOther('予約サイトポイント', 600);
  await addOther('SMART RESERVE事前決済', 1000);
  await pressCommit();
  await expect(page.getByTestId('refusal-dialog')).toContainText(P9_EXCEED);
  await expect(page.getByTestId('refusal-dialog')).toContainText(P5);
  await shot(page, 'checkout-p9-p5-refused');
  await page.getByTestId('refusal-dialog').getByRole('button', { name: '閉じる' }).click();
  await page.getByRole('button', { name: 'SMART RESERVE事前決済を外す' }).click();
  await page.getByRole('button', { name: '予約サイトポイントを外す' }).click();
  await page.getByTestId('warning-dialog').getByRole('button', { name: '閉じる' }).click();

  // Fewer points than reserved: allowed, with the P9 warning before the commit.
  await addOther('予約サイトポイント', 300);
  await page.getByRole('button', { name: 'ちょうど' }).click();
  await pressCommit();
  await expect(page.getByTestId('commit-dialog')).toContainText(P9_FEWER);
  await shot(page, 'checkout-p9-fewer');
  await page.getByTestId('commit-dialog').getByRole('button', { name: '会計する' }).click();
  await expect(page.getByTestId('checkout-done')).toBeVisible();

  // 伝票取消 of a slip paid with site points: the points must be returned on the site by hand (P9).
  await page.getByRole('button', { name: 'テーブル一覧へ' }).click();
  await page.getByRole('button', { name: /戻る/ }).click();
  await tile(page, '伝票明細');
  await page.getByRole('list', { name: '伝票一覧' }).getByRole('listitem').first().click();
  await page.getByTestId('slip-detail').getByRole('button', { name: '伝票取消' }).click();
  await page.getByTestId('cancel-dialog').getByRole('button', { name: '誤入力' }).click();
  await page.getByTestId('cancel-dialog').getByRole('button', { name: '伝票取消' }).click();
  await expect(page.getByTestId('cancel-notices')).toContainText('予約サイトポイントを利用した伝票を取消しました。予約サイトで利用ポイントを手動で戻してください。');
  await shot(page, 'checkout-p9-cancel');
});
