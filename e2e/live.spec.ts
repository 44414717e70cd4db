import { expect, login, openApp, shot, test } from './fixtures.ts';
import { confirmAmount, tile, typeAmount } from './helpers.ts';

test('two registers on one station see each other\'s till without reloading', async ({ browser, station }) => {
  const [a, b] = await Promise.all([browser.newContext({ baseURL: station.url }), browser.newContext({ baseURL: station.url })]);
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  await Promise.all([openApp(pageA), openApp(pageB)]);
  await login(pageA, '佐藤 花子', '1111');
  // B logs in from a physical keyboard (a USB keypad works like the on-screen one).
  await pageB.getByRole('option', { name: /鈴木 一郎/ }).click();
  await pageB.keyboard.type('2222');
  await expect(pageB.getByTestId('pin-dots').locator('.is-filled')).toHaveCount(4);
  await pageB.keyboard.press('Enter');
  await expect(pageB.getByTestId('staff-name')).toContainText('鈴木 一郎');
  await expect(pageB.getByTestId('connection')).toHaveAttribute('data-connected', 'true');
  await expect(pageB.getByTestId('till-state')).toHaveText('未開局');

  await tile(pageA, '開局');
  await pageA.getByRole('group', { name: '入力方法' }).getByRole('button', { name: '合計で入力' }).click();
  await typeAmount(pageA, 20000);
  await confirmAmount(pageA, '開局する');

  // B never reloads: the pushed till.changed event updates its header and till card.
  await expect(pageB.getByTestId('till-state')).toHaveText('開局中');
  await expect(pageB.getByTestId('home-expected')).toHaveText('¥20,000');
  await expect(pageB.getByRole('button', { name: /^入出金/ })).toBeEnabled();

  await tile(pageA, '入出金');
  await typeAmount(pageA, 1000);
  await pageA.getByRole('button', { name: '両替' }).click();
  await confirmAmount(pageA, '入金する');
  await expect(pageB.getByTestId('home-expected')).toHaveText('¥21,000');
  await shot(pageB, 'live-01-other-register');
  await Promise.all([a.close(), b.close()]);
});
