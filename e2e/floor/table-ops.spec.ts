import { shot } from '../fixtures.ts';
import { eventually, expect, openFloor, seatWalkIn, tableTile, test, typeKeys } from './fixtures.ts';

test('T2: a walk-in moves to a free table, in the ledger too; T4 block and T5 reset stay on the register', async ({ page, ledger, asManager }) => {
  await asManager('settings.update', { tableResetEnabled: true });
  await openFloor(page);
  await seatWalkIn(page, 'T4', 2);
  await eventually(() => ledger.lineAt('T4'), (l) => l?.status === '来店済み');
  await tableTile(page, 'T4').click();
  await page.getByTestId('table-menu').getByRole('button', { name: 'テーブル移動' }).click();
  await expect(page.getByTestId('pick-bar')).toContainText('T4の移動先を選んでください');
  await expect(tableTile(page, 'T4')).toBeDisabled();
  await shot(page, 'floor-t2-01-pick');
  await tableTile(page, 'T6').click();
  await page.getByRole('dialog', { name: 'T4からT6へ移動しますか？' }).getByRole('button', { name: '移動する' }).click();
  await expect(tableTile(page, 'T6')).toHaveAttribute('data-status', 'occupied');
  await expect(tableTile(page, 'T4')).toHaveAttribute('data-status', 'free');
  await expect(page.getByTestId('pick-bar')).toBeHidden();
  await shot(page, 'floor-t2-02-moved');
  await eventually(() => ledger.lineAt('T6'), (l) => l?.kind === 'walk_in' && l.status === '来店済み');
  expect(await ledger.lineAt('T4')).toBeUndefined();

  // T4 / T5 (reset enabled in settings): from a free table's dialog, and released from the tile.
  await tableTile(page, 'T11').click();
  await page.getByTestId('seat-dialog').getByRole('button', { name: 'テーブルブロック' }).click();
  await expect(tableTile(page, 'T11')).toHaveAttribute('data-status', 'blocked');
  await tableTile(page, 'T12').click();
  await page.getByTestId('seat-dialog').getByRole('button', { name: 'テーブルリセット' }).click();
  await expect(tableTile(page, 'T12')).toHaveAttribute('data-status', 'reset');
  await shot(page, 'floor-t4-01-block-reset');
  await tableTile(page, 'T11').click();
  await page.getByRole('dialog', { name: 'T11 ブロック中' }).getByRole('button', { name: 'ブロック解除' }).click();
  await expect(tableTile(page, 'T11')).toHaveAttribute('data-status', 'free');
  await tableTile(page, 'T12').click();
  await page.getByRole('dialog', { name: 'T12 リセット中' }).getByRole('button', { name: 'リセット解除' }).click();
  await expect(tableTile(page, 'T12')).toHaveAttribute('data-status', 'free');
});

test('T1: merging a table into another frees the source; the ledger shows the source 退店済み', async ({ page, ledger }) => {
  await openFloor(page);
  await seatWalkIn(page, 'T7', 2);
  await seatWalkIn(page, 'T8', 3);
  await eventually(() => ledger.lineAt('T8'), (l) => l?.status === '来店済み');
  await eventually(() => ledger.lineAt('T7'), (l) => l?.status === '来店済み');
  await tableTile(page, 'T7').click();
  await page.getByTestId('table-menu').getByRole('button', { name: 'テーブル統合' }).click();
  await expect(page.getByTestId('pick-bar')).toContainText('T7の統合先を選んでください');
  // Only tables with guests can be the destination.
  await expect(tableTile(page, 'T1')).toBeDisabled();
  await tableTile(page, 'T8').click();
  const confirm = page.getByRole('dialog', { name: 'T7をT8に統合しますか？' });
  await expect(confirm).toContainText('統合先（T8）のお客様情報が残り');
  await shot(page, 'floor-t1-01-confirm');
  await confirm.getByRole('button', { name: '統合する' }).click();
  await expect(tableTile(page, 'T7')).toHaveAttribute('data-status', 'free');
  await expect(tableTile(page, 'T8')).toContainText('5名');
  await shot(page, 'floor-t1-02-merged');
  await eventually(() => ledger.lineAt('T7'), (l) => l?.status === '退店済み');
  await eventually(() => ledger.lineAt('T8'), (l) => l?.status === '来店済み' && l.party === 5);
});

test('T6: two free tables grouped, a walk-in party split on the ledger, ungrouped → 1', async ({ page, ledger }) => {
  await openFloor(page);
  // Group before seating: T9 → テーブルグループ → T10 → 代表 T9.
  await tableTile(page, 'T9').click();
  await page.getByTestId('seat-dialog').getByRole('button', { name: 'テーブルグループ' }).click();
  await expect(page.getByTestId('pick-bar')).toContainText('1卓選択中');
  await tableTile(page, 'T10').click();
  await expect(page.getByTestId('pick-bar')).toContainText('2卓選択中');
  await shot(page, 'floor-t6-01-pick');
  await page.getByTestId('pick-bar').getByRole('button', { name: '代表を選ぶ' }).click();
  const dialog = page.getByTestId('group-dialog');
  await dialog.getByRole('radio', { name: /T9/ }).click();
  await dialog.getByRole('button', { name: 'グループにする' }).click();
  await expect(tableTile(page, 'T9').getByTestId('group-badge')).toHaveText('G1 代表');
  await expect(tableTile(page, 'T10').getByTestId('group-badge')).toHaveText('G1');

  // Seating the representative seats the group: 5 guests → 3 + 2 in the ledger.
  await tableTile(page, 'T9').click();
  await expect(page.getByTestId('seat-dialog')).toContainText('グループ T9・T10 にまとめて配席します');
  await typeKeys(page, '人数のテンキー', '5');
  await page.getByTestId('seat-dialog').getByRole('button', { name: '配席のみ' }).click();
  await expect(tableTile(page, 'T10')).toHaveAttribute('data-status', 'occupied');
  await shot(page, 'floor-t6-02-grouped');
  await eventually(() => ledger.lineAt('T10'), (l) => l?.status === '来店済み' && l.party === 2);
  expect((await ledger.lineAt('T9'))?.party).toBe(3);

  // グループ解除: the other table keeps a party of 1, in the ledger too.
  await tableTile(page, 'T10').click();
  await page.getByTestId('table-menu').getByRole('button', { name: 'グループ解除' }).click();
  await page.getByRole('dialog', { name: 'グループを解除しますか？' }).getByRole('button', { name: '解除する' }).click();
  await expect(tableTile(page, 'T10').getByTestId('group-badge')).toHaveCount(0);
  await expect(tableTile(page, 'T10')).toContainText('1名');
  await eventually(() => ledger.lineAt('T10'), (l) => l?.party === 1);
  await shot(page, 'floor-t6-03-ungrouped');
});
