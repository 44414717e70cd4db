import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FloorView, SlipDetail, TillSummary } from '../../src-shared/contract/index.ts';
import { inprocRegister, type TestRegister } from '../testing/harness.ts';
import { P, rig, T, type Rig } from './test-rig.ts';

describe('checkout (会計): tax per rate, payments, slip numbers, settlement', () => {
  let reg: TestRegister;
  let r: Rig;
  beforeEach(async () => {
    reg = await inprocRegister();
    r = await rig(reg);
    await r.openTill(30_000);
  });
  afterEach(async () => { await reg.close(); });

  it('the rate belongs to the line: takeout food 8 %, eat-in food and alcohol 10 %, one rounding per rate', async () => {
    const visitId = await r.seat('T1');
    const orders = await r.order(visitId, [
      { productId: P.karaage, quantity: 2 }, { productId: P.karaage, quantity: 1, takeout: true },
      { productId: P.beer, quantity: 3, takeout: true }, { productId: P.edamame, quantity: 1, note: '塩少なめ' },
    ]);
    expect(orders.lines.map((l) => [l.name, l.rate, l.takeout])).toEqual([
      ['唐揚げ定食', 10, false], ['唐揚げ定食', 8, true], ['生ビール', 10, true], ['枝豆', 10, false],
    ]);
    const q = await r.quote({ visitId });
    // 10 %: 1960 + 1740 + 380 = 4080 → tax floor(4080×10/110) = 370; 8 %: 980 → floor(980×8/108) = 72.
    expect(q.byRate).toEqual([
      { rate: 10, subtotal: 4080, slipDiscount: 0, gross: 4080, net: 3710, tax: 370 },
      { rate: 8, subtotal: 980, slipDiscount: 0, gross: 980, net: 908, tax: 72 },
    ]);
    expect([q.total, q.tax, q.canCommit, q.refusals]).toEqual([5060, 442, false, [{ code: 'UNDERPAID', message: 'お預り金額が不足しています（不足 ¥5,060）。' }]]);
    const paid = await r.pay({ visitId, payments: [{ kind: 'cash', amount: 10_000 }] });
    expect(paid).toMatchObject({ total: 5060, change: 4940, closed: true, remaining: 0, print: { status: 'none' } });
    expect(paid.slipNo).toMatch(/^101\d{2}00000001$/);
    const slip = await r.slip(paid.slipId);
    expect(slip.parts[0]!.payments).toEqual([{ kind: 'cash', label: '現金', tendered: 10_000, amount: 5060 }]);
    expect(slip.parts[0]!.lines.find((l) => l.name === '枝豆')?.note).toBe('塩少なめ');
  });

  it('tax-excluded prices and round/ceil come from settings; changing an order line re-decides its rate', async () => {
    await r.settings({ priceMode: 'exclusive', taxRounding: 'ceil' });
    const visitId = await r.seat('T2');
    const orders = await r.order(visitId, [{ productId: P.edamame, quantity: 3 }]);
    await r.ok('orders.update', { lineId: orders.lines[0]!.id, takeout: true });
    const q = await r.quote({ visitId });
    // 3 × 380 = 1140 tax-excluded at 8 % → 91.2 → ceil 92.
    expect(q.byRate).toEqual([{ rate: 8, subtotal: 1140, slipDiscount: 0, gross: 1232, net: 1140, tax: 92 }]);
  });

  it('値引 and 割引 per line and per slip; the receipt figures add up; the settlement counts them (G4)', async () => {
    const visitId = await r.seat('T3');
    const orders = await r.order(visitId, [{ productId: P.karaage, quantity: 2 }, { productId: P.edamame, quantity: 1, takeout: true }]);
    const [karaage] = orders.lines;
    const input = {
      visitId, lineDiscounts: [{ lineId: karaage!.id, discount: { kind: 'percent', percent: 10 } }], slipDiscounts: [{ kind: 'amount', yen: 100 }],
      payments: [{ kind: 'cash', amount: 5000 }], segmentId: 'seg-2', party: 3,
    };
    const q = await r.quote(input);
    // 1960 − 196 = 1764 (10 %) and 380 (8 %); ¥100 apportioned floor(100×1764/2144) = 82 → 18 to 8 %, rest 10 %.
    expect(q.lineDiscount).toBe(196);
    expect(q.byRate.map((x) => [x.rate, x.slipDiscount, x.gross])).toEqual([[10, 83, 1681], [8, 17, 363]]);
    const paid = await r.pay(input);
    expect(paid.total).toBe(2044);
    const text = (await r.ok<{ data: string }>('receipts.preview', { slipId: paid.slipId, format: 'text' })).data;
    expect(text).toContain('割引10%');
    expect(text).toContain('※枝豆（持帰）');
    const till = await r.till();
    expect(till.settlement.discounts).toEqual({ lineCount: 1, lineYen: 196, slipCount: 1, slipYen: 100 });
    expect(till.settlement.bySegment).toEqual([{ segmentId: 'seg-2', name: 'ファミリー', slips: 1, guests: 3, gross: 2044 }]);
  });

  it('G3: slip numbers are 13 digits, sequential per register, never skipped by refused checkouts', async () => {
    const a = await r.sale('T4', [{ productId: P.oolong, quantity: 1 }]);
    const visitId = await r.seat('T5');
    await r.order(visitId, [{ productId: P.oolong, quantity: 1 }]);
    expect(await r.code('checkout.commit', { visitId, payments: [{ kind: 'cash', amount: 100 }] })).toBe('UNDERPAID');
    const b = await r.pay({ visitId, payments: [{ kind: 'cash', amount: 300 }] });
    const seqs = [a.result.slipNo, b.slipNo].map((n) => Number(n.slice(5)));
    expect(seqs).toEqual([1, 2]);
    expect(b.slipNo.slice(0, 3)).toBe('101');
    const byNo = await r.ok<SlipDetail>('slips.get', { slipNo: b.slipNo });
    expect(byNo.id).toBe(b.slipId);
  });

  it('U3: up to 5 payments; その他支払 only as enabled; no change from non-cash; 決済端末 only for a settled terminal payment', async () => {
    const visitId = await r.seat('T6');
    await r.order(visitId, [{ productId: P.karaage, quantity: 3 }]); // ¥2,940
    const six = Array.from({ length: 6 }, () => ({ kind: 'cash', amount: 500 }));
    const tooMany = await r.raw('checkout.quote', { visitId, payments: six });
    expect(!tooMany.ok && tooMany.error.message).toContain('お支払いは1回の会計で5件までです。');
    const q = await r.quote({ visitId, payments: [{ kind: 'terminal', amount: 2930 }, { kind: 'sitePoints', amount: 10 }] });
    expect(q.refusals.map((x) => x.code)).toEqual(['PAYMENT_DISABLED', 'TERMINAL_MISMATCH', 'NO_POINTS']);
    expect(await r.code('checkout.commit', { visitId, payments: [{ kind: 'credit', amount: 3000 }] })).toBe('OVERPAID');
    const paid = await r.pay({ visitId, payments: [{ kind: 'credit', amount: 1000 }, { kind: 'points', amount: 440 }, { kind: 'cash', amount: 1000 }, { kind: 'cash', amount: 1000 }] });
    expect(paid.change).toBe(500);
    const slip = await r.slip(paid.slipId);
    expect(slip.parts[0]!.payments.map((p) => [p.kind, p.tendered, p.amount])).toEqual([['credit', 1000, 1000], ['points', 440, 440], ['cash', 1000, 1000], ['cash', 1000, 500]]);
    const till = await r.till();
    expect(till.cashSales).toBe(1500);
    expect(till.settlement.byPayment.map((p) => [p.label, p.group, p.amount])).toEqual([['現金', '現金', 1500], ['売掛', '掛売', 1000], ['ポイント', 'ポイント', 440]]);
  });

  it('orders: void before checkout, nothing after; the table tile shows the amount; checkout frees the table', async () => {
    const visitId = await r.seat('T7');
    const orders = await r.order(visitId, [{ productId: P.beer, quantity: 2 }, { productId: P.edamame, quantity: 1 }]);
    await r.ok('orders.void', { lineId: orders.lines[1]!.id, reason: '入力ミス' });
    expect(await r.code('orders.add', { visitId, lines: [{ productId: P.beer, quantity: -1 }] })).toBe('VALIDATION');
    const tile = async () => (await r.ok<FloorView>('floor.view', {})).floors[0]!.tables.find((t) => t.id === T('T7'))!;
    expect((await tile()).visit?.amount).toBe(1160);
    const paid = await r.pay({ visitId, payments: [{ kind: 'cash', amount: 1160 }] });
    expect((await tile()).status).toBe('free');
    expect(await r.code('orders.void', { lineId: orders.lines[0]!.id })).toBe('LINE_NOT_OPEN');
    expect(await r.code('orders.add', { visitId, lines: [{ productId: P.beer, quantity: 1 }] })).toBe('VISIT_CLOSED');
    expect((await r.slip(paid.slipId)).parts[0]!.lines.map((l) => l.name)).toEqual(['生ビール']);
  });

  it('L2: a checkout in training mode stays in the training store with its own numbers; its receipt says トレーニング', async () => {
    await r.ok('system.setMode', { training: true }, r.manager);
    const again = await rig(reg); // sessions are per store: log in again
    await again.openTill(10_000);
    const { result } = await again.sale('T12', [{ productId: P.beer, quantity: 1 }]);
    expect(result.slipNo.endsWith('00000001')).toBe(true);
    const count = (sql: string) => (reg.core.liveDb().prepare(sql).get() as { n: number }).n;
    expect([count('SELECT COUNT(*) AS n FROM slips'), count('SELECT COUNT(*) AS n FROM slip_counters')]).toEqual([0, 0]);
    expect((reg.core.store().db.prepare('SELECT COUNT(*) AS n FROM slips').get() as { n: number }).n).toBe(1);
    expect((await again.ok<{ data: string }>('receipts.preview', { slipId: result.slipId, format: 'text' })).data).toContain('*** トレーニング ***');
  });

  it('checkout needs an open till; 閉局 shows sales by payment and rate, and equals the sum of its slips', async () => {
    for (const [table, lines] of [['T8', [{ productId: P.karaage, quantity: 1, takeout: true }]], ['T9', [{ productId: P.beer, quantity: 2 }]], ['T10', [{ productId: P.oolong, quantity: 3 }]]] as const) {
      await r.sale(table, [...lines]);
    }
    const closed = await r.ok<TillSummary>('till.close', { counts: { '10000': 3, '1000': 3, '100': 3, '10': 1, '1': 0 } });
    const slips = r.db().prepare(`SELECT SUM(gross) AS gross, SUM(tax) AS tax, COUNT(*) AS n FROM slips WHERE kind = 'sale'`).get() as { gross: number; tax: number; n: number };
    expect(closed.settlement.sales).toMatchObject({ gross: slips.gross, tax: slips.tax });
    expect(closed.settlement.slips).toBe(slips.n);
    expect(closed.settlement.byRate.map((x) => x.rate)).toEqual([10, 8]);
    expect(closed.cashSales).toBe(980 + 1160 + 900);
    expect(closed.expectedCash).toBe(30_000 + 3040);
    expect(closed.difference).toBe(33_310 - 33_040);
    const visitId = await r.seat('T11');
    await r.order(visitId, [{ productId: P.oolong, quantity: 1 }]);
    expect(await r.code('checkout.commit', { visitId, payments: [{ kind: 'cash', amount: 300 }] })).toBe('TILL_NOT_OPEN');
  });
});
