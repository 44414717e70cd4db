import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MenuView, Product, Settings, SlipDetail, SlipRow, TillSummary } from '../../src-shared/contract/index.ts';
import { P, rig, T, type Rig } from '../checkout/test-rig.ts';
import { inprocRegister, type TestRegister } from '../testing/harness.ts';

describe('slips (伝票明細, 詳細, 伝票取消), return documents, menu master and invoice settings', () => {
  let reg: TestRegister;
  let r: Rig;
  beforeEach(async () => {
    reg = await inprocRegister();
    r = await rig(reg);
    await r.openTill(50_000);
  });
  afterEach(async () => { await reg.close(); });
  const list = async (q: Record<string, unknown>) => (await r.ok<{ rows: SlipRow[]; total: number }>('slips.list', q)).rows.map((x) => x.slipNo);

  it('G3: lists slips newest first and finds them by number (last digits), time, table, amount and status', async () => {
    const a = (await r.sale('T1', [{ productId: P.beer, quantity: 1 }])).result;
    const b = (await r.sale('T2', [{ productId: P.karaage, quantity: 3 }])).result;
    const c = (await r.sale('T1', [{ productId: P.oolong, quantity: 1 }])).result;
    expect(await list({})).toEqual([c.slipNo, b.slipNo, a.slipNo]);
    expect(await list({ slipNo: b.slipNo.slice(-2) })).toEqual([b.slipNo]);
    expect(await list({ slipNo: a.slipNo })).toEqual([a.slipNo]);
    expect(await list({ tableId: T('T1') })).toEqual([c.slipNo, a.slipNo]);
    expect(await list({ minAmount: 500, maxAmount: 1000 })).toEqual([a.slipNo]);
    expect(await list({ from: Date.now() + 60_000 })).toEqual([]);
    expect(await list({ status: 'cancelled' })).toEqual([]);
    const detail = await r.slip(b.slipId);
    expect(detail).toMatchObject({ slipNo: b.slipNo, tableNames: ['T2'], gross: 2940, status: 'closed', paymentKinds: ['cash'], parts: [{ partNo: 1, gross: 2940 }] });
    expect(await r.code('slips.get', { slipNo: '1019900000000' })).toBe('NOT_FOUND');
  });

  it('cancel: a reason is required; from ¥10,000 a 適格返還請求書; the refund comes out of this till; never twice', async () => {
    await r.settings({ invoice: { registrationNumber: 'T7000012050002', issuer: 'corporation' } });
    const small = (await r.sale('T3', [{ productId: P.beer, quantity: 2 }])).result;
    const big = (await r.sale('T4', [{ productId: P.karaage, quantity: 10, takeout: true }, { productId: P.beer, quantity: 2 }])).result;
    expect(await r.code('slips.cancel', { slipId: small.slipId, reason: ' ' })).toBe('VALIDATION');
    const a = await r.ok<{ returnDocument: boolean; slip: SlipDetail }>('slips.cancel', { slipId: small.slipId, reason: '打ち間違い' });
    expect([a.returnDocument, a.slip.status, a.slip.cancellation?.reason]).toEqual([false, 'cancelled', '打ち間違い']);
    expect(await r.code('receipts.preview', { slipId: small.slipId, document: 'return' })).toBe('ok');
    const b = await r.ok<{ returnDocument: boolean }>('slips.cancel', { slipId: big.slipId, reason: '返品' });
    expect(b.returnDocument).toBe(true);
    expect(await r.code('slips.cancel', { slipId: big.slipId, reason: '返品' })).toBe('ALREADY_CANCELLED');
    expect(await r.code('receipts.preview', { slipId: big.slipId })).toBe('SLIP_CANCELLED');
    const text = (await r.ok<{ data: string }>('receipts.preview', { slipId: big.slipId, document: 'return', format: 'text' })).data;
    for (const s of ['適格返還請求書', '登録番号 T7000012050002', `伝票No.${big.slipNo}`, '理由 返品', '※唐揚げ定食 ×10', '8%対象 -¥9,800 (内消費税 -¥725)', '10%対象 -¥1,160 (内消費税 -¥105)', '※は軽減税率対象商品']) {
      expect(text).toContain(s);
    }
    const till = await r.till();
    expect(till.settlement.cancelled).toMatchObject({ count: 2, gross: 1160 + 10_960 });
    expect(till.settlement.netSales.gross).toBe(0);
    expect(till.cashSales).toBe(0);
    expect(till.expectedCash).toBe(50_000);
    expect(await list({ status: 'cancelled' })).toEqual([big.slipNo, small.slipNo]);
  });

  it('cancelled slips of an earlier till are refunded from the till open now; the closed report never changes', async () => {
    const sold = (await r.sale('T5', [{ productId: P.beer, quantity: 1 }])).result;
    const first = await r.ok<TillSummary>('till.close', { counts: { '10000': 5, '500': 1, '50': 1, '10': 3 } });
    await r.openTill(10_000);
    await r.ok('slips.cancel', { slipId: sold.slipId, reason: '返金' });
    const now = await r.till();
    expect([now.cashSales, now.settlement.cancelled.count, now.settlement.sales.gross]).toEqual([-580, 1, 0]);
    // 入出金 counts the refund too (#2: its figures come without the whole summary).
    expect(await r.code('till.cashMove', { kind: 'out', amount: 9_421, reason: '両替' })).toBe('CASH_SHORT');
    expect(await r.ok('till.cashMove', { kind: 'out', amount: 420, reason: '両替' })).toMatchObject({ cashOut: 420, cashSales: -580, expectedCash: 9_000 });
    const again = await r.ok<TillSummary>('till.report', { sessionId: first.sessionId });
    expect(again.settlement).toEqual(first.settlement);
  });

  it('a visit with an unfinished split cannot be cancelled (来店取消) and 閉局 waits for its last part (C3)', async () => {
    const visitId = await r.seat('T7');
    await r.order(visitId, [{ productId: P.beer, quantity: 2 }]);
    const part = await r.pay({ visitId, split: { mode: 'equal', parts: 2 }, payments: [{ kind: 'cash', amount: 580 }] });
    expect(await r.code('slips.cancel', { slipId: part.slipId, reason: '取消' })).toBe('SPLIT_IN_PROGRESS');
    expect(await r.code('seating.cancel', { visitId })).toBe('VISIT_HAS_ORDERS');
    expect(await r.code('till.close', { counts: {} })).toBe('SPLIT_IN_PROGRESS');
    await r.pay({ visitId, split: { mode: 'equal', parts: 2 }, payments: [{ kind: 'cash', amount: 580 }] });
    const closed = await r.ok<TillSummary>('till.close', { counts: { '10000': 5, '100': 11, '10': 6 } });
    expect([closed.cashSales, closed.difference, closed.settlement.openSplits]).toEqual([1_160, 0, 0]);
  });

  it('menu master: products with tax class and price mode, inactive products cannot be ordered, segments (客層); managers only', async () => {
    expect(await r.code('menu.saveProduct', { categoryId: 'cat-food', name: '弁当', price: 540, taxClass: 'reduced' })).toBe('FORBIDDEN');
    const bento = await r.ok<Product>('menu.saveProduct', { categoryId: 'cat-food', name: '弁当', price: 540, taxClass: 'reduced' }, r.manager);
    await r.ok('menu.saveSegment', { name: '常連', sort: 10 }, r.manager);
    const menu = await r.ok<MenuView>('menu.get', {});
    expect(menu.products.find((p) => p.id === bento.id)).toMatchObject({ price: 540, taxClass: 'reduced', active: true });
    expect(menu.segments.map((s) => s.name)).toContain('常連');
    await r.ok('menu.saveProduct', { ...bento, active: false }, r.manager);
    const visitId = await r.seat('T6');
    expect(await r.code('orders.add', { visitId, lines: [{ productId: bento.id, quantity: 1 }] })).toBe('PRODUCT_INACTIVE');
    expect((await r.ok<MenuView>('menu.get', {})).products.some((p) => p.id === bento.id)).toBe(false);
  });

  it('settings: the invoice registration number is validated (check digit) and stored as printed', async () => {
    const bad = await r.raw('settings.update', { invoice: { registrationNumber: 'T8000012050002', issuer: 'corporation' } }, r.manager);
    expect(!bad.ok && bad.error.message).toContain('登録番号に誤りがあります。番号をもう一度確認してください。');
    const ok = await r.ok<Settings>('settings.update', { invoice: { registrationNumber: 'ｔ７０００－０１２０－５０００２', issuer: 'corporation' } }, r.manager);
    expect(ok.invoice.registrationNumber).toBe('T7000012050002');
    const printer = await r.raw('settings.update', { printer: { kind: 'tcp', host: '', port: 9100 } }, r.manager);
    expect(!printer.ok && printer.error.message).toContain('プリンターのアドレスを入力してください。');
  });
});
