import { login, openApp, shot } from '../fixtures.ts';
import { checkTouchLayout, tile } from '../helpers.ts';
import { demoSeats } from './ledger.ts';
import { expect, test } from './fixtures.ts';

test('a manager links SMART RESERVE, pushes the tables (「SMART RESERVER同期」) and runs マスタ同期', async ({ page, sim }) => {
  await sim.control('POST', '/reset');
  // The ledger has its own seats; it maps pushed tables by name (one seat named differently stays unmapped).
  await sim.control('PUT', `/stores/${sim.storeId}/seats`, { seats: demoSeats().map((s) => (s.name === 'T12' ? { ...s, name: '奥座敷' } : s)) });
  await sim.control('PATCH', `/stores/${sim.storeId}/settings`, { autoMapByName: true });
  await openApp(page);
  await login(page, '山田 店長', '1234');
  await tile(page, '設定');
  await page.getByRole('tab', { name: '予約台帳連携' }).click();
  await expect(page.getByTestId('ledger-state')).toHaveText('未連携');
  // L1: only SMART RESERVE has an adapter today.
  await expect(page.getByRole('radio', { name: /お席トットくん/ })).toBeDisabled();
  await expect(page.getByRole('radio', { name: /お席トットくん/ })).toContainText('準備中');
  await page.getByRole('textbox', { name: '接続先URL' }).fill(sim.url);
  await page.getByRole('textbox', { name: '店舗ID' }).fill(sim.storeId);
  await page.getByRole('textbox', { name: '連携コード' }).fill('WRONG');
  await page.getByRole('button', { name: '連携開始' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '店舗IDまたは連携コードが正しくありません。' })).toBeVisible();
  await page.getByRole('textbox', { name: '連携コード' }).fill(sim.linkCode);
  await page.getByRole('button', { name: '連携開始' }).click();
  await expect(page.getByTestId('ledger-state')).toHaveText('連携中');

  await page.getByRole('button', { name: 'SMART RESERVER同期' }).click();
  const tables = page.getByTestId('ledger-tables');
  await expect(tables.locator('tr').filter({ hasText: 'T1' }).first()).toContainText('T1');
  await expect(tables.locator('tr').filter({ hasText: 'T12' })).toContainText('未マッピング');
  await page.getByRole('button', { name: 'マスタ同期' }).click();
  await expect(page.getByTestId('master-sync-at')).toContainText('最終成功');
  await checkTouchLayout(page);
  await shot(page, 'floor-ledger-01-linked');
  await page.getByRole('button', { name: '連携解除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '連携解除' }).click();
  await expect(page.getByTestId('ledger-state')).toHaveText('未連携');
});
