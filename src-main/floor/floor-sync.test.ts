import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { businessDayOf, jstTime } from '../../sim/smart-reserve/clock.ts';
import type { AnyEvent, QueueRow, ReservationRow, SyncStatus, TableTile } from '../../src-shared/contract/index.ts';
import { cmdId, inprocRegister, login, value, type TestRegister } from '../testing/harness.ts';
import { linkedSmartReserve, STORE_ID, until } from '../testing/ledger.ts';

type Linked = Awaited<ReturnType<typeof linkedSmartReserve>>;
const T = (n: string) => (n.startsWith('2') ? `floor-2-${n}` : `floor-1-${n}`);

describe('floor synced to USEN SMART RESERVE through the outbox', () => {
  let reg: TestRegister;
  let ledger: Linked;
  let cashier: string;
  const call = (method: string, input: unknown, command = true) => reg.call({ method, input, sessionId: cashier, ...(command ? { commandId: cmdId() } : {}) });
  const tile = async (id: string) => {
    const view = value<{ floors: Array<{ tables: TableTile[] }> }>(await call('floor.view', {}, false));
    return view.floors.flatMap((f) => f.tables).find((t) => t.id === id)!;
  };
  const drained = () => until(async () => {
    const s = value<{ unsent: number }>(await call('sync.status', {}, false));
    return s.unsent === 0;
  }, 'empty outbox');
  const addReservation = (input: Record<string, unknown>) =>
    ledger.sim.addReservation(STORE_ID, { businessDay: ledger.today, startTime: '23:30', party: 2, guestName: '予約 太郎', ...input });
  const reservationOf = async (remoteId: string) => {
    await call('reservations.refresh', {}, false);
    return value<{ rows: ReservationRow[] }>(await call('reservations.list', {}, false)).rows.find((r) => r.remoteId === remoteId)!;
  };

  beforeEach(async () => {
    reg = await inprocRegister();
    ledger = await linkedSmartReserve(reg.core, reg.call);
    cashier = await login(reg.call);
  });
  afterEach(async () => {
    await reg.close();
    await ledger.close();
  });

  it('pulls reservations by itself and seats one: the ledger gets the visit (R3, S1)', async () => {
    const r = addReservation({ seatName: 'T3', guestName: '山本 様', party: 3 });
    const row = await until(async () => value<{ rows: ReservationRow[] }>(await call('reservations.list', {}, false)).rows.find((x) => x.remoteId === r.id), 'auto pull', 8000);
    expect(row).toMatchObject({ status: 'waiting', designatedTableName: 'T3', guestName: '山本 様' });
    const seated = value<{ warnings: string[] }>(await call('seating.seat', { tableId: T('T3'), reservationId: row.id, party: 3 }));
    expect(seated.warnings).toEqual([]);
    expect((await tile(T('T3'))).visit?.guestName).toBe('山本 様');
    await drained();
    expect(ledger.sim.reservation(STORE_ID, r.id)).toMatchObject({ status: '来店済み' });
    expect((await reservationOf(r.id)).status).toBe('seated');
  });

  it('seats a walk-in (S9) and refuses reservations at waiting tables (S10)', async () => {
    value(await call('seating.seat', { tableId: T('T5'), party: 2 }));
    await drained();
    expect(ledger.sim.visits(STORE_ID)).toHaveLength(1);
    const r = addReservation({ guestName: '待機 様' });
    const row = await reservationOf(r.id);
    const refused = await call('seating.seat', { tableId: 'floor-1-W1', reservationId: row.id, party: 2 });
    expect(refused.ok || refused.error.code).toBe('WAITING_TABLE');
  });

  it('asks before seating a walk-in at a designated table and marks it ▲ (S7)', async () => {
    const r = addReservation({ seatName: 'T4', startTime: '23:45' });
    await reservationOf(r.id);
    const ask = await call('seating.seat', { tableId: T('T4'), party: 2 });
    expect(ask.ok || ask.error.code).toBe('CONFIRM_OVER_RESERVATION');
    const ok = value<{ visit: { overReservation: boolean; guestName: string } }>(await call('seating.seat', { tableId: T('T4'), party: 2, confirmOverReservation: true }));
    expect(ok.visit).toMatchObject({ overReservation: true, guestName: 'ウォークイン' });
  });

  it('never seats the same reservation twice, even from two devices at once (S6 fixed)', async () => {
    const r = addReservation({ guestName: '同時 様' });
    const row = await reservationOf(r.id);
    const [a, b] = await Promise.all([
      call('seating.seat', { tableId: T('T6'), reservationId: row.id, party: 2 }),
      call('seating.seat', { tableId: T('T7'), reservationId: row.id, party: 2 }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const loser = a.ok ? b : a;
    expect(!loser.ok && loser.error.message).toMatch(/すでに.*配席/);
    await drained();
    expect(ledger.sim.visits(STORE_ID)).toHaveLength(1);
  });

  it('warns and sends nothing for an unmapped table (L5)', async () => {
    const seated = value<{ warnings: string[] }>(await call('seating.seat', { tableId: T('C8'), party: 1 }));
    expect(seated.warnings).toContain('USEN SMART RESERVEテーブルとのマッピング設定がないためウォークイン情報はUSEN SMART RESERVEに連携されません。');
    expect(value<{ unsent: number }>(await call('sync.status', {}, false)).unsent).toBe(0);
  });

  it('cancels a visit back to 来店前 (S12), moves (T2) and merges (T1) on the ledger too', async () => {
    const r = addReservation({ guestName: '取消 様' });
    const row = await reservationOf(r.id);
    const { visit } = value<{ visit: { id: string } }>(await call('seating.seat', { tableId: T('T8'), reservationId: row.id, party: 2 }));
    value(await call('seating.cancel', { visitId: visit.id }));
    await drained();
    expect(ledger.sim.reservation(STORE_ID, r.id)).toMatchObject({ status: '来店前' });
    expect((await reservationOf(r.id)).status).toBe('waiting');

    value(await call('seating.seat', { tableId: T('T9'), party: 2 }));
    value(await call('table.move', { fromTableId: T('T9'), toTableId: T('T10') }));
    value(await call('seating.seat', { tableId: T('T11'), party: 3 }));
    const merged = value<{ visit: { party: number } }>(await call('table.merge', { fromTableId: T('T11'), toTableId: T('T10') }));
    expect(merged.visit.party).toBe(5);
    await drained();
    const visits = ledger.sim.visits(STORE_ID) as Array<{ status: string; table?: { seatName: string } | null }>;
    expect(visits.filter((v) => v.status === 'left')).toHaveLength(1); // T1: the source is 退店済み
    expect((await tile(T('T11'))).status).toBe('free');
  });

  it('refuses merging two reservations (T1) and grouping two reservations (T6) in Japanese', async () => {
    const rows = await Promise.all([addReservation({ guestName: 'A' }), addReservation({ guestName: 'B' })].map((r) => reservationOf(r.id)));
    value(await call('seating.seat', { tableId: T('T1'), reservationId: rows[0]!.id, party: 2 }));
    value(await call('seating.seat', { tableId: T('T2'), reservationId: rows[1]!.id, party: 2 }));
    const merge = await call('table.merge', { fromTableId: T('T1'), toTableId: T('T2') });
    expect(!merge.ok && merge.error.message).toBe('予約同士のテーブル統合はできません。');
    const group = await call('table.group', { tableIds: [T('T1'), T('T2')], representativeTableId: T('T1') });
    expect(!group.ok && group.error.message).toBe('予約同士のテーブルグループ設定はできません。');
  });

  it('groups walk-in tables and splits the party on the ledger, odd remainder to the representative (T6)', async () => {
    const { groupId } = value<{ groupId: string }>(await call('table.group', { tableIds: [T('201'), T('202'), T('203')], representativeTableId: T('201') }));
    value(await call('seating.seat', { tableId: T('202'), party: 7 }));
    await drained();
    const parties = (ledger.sim.visits(STORE_ID) as Array<{ party: number }>).map((v) => v.party).sort();
    expect(parties).toEqual([2, 2, 3]);
    value(await call('table.ungroup', { groupId }));
    const split = (await tile(T('203'))).visit!;
    expect(split.party).toBe(1); // ungroup-to-1
    // The table that left the group keeps its ledger visit: a later change reaches it.
    value(await call('visit.update', { visitId: split.id, party: 4 }));
    await drained();
    const onLedger = (ledger.sim.visits(STORE_ID) as Array<{ party: number; visitRef: string }>).find((v) => v.visitRef.endsWith(`/${T('203')}`));
    expect(onLedger?.party).toBe(4);
  });

  it('recovers by itself when the answer to a seating is lost: one visit on the ledger (S11 fixed)', async () => {
    await ledger.sim.addFault({ kind: 'lostResponse', match: 'POST /api/v1/visits', count: 1 } as never);
    value(await call('seating.seat', { tableId: T('T12'), party: 4 }));
    await until(async () => {
      const q = value<QueueRow[]>(await call('sync.queue', { status: 'open' }, false));
      if (q[0] && q[0].attempts > 0) await call('sync.retry', { seq: q[0].seq }); // staff's 再送 only speeds up the backoff
      return q.length === 0;
    }, 'delivery after a lost answer', 15_000, 200);
    expect(ledger.sim.visits(STORE_ID)).toHaveLength(1);
    const row = reg.core.liveDb().prepare(`SELECT attempts FROM outbox WHERE event_type = 'visit.seated'`).get() as { attempts: number };
    expect(row.attempts).toBeGreaterThanOrEqual(2); // the first answer really was lost
  });

  it('sends nothing in training mode (L2)', async () => {
    const manager = await login(reg.call, 'staff-manager', '1234');
    value(await reg.call({ method: 'system.setMode', input: { training: true }, sessionId: manager, commandId: cmdId() }));
    cashier = await login(reg.call);
    value(await call('seating.seat', { tableId: T('T1'), party: 2 }));
    const live = reg.core.liveDb().prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number };
    const training = reg.core.store().db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number };
    expect([live.n, training.n]).toEqual([0, 0]);
  });

  it('R7: a ledger block is listed like a reservation (ブロック) on its table with its time; the tile is ブロック (T4); never seated or changed', async () => {
    const now = Date.now();
    const block = ledger.sim.addBlock(STORE_ID, { seatName: 'T5', businessDay: businessDayOf(now), startTime: jstTime(now), durationMin: 120, reason: '設備点検' });
    const row = await reservationOf(block.id);
    expect(row).toMatchObject({ kind: 'block', guestName: 'ブロック', status: 'waiting', designatedTableId: T('T5'), designatedTableName: 'T5', durationMin: 120, memo: '設備点検', visitId: null });
    expect(await tile(T('T5'))).toMatchObject({ status: 'blocked', ledgerBlock: true, nextReservation: null });
    const refusal = async (method: string, input: unknown) => {
      const r = await call(method, input);
      return !r.ok && [r.error.code, r.error.message];
    };
    expect(await refusal('seating.seat', { tableId: T('T6'), reservationId: row.id, party: 2 })).toEqual(['RESERVATION_IS_BLOCK', 'ブロックは配席できません。解除は予約台帳で行ってください。']);
    expect(await refusal('reservations.update', { reservationId: row.id, party: 3 })).toEqual(['RESERVATION_IS_BLOCK', 'ブロックは予約台帳で変更してください。']);
    // Removed in the ledger: gone from the list, and the tile is free again.
    ledger.sim.removeBlock(STORE_ID, block.id);
    expect(await reservationOf(block.id)).toBeUndefined();
    expect((await tile(T('T5'))).status).toBe('free');
  });

  it('R3: a pull pushes sync.changed with its time; a failing pull pushes its error at once and the next success clears it', async () => {
    const events: AnyEvent[] = [];
    reg.core.subscribe((e) => events.push(e));
    const pushed = (ok: (s: SyncStatus) => boolean) => until(() => events.some((e) => e.name === 'sync.changed' && ok(e.payload)), 'sync.changed', 8000);
    const before = Date.now();
    await call('reservations.refresh', {}, false);
    await pushed((s) => (s.lastPullAt ?? 0) >= before && s.lastPullError === null);
    await ledger.sim.addFault({ kind: 'down' } as never);
    events.length = 0;
    const down = value<{ ok: boolean; message: string | null }>(await call('reservations.refresh', {}, false));
    expect(down).toMatchObject({ ok: false, message: 'テーブル情報連携時にネットワークエラーが発生しました。' });
    await pushed((s) => s.lastPullError === down.message);
    expect(value<SyncStatus>(await call('sync.status', {}, false)).lastPullError).toBe(down.message);
    await ledger.sim.clearFaults();
    events.length = 0;
    await call('reservations.refresh', {}, false);
    await pushed((s) => s.lastPullError === null && (s.lastPullAt ?? 0) > before);
    expect(value<SyncStatus>(await call('sync.status', {}, false)).lastPullError).toBeNull();
  });
});
