import { login, openApp, shot } from '../fixtures.ts';
import { checkTouchLayout, tile } from '../helpers.ts';
import { expect, openFloor, seatWalkIn, tableTile, test, typeKeys } from './fixtures.ts';

test('the sync badge counts up while the ledger is down and is back to 0 after it returns', async ({ page, ledger }) => {
  await ledger.addReservation({ minutes: 90, party: 2, guestName: 'れじ' });
  await ledger.pull();
  await openFloor(page);
  const badge = page.getByTestId('sync-badge');
  await expect(badge).toHaveAttribute('data-unsent', '0');
  await ledger.control('POST', '/faults', { kind: 'down', mode: 'refused' });
  await seatWalkIn(page, 'T1', 2);
  await expect(badge).toHaveAttribute('data-unsent', '1');
  await seatWalkIn(page, 'T2', 3);
  await expect(badge).toHaveAttribute('data-unsent', '2');
  await expect(badge).toHaveClass(/is-sending/);
  await expect(tableTile(page, 'T1').getByTestId('tile-unsent')).toBeVisible();
  await shot(page, 'floor-sync-01-badge-unsent');

  // 予約確認 offline: the last list with its age.
  await page.getByRole('button', { name: '予約確認' }).click();
  await page.getByRole('button', { name: '更新' }).click();
  await expect(page.getByTestId('offline-age')).toContainText(/分(以内|前)の情報です/);
  await expect(page.getByTestId('reservation-row').filter({ hasText: 'れじ' })).toBeVisible();
  await shot(page, 'floor-sync-02-reservations-offline');

  // The queue: each change with its state, attempts and cause.
  await badge.click();
  await expect(page.getByRole('heading', { name: '送信状況' })).toBeVisible();
  const rows = page.getByTestId('queue-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('送信待ち');
  await expect(rows.first()).toContainText(/配席 T2 3名/);
  // The relay has tried (the breaker may hold later ones back): the cause in the manual's words.
  await expect(rows.filter({ hasText: '原因' }).first()).toContainText('テーブル情報連携時にネットワークエラーが発生しました。', { timeout: 10_000 });
  await checkTouchLayout(page);
  await shot(page, 'floor-sync-03-queue-down');

  // 再送 queues a change again at once (it fails again while the ledger is down) …
  await rows.first().getByRole('button', { name: '再送' }).click();
  await expect(page.getByRole('status').filter({ hasText: '再送します' })).toBeVisible();
  // … and once the ledger returns the relay sends everything by itself.
  await ledger.control('DELETE', '/faults');
  await expect(badge).toHaveAttribute('data-unsent', '0', { timeout: 15_000 });
  await expect(badge).toHaveClass(/is-ok/);
  await expect(page.getByText('未完了の変更はありません')).toBeVisible();
  await page.getByRole('group', { name: '表示' }).getByRole('button', { name: 'すべて' }).click();
  await expect(page.getByTestId('queue-row').filter({ hasText: '送信済み' })).toHaveCount(2);
  await shot(page, 'floor-sync-04-queue-sent');
  await page.getByRole('button', { name: /戻る/ }).click();
  await tile(page, 'テーブル一覧');
  await expect(tableTile(page, 'T1').getByTestId('tile-unsent')).toHaveCount(0);
});

test('a change the ledger refuses is 要対応 with the manual\'s words; a manager marks it 手動対応済み', async ({ page, ledger }) => {
  // A walk-in at T2 while the ledger holds T2 for a reservation in 30 minutes: the ledger refuses (S11).
  await ledger.addReservation({ minutes: 30, party: 4, guestName: '佐藤 健', seatName: 'T2' });
  await ledger.pull();
  await openApp(page);
  await login(page, '山田 店長', '1234');
  await tile(page, 'テーブル一覧');
  await tableTile(page, 'T2').click();
  await typeKeys(page, '人数のテンキー', '2');
  await page.getByTestId('seat-dialog').getByRole('button', { name: '配席のみ' }).click();
  await page.getByRole('dialog', { name: '予約指定席への配席' }).getByRole('button', { name: 'ウォークインとして配席' }).click();
  const badge = page.getByTestId('sync-badge');
  await expect(badge).toHaveAttribute('data-parked', '1', { timeout: 15_000 });
  await expect(badge).toHaveClass(/is-parked/);
  await expect(badge).toContainText('要対応 1');
  await badge.click();
  const row = page.getByTestId('queue-row').filter({ hasText: '要対応' });
  await expect(row).toContainText('別の予約が存在します。USEN SMART RESERVE画面を確認してください。');
  await shot(page, 'floor-sync-05-parked');
  await row.getByRole('button', { name: '手動対応済み' }).click();
  const dialog = page.getByTestId('resolve-dialog');
  await dialog.getByRole('textbox', { name: '対応内容' }).fill('予約台帳でウォークインを登録済み');
  await shot(page, 'floor-sync-06-resolve');
  await dialog.getByRole('button', { name: '手動対応済みにする' }).click();
  await expect(badge).toHaveAttribute('data-parked', '0');
  await page.getByRole('group', { name: '表示' }).getByRole('button', { name: 'すべて' }).click();
  await expect(page.getByTestId('queue-row').filter({ hasText: '手動対応済み' })).toContainText('山田 店長: 予約台帳でウォークインを登録済み');
});
