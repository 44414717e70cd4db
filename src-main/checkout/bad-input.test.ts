import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRegister } from '../testing/harness.ts';
import { P, rig, snapshot, type Rig } from './test-rig.ts';

type Reg = Awaited<ReturnType<typeof httpRegister>>;

describe('bad checkout input over HTTP: clear Japanese errors, nothing written', () => {
  let reg: Reg;
  let r: Rig;
  let walkIn = '';
  let lineId = '';
  let prepaid = '';
  let points = '';

  /** A reservation mirrored as the ledger would send it (¥300,000 cannot even be made there: P2). */
  const reserved = async (table: string, id: string, prepayment: number, pts: number) => {
    r.db().prepare(`INSERT INTO reservations (id, remote_id, kind, business_day, start_at, duration_min, party, guest_name, remote_status, prepayment, points, pulled_at, updated_at)
      VALUES (?, ?, 'reservation', '2026-01-01', 0, 120, 2, '予約 様', '来店済み', ?, ?, 0, 0)`).run(id, `R-${id}`, prepayment, pts);
    const visitId = await r.seat(table);
    r.db().prepare('UPDATE visits SET reservation_id = ? WHERE id = ?').run(id, visitId);
    await r.order(visitId, [{ productId: P.karaage, quantity: 2 }]);
    return visitId;
  };

  beforeAll(async () => {
    reg = await httpRegister();
    r = await rig(reg);
    await r.openTill();
    await r.settings({ otherPayments: { credit: true, points: true, sitePoints: true, prepaid: true } });
    walkIn = await r.seat('T1');
    lineId = (await r.order(walkIn, [{ productId: P.karaage, quantity: 1 }])).lines[0]!.id;
    prepaid = await reserved('T2', 'res-300k', 300_000, 0);
    points = await reserved('T3', 'res-pts', 0, 500);
  });
  afterAll(async () => { await reg.close(); });

  const cash = (amount: number) => [{ kind: 'cash', amount }];
  const cases: Array<[string, string, () => Record<string, unknown>, string, string]> = [
    ['negative quantity', 'orders.add', () => ({ visitId: walkIn, lines: [{ productId: P.beer, quantity: -2 }] }), 'VALIDATION', '数量は1以上で入力してください。'],
    ['fractional quantity', 'orders.add', () => ({ visitId: walkIn, lines: [{ productId: P.beer, quantity: 1.5 }] }), 'VALIDATION', '数量は整数で入力してください。'],
    ['line discount above the line', 'checkout.commit', () => ({ visitId: walkIn, lineDiscounts: [{ lineId, discount: { kind: 'amount', yen: 5000 } }], payments: cash(1000) }), 'DISCOUNT_EXCEEDS', '1行目: 値引・割引の額が対象金額を超えています。'],
    ['slip discount above the bill', 'checkout.commit', () => ({ visitId: walkIn, slipDiscounts: [{ kind: 'amount', yen: 981 }], payments: [] }), 'DISCOUNT_EXCEEDS', '値引・割引の額が対象金額を超えています。'],
    ['percent above 100', 'checkout.commit', () => ({ visitId: walkIn, slipDiscounts: [{ kind: 'percent', percent: 110 }], payments: [] }), 'VALIDATION', '割引率は100%以下で入力してください。'],
    ['six payments (U3)', 'checkout.commit', () => ({ visitId: walkIn, payments: Array.from({ length: 6 }, () => ({ kind: 'cash', amount: 200 })) }), 'VALIDATION', 'お支払いは1回の会計で5件までです。'],
    ['negative cash', 'checkout.commit', () => ({ visitId: walkIn, payments: cash(-980) }), 'VALIDATION', '金額は0円以上で入力してください。'],
    ['not enough money', 'checkout.commit', () => ({ visitId: walkIn, payments: cash(900) }), 'UNDERPAID', 'お預り金額が不足しています（不足 ¥80）。'],
    ['split quantity above the line', 'checkout.commit', () => ({ visitId: walkIn, split: { mode: 'items', lines: [{ lineId, quantity: 2 }] }, payments: cash(2000) }), 'SPLIT_QUANTITY', '「唐揚げ定食」の分割数量が注文数（1）を超えています。'],
    ['prepayment of ¥300,000 (P2)', 'checkout.commit', () => ({ visitId: prepaid, payments: [{ kind: 'prepaid', amount: 300_000 }] }), 'PREPAYMENT_LIMIT', '事前決済は30万円以上の場合、決済はできません。'],
    ['points above the reservation (P9)', 'checkout.commit', () => ({ visitId: points, payments: [{ kind: 'sitePoints', amount: 600 }, { kind: 'cash', amount: 1360 }] }), 'POINTS_EXCEED', '予約時の利用ポイントを超えてポイントを利用することはできません。'],
    ['unknown visit in a combined checkout', 'checkout.commit', () => ({ visitId: walkIn, combineVisitIds: ['nope-visit'], payments: cash(980) }), 'NOT_FOUND', '対象の来店が見つかりません。画面を更新してください。'],
    ['cancel without a reason', 'slips.cancel', () => ({ slipId: 'x', reason: '' }), 'VALIDATION', '取消理由を入力してください。'],
  ];

  it.each(cases)('%s', async (_name, method, input, code, message) => {
    const before = snapshot(r);
    const answer = await r.raw(method as 'checkout.commit', input());
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe(code);
    expect(answer.error.message).toContain(message);
    expect(snapshot(r)).toEqual(before);
  });

  it('the same visit still checks out afterwards, with consecutive slip numbers', async () => {
    const paid = await r.pay({ visitId: walkIn, payments: cash(1000) });
    expect(paid.slipNo.endsWith('00000001')).toBe(true);
  });
});
