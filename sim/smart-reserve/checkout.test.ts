import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerError } from './errors.ts';
import { countEffects, DAY, STORE, startHarness, type Harness } from './testing.ts';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const SLIP = '1002600001480';
const reserve = (seatName: string, extra: Body = {}) =>
  h.sim.addReservation(STORE, { businessDay: DAY, startTime: '17:00', party: 4, guestName: '高橋', seatName, ...extra });

async function seat(table: string, party: number, reservationId?: string): Promise<string> {
  const res = await h.api.post<Body>('/visits', { visitRef: `v-${table}`, posTableId: h.pos(table), party, reservationId });
  expect(res.status).toBe(201);
  return res.body.visit.id as string;
}

describe('RULES.md#C1 checkout result', () => {
  it('slip number, amount and party close the visit: 退店済み', async () => {
    const r = reserve('T1');
    const v = await seat('T1', 4, r.id);
    const res = await h.api.post<Body>(`/visits/${v}/checkout`, { slipNo: SLIP, amount: 12_340, party: 3 });
    expect(res.status).toBe(201);
    expect(res.body.visit.slip).toMatchObject({ slipNo: SLIP, amount: 12_340, party: 3 });
    expect(h.sim.reservation(STORE, r.id)).toMatchObject({ status: '退店済み', party: 3 });
    expect(h.sim.slips(STORE)).toEqual([expect.objectContaining({ visitId: v, slipNo: SLIP, amount: 12_340 })]);
    // the table is free again
    expect((await h.api.post('/visits', { visitRef: 'after', posTableId: h.pos('T1'), party: 2 })).status).toBe(201);
  });

  it('400 for a slip number that is not 13 digits (RULES.md#G3), or non-integer yen', async () => {
    const v = await seat('T2', 2);
    const short = await h.api.post<Body>(`/visits/${v}/checkout`, { slipNo: '100260000148', amount: 100, party: 2 });
    expect(short.status).toBe(400);
    expect(short.body.issues[0]).toMatchObject({ path: 'slipNo', message: '伝票番号は13桁の数字です' });
    const fraction = await h.api.post<Body>(`/visits/${v}/checkout`, { slipNo: SLIP, amount: 100.5, party: 2 });
    expect(fraction.status).toBe(400);
  });

  it('the same slip again is harmless; another slip → 409; the slip on another visit → 409', async () => {
    const v = await seat('T2', 2);
    await h.api.post(`/visits/${v}/checkout`, { slipNo: SLIP, amount: 500, party: 2 });
    const again = await h.api.post<Body>(`/visits/${v}/checkout`, { slipNo: SLIP, amount: 500, party: 2 });
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    const other = await h.api.post<Body>(`/visits/${v}/checkout`, { slipNo: '1002600001481', amount: 500, party: 2 });
    expect(other.body.code).toBe('ALREADY_CHECKED_OUT');
    const w = await seat('T3', 2);
    const dup = await h.api.post<Body>(`/visits/${w}/checkout`, { slipNo: SLIP, amount: 500, party: 2 });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('SLIP_DUPLICATE');
    expect(countEffects(h.sim, 'checkout')).toBe(1);
  });

  it('a group is checked out at its representative and closes every member', async () => {
    const g = await h.api.post<Body>('/groups', { kind: 'seat', groupRef: 'g', posTableIds: [h.pos('T1'), h.pos('T2')], party: 5 });
    const [rep, member] = g.body.group.visits as Body[];
    const wrong = await h.api.post<Body>(`/visits/${member?.id}/checkout`, { slipNo: SLIP, amount: 900, party: 5 });
    expect(wrong.body.code).toBe('GROUP_CHECKOUT_REPRESENTATIVE');
    const ok = await h.api.post<Body>(`/visits/${rep?.id}/checkout`, { slipNo: SLIP, amount: 900, party: 5 });
    expect(ok.status).toBe(201);
    expect(h.sim.visits(STORE).map((v) => v.entryStatus)).toEqual(['退店済み', '退店済み']);
    expect(h.sim.groups(STORE)[0]?.status).toBe('closed');
  });
});

describe('RULES.md#C3 split checkout', () => {
  it('is refused while a part is unpaid, accepted once every part is paid', async () => {
    const v = await seat('T4', 3);
    const parts = [{ partNo: 1, amount: 3000, paid: true }, { partNo: 2, amount: 2000, paid: false }];
    const early = await h.api.post<Body>(`/visits/${v}/checkout`, { slipNo: SLIP, amount: 5000, party: 3, parts });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'SPLIT_NOT_PAID', unpaidParts: [2] });
    expect(h.sim.visit(STORE, v).status).toBe('seated');
    const mismatch = await h.api.post<Body>(`/visits/${v}/checkout`, { slipNo: SLIP, amount: 6000, party: 3, parts: parts.map((p) => ({ ...p, paid: true })) });
    expect(mismatch.body.code).toBe('SPLIT_AMOUNT_MISMATCH');
    const done = await h.api.post<Body>(`/visits/${v}/checkout`, { slipNo: SLIP, amount: 5000, party: 3, parts: parts.map((p) => ({ ...p, paid: true })) });
    expect(done.status).toBe(201);
    expect(done.body.visit.slip.parts).toEqual([{ partNo: 1, amount: 3000 }, { partNo: 2, amount: 2000 }]);
    expect(done.body.reservation.status).toBe('退店済み');
  });
});

