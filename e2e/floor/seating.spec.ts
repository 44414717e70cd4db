import { shot } from '../fixtures.ts';
import { checkTouchLayout } from '../helpers.ts';
import { eventually, expect, openFloor, seatWalkIn, tableTile, test, typeKeys } from './fixtures.ts';

test('S1: a reservation seated from 予約確認 shows its name on the tile, turns 配席済み and 来店済み in the ledger; R7: a ledger block is a ブロック row', async ({ page, ledger }) => {
  const r = await ledger.addReservation({ minutes: 60, party: 4, guestName: 'ですとさいとう', seatName: 'T3', courseName: '季節の会席コース',
    storeMemo: '常連様。奥の席希望', guestRequest: 'アレルギー：えび・かに', remarks: '記念日' });
  await ledger.addReservation({ minutes: 90, party: 2, guestName: 'サイトウ' });
  await ledger.addBlock({ minutes: 0, seatName: 'T8', durationMin: 120, reason: '設備点検' });
  await ledger.pull();
  await openFloor(page);
  await expect(tableTile(page, 'T3')).toHaveAttribute('data-status', 'reserved');
  await expect(tableTile(page, 'T3')).toContainText('ですとさいとう');
  await expect(tableTile(page, 'T8')).toHaveAttribute('data-status', 'blocked'); // T4, the same block as the row below
  await checkTouchLayout(page);
  await shot(page, 'floor-s1-01-table-list');

  // R1: 予約確認 at the bottom right of the table list.
  await page.getByRole('button', { name: '予約確認' }).click();
  const row = page.getByTestId('reservation-row').filter({ hasText: 'ですとさいとう' });
  await expect(row).toContainText('配席待ち');
  await expect(row).toContainText('T3');
  await expect(page.getByTestId('reservation-row').filter({ hasText: 'サイトウ' }).first()).toContainText('なし');
  await expect(page.getByTestId('last-refresh')).toContainText('最終更新');
  await row.getByRole('button', { name: '詳細' }).click();
  await expect(row).toContainText('季節の会席コース');
  await expect(row).toContainText('アレルギー：えび・かに');
  await checkTouchLayout(page);
  await shot(page, 'floor-s1-02-reservations');
  // R7: the block reads like a reservation on its table, with its time range; it cannot be seated.
  const block = page.locator('[data-testid="reservation-row"][data-kind="block"]');
  await expect(block).toHaveCount(1);
  await expect(block).toContainText('ブロック');
  await expect(block).toContainText('T8');
  await expect(block).toContainText('まで');
  await expect(block.getByRole('button', { name: '配席' })).toHaveCount(0);
  await block.getByRole('button', { name: '詳細' }).click();
  await expect(block).toContainText('設備点検');
  await expect(block.getByRole('button', { name: '予約変更' })).toHaveCount(0);
  await block.scrollIntoViewIfNeeded();
  await shot(page, 'floor-r7-01-block-row');

  // 配席 → the free tables, the designated one first and never a waiting table (S10) → guest details → 配席のみ.
  await row.getByRole('button', { name: '配席' }).click();
  const picker = page.getByTestId('table-pick');
  await expect(picker.locator('.pick-table').first()).toHaveAttribute('data-table', 'T3');
  await expect(picker.locator('.pick-table').first()).toContainText('指定席');
  await expect(picker.locator('[data-table="待機1"]')).toHaveCount(0);
  await shot(page, 'floor-s1-03-pick-table');
  await picker.locator('[data-table="T3"]').click();
  const seat = page.getByTestId('seat-dialog');
  await expect(seat.getByTestId('party-display')).toContainText('4');
  await shot(page, 'floor-s1-04-guest-details');
  await seat.getByRole('button', { name: '配席のみ' }).click();

  // As in the manual: back on the table list, the tile shows the guest's name.
  await expect(page.getByRole('heading', { name: 'テーブル一覧' })).toBeVisible();
  await expect(tableTile(page, 'T3')).toHaveAttribute('data-status', 'occupied');
  await expect(tableTile(page, 'T3')).toContainText('ですとさいとう');
  await expect(tableTile(page, 'T3')).toContainText('4名');
  await shot(page, 'floor-s1-05-seated-tile');
  // The same screens on a 1920×1080 register: tiles and the R6 list view.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await checkTouchLayout(page);
  await shot(page, 'floor-s1-05b-table-list-1920');
  await page.getByRole('group', { name: '表示' }).getByRole('button', { name: 'リスト' }).click();
  await expect(page.getByTestId('floor-list')).toContainText('サイトウ');
  await expect(page.getByTestId('floor-list')).toContainText('ですとさいとう');
  // R6: the seated reservation shows its time (予約 HH:MM) and the total before tax; R7: the block is listed too.
  await expect(page.getByTestId('floor-list').locator('tr.is-occupied').filter({ hasText: 'ですとさいとう' })).toContainText(/予約 \d\d:\d\d/);
  await expect(page.getByTestId('floor-list').locator('thead')).toContainText('合計金額（税別）');
  await expect(page.getByTestId('floor-list').locator('tr.is-blocked')).toContainText('T8');
  await shot(page, 'floor-s1-05c-list-1920');
  await page.getByRole('group', { name: '表示' }).getByRole('button', { name: 'タイル' }).click();
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByRole('button', { name: '予約確認' }).click();
  const seatedRow = page.getByTestId('reservation-row').filter({ hasText: 'ですとさいとう' });
  await expect(seatedRow).toHaveAttribute('data-status', 'seated');
  await expect(seatedRow).toContainText('配席済み');
  await expect(seatedRow.getByRole('button', { name: '配席' })).toHaveCount(0);
  await shot(page, 'floor-s1-06-seated-row');

  const line = await eventually(() => ledger.reservation(r.id), (x) => x.status === '来店済み');
  expect(line.table?.seatName).toBe('T3');
});

