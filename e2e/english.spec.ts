import { expect, openApp, shot, test } from './fixtures.ts';

test('English labels after switching, kept over a reload', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  await expect(page.getByTestId('till-state')).toHaveText('Till closed');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();

  await page.getByRole('option', { name: /山田 店長/ }).click();
  const keypad = page.getByRole('group', { name: 'PIN keypad' });
  for (const d of '1234') await keypad.getByRole('button', { name: d, exact: true }).click();
  await keypad.getByRole('button', { name: 'Log in' }).click();
  const menu = page.getByRole('navigation', { name: 'Menu' });
  // The menu grows with features: check the till tiles are there in English, in this order.
  await expect(menu.getByRole('button', { name: /^Log out/ })).toBeVisible();
  await expect(menu.getByRole('button', { name: /^Open till/ })).toBeVisible();
  const labels = await menu.getByRole('button').allTextContents();
  const order = [/^Open till/, /^Cash in\/out/, /^Close till/, /^Settlement report/, /^Settings/, /^Support/, /^Log out/]
    .map((re) => labels.findIndex((l) => re.test(l)));
  expect(order.every((i) => i >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(labels.join(' ')).not.toMatch(/[ぁ-んァ-ン]/);
  await shot(page, 'english-01-home');
  await menu.getByRole('button', { name: /^Settings/ }).click();
  await expect(page.getByText('Store name')).toBeVisible();
  await shot(page, 'english-02-settings');
});
