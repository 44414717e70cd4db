import { expect, login, openApp, shot, test } from './fixtures.ts';
import { checkTouchLayout, tile } from './helpers.ts';

test('a manager edits the store, pairs and unpairs a handheld, and adds staff', async ({ page, api }) => {
  await openApp(page);
  await login(page, '山田 店長', '1234');
  await tile(page, '設定');

  // Store settings: the header follows the saved name.
  await page.getByRole('textbox', { name: '店舗名' }).fill('デモ食堂 新宿店');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.header-store')).toContainText('デモ食堂 新宿店');

  // LAN on, a pairing code, a handheld pairs with it and shows up; then it is unpaired.
  await page.getByRole('tab', { name: 'LAN・端末' }).click();
  await page.getByRole('switch', { name: 'LAN接続' }).click();
  await expect(page.getByRole('switch', { name: 'LAN接続' })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('button', { name: 'ペアリングコードを表示' }).click();
  const code = page.getByTestId('pairing-code');
  await expect(code).toHaveText(/^\d{6}$/);
  await expect(page.getByText(/有効期限 残り [45]:\d\d/)).toBeVisible();
  await api('devices.pair', { code: await code.textContent(), name: 'ハンディ1' });
  const device = page.locator('.device-list li').filter({ hasText: 'ハンディ1' });
  await expect(device).toBeVisible();
  await checkTouchLayout(page);
  await shot(page, 'settings-01-lan');
  await device.getByRole('button', { name: '解除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '解除' }).click();
  await expect(device).toHaveCount(0);

  // Staff: add a cashier, who can then log in from the tiles.
  await page.getByRole('tab', { name: 'スタッフ' }).click();
  await page.getByRole('button', { name: /スタッフを追加/ }).click();
  const form = page.getByRole('form', { name: 'スタッフを追加' });
  await form.getByRole('textbox', { name: '名前' }).fill('高橋 次郎');
  await form.getByLabel('パスワード（4〜8桁の数字）').fill('5555');
  await checkTouchLayout(page);
  await shot(page, 'settings-02-staff');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.staff-list li').filter({ hasText: '高橋 次郎' })).toBeVisible();

  await page.getByRole('button', { name: /戻る/ }).click();
  await tile(page, 'ログアウト');
  await login(page, '高橋 次郎', '5555');
  await expect(page.getByTestId('staff-name')).toContainText('高橋 次郎');
});
