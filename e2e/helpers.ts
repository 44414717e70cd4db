import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Set a denomination's count: tap its count, then type the digits on the counter's keypad. */
export async function setCount(page: Page, label: string, count: number): Promise<void> {
  await page.getByRole('group', { name: label, exact: true }).getByRole('button', { name: /の枚数/ }).click();
  const keypad = page.getByRole('group', { name: `${label}の枚数を入力` });
  for (const digit of String(count)) await keypad.getByRole('button', { name: digit, exact: true }).click();
}

/** Type an amount on the amount keypad (入出金, 合計で入力). */
export async function typeAmount(page: Page, amount: number): Promise<void> {
  const keypad = page.getByRole('group', { name: '金額のテンキー' });
  for (const digit of String(amount)) await keypad.getByRole('button', { name: digit, exact: true }).click();
  await expect(page.getByTestId('amount-display')).toHaveText(`¥${amount.toLocaleString('ja-JP')}`);
}

/** Press 確定 on the amount keypad and confirm the dialog with `action`. */
export async function confirmAmount(page: Page, action: string): Promise<void> {
  await page.getByRole('group', { name: '金額のテンキー' }).getByRole('button', { name: '確定' }).click();
  await page.getByRole('dialog').getByRole('button', { name: action }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

export async function tile(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'メニュー' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
}

export async function back(page: Page): Promise<void> {
  await page.getByRole('button', { name: /戻る/ }).click();
}

const NODE22 = join(import.meta.dirname, '..', 'node_modules', '.bin', 'node');
const QUERY = `const D = require('better-sqlite3'); const db = new D(process.argv[1], { readonly: true, fileMustExist: true });
process.stdout.write(JSON.stringify(db.prepare(process.argv[2]).all())); db.close();`;

/**
 * Read a station database directly (read-only, better-sqlite3), as an auditor would. It runs in
 * the repository's Node 22: better-sqlite3 crashes the Playwright worker when the runner was
 * started with an older system Node.
 */
export function queryDb<T>(file: string, sql: string): T[] {
  return JSON.parse(execFileSync(NODE22, ['-e', QUERY, file, sql], { cwd: join(import.meta.dirname, '..'), encoding: 'utf8' })) as T[];
}

/** Layout rules for a touch register: no sideways scrolling, every control at least 48×48 px, keypad keys 64 px. */
export async function checkTouchLayout(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) out.push(`horizontal scroll: ${document.documentElement.scrollWidth}px`);
    for (const el of document.querySelectorAll<HTMLElement>('button, input, select, [role="switch"], [role="tab"]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const min = el.classList.contains('key') ? 64 : 48;
      if (r.height < min - 0.5 || r.width < min - 0.5) out.push(`${el.tagName} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim()}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  });
  expect(problems).toEqual([]);
}
