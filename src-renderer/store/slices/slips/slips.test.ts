import { describe, expect, it } from 'vitest';
import { slipDetail, slipRow, terminalPayment } from '../../testing/checkout-fixtures.ts';
import { till } from '../../testing/fixtures.ts';
import { testStore } from '../../testing/fake-transport.ts';
import { slipNoQuery, slipsSelectors } from './selectors.ts';

describe('slips slice', () => {
  it('a print that fails before the checkout answer arrives still shows as failed (event first)', () => {
    const { store } = testStore({});
    store.getState().internal_applyReceiptPrinted({ slipId: 'slip-9', slipNo: '1012600000009', partNo: 1, document: 'receipt', ok: false, message: 'プリンターに接続できません。' });
    store.getState().internal_setPrint('slip-9', 1, { status: 'queued', message: null });
    expect(store.getState().printOutcome).toMatchObject({ status: 'failed', message: 'プリンターに接続できません。', slipId: 'slip-9' });
  });

  it('searches by the last digits and opens a slip with its USEN PAY history (U13)', async () => {
    const { store, fake } = testStore({
      'slips.list': () => ({ rows: [slipRow()], total: 1 }),
      'slips.get': () => slipDetail(),
      'terminal.payments': () => [terminalPayment({ state: 'done', slipId: 'slip-1', orderCode: 'TSU3-0003377' })],
    });
    await store.getState().searchSlips({ slipNo: slipNoQuery('No.0001') });
    expect(fake.callsOf('slips.list')[0]?.input).toEqual({ slipNo: '0001', limit: 50, offset: 0 });
    expect(slipsSelectors.total(store.getState())).toBe(1);
    await store.getState().openSlip('slip-1');
    expect(slipsSelectors.detail(store.getState())?.slipNo).toBe('1012600000001');
    expect(slipsSelectors.terminal(store.getState())[0]?.orderCode).toBe('TSU3-0003377');
  });

  it('cancels with a reason and shows what must be fixed by hand (P9)', async () => {
    const warning = { code: 'P9', message: '予約サイトポイントを利用した伝票を取消しました。予約サイトで利用ポイントを手動で戻してください。' };
    const { store, fake } = testStore({
      'slips.list': () => ({ rows: [], total: 0 }), 'slips.get': () => slipDetail(), 'terminal.payments': () => [], 'till.status': () => till(),
      'slips.cancel': () => ({ slip: slipDetail({ status: 'cancelled' }), returnDocument: false, warnings: [warning], print: { status: 'skipped', message: null } }),
    });
    await store.getState().openSlip('slip-1');
    expect(await store.getState().cancelSlip('slip-1', '誤入力', false)).not.toBeNull();
    expect(fake.callsOf('slips.cancel')[0]?.input).toEqual({ slipId: 'slip-1', reason: '誤入力', returnDocument: false });
    expect(slipsSelectors.detail(store.getState())?.status).toBe('cancelled');
    expect(slipsSelectors.notices(store.getState())).toEqual([warning]);
  });

  it('refuses an empty reason before calling the core', async () => {
    const { store, fake } = testStore({ 'slips.cancel': () => ({ error: { code: 'X', message: 'x' } }) });
    expect(await store.getState().cancelSlip('slip-1', ' ', false)).toBeNull();
    expect(fake.callsOf('slips.cancel')).toHaveLength(0);
    expect(store.getState().toasts[0]?.text).toContain('取消理由を入力してください');
  });

  it('shows the printer\'s outcome: queued after the commit, failed from the event, and a reprint', async () => {
    const { store, fake } = testStore({
      'receipts.print': () => ({ status: 'printed', message: null, reprint: true }),
      'receipts.preview': () => ({ format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"/>', reprint: true, warnings: [] }),
    });
    store.getState().internal_setPrint('slip-1', 1, { status: 'queued', message: null });
    store.getState().internal_applyReceiptPrinted({ slipId: 'slip-1', slipNo: '1012600000001', partNo: 1, document: 'receipt', ok: false, message: '用紙切れです。' });
    expect(slipsSelectors.printOutcome(store.getState())).toMatchObject({ status: 'failed', message: '用紙切れです。' });
    await store.getState().previewReceipt({ slipId: 'slip-1', partNo: 1, document: 'receipt' });
    expect(await store.getState().printReceipt({ slipId: 'slip-1', partNo: 1, document: 'receipt' })).toMatchObject({ status: 'printed', reprint: true });
    expect(fake.callsOf('receipts.preview')).toHaveLength(2);
  });

  it('re-reads the list and the open slip on slips.changed', async () => {
    const { store, fake } = testStore({ 'slips.list': () => ({ rows: [slipRow()], total: 1 }), 'slips.get': () => slipDetail(), 'terminal.payments': () => [] });
    await store.getState().searchSlips({});
    await store.getState().openSlip('slip-1');
    store.getState().internal_applySlipsChanged({ slipId: 'slip-1', slipNo: '1012600000001', status: 'cancelled', visitIds: ['visit-1'] });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.callsOf('slips.list')).toHaveLength(2);
    expect(fake.callsOf('slips.get')).toHaveLength(2);
  });
});