test('S7: a walk-in at a table held for a reservation asks first, then shows ▲ ウォークイン', async ({ page, ledger }) => {
  await ledger.addReservation({ minutes: 150, party: 4, guestName: '高橋 一郎', seatName: 'T2' });
  await ledger.pull();
  await openFloor(page);
  await expect(tableTile(page, 'T2')).toHaveAttribute('data-status', 'reserved');
  await tableTile(page, 'T2').click();
  await typeKeys(page, '人数のテンキー', '2');
  await page.getByTestId('seat-dialog').getByRole('button', { name: '配席のみ' }).click();
  const question = page.getByRole('dialog', { name: '予約指定席への配席' });
  await expect(question).toContainText('「高橋 一郎」様の予約（4名）');
  await shot(page, 'floor-s7-01-confirm');
  await question.getByRole('button', { name: 'ウォークインとして配席' }).click();
  await expect(tableTile(page, 'T2')).toHaveAttribute('data-status', 'occupied');
  await expect(tableTile(page, 'T2')).toContainText('▲');
  await expect(tableTile(page, 'T2')).toContainText('ウォークイン');
  await shot(page, 'floor-s7-02-marked');
});

test('S9 walk-in, S13 party change and S12 visit cancel (the reservation goes back to 来店前)', async ({ page, ledger }) => {
  const r = await ledger.addReservation({ minutes: 30, party: 3, guestName: '田中 美咲', seatName: 'T5' });
  await ledger.pull();
  await openFloor(page);

  // S9: tap a free table, party on the keypad, 配席のみ → ウォークイン.
  await seatWalkIn(page, 'T4', 3);
  await expect(tableTile(page, 'T4')).toContainText('ウォークイン');
  await expect(tableTile(page, 'T4')).toContainText('3名');
  await shot(page, 'floor-s9-01-walk-in');
  await eventually(() => ledger.lineAt('T4'), (l) => l?.kind === 'walk_in' && l.status === '来店済み');

  // S13: 人数変更 from the table menu.
  await tableTile(page, 'T4').click();
  await page.getByTestId('table-menu').getByRole('button', { name: '人数変更' }).click();
  await typeKeys(page, '人数のテンキー', '5');
  await page.getByRole('group', { name: '人数のテンキー' }).getByRole('button', { name: '変更する' }).click();
  await expect(tableTile(page, 'T4')).toContainText('5名');
  await eventually(() => ledger.lineAt('T4'), (l) => l?.party === 5);

  // The guest of the 予約 tile arrives: seat that reservation from the tile (S1) …
  await tableTile(page, 'T5').click();
  await page.getByTestId('seat-dialog').getByRole('button', { name: '「田中 美咲」様の予約を配席' }).click();
  await expect(page.getByTestId('seat-dialog')).toContainText('田中 美咲 様 3名');
  await page.getByTestId('seat-dialog').getByRole('button', { name: '配席のみ' }).click();
  await eventually(() => ledger.reservation(r.id), (x) => x.status === '来店済み');
  // … S12: 来店取消 → free again, 来店前 in the ledger.
  await expect(tableTile(page, 'T5')).toContainText('田中 美咲');
  await tableTile(page, 'T5').click();
  await page.getByTestId('table-menu').getByRole('button', { name: '来店取消' }).click();
  const confirm = page.getByRole('dialog', { name: '来店取消しますか？' });
  await shot(page, 'floor-s12-01-confirm');
  await confirm.getByRole('button', { name: '来店取消する' }).click();
  await expect(tableTile(page, 'T5')).not.toHaveAttribute('data-status', 'occupied');
  await eventually(() => ledger.reservation(r.id), (x) => x.status === '来店前');

  // 登録 = seat and go to the order screen of that visit.
  await tableTile(page, 'T6').click();
  await typeKeys(page, '人数のテンキー', '2');
  await page.getByTestId('seat-dialog').getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('heading', { name: /^注文/ })).toContainText('T6');
});

