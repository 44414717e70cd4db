import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReservationRow } from '../../src-shared/contract/index.ts';
import { inprocRegister, type TestRegister } from '../testing/harness.ts';
import { linkedSmartReserve, STORE_ID, until } from '../testing/ledger.ts';
import { MSG } from './rules.ts';
import { P, rig, type Rig } from './test-rig.ts';

type Linked = Awaited<ReturnType<typeof linkedSmartReserve>>;
type LedgerSlip = { slipNo: string; amount: number; party: number; parts: Array<{ partNo: number; amount: number }>; prepaymentUsed: number; pointsUsed: number };

describe('checkout with USEN SMART RESERVE: C1, C3, T6, T7 and prepayment/points P1–P10', () => {
  let reg: TestRegister;
  let ledger: Linked;
  let r: Rig;
  const slips = () => ledger.sim.slips(STORE_ID) as unknown as LedgerSlip[];
  const drained = () => until(async () => (await r.ok<{ unsent: number }>('sync.status', {})).unsent === 0, 'empty outbox', 15_000);
  /** A reservation on the ledger, pulled, and seated at `table`. */
  const seatReservation = async (table: string, input: Record<string, unknown> = {}) => {
    const entry = ledger.sim.addReservation(STORE_ID, { businessDay: ledger.today, startTime: '23:30', party: 2, guestName: '予約 様', ...input });
    await r.ok('reservations.refresh', {});
    const row = (await r.ok<{ rows: ReservationRow[] }>('reservations.list', {})).rows.find((x) => x.remoteId === entry.id)!;
    return { visitId: await r.seat(table, 2, row.id), remoteId: entry.id };
  };

  beforeEach(async () => {
    reg = await inprocRegister();
    ledger = await linkedSmartReserve(reg.core, reg.call);
    r = await rig(reg);
    await r.openTill();
  });
  afterEach(async () => {
    await reg.close();
    await ledger.close();
  });

  it('C1: the slip (13-digit number, amount, party) reaches the ledger after checkout; C3: a split only once every part is paid', async () => {
    const { result } = await r.sale('T1', [{ productId: P.beer, quantity: 2 }]);
    const visitId = await r.seat('T2', 3);
    const orders = await r.order(visitId, [{ productId: P.karaage, quantity: 1 }, { productId: P.oolong, quantity: 2 }]);
    await r.pay({ visitId, split: { mode: 'items', lines: [{ lineId: orders.lines[0]!.id }] }, payments: [{ kind: 'cash', amount: 980 }] });
    await drained();
    expect(slips()).toEqual([expect.objectContaining({ slipNo: result.slipNo, amount: 1160, party: 2 })]);
    const last = await r.pay({ visitId, payments: [{ kind: 'cash', amount: 600 }] });
    await drained();
    expect(slips().find((s) => s.slipNo === last.slipNo)).toMatchObject({ amount: 1580, party: 3, parts: [{ partNo: 1, amount: 980 }, { partNo: 2, amount: 600 }] });
  });

  it('P1/P3/P8: 事前決済 must be enabled; a bill below the prepayment cannot use it (warning), paid in full on site', async () => {
    const { visitId } = await seatReservation('T3', { prepaymentAmount: 5000, courseName: '5,000円コース' });
    await r.order(visitId, [{ productId: P.karaage, quantity: 2 }]); // ¥1,960
    expect((await r.quote({ visitId, payments: [{ kind: 'prepaid', amount: 5000 }] })).refusals[0]).toEqual({ code: 'PAYMENT_DISABLED', message: MSG.P1 });
    await r.settings({ otherPayments: { credit: true, points: true, sitePoints: true, prepaid: true } });
    const q = await r.quote({ visitId, payments: [{ kind: 'prepaid', amount: 5000 }] });
    expect(q.refusals.map((x) => x.message)).toContain(MSG.P3);
    expect(q.warnings).toEqual([{ code: 'P3', message: MSG.P3 }]);
    expect(q.suggestedPayments).toEqual([]);
    const paid = await r.pay({ visitId, payments: [{ kind: 'cash', amount: 2000 }] });
    expect(paid.warnings.map((w) => w.code)).toEqual(['P3']);
    await drained();
    expect(slips()[0]).toMatchObject({ amount: 1960, prepaymentUsed: 0 });
  });

  it('P4/P6: a bill above the prepayment is split, part 1 the prepaid items paid by prepayment (no receipt), then the rest', async () => {
    await r.settings({ otherPayments: { credit: true, points: true, sitePoints: true, prepaid: true } });
    const { visitId } = await seatReservation('T4', { prepaymentAmount: 1960 });
    const orders = await r.order(visitId, [{ productId: P.karaage, quantity: 2 }, { productId: P.beer, quantity: 1 }]);
    const q = await r.quote({ visitId });
    expect(q.warnings.map((w) => w.code)).toEqual(['P4', 'P8']);
    expect(q.suggestedPayments).toEqual([{ kind: 'prepaid', amount: 1960 }]);
    expect(await r.code('checkout.commit', { visitId, payments: [{ kind: 'prepaid', amount: 1960 }, { kind: 'cash', amount: 580 }] })).toBe('PREPAYMENT_SPLIT');
    const course = { visitId, split: { mode: 'items', lines: [{ lineId: orders.lines[0]!.id }] }, payments: [{ kind: 'prepaid', amount: 1960 }] };
    expect((await r.quote(course)).receipt).toBe('none-prepaid');
    const first = await r.pay(course);
    expect(first).toMatchObject({ partNo: 1, closed: false, warnings: [] });
    expect(await r.code('receipts.preview', { slipId: first.slipId, partNo: 1 })).toBe('PREPAID_NO_RECEIPT');
    const rest = await r.pay({ visitId, payments: [{ kind: 'cash', amount: 580 }] });
    expect(rest.warnings).toEqual([]);
    expect((await r.ok<{ data: string }>('receipts.preview', { slipId: rest.slipId, partNo: 2, format: 'text' })).data).toContain('生ビール');
    await drained();
    expect(slips()[0]).toMatchObject({ amount: 2540, prepaymentUsed: 1960, parts: [{ partNo: 1, amount: 1960 }, { partNo: 2, amount: 580 }] });
  });

  it('P5/P9/P10: points never above the reservation, not with prepayment, other points or discounts; fewer is allowed', async () => {
    await r.settings({ otherPayments: { credit: true, points: true, sitePoints: true, prepaid: true } });
    const { visitId } = await seatReservation('T5', { points: 500 });
    const orders = await r.order(visitId, [{ productId: P.karaage, quantity: 1 }]);
    const q = async (payments: unknown[], extra: Record<string, unknown> = {}) => (await r.quote({ visitId, payments, ...extra })).refusals.map((x) => x.message);
    expect(await q([{ kind: 'sitePoints', amount: 600 }, { kind: 'cash', amount: 380 }])).toEqual([MSG.P9_EXCEED]);
    expect(await q([{ kind: 'sitePoints', amount: 500 }, { kind: 'points', amount: 100 }, { kind: 'cash', amount: 380 }])).toEqual([MSG.P9_COMBINED]);
    expect(await q([{ kind: 'sitePoints', amount: 500 }, { kind: 'cash', amount: 380 }], { slipDiscounts: [{ kind: 'amount', yen: 100 }] })).toEqual([MSG.P10]);
    expect(await q([{ kind: 'sitePoints', amount: 500 }, { kind: 'prepaid', amount: 480 }])).toContain(MSG.P5);
    expect((await r.quote({ visitId, payments: [{ kind: 'cash', amount: 980 }] })).warnings).toEqual([{ code: 'P8', message: MSG.P8_POINTS }]);
    expect((await r.quote({ visitId, payments: [{ kind: 'sitePoints', amount: 500 }] })).discountsAllowed).toBe(false);
    // P10's way out: remove the site points, discount, then enter the points by hand under ポイント.
    expect(await q([{ kind: 'points', amount: 500 }, { kind: 'cash', amount: 380 }], { lineDiscounts: [{ lineId: orders.lines[0]!.id, discount: { kind: 'amount', yen: 100 } }] })).toEqual([]);
    const paid = await r.pay({ visitId, payments: [{ kind: 'sitePoints', amount: 300 }, { kind: 'cash', amount: 680 }] });
    expect(paid.warnings.map((w) => w.code)).toEqual(['P9']);
    await drained();
    expect(slips()[0]).toMatchObject({ amount: 980, pointsUsed: 300 });
    const cancelled = await r.ok<{ warnings: Array<{ code: string }> }>('slips.cancel', { slipId: paid.slipId, reason: '打ち間違い' });
    expect(cancelled.warnings.map((w) => w.code)).toEqual(['P9', 'LEDGER']);
  });

  it('T7: two reservations combined (allowed on SMART RESERVE): each visit is closed on the ledger under its own slip number', async () => {
    const a = await seatReservation('T6', { guestName: '親 様' });
    const b = await seatReservation('T7', { guestName: '子 様', party: 3 });
    await r.order(a.visitId, [{ productId: P.beer, quantity: 2 }]);
    await r.order(b.visitId, [{ productId: P.karaage, quantity: 1 }]);
    const paid = await r.pay({ visitId: a.visitId, combineVisitIds: [b.visitId], payments: [{ kind: 'cash', amount: 3000 }] });
    const slip = await r.slip(paid.slipId);
    await drained();
    const got = slips().map((s) => [s.slipNo, s.amount, s.party]).sort();
    expect(got).toEqual([[paid.slipNo, 2140, 2], [slip.childSlipNos[0], 0, 2]].sort());
    expect(ledger.sim.reservation(STORE_ID, a.remoteId)).toMatchObject({ status: '退店済み' });
    expect(ledger.sim.reservation(STORE_ID, b.remoteId)).toMatchObject({ status: '退店済み' });
  });

  it('T6: a table group seated as one visit is paid once; the ledger closes every table of the group', async () => {
    const { groupId } = await r.ok<{ groupId: string }>('table.group', { tableIds: ['floor-2-201', 'floor-2-202'], representativeTableId: 'floor-2-201' });
    expect(groupId).toBeTruthy();
    const visitId = await r.seat('202', 5);
    await r.order(visitId, [{ productId: P.beer, quantity: 5 }]);
    const paid = await r.pay({ visitId, payments: [{ kind: 'cash', amount: 2900 }] });
    await drained();
    expect(slips()).toEqual([expect.objectContaining({ slipNo: paid.slipNo, amount: 2900, party: 5 })]);
    expect((ledger.sim.visits(STORE_ID) as Array<{ status: string }>).every((v) => v.status === 'left')).toBe(true);
  });
});
