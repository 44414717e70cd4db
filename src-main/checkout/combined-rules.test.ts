import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveLedgerConfig } from '../ledger/config.ts';
import { inprocRegister, type TestRegister } from '../testing/harness.ts';
import { rig, type Rig } from './test-rig.ts';

/** T7 and P7 refusals of combined checkout (合算会計) not covered by split-combined.test.ts. */
describe('combined checkout rules (T7, P7)', () => {
  let reg: TestRegister;
  let r: Rig;
  let n = 0;
  beforeEach(async () => {
    reg = await inprocRegister();
    r = await rig(reg);
    await r.openTill();
  });
  afterEach(async () => { await reg.close(); });

  const link = (kind: 'smart-reserve' | 'oseki' | 'resty') =>
    saveLedgerConfig(r.db(), { kind, baseUrl: 'http://127.0.0.1:9', storeId: 's', linkState: '連携中', lastMasterSyncAt: null, tablesPushedAt: null });
  /** Seat a reservation (a local row; no ledger needed), optionally prepaid or with points. */
  const seatReservation = async (table: string, extra: { prepayment?: number; points?: number } = {}) => {
    const id = `res-${++n}`;
    r.db().prepare(`INSERT INTO reservations (id, remote_id, kind, business_day, start_at, duration_min, party, guest_name, remote_status, prepayment, points, pulled_at, updated_at)
      VALUES (?, ?, 'reservation', '2026-01-01', 0, 120, 2, '予約 様', '来店済み', ?, ?, 0, 0)`).run(id, `R-${id}`, extra.prepayment ?? 0, extra.points ?? 0);
    const visitId = await r.seat(table);
    r.db().prepare('UPDATE visits SET reservation_id = ? WHERE id = ?').run(id, visitId);
    return visitId;
  };
  const refusals = async (visitId: string, child: string) => (await r.quote({ visitId, combineVisitIds: [child] })).refusals;
  const P7 = { code: 'PREPAID_NOT_COMBINABLE', message: '事前決済・予約サイトポイントのあるテーブルは合算会計できません。' };

  it('T7 SMART RESERVE and Resty: a reservation may be combined with a reservation', async () => {
    for (const [kind, tables] of [['smart-reserve', ['T1', 'T2']], ['resty', ['T3', 'T4']]] as const) {
      link(kind);
      const parent = await seatReservation(tables[0]);
      const child = await seatReservation(tables[1]);
      expect(await refusals(parent, child)).toEqual([]);
    }
  });

  it('T7 お席トットくん: never two reservations, in either order', async () => {
    link('oseki');
    const a = await seatReservation('T5');
    const b = await seatReservation('T6');
    expect(await refusals(a, b)).toContainEqual({ code: 'RESERVATION_CHILD', message: '予約同士の合算会計はできません。' });
    expect(await refusals(b, a)).toContainEqual({ code: 'RESERVATION_CHILD', message: '予約同士の合算会計はできません。' });
    const walkIn = await r.seat('T7');
    expect(await refusals(walkIn, a)).toContainEqual({ code: 'RESERVATION_CHILD', message: '予約テーブルを子とした合算会計はできません。' });
    expect(await refusals(a, walkIn)).toEqual([]);
  });

  it('T7 お席トットくん: a waiting table may be a child but not the parent', async () => {
    link('oseki');
    const waiting = await r.seat('W1');
    const walkIn = await r.seat('T8');
    expect(await refusals(waiting, walkIn)).toContainEqual({ code: 'WAITING_PARENT', message: '待機テーブルを親とした合算会計はできません。' });
    expect(await refusals(walkIn, waiting)).toEqual([]);
  });

  it('P7: prepayment or points, as parent or as child, with or without a ledger; the commit is refused too', async () => {
    const prepaid = await seatReservation('T9', { prepayment: 3000 });
    const points = await seatReservation('T10', { points: 500 });
    const walkIn = await r.seat('T11');
    expect(await refusals(prepaid, walkIn)).toContainEqual(P7);
    expect(await refusals(walkIn, points)).toContainEqual(P7);
    expect(await refusals(points, walkIn)).toContainEqual(P7);
    expect(await r.code('checkout.commit', { visitId: walkIn, combineVisitIds: [points], payments: [{ kind: 'cash', amount: 10_000 }] })).not.toBe('ok');
    link('smart-reserve');
    expect(await refusals(walkIn, prepaid)).toContainEqual(P7);
  });
});
