import { defineConfig } from '@playwright/test';

/**
 * Browser e2e against the real station (src-main/station/cli.ts), one fresh station and data
 * directory per test (e2e/fixtures.ts), in Debian's Chromium. Run with Node 22:
 *   node_modules/.bin/node node_modules/.bin/playwright test   (or: npm run test:e2e)
 */
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: 'list',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
    viewport: { width: 1024, height: 768 },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
  },
});
