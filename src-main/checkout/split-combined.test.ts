import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckoutResult, FloorView, SlipRow, TillSummary, VisitOrders } from '../../src-shared/contract/index.ts';
import { saveLedgerConfig } from '../ledger/config.ts';
import { inprocRegister, type TestRegister } from '../testing/harness.ts';
import { P, rig, T, type Rig } from './test-rig.ts';

describe('split checkout (分割会計) and combined checkout (合算会計)', () => {
  let reg: TestRegister;
  let r: Rig;
  beforeEach(async () => {
    reg = await inprocRegister();
    r = await rig(reg);
    await r.openTill();
  });
  afterEach(async () => { await reg.close(); });

  it('by items: each part its own receipt and tax; a quantity below the line splits it; one slip number', async () => {
    const visitId = await r.seat('T1', 3);
    const orders = await r.order(visitId, [{ productId: P.beer, quantity: 3 }, { productId: P.edamame, quantity: 2, takeout: true }]);
    const [beer, edamame] = orders.lines;
    const first = await r.pay({ visitId, split: { mode: 'items', lines: [{ lineId: beer!.id, quantity: 1 }, { lineId: edamame!.id }] }, payments: [{ kind: 'cash', amount: 1340 }] });
    expect(first).toMatchObject({ partNo: 1, total: 1340, closed: false, remaining: 1160 });
    const q = await r.quote({ visitId });
    expect([q.slipNo, q.partNo, q.splitMode, q.total]).toEqual([first.slipNo, 2, 'items', 1160]);
    const rest = await r.pay({ visitId, payments: [{ kind: 'cash', amount: 2000 }] });
    expect(rest).toMatchObject({ slipNo: first.slipNo, partNo: 2, total: 1160, change: 840, closed: true });
    const slip = await r.slip(first.slipId);
    expect(slip.parts.map((p) => [p.partNo, p.gross, p.lines.map((l) => `${l.name}×${l.quantity}`)])).toEqual([
      [1, 1340, ['生ビール×1', '枝豆×2']], [2, 1160, ['生ビール×2']],
    ]);
    expect(slip.parts[0]!.byRate.map((x) => [x.rate, x.tax])).toEqual([[10, 52], [8, 56]]);
    expect([slip.gross, slip.status, slip.splitMode]).toEqual([2500, 'closed', 'items']);
    const text = (await r.ok<{ data: string }>('receipts.preview', { slipId: first.slipId, partNo: 1, format: 'text' })).data;
    expect(text).toContain('分割会計 1回目');
  });

  it('into equal parts: the odd yen on the first parts, nothing can be added meanwhile, 閉局 waits for the last part', async () => {
    const visitId = await r.seat('T2', 3);
    await r.order(visitId, [{ productId: P.karaage, quantity: 1 }, { productId: P.oolong, quantity: 1 }, { productId: P.edamame, quantity: 1, takeout: true }]);
    const parts: CheckoutResult[] = [];
    parts.push(await r.pay({ visitId, split: { mode: 'equal', parts: 3 }, payments: [{ kind: 'cash', amount: 1000 }] }));
    expect(await r.code('orders.add', { visitId, lines: [{ productId: P.beer, quantity: 1 }] })).toBe('SPLIT_IN_PROGRESS');
    expect(await r.code('till.close', { counts: {} })).toBe('SPLIT_IN_PROGRESS');
    expect(await r.code('checkout.commit', { visitId, split: { mode: 'equal', parts: 4 }, payments: [{ kind: 'cash', amount: 1000 }] })).toBe('SPLIT_PARTS');
    parts.push(await r.pay({ visitId, split: { mode: 'equal', parts: 3 }, payments: [{ kind: 'cash', amount: 1000 }] }));
    parts.push(await r.pay({ visitId, split: { mode: 'equal', parts: 3 }, payments: [{ kind: 'points', amount: 553 }] }));
    // 980 + 300 (10 %) + 380 (8 %) = 1660 → 554, 553, 553.
    expect(parts.map((p) => [p.partNo, p.total, p.closed])).toEqual([[1, 554, false], [2, 553, false], [3, 553, true]]);
    const slip = await r.slip(parts[0]!.slipId);
    const perRate = (rate: number) => slip.parts.reduce((a, p) => a + (p.byRate.find((x) => x.rate === rate)?.gross ?? 0), 0);
    expect([perRate(10), perRate(8)]).toEqual([1280, 380]);
    expect(slip.billedLines).toHaveLength(3);
    const till = await r.ok<TillSummary>('till.close', { counts: { '10000': 3, '1000': 1, '100': 1, '1': 7 } });
    expect(till.settlement.sales.gross).toBe(1660);
    expect(till.settlement.byRate.reduce((a, x) => a + x.gross, 0)).toBe(1660);
    expect(till.settlement.byRate.reduce((a, x) => a + x.tax, 0)).toBe(slip.tax);
  });

  it('R6: the tile owes the rest before tax (税別) as the last part would charge it; 均等割 keeps its N after a reload', async () => {
    const visitId = await r.seat('T12', 3);
    r.db().prepare(`INSERT INTO reservations (id, remote_id, kind, business_day, start_at, duration_min, party, guest_name, remote_status, pulled_at, updated_at)
      VALUES ('res-r6', 'R-R6', 'reservation', '2026-01-01', 1767261600000, 120, 3, '予約 様', '来店済み', 0, 0)`).run();
    r.db().prepare(`UPDATE visits SET reservation_id = 'res-r6' WHERE id = ?`).run(visitId);
    const orders = await r.order(visitId, [{ productId: P.karaage, quantity: 1 }, { productId: P.oolong, quantity: 1 }, { productId: P.edamame, quantity: 1, takeout: true }]);
    const visit = async () => (await r.ok<FloorView>('floor.view', {})).floors.flatMap((f) => f.tables).find((t) => t.id === T('T12'))!.visit!;
    expect(await visit()).toMatchObject({ amount: 1660, net: orders.total.net, reservationStartAt: 1767261600000 });
    expect(orders.total.net).toBeLessThan(1660);
    await r.pay({ visitId, split: { mode: 'equal', parts: 3 }, payments: [{ kind: 'cash', amount: 1000 }] });
    // The screen reopened asks for no split: the slip still says 3等分, and the rest is what the last part would charge.
    const rest = await r.quote({ visitId });
    expect([rest.splitMode, rest.splitParts, rest.partNo, rest.total]).toEqual(['equal', 3, 2, 1660 - 554]);
    expect((await r.ok<VisitOrders>('orders.list', { visitId })).openSlip).toMatchObject({ splitMode: 'equal', splitParts: 3, partsPaid: 1, paid: 554 });
    expect(await visit()).toMatchObject({ amount: rest.total, net: rest.net });
  });

  it('by amount: never above what is left; the last part pays exactly the rest', async () => {
    const visitId = await r.seat('T3', 2);
    await r.order(visitId, [{ productId: P.beer, quantity: 2 }, { productId: P.karaage, quantity: 1, takeout: true }]); // 1160 + 980
    const a = await r.pay({ visitId, split: { mode: 'amount', amount: 1000 }, payments: [{ kind: 'cash', amount: 1000 }] });
    expect(await r.code('checkout.commit', { visitId, split: { mode: 'amount', amount: 1141 }, payments: [{ kind: 'cash', amount: 2000 }] })).toBe('SPLIT_AMOUNT_EXCEEDS');
    expect(await r.code('checkout.commit', { visitId, split: { mode: 'items', lines: [{ lineId: 'x' }] }, payments: [] })).toBe('SPLIT_MODE');
    const b = await r.pay({ visitId, split: { mode: 'amount', amount: 1140 }, payments: [{ kind: 'cash', amount: 1140 }] });
    expect([a.remaining, b.closed, b.total]).toEqual([1140, true, 1140]);
    const slip = await r.slip(a.slipId);
    expect(slip.parts.map((p) => p.byRate.map((x) => [x.rate, x.gross]))).toEqual([[[10, 543], [8, 457]], [[10, 617], [8, 523]]]);
  });

  it('T7 without a ledger: the parent pays every table; each child keeps its own slip number; P7 refuses prepaid tables', async () => {
    const parent = await r.seat('T4', 2);
    const child = await r.seat('T5', 3);
    await r.order(parent, [{ productId: P.beer, quantity: 1 }]);
    await r.order(child, [{ productId: P.karaage, quantity: 1 }]);
    const q = await r.quote({ visitId: parent, combineVisitIds: [child] });
    expect([q.total, q.party, q.visitIds]).toEqual([1560, 5, [parent, child]]);
    const paid = await r.pay({ visitId: parent, combineVisitIds: [child], payments: [{ kind: 'cash', amount: 2000 }] });
    const slip = await r.slip(paid.slipId);
    expect(slip.visits.map((v) => v.role)).toEqual(['main', 'combined']);
    expect(slip.childSlipNos).toEqual([`${paid.slipNo.slice(0, 5)}${String(Number(paid.slipNo.slice(5)) + 1).padStart(8, '0')}`]);
    const list = await r.ok<{ rows: SlipRow[] }>('slips.list', {});
    expect(list.rows.map((x) => [x.kind, x.gross, x.parentSlipNo])).toEqual([['combined', 0, paid.slipNo], ['sale', 1560, null]]);
    expect((await r.till()).settlement.slips).toBe(1);

    const prepaid = await r.seat('T6', 2);
    r.db().prepare(`INSERT INTO reservations (id, remote_id, kind, business_day, start_at, duration_min, party, guest_name, remote_status, prepayment, pulled_at, updated_at)
      VALUES ('res-p', 'R-P', 'reservation', '2026-01-01', 0, 120, 2, '前払 様', '来店済み', 3000, 0, 0)`).run();
    r.db().prepare(`UPDATE visits SET reservation_id = 'res-p' WHERE id = ?`).run(prepaid);
    const other = await r.seat('T7', 1);
    const refused = await r.quote({ visitId: other, combineVisitIds: [prepaid] });
    expect(refused.refusals).toContainEqual({ code: 'PREPAID_NOT_COMBINABLE', message: '事前決済・予約サイトポイントのあるテーブルは合算会計できません。' });
  });

  it('T7 with お席トットくん: never a reservation as child, never a waiting table as parent', async () => {
    saveLedgerConfig(r.db(), { kind: 'oseki', baseUrl: 'http://127.0.0.1:9', storeId: 's', linkState: '連携中', lastMasterSyncAt: null, tablesPushedAt: null });
    r.db().prepare(`INSERT INTO reservations (id, remote_id, kind, business_day, start_at, duration_min, party, guest_name, remote_status, pulled_at, updated_at)
      VALUES ('res-o', 'R-O', 'reservation', '2026-01-01', 0, 120, 2, '予約 様', '来店済み', 0, 0)`).run();
    const reservation = await r.seat('T8');
    r.db().prepare(`UPDATE visits SET reservation_id = 'res-o' WHERE id = ?`).run(reservation);
    const walkIn = await r.seat('T9');
    const waiting = await r.seat('W1');
    const codes = async (visitId: string, child: string) => (await r.quote({ visitId, combineVisitIds: [child] })).refusals.map((x) => x.code);
    expect(await codes(walkIn, reservation)).toContain('RESERVATION_CHILD');
    expect(await codes(waiting, walkIn)).toContain('WAITING_PARENT');
    expect(await codes(reservation, walkIn)).not.toContain('RESERVATION_CHILD');
  });

  it('T1: after a table merge the destination pays the orders of the merged table', async () => {
    const to = await r.seat('T10', 2);
    const from = await r.seat('T11', 2);
    await r.order(to, [{ productId: P.beer, quantity: 1 }]);
    await r.order(from, [{ productId: P.karaage, quantity: 1 }]);
    await r.ok('table.merge', { fromTableId: 'floor-1-T11', toTableId: 'floor-1-T10' });
    expect((await r.ok<VisitOrders>('orders.list', { visitId: to })).total.gross).toBe(1560);
    const paid = await r.pay({ visitId: to, payments: [{ kind: 'cash', amount: 1560 }] });
    expect((await r.slip(paid.slipId)).parts[0]!.lines.map((l) => l.name)).toEqual(['生ビール', '唐揚げ定食']);
  });
});
