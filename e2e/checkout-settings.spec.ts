import { login, openApp, shot } from './fixtures.ts';
import { checkTouchLayout, tile } from './helpers.ts';
import { expect, test } from './fixtures.ts';

test('メニュー・会計設定: a product with its tax class, a 客層, the invoice number (the API\'s error), その他支払 and the printer', async ({ page, api }) => {
  await openApp(page);
  await login(page, '山田 店長', '1234');
  await tile(page, 'メニュー・会計設定');

  // メニュー: a new product in お食事, tax class 飲食料品 (10 % eaten in, 8 % taken out).
  await page.getByRole('tab', { name: 'お食事' }).click();
  await page.getByRole('button', { name: '商品を追加' }).click();
  await page.getByRole('textbox', { name: '商品名' }).fill('鯛めし');
  await page.getByRole('textbox', { name: /価格/ }).fill('1480');
  await page.getByRole('group', { name: '税区分' }).getByRole('button', { name: '飲食料品' }).click();
  await checkTouchLayout(page);
  await shot(page, 'settings-menu-01-product');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('list', { name: '商品一覧' })).toContainText('鯛めし');
  await expect(page.getByRole('list', { name: '商品一覧' })).toContainText('¥1,480');
  await shot(page, 'settings-menu-02-products');

  // 客層.
  await page.getByRole('tab', { name: '客層' }).click();
  await page.getByRole('textbox', { name: '新しい客層' }).fill('女子会');
  await page.getByRole('button', { name: '追加' }).click();
  await expect(page.getByRole('switch', { name: '女子会' })).toBeVisible();

  // 税・支払: a registration number with a wrong check digit is refused with the API's message.
  await page.getByRole('tab', { name: '税・支払' }).click();
  await page.getByRole('textbox', { name: '登録番号（T＋13桁）' }).fill('T1234567890123');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('settings-error')).toBeVisible();
  await shot(page, 'settings-menu-03-invoice-error');
  await page.getByRole('textbox', { name: '登録番号（T＋13桁）' }).fill('T7123456789012');
  await page.getByRole('switch', { name: 'SMART RESERVE事前決済' }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('settings-error')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: '設定を保存しました' })).toBeVisible();

  // レシート・プリンター: LAN printer.
  await page.getByRole('tab', { name: 'レシート・プリンター' }).click();
  await page.getByRole('group', { name: '接続方法' }).getByRole('button', { name: 'LAN' }).click();
  await page.getByRole('textbox', { name: 'IPアドレス' }).fill('192.168.1.50');
  await checkTouchLayout(page);
  await shot(page, 'settings-menu-04-printer');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '設定を保存しました' })).toBeVisible();

  const { sessionId } = await api<{ sessionId: string }>('auth.login', { staffId: 'staff-manager', pin: '1234' });
  const settings = await api<{ invoice: { registrationNumber: string }; otherPayments: { prepaid: boolean }; printer: { kind: string; port?: number } }>('settings.get', {}, sessionId);
  expect(settings.invoice.registrationNumber).toBe('T7123456789012');
  expect(settings.otherPayments.prepaid).toBe(true);
  expect(settings.printer).toMatchObject({ kind: 'tcp', port: 9100 });
});
