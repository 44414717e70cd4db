import { test, expect } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shot } from './fixtures.ts';
import { startStation } from './station.ts';

// Plain Playwright test: this one starts its own station with a damaged database.
test('a damaged database shows the integrity screen, not a crash', async ({ page }) => {
  const station = await startStation({ prepare: (dir) => writeFileSync(join(dir, 'register.sqlite'), 'this is not a database'.repeat(100)) });
  try {
    await page.goto(station.url);
    await expect(page.getByRole('heading', { name: 'データベースの検査で異常が見つかりました' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('サポート窓口へ連絡');
    await expect(page.getByRole('alert')).toContainText('バックアップから');
    await expect(page.getByRole('alert')).toContainText(/not a database/);
    await shot(page, 'boot-01-integrity');
  } finally {
    await station.stop();
  }
});
