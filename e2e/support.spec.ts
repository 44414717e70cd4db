import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { expect, login, openApp, shot, test } from './fixtures.ts';
import { checkTouchLayout } from './helpers.ts';

test('support staff read the logs, filter them and export the support bundle', async ({ page }) => {
  await openApp(page);
  // A wrong PIN first: the Japanese message from the core, and a warning in the log to find later.
  await page.getByRole('option', { name: /サポート/ }).click();
  const keypad = page.getByRole('group', { name: 'パスワードのテンキー' });
  for (const d of '0000') await keypad.getByRole('button', { name: d, exact: true }).click();
  await keypad.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '担当者またはパスワードが正しくありません。' })).toBeVisible();
  await expect(page.getByTestId('pin-dots').locator('.is-filled')).toHaveCount(0);
  await login(page, 'サポート', '9999');

  // Support staff see only what they may use.
  const menu = page.getByRole('navigation', { name: 'メニュー' });
  await expect(menu.getByRole('button')).toHaveText([/^サポート/, /^ログアウト/]);
  await menu.getByRole('button', { name: /^サポート/ }).click();

  const rows = page.getByTestId('log-list').getByRole('listitem');
  await expect(rows.first()).toBeVisible();
  await page.getByRole('group', { name: 'レベル' }).getByRole('button', { name: 'warn以上' }).click();
  await expect(rows.filter({ hasText: 'login failed' })).toHaveCount(1);
  await expect(rows.locator('.log-level')).toHaveText(Array(await rows.count()).fill(/warn|error|fatal/));

  await page.getByRole('group', { name: 'レベル' }).getByRole('button', { name: 'すべて' }).click();
  await page.getByRole('searchbox', { name: 'ログを検索' }).fill('login');
  await expect(rows.filter({ hasText: 'login failed' })).toHaveCount(1);
  await expect(rows.filter({ hasNotText: /login/i })).toHaveCount(0);
  await rows.filter({ hasText: 'login failed' }).getByRole('button').click();
  await expect(page.getByLabel('ログの生データ')).toContainText('"staffId": "staff-support"');
  await checkTouchLayout(page);
  await shot(page, 'support-01-logs');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'サポート用データを書き出す' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^support-bundle-.*\.zip$/);
  const files = Object.keys(unzipSync(readFileSync(await download.path())));
  expect(files).toEqual(expect.arrayContaining(['versions.json', 'integrity.json', 'settings.json']));
  expect(files.some((f) => f.startsWith('logs/'))).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: '書き出しました' })).toBeVisible();
});