test('S10: waiting tables are not offered for a reservation, and the station refuses one there', async ({ page, ledger, asManager }) => {
  const r = await ledger.addReservation({ minutes: 45, party: 2, guestName: '渡辺 優' });
  await ledger.pull();
  await openFloor(page);
  await page.getByRole('button', { name: '予約確認' }).click();
  await page.getByTestId('reservation-row').filter({ hasText: '渡辺 優' }).getByRole('button', { name: '配席' }).click();
  const picker = page.getByTestId('table-pick');
  await expect(picker.locator('[data-table="T1"]')).toBeVisible();
  await expect(picker.locator('[data-table="待機1"], [data-table="待機2"]')).toHaveCount(0);
  await shot(page, 'floor-s10-01-no-waiting-tables');

  const rows = await asManager<{ rows: Array<{ id: string; remoteId: string }> }>('reservations.list');
  const local = rows.rows.find((x) => x.remoteId === r.id)!;
  await expect(asManager('seating.seat', { tableId: 'floor-1-W1', reservationId: local.id, party: 2 }))
    .rejects.toThrow('待機テーブルは予約台帳に連携されないため、予約を配席できません。');
  // A walk-in may still wait there: the waiting table seats it locally, never in the ledger.
  await page.getByTestId('table-pick').getByRole('button', { name: '閉じる' }).click();
  await page.getByRole('button', { name: /戻る/ }).click();
  await seatWalkIn(page, '待機1', 2);
  await expect(tableTile(page, '待機1')).toHaveAttribute('data-status', 'occupied');
  await expect(page.getByTestId('floor-warnings')).toContainText('マッピング設定がないため');
  await shot(page, 'floor-s10-02-waiting-walk-in');

  // S13 before seating: designate T8 and change the party in 予約確認; the ledger follows.
  await page.getByRole('button', { name: '予約確認' }).click();
  const row = page.getByTestId('reservation-row').filter({ hasText: '渡辺 優' });
  await row.getByRole('button', { name: '詳細' }).click();
  await row.getByRole('button', { name: '予約変更' }).click();
  const edit = page.getByTestId('reservation-edit');
  await edit.getByRole('combobox', { name: 'テーブル' }).selectOption({ label: '1F T8' });
  await typeKeys(page, '人数のテンキー', '3');
  await shot(page, 'floor-s13-01-reservation-edit');
  await edit.getByRole('button', { name: '変更する' }).click();
  await expect(row).toContainText('T8');
  await expect(row).toContainText('3名');
  await eventually(() => ledger.reservation(r.id), (x) => x.party === 3 && x.table?.seatName === 'T8');
});
