import { join } from 'node:path';
import { expect, login, openApp, shot, test } from './fixtures.ts';
import { back, confirmAmount, queryDb, tile, typeAmount } from './helpers.ts';

test('training mode: banner everywhere, its till stays out of the live database (RULES L2)', async ({ page, station }) => {
  const banner = page.getByTestId('training-banner');
  await openApp(page);
  await login(page, '山田 店長', '1234');
  await expect(banner).toBeHidden();

  await tile(page, '設定');
  await page.getByRole('tab', { name: 'トレーニング' }).click();
  await expect(page.getByTestId('mode-now')).toHaveText('現在: 通常営業');
  await page.getByRole('button', { name: 'トレーニングモードを開始' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'トレーニングモードを開始' }).click();
  await expect(banner).toHaveText('トレーニングモード — 売上は記録・送信されません');
  await expect(page.getByTestId('mode-now')).toHaveText('現在: トレーニングモード');
  await expect(page.getByRole('dialog')).toBeHidden();
  await shot(page, 'training-01-settings');

  // Home, then 開局 with a total on the keypad: the banner stays on every screen.
  await back(page);
  await expect(banner).toBeVisible();
  await tile(page, '開局');
  await expect(banner).toBeVisible();
  await page.getByRole('group', { name: '入力方法' }).getByRole('button', { name: '合計で入力' }).click();
  await typeAmount(page, 20000);
  await shot(page, 'training-02-open-total');
  await confirmAmount(page, '開局する');
  await expect(page.getByTestId('till-state')).toHaveText('開局中');
  await expect(banner).toBeVisible();
  await shot(page, 'training-03-home');

  // The till exists in training.sqlite only.
  const sessions = (file: string) => queryDb<{ opening_float: number }>(join(station.dataDir, file), 'SELECT opening_float FROM till_sessions');
  expect(sessions('training.sqlite')).toEqual([{ opening_float: 20000 }]);
  expect(sessions('register.sqlite')).toEqual([]);

  // The banner is on the login screen as well.
  await page.getByRole('button', { name: /^ログアウト/ }).click();
  await expect(page.getByRole('option').first()).toBeVisible();
  await expect(banner).toBeVisible();
  await shot(page, 'training-04-login');

  // Back to live: no banner, and the live till is still closed.
  await login(page, '山田 店長', '1234');
  await tile(page, '設定');
  await page.getByRole('tab', { name: 'トレーニング' }).click();
  await page.getByRole('button', { name: 'トレーニングモードを終了' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'トレーニングモードを終了' }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByTestId('till-state')).toHaveText('未開局');
  expect(sessions('register.sqlite')).toEqual([]);
});
