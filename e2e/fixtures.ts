import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startStation, type Station } from './station.ts';

export const SCREENSHOT_DIR = join(import.meta.dirname, 'screenshots');
mkdirSync(SCREENSHOT_DIR, { recursive: true });

type Fixtures = {
  /** A fresh station (own port, own data directory) for this test only. */
  station: Station;
  /** Call the station's API directly, e.g. to check what the UI stored. */
  api: <T = unknown>(method: string, input?: unknown, sessionId?: string) => Promise<T>;
};

export const test = base.extend<Fixtures>({
  station: async ({}, use) => {
    const station = await startStation();
    await use(station);
    await station.stop();
  },
  baseURL: async ({ station }, use) => {
    await use(station.url);
  },
  api: async ({ station, request }, use) => {
    await use(async <T,>(method: string, input: unknown = {}, sessionId?: string) => {
      const res = await request.post(`${station.url}/api/rpc`, {
        data: { method, input, sessionId, commandId: crypto.randomUUID() },
      });
      const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
      return body.value as T;
    });
  },
});

export { expect };

/** Save a screenshot under e2e/screenshots/ (gitignored) for people to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  // Japanese glyphs come in unicode-range subsets loaded on first use: wait so none shows as tofu.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Log in through the UI: tap the name tile, type the PIN on the on-screen keypad, ログイン. */
export async function login(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('option', { name: new RegExp(name) }).click();
  const keypad = page.getByRole('group', { name: 'パスワードのテンキー' });
  for (const digit of pin) await keypad.getByRole('button', { name: digit, exact: true }).click();
  await keypad.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByRole('navigation', { name: 'メニュー' })).toBeVisible();
}

/** Open the app and wait for the login tiles. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('option').first()).toBeVisible();
}
