import { describe, expect, it } from 'vitest';
import { countsTotal } from '../../../../src-shared/money.ts';
import { cashier, cashMoved, status, till } from '../../testing/fixtures.ts';
import { testStore } from '../../testing/fake-transport.ts';
import { differenceKind, tillSelectors } from './selectors.ts';

const loggedIn = async (handlers: Parameters<typeof testStore>[0]) => {
  const t = testStore({ 'auth.login': () => ({ sessionId: 's', staff: cashier }), 'system.status': () => status(), ...handlers });
  await t.store.getState().loadStatus();
  await t.store.getState().login(cashier.id, '1111');
  return t;
};

describe('till slice', () => {
  it('opens the till by denomination and marks the header open', async () => {
    const counts = { '10000': 1, '1000': 20 };
    const { store, fake } = await loggedIn({
      'till.status': () => null,
      'till.open': (input: { counts: Record<string, number> }) => till({ openingFloat: countsTotal(input.counts), expectedCash: 30000 }),
    });
    expect(tillSelectors.isOpen(store.getState())).toBe(false);
    expect(await store.getState().openTill({ counts })).toBe(true);
    expect(fake.callsOf('till.open')[0]?.input).toEqual({ counts });
    expect(fake.callsOf('till.open')[0]?.commandId).toBeTruthy();
    expect(tillSelectors.isOpen(store.getState())).toBe(true);
    expect(store.getState().status?.tillOpen).toBe(true);
  });

  it('opens with a total', async () => {
    const { store, fake } = await loggedIn({ 'till.status': () => null, 'till.open': () => till() });
    await store.getState().openTill({ total: 30000 });
    expect(fake.callsOf('till.open')[0]?.input).toEqual({ total: 30000 });
  });

  it('records cash in and returns the new expected cash', async () => {
    const { store } = await loggedIn({
      'till.status': () => till(),
      'till.cashMove': (i: { amount: number }) => cashMoved('in', i.amount),
    });
    const after = await store.getState().cashMove('in', 5000, '釣銭補充');
    expect(after?.expectedCash).toBe(35000);
    expect(tillSelectors.expectedCash(store.getState())).toBe(35000);
    expect(store.getState().till).toMatchObject({ cashIn: 5000, movements: [{ id: 'move-in-5000', amount: 5000 }] });
  });

  it('adds a movement announced by another register once, to the till and its open report (till.moved)', async () => {
    const { store } = await loggedIn({ 'till.status': () => till(), 'till.history': () => [], 'till.report': () => till() });
    await store.getState().loadReport();
    const moved = { ...cashMoved('out', 1200), cashIn: 5000, expectedCash: 33800 };
    store.getState().internal_applyTillMoved(moved);
    store.getState().internal_applyTillMoved(moved); // the answer and the event carry the same movement
    for (const t of [store.getState().till, tillSelectors.report(store.getState())]) {
      expect(t).toMatchObject({ cashIn: 5000, cashOut: 1200, expectedCash: 33800 });
      expect(t?.movements.map((m) => m.id)).toEqual(['move-out-1200']);
    }
  });

  it('reads the whole till when a movement arrives for a till it has not loaded', async () => {
    let open = false;
    const { store, fake } = await loggedIn({ 'till.status': () => (open ? till({ cashIn: 700, expectedCash: 30700 }) : null) });
    open = true;
    store.getState().internal_applyTillMoved(cashMoved('in', 700));
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.callsOf('till.status').length).toBeGreaterThan(1);
    expect(tillSelectors.expectedCash(store.getState())).toBe(30700);
  });

  it('rejects an empty reason before calling the core, with a Japanese toast', async () => {
    const { store, fake } = await loggedIn({ 'till.status': () => till(), 'till.cashMove': () => cashMoved('out', 500) });
    expect(await store.getState().cashMove('out', 500, '  ')).toBeNull();
    expect(fake.callsOf('till.cashMove')).toHaveLength(0);
    expect(store.getState().toasts[0]?.text).toContain('理由を入力してください');
  });

  it('shows the core message when cash out exceeds the till', async () => {
    const { store } = await loggedIn({
      'till.status': () => till(),
      'till.cashMove': () => ({ error: { code: 'CASH_SHORT', message: 'レジ内の現金が不足しています。' } }),
    });
    expect(await store.getState().cashMove('out', 999999, '仕入れ')).toBeNull();
    expect(store.getState().toasts.map((t) => t.text)).toEqual(['レジ内の現金が不足しています。']);
    expect(store.getState().tillBusy).toBe(false);
  });

  it('closes the till and puts the report on screen', async () => {
    const closed = till({ status: 'closed', countedCash: 29900, difference: -100, closedBy: '佐藤 花子', closedAt: 2 });
    const { store } = await loggedIn({ 'till.status': () => till(), 'till.close': () => closed });
    expect(await store.getState().closeTill({ '1000': 29, '100': 9 })).toBe(true);
    expect(store.getState().till).toBeNull();
    expect(store.getState().status?.tillOpen).toBe(false);
    expect(tillSelectors.report(store.getState())?.difference).toBe(-100);
  });

  it('re-reads a just-closed report when its backup is announced', async () => {
    const closed = till({ status: 'closed', countedCash: 30000, difference: 0, closedAt: 2, closedBy: '佐藤 花子' });
    const { store, fake } = await loggedIn({
      'till.status': () => till(), 'till.close': () => closed, 'till.history': () => [],
      'till.report': () => ({ ...closed, backupFile: 'backups/close.sqlite' }),
    });
    await store.getState().closeTill({ '1000': 30 });
    store.getState().internal_applyTillChanged(null);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.callsOf('till.report')[0]?.input).toEqual({ sessionId: 'till-1' });
    expect(store.getState().report?.backupFile).toBe('backups/close.sqlite');
  });

  it('follows till.changed from other registers', async () => {
    const { store } = await loggedIn({ 'till.status': () => null });
    store.getState().internal_applyTillChanged(till({ expectedCash: 12345 }));
    expect(tillSelectors.expectedCash(store.getState())).toBe(12345);
    store.getState().internal_applyTillChanged(null);
    expect(tillSelectors.isOpen(store.getState())).toBe(false);
  });

  it('loads the latest report and the history without an error toast when there is none', async () => {
    const { store } = await loggedIn({
      'till.status': () => null,
      'till.report': () => ({ error: { code: 'NOT_FOUND', message: '対象が見つかりません。' } }),
      'till.history': () => [],
    });
    await store.getState().loadReport();
    expect(store.getState().report).toBeNull();
    expect(store.getState().toasts).toEqual([]);
  });

  it('classifies the difference', () => {
    expect(differenceKind(-100)).toBe('short');
    expect(differenceKind(50)).toBe('over');
    expect(differenceKind(0)).toBe('even');
  });
});
