import { expect, type Page } from '@playwright/test';
import { login, openApp } from './fixtures.ts';
import { tile } from './helpers.ts';

/** Log in (through the UI) and open the table list. */
export async function toFloor(page: Page, name = '佐藤 花子', pin = '1111'): Promise<void> {
  await openApp(page);
  await login(page, name, pin);
  await tile(page, 'テーブル一覧');
  await expect(page.getByRole('heading', { name: 'テーブル一覧' })).toBeVisible();
}

export const tableTile = (page: Page, name: string) => page.locator(`.tile[data-table="${name}"]`);

/** Type digits on a keypad found by its accessible name. */
export async function keys(page: Page, keypad: string, digits: string): Promise<void> {
  const pad = page.getByRole('group', { name: keypad, exact: true });
  for (const d of digits) await pad.getByRole('button', { name: d, exact: true }).click();
}

/** S9 walk-in with 登録: tap a free table, the party on the keypad, 登録 → the order screen. */
export async function seatAndOrder(page: Page, table: string, party: number): Promise<void> {
  await tableTile(page, table).click();
  await keys(page, '人数のテンキー', String(party));
  await page.getByTestId('seat-dialog').getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('heading', { name: `注文 ${table}` })).toBeVisible();
}

/** From the table list: an occupied table → 注文 (its menu). */
export async function openOrder(page: Page, table: string): Promise<void> {
  await tableTile(page, table).click();
  await page.getByRole('button', { name: '注文', exact: true }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`^注文 .*${table}`) })).toBeVisible();
}

/** Tap product tiles on the order screen (switching category tabs by name), then 注文送信. */
export async function order(page: Page, items: Array<[category: string, product: string, times?: number]>, opts: { send?: boolean } = {}): Promise<void> {
  for (const [category, product, times = 1] of items) {
    await page.getByRole('tab', { name: category, exact: true }).click();
    const button = page.getByRole('group', { name: '商品' }).getByRole('button', { name: new RegExp(`^${product}`) });
    for (let i = 0; i < times; i++) await button.click();
  }
  if (opts.send !== false) {
    await page.getByRole('button', { name: '注文送信' }).click();
    await expect(page.getByTestId('draft-line')).toHaveCount(0);
  }
}

/** 会計 from the order screen; waits for the first quote. */
export async function toCheckout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '会計', exact: true }).click();
  await expect(page.getByTestId('checkout-total')).not.toHaveText('—');
}

export const yen = (n: number) => `¥${n.toLocaleString('ja-JP')}`;

/** お預り on the cash keypad (replacing what was typed). */
export async function tender(page: Page, amount: number): Promise<void> {
  const pad = page.getByRole('group', { name: 'お預り金額のテンキー' });
  await pad.getByRole('button', { name: 'クリア' }).click();
  await keys(page, 'お預り金額のテンキー', String(amount));
  await expect(page.getByTestId('cash-tendered')).toHaveText(yen(amount));
}

/** 会計 on the keypad, then 会計する in the confirmation. */
export async function commit(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'お預り金額のテンキー' }).getByRole('button', { name: '会計' }).click();
  await page.getByTestId('commit-dialog').getByRole('button', { name: '会計する' }).click();
  await expect(page.getByTestId('checkout-done')).toBeVisible();
}

/** Call the station API as the manager (a session of its own). */
export async function managerApi(api: <T = unknown>(method: string, input?: unknown, sessionId?: string) => Promise<T>) {
  const { sessionId } = await api<{ sessionId: string }>('auth.login', { staffId: 'staff-manager', pin: '1234' });
  return <T = unknown>(method: string, input: unknown = {}) => api<T>(method, input, sessionId);
}
