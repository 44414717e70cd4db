import { login, openApp, shot } from '../fixtures.ts';
import { tile } from '../helpers.ts';
import { eventually, expect, openFloor, tableTile, test } from './fixtures.ts';

test('R3: a reservation added on the ledger appears on an open 予約確認 without 🔄; a ledger outage shows the age without 🔄 too', async ({ page, ledger }) => {
  await openFloor(page);
  await page.getByRole('button', { name: '予約確認' }).click();
  await expect(page.getByTestId('last-refresh')).toContainText('最終更新');
  await ledger.addReservation({ minutes: 120, party: 6, guestName: 'USEN 送別会', seatName: '203', storeMemo: '会社の送別会' });
  const started = Date.now();
  // The station pulls every 3 s and pushes reservations.changed: no tap on 更新.
  await expect(page.getByTestId('reservation-row').filter({ hasText: 'USEN 送別会' })).toBeVisible({ timeout: 6_000 });
  expect(Date.now() - started).toBeLessThan(6_000);
  await shot(page, 'floor-live-01-new-reservation');
  // Offline without 🔄 either: the station's failing pull is pushed (sync.changed), the list stays with its age.
  await ledger.control('POST', '/faults', { kind: 'down', mode: 'refused' });
  await expect(page.getByTestId('offline-age')).toContainText('テーブル情報連携時にネットワークエラーが発生しました。', { timeout: 6_000 });
  await expect(page.getByTestId('reservation-row').filter({ hasText: 'USEN 送別会' })).toBeVisible();
  await ledger.control('DELETE', '/faults');
  await expect(page.getByTestId('offline-age')).toBeHidden({ timeout: 6_000 });
  // And the 2F tile of the designated table shows it too.
  await page.getByRole('button', { name: /戻る/ }).click();
  await page.getByRole('tab', { name: '2F' }).click();
  await expect(tableTile(page, '203')).toHaveAttribute('data-status', 'reserved');
});

test('two registers seat the same reservation at once: one wins, the other is told why', async ({ browser, station, ledger }) => {
  const r = await ledger.addReservation({ minutes: 40, party: 4, guestName: '伊藤 誠', seatName: 'T3' });
  await ledger.pull();
  const [a, b] = await Promise.all([browser.newContext({ baseURL: station.url }), browser.newContext({ baseURL: station.url })]);
  try {
    const [pa, pb] = await Promise.all([a.newPage(), b.newPage()]);
    await Promise.all([openFloor(pa), (async () => {
      await openApp(pb);
      await login(pb, '鈴木 一郎', '2222');
      await tile(pb, 'テーブル一覧');
    })()]);
    for (const [p, table] of [[pa, 'T3'], [pb, 'T4']] as const) {
      await p.getByRole('button', { name: '予約確認' }).click();
      await p.getByTestId('reservation-row').filter({ hasText: '伊藤 誠' }).getByRole('button', { name: '配席' }).click();
      await p.getByTestId('table-pick').locator(`[data-table="${table}"]`).click();
      await expect(p.getByTestId('seat-dialog').getByTestId('party-display')).toContainText('4');
    }
    // Both press 配席のみ together.
    await Promise.all([pa, pb].map((p) => p.getByTestId('seat-dialog').getByRole('button', { name: '配席のみ' }).click()));
    const won = async (p: typeof pa) => p.getByRole('heading', { name: 'テーブル一覧' }).isVisible();
    await expect.poll(async () => (await won(pa)) || (await won(pb))).toBe(true);
    const [winner, loser] = (await won(pa)) ? [pa, pb] : [pb, pa];
    await expect(loser.getByRole('alert').filter({ hasText: /配席されています/ })).toBeVisible();
    // The loser's dialog closes and the list shows the reservation 配席済み without reloading.
    await expect(loser.getByTestId('seat-dialog')).toBeHidden();
    await shot(loser, 'floor-race-01-loser');
    await expect(loser.getByTestId('reservation-row').filter({ hasText: '伊藤 誠' })).toHaveAttribute('data-status', 'seated');
    await expect(winner.locator('.tile[data-status="occupied"]')).toContainText('伊藤 誠');
    await shot(winner, 'floor-race-02-winner');
    await eventually(() => ledger.reservation(r.id), (x) => x.status === '来店済み');
    expect((await ledger.visits()).filter((v) => v.reservationId === r.id)).toHaveLength(1);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});
