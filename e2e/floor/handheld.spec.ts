import { login, openApp, shot } from '../fixtures.ts';
import { checkTouchLayout, tile } from '../helpers.ts';
import { expect, seatWalkIn, tableTile, test, typeKeys } from './fixtures.ts';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test('handheld 390 px: the table list and 予約確認 via ☰ read well and seat a reservation', async ({ page, ledger }) => {
  await ledger.addReservation({ minutes: 60, party: 4, guestName: 'ですとさいとう', seatName: 'T3', courseName: '季節の会席コース', guestRequest: 'ベビーカーがあります' });
  await ledger.addReservation({ minutes: 90, party: 2, guestName: 'れじてすといち' });
  await ledger.addBlock({ minutes: 30, seatName: '205', durationMin: 180, reason: '設備点検' });
  await ledger.pull();
  await openApp(page);
  await login(page, '佐藤 花子', '1111');
  await checkTouchLayout(page);
  await shot(page, 'floor-handheld-01-home');
  await tile(page, 'テーブル一覧');
  await seatWalkIn(page, 'T1', 2);
  await expect(tableTile(page, 'T3')).toHaveAttribute('data-status', 'reserved');
  await checkTouchLayout(page);
  await shot(page, 'floor-handheld-02-table-list');

  // As in the manual: ☰ → 予約確認.
  await page.getByRole('button', { name: 'メニュー' }).click();
  await page.getByRole('navigation', { name: 'メニュー' }).getByRole('button', { name: '予約確認' }).click();
  await expect(page.getByRole('heading', { name: '予約確認' })).toBeVisible();
  const row = page.getByTestId('reservation-row').filter({ hasText: 'ですとさいとう' });
  await row.getByRole('button', { name: '詳細' }).click();
  await checkTouchLayout(page);
  await shot(page, 'floor-handheld-03-reservations');
  // R7 at 390 px: the block row (ブロック, its table and time range) reads without a 配席 button.
  const block = page.locator('[data-testid="reservation-row"][data-kind="block"]');
  await expect(block).toContainText('ブロック');
  await expect(block).toContainText('205');
  await expect(block.getByRole('button', { name: '配席' })).toHaveCount(0);
  await block.scrollIntoViewIfNeeded();
  await shot(page, 'floor-handheld-03b-block-row');
  await row.getByRole('button', { name: '配席' }).click();
  await checkTouchLayout(page);
  await shot(page, 'floor-handheld-04-pick');
  await page.getByTestId('table-pick').locator('[data-table="T3"]').click();
  await checkTouchLayout(page);
  await shot(page, 'floor-handheld-05-guest');
  await page.getByTestId('seat-dialog').getByRole('button', { name: '配席のみ' }).click();
  await expect(tableTile(page, 'T3')).toContainText('ですとさいとう');
  await tableTile(page, 'T1').click();
  await checkTouchLayout(page);
  await shot(page, 'floor-handheld-06-table-menu');
  await page.getByTestId('table-menu').getByRole('button', { name: '閉じる' }).click();
  await page.getByRole('group', { name: '表示' }).getByRole('button', { name: 'リスト' }).click();
  await expect(page.getByTestId('floor-list')).toContainText('れじてすといち');
  await checkTouchLayout(page);
  await shot(page, 'floor-handheld-07-list');
});

test('an unpaired handheld pairs with the code shown on the register and goes on to login', async ({ page, station, api }) => {
  // The station trusts its own machine (127.0.0.1): play a LAN handheld by answering as the
  // station does for an unknown device until this page sends a device token.
  await page.route('**/api/**', async (route) => {
    const request = route.request();
    const isPair = request.method() === 'POST' && (request.postData() ?? '').includes('"devices.pair"');
    if (request.headers().authorization || isPair) return route.continue();
    return route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({
      ok: false, error: { code: 'DEVICE_NOT_PAIRED', message: 'この端末はレジとペアリングされていません。レジに表示されるコードでペアリングしてください。' },
    }) });
  });
  await page.goto(station.url);
  await expect(page.getByRole('heading', { name: 'この端末はレジとペアリングされていません' })).toBeVisible();
  await typeKeys(page, 'ペアリングコードのテンキー', '000000');
  await page.getByRole('group', { name: 'ペアリングコードのテンキー' }).getByRole('button', { name: 'ペアリング' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /コード|ペアリング/ })).toBeVisible();
  await page.getByRole('group', { name: 'ペアリングコードのテンキー' }).getByRole('button', { name: 'クリア' }).click();

  const { sessionId } = await api<{ sessionId: string }>('auth.login', { staffId: 'staff-manager', pin: '1234' });
  await api('settings.update', { lanEnabled: true }, sessionId);
  const { code } = await api<{ code: string }>('devices.pairingCode', {}, sessionId);
  await typeKeys(page, 'ペアリングコードのテンキー', code);
  await page.getByRole('textbox', { name: 'この端末の名前' }).fill('ハンディ2');
  await checkTouchLayout(page);
  await shot(page, 'floor-handheld-08-pairing');
  await page.getByRole('group', { name: 'ペアリングコードのテンキー' }).getByRole('button', { name: 'ペアリング' }).click();
  await expect(page.getByRole('option').first()).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('pos.deviceToken'))).toMatch(/.{20,}/);
  const devices = await api<Array<{ name: string }>>('devices.list', {}, sessionId);
  expect(devices.map((d) => d.name)).toContain('ハンディ2');
  await login(page, '佐藤 花子', '1111');
});