describe('RULES.md#C2 auto-extension driven by the simulator clock', () => {
  it('2 h booked, 3 h stayed → the slot is 3 h; visible in the pull', async () => {
    const r = reserve('T1', { startTime: '17:00', durationMin: 120 });
    await seat('T1', 4, r.id);
    h.sim.advanceClock(120 * 60_000);
    expect(h.sim.reservation(STORE, r.id).durationMin).toBe(120);
    await h.control.post('/clock/advance', { minutes: 1 }); // 19:01 → 150
    expect(h.sim.reservation(STORE, r.id).durationMin).toBe(150);
    h.sim.advanceClock(59 * 60_000); // 20:00 → 3 h stayed
    const pulled = await h.api.get<Body>(`/reservations?from=${DAY}&to=${DAY}`);
    expect(pulled.body.reservations[0]).toMatchObject({ id: r.id, durationMin: 180, bookedDurationMin: 120, extendedMin: 60, endAt: '2026-05-01T20:00:00+09:00' });
    expect(h.sim.effects({ kind: 'auto_extended' }).map((e) => e.detail.toMin)).toEqual([150, 180]);
  });

  it('stops at checkout and never applies to waiting reservations', async () => {
    const waiting = reserve('T2', { startTime: '12:00', durationMin: 120 });
    const v = await seat('T1', 2);
    await h.api.post(`/visits/${v}/checkout`, { slipNo: SLIP, amount: 800, party: 2 });
    h.sim.advanceClock(5 * 3_600_000);
    expect(h.sim.reservation(STORE, waiting.id).durationMin).toBe(120);
    expect(countEffects(h.sim, 'auto_extended')).toBe(0);
  });
});

describe('RULES.md#P prepayment and points', () => {
  it('P2: a prepayment of ¥300,000 or more is refused; ¥299,999 is accepted', () => {
    expect(() => reserve('T1', { prepaymentAmount: 300_000 })).toThrow(LedgerError);
    expect(() => reserve('T1', { prepaymentAmount: 300_000 })).toThrow('事前決済は30万円以上の場合、決済はできません。');
    expect(reserve('T1', { prepaymentAmount: 299_999 }).prepaymentAmount).toBe(299_999);
  });

  it('P2 over the control API: 422 PREPAYMENT_LIMIT', async () => {
    const res = await h.control.post<Body>(`/stores/${STORE}/reservations`, { businessDay: DAY, startTime: '18:00', party: 2, guestName: 'x', prepaymentAmount: 350_000 });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PREPAYMENT_LIMIT');
  });

  it('P5: prepayment and points cannot be combined', () => {
    expect(() => reserve('T1', { prepaymentAmount: 1000, points: 100 })).toThrow('予約サイトポイントと事前決済の併用はできません。');
  });

  it('prepayment and points are readable on the pulled reservation (RULES.md#R5)', async () => {
    reserve('T1', { prepaymentAmount: 33_000, courseName: '宴会プラン', courseDetail: '8品', storeMemo: 'メモ', guestRequest: '窓際' });
    reserve('T2', { points: 500 });
    const res = await h.api.get<Body>(`/reservations?from=${DAY}&to=${DAY}`);
    expect(res.body.reservations.map((r: Body) => [r.prepaymentAmount, r.points])).toEqual([[33_000, 0], [0, 500]]);
    expect(res.body.reservations[0]).toMatchObject({ courseName: '宴会プラン', courseDetail: '8品', storeMemo: 'メモ', guestRequest: '窓際' });
  });

  it('P3: a bill below the prepayment cannot use it; P4: a larger bill can', async () => {
    const v = await seat('T1', 4, reserve('T1', { prepaymentAmount: 10_000 }).id);
    const below = await h.api.post<Body>(`/visits/${v}/checkout`, { slipNo: SLIP, amount: 8000, party: 4, prepaymentUsed: 10_000 });
    expect(below.body.code).toBe('PREPAYMENT_OVER_BILL');
    const wrong = await h.api.post<Body>(`/visits/${v}/checkout`, { slipNo: SLIP, amount: 18_000, party: 4, prepaymentUsed: 5000 });
    expect(wrong.body.code).toBe('PREPAYMENT_MISMATCH');
    const ok = await h.api.post<Body>(`/visits/${v}/checkout`, {
      slipNo: SLIP, amount: 18_000, party: 4, prepaymentUsed: 10_000,
      parts: [{ partNo: 1, amount: 10_000, paid: true }, { partNo: 2, amount: 8000, paid: true }],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.visit.slip.prepaymentUsed).toBe(10_000);
  });

  it('P9: never more points than reserved; fewer is fine', async () => {
    const v = await seat('T2', 2, reserve('T2', { points: 500 }).id);
    const more = await h.api.post<Body>(`/visits/${v}/checkout`, { slipNo: SLIP, amount: 4000, party: 2, pointsUsed: 501 });
    expect(more.body.code).toBe('POINTS_EXCEED');
    const fewer = await h.api.post<Body>(`/visits/${v}/checkout`, { slipNo: SLIP, amount: 4000, party: 2, pointsUsed: 300 });
    expect(fewer.status).toBe(201);
  });
});
