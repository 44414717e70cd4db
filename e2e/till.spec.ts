import { join } from 'node:path';
import { expect, login, openApp, shot, test } from './fixtures.ts';
import { back, checkTouchLayout, confirmAmount, queryDb, setCount, tile, typeAmount } from './helpers.ts';

type Report = { openingFloat: number; cashIn: number; cashOut: number; cashSales: number; expectedCash: number; countedCash: number;
  difference: number; status: string; closingCounts: Record<string, number>; movements: Array<{ kind: string; amount: number; reason: string }> };

test('a cashier opens the till, moves cash, closes ¥100 short and gets the report', async ({ page, api, station }) => {
  await openApp(page);
  await shot(page, 'till-01-login');
  await login(page, '佐藤 花子', '1111');
  await expect(page.getByTestId('till-state')).toHaveText('未開局');
  await shot(page, 'till-02-home');

  // 開局 by denomination: ¥10,000×2 and ¥1,000×10 on the keypad, ¥5,000×1 with ＋ → ¥35,000.
  await tile(page, '開局');
  await setCount(page, '¥10,000', 2);
  await page.getByRole('button', { name: '¥5,000を1枚増やす' }).click();
  await setCount(page, '¥1,000', 10);
  await expect(page.getByTestId('counter-total')).toHaveText('¥35,000');
  await checkTouchLayout(page);
  await shot(page, 'till-03-open-counts');
  await page.getByRole('button', { name: '確定', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('¥35,000');
  await shot(page, 'till-04-open-confirm');
  await page.getByRole('dialog').getByRole('button', { name: '開局する' }).click();
  await expect(page.getByTestId('till-state')).toHaveText('開局中');
  await expect(page.getByTestId('home-expected')).toHaveText('¥35,000');

  // 入金 ¥5,000 (釣銭補充), then 出金 ¥1,200 with a typed reason.
  await tile(page, '入出金');
  await typeAmount(page, 5000);
  await page.getByRole('button', { name: '釣銭補充' }).click();
  await confirmAmount(page, '入金する');
  await expect(page.getByTestId('cash-move-done')).toContainText('予定現金 ¥40,000');
  await shot(page, 'till-05-cash-in');
  await page.getByRole('group', { name: '入金・出金' }).getByRole('button', { name: '出金' }).click();
  await page.getByRole('textbox', { name: '理由（自由入力）' }).fill('おしぼり代');
  await typeAmount(page, 1200);
  await confirmAmount(page, '出金する');
  await expect(page.getByTestId('cash-move-done')).toContainText('予定現金 ¥38,800');
  await checkTouchLayout(page);
  await shot(page, 'till-06-cash-out');

  // A reload keeps the login, the screen and the open till.
  await page.reload();
  await expect(page.getByRole('heading', { name: '入出金' })).toBeVisible();
  await expect(page.getByTestId('till-state')).toHaveText('開局中');
  await back(page);

  // 閉局: count ¥38,700 against ¥38,800 expected → ¥100 不足.
  await tile(page, '閉局');
  await expect(page.getByTestId('expected')).toHaveText('¥38,800');
  await setCount(page, '¥10,000', 3);
  await setCount(page, '¥5,000', 1);
  await setCount(page, '¥1,000', 3);
  await setCount(page, '¥500', 1);
  await setCount(page, '¥100', 2);
  await expect(page.getByTestId('counted')).toHaveText('¥38,700');
  await expect(page.getByTestId('difference')).toHaveText('¥100 不足');
  await expect(page.getByTestId('difference')).toHaveCSS('color', 'rgb(180, 35, 24)');
  await checkTouchLayout(page);
  await shot(page, 'till-07-close');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await checkTouchLayout(page);
  await shot(page, 'till-08-close-1920');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('button', { name: '確定', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('¥100 不足');
  await shot(page, 'till-09-close-confirm');
  await page.getByRole('dialog').getByRole('button', { name: '閉局する' }).click();

  // 精算レポート.
  const report = page.getByTestId('settlement-report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('till-state')).toHaveText('未開局');
  await expect(page.getByTestId('report-float')).toHaveText('¥35,000');
  await expect(page.getByTestId('report-cash-in')).toHaveText('+¥5,000');
  await expect(page.getByTestId('report-cash-out')).toHaveText('−¥1,200');
  await expect(page.getByTestId('report-cash-sales')).toHaveText('¥0');
  await expect(page.getByTestId('report-expected')).toHaveText('¥38,800');
  await expect(page.getByTestId('report-counted')).toHaveText('¥38,700');
  await expect(report.getByTestId('difference')).toHaveText('¥100 不足');
  await expect(report).toContainText('おしぼり代');
  await expect(report).toContainText('佐藤 花子');
  await checkTouchLayout(page);
  await shot(page, 'till-10-report');
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await page.getByRole('button', { name: '印刷' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'till-11-report-print');
  await page.emulateMedia({ media: 'screen' });

  // What was stored: through the API, and in the database file itself.
  const { sessionId } = await api<{ sessionId: string }>('auth.login', { staffId: 'staff-manager', pin: '1234' });
  const stored = await api<Report>('till.report', {}, sessionId);
  expect(stored).toMatchObject({ status: 'closed', openingFloat: 35000, cashIn: 5000, cashOut: 1200, cashSales: 0,
    expectedCash: 38800, countedCash: 38700, difference: -100 });
  expect(stored.closingCounts).toMatchObject({ '10000': 3, '5000': 1, '1000': 3, '500': 1, '100': 2, '1': 0 });
  expect(stored.movements.map((m) => [m.kind, m.amount, m.reason])).toEqual([['in', 5000, '釣銭補充'], ['out', 1200, 'おしぼり代']]);
  const rows = queryDb<{ status: string; counted_cash: number; expected_cash: number }>(join(station.dataDir, 'register.sqlite'),
    'SELECT status, counted_cash, expected_cash FROM till_sessions');
  expect(rows).toEqual([{ status: 'closed', counted_cash: 38700, expected_cash: 38800 }]);
});
