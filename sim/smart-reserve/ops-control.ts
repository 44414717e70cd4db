/**
 * What the ledger's own staff do in USEN SMART RESERVE (control API), and the register's table
 * push: seats, mappings (RULES.md#L4), reservations (R5, P2, P5) and blocks (R7, T4).
 */
import { instantOf, jstTime } from './clock.ts';
import { fail } from './errors.ts';
import type { OpCtx } from './ledger.ts';
import type { BlockInput, ReservationInput, ReservationPatch, SeatsInput } from './schemas.ts';
import { blockBody, reservationBody, reservationPatch } from './schemas.ts';
import type { StoreState } from './store.ts';
import { CANCELLED, WAITING, type Block, type Entry, type PosTable, type Seat } from './types.ts';

/** RULES.md#P2 (prepayment below ¥300,000) and P5 (never prepayment and points together). */
export const PREPAYMENT_LIMIT_YEN = 300_000;

function assertPrepayment(prepaymentAmount: number, points: number): void {
  if (prepaymentAmount >= PREPAYMENT_LIMIT_YEN) fail('PREPAYMENT_LIMIT', { prepaymentAmount, limit: PREPAYMENT_LIMIT_YEN });
  if (prepaymentAmount > 0 && points > 0) fail('PREPAYMENT_WITH_POINTS');
}

function seatIdOf(store: StoreState, seatId: string | null | undefined, seatName: string | undefined): string | null {
  if (seatName !== undefined) {
    for (const seat of store.seats.values()) if (seat.name === seatName) return seat.id;
    fail('SEAT_NOT_FOUND', { seatName });
  }
  if (seatId === undefined || seatId === null) return null;
  return store.seat(seatId).id;
}

/** Replaces the ledger's seat list. Mappings to seats that are gone are dropped. */
export function setSeats(store: StoreState, input: SeatsInput): Seat[] {
  store.seats.clear();
  for (const s of input.seats) {
    const seat: Seat = { id: s.id ?? store.nextId('SEAT'), name: s.name, kind: s.kind ?? 'テーブル', capacity: s.capacity ?? 4, floor: s.floor ?? null };
    store.seats.set(seat.id, seat);
  }
  for (const [posTableId, seatId] of store.mapping) if (!store.seats.has(seatId)) store.mapping.delete(posTableId);
  return [...store.seats.values()];
}

function mapByName(store: StoreState): void {
  const taken = new Set(store.mapping.values());
  for (const table of store.posTables.values()) {
    if (store.mapping.has(table.posTableId)) continue;
    const seat = [...store.seats.values()].find((s) => s.name === table.name && !taken.has(s.id));
    if (seat) {
      store.mapping.set(table.posTableId, seat.id);
      taken.add(seat.id);
    }
  }
}

/** RULES.md#L4: the mapping is chosen on the ledger side; names may differ. Replaces all mappings. */
export function setMappings(store: StoreState, input: { mappings: { posTableId: string; seatId: string }[] } | { byName: true }): void {
  if ('byName' in input) {
    mapByName(store);
    return;
  }
  const seats = new Set<string>();
  for (const m of input.mappings) {
    if (!store.posTables.has(m.posTableId)) fail('UNKNOWN_POS_TABLE', { posTableId: m.posTableId });
    store.seat(m.seatId);
    if (seats.has(m.seatId)) fail('MAPPING_DUPLICATE', { seatId: m.seatId });
    seats.add(m.seatId);
  }
  store.mapping.clear();
  for (const m of input.mappings) store.mapping.set(m.posTableId, m.seatId);
}

/** 「SMART RESERVER同期」 (RULES.md#L4): the register replaces its table list in the ledger. */
export type PushedTable = Pick<PosTable, 'posTableId' | 'name'> & Partial<Omit<PosTable, 'posTableId' | 'name'>>;

export function pushTables(ctx: OpCtx, tables: PushedTable[]): void {
  const { store } = ctx;
  store.posTables.clear();
  for (const t of tables) {
    store.posTables.set(t.posTableId, { posTableId: t.posTableId, name: t.name, floor: t.floor ?? null, capacity: t.capacity ?? null, kind: t.kind ?? null });
  }
  for (const posTableId of [...store.mapping.keys()]) if (!store.posTables.has(posTableId)) store.mapping.delete(posTableId);
  if (store.settings.autoMapByName) mapByName(store);
  store.tablesPushedAt = ctx.now;
  ctx.effect('tables_pushed', store.id, null, { count: store.posTables.size, mapped: store.mapping.size });
}

export function addReservation(store: StoreState, now: number, raw: ReservationInput): Entry {
  const input = reservationBody.parse(raw);
  if (input.id !== undefined && store.entries.has(input.id)) fail('RESERVATION_EXISTS', { reservationId: input.id });
  assertPrepayment(input.prepaymentAmount, input.points);
  const entry: Entry = {
    id: input.id ?? store.nextId('R'), kind: 'reservation', status: input.status, businessDay: input.businessDay,
    startAt: instantOf(input.businessDay, input.startTime, store.settings.dayStart),
    durationMin: input.durationMin, bookedDurationMin: input.durationMin, party: input.party,
    guestName: input.guestName, guestNameKana: input.guestNameKana, seatId: seatIdOf(store, input.seatId, input.seatName),
    storeMemo: input.storeMemo, guestRequest: input.guestRequest, prepaymentAmount: input.prepaymentAmount, points: input.points,
    courseName: input.courseName, courseDetail: input.courseDetail, remarks: input.remarks,
    visitId: null, seatedAt: null, seq: 0, createdAt: now, updatedAt: now,
  };
  store.entries.set(entry.id, entry);
  store.touch(entry, now);
  return entry;
}

/** Edits a reservation as ledger staff would. Cancelling is only possible before seating. */
export function editReservation(store: StoreState, now: number, reservationId: string, raw: ReservationPatch): Entry {
  const patch = reservationPatch.parse(raw);
  const entry = store.entry(reservationId);
  if (entry.kind !== 'reservation') fail('RESERVATION_NOT_FOUND', { reservationId });
  if (patch.status === CANCELLED && entry.status !== WAITING && entry.status !== CANCELLED) {
    fail('RESERVATION_NOT_WAITING', { reservationId, status: entry.status });
  }
  assertPrepayment(patch.prepaymentAmount ?? entry.prepaymentAmount, patch.points ?? entry.points);
  const { seatId, seatName, startTime, durationMin, ...rest } = patch;
  const businessDay = patch.businessDay ?? entry.businessDay;
  if (startTime !== undefined || patch.businessDay !== undefined) {
    const time = startTime ?? jstTime(entry.startAt);
    entry.startAt = instantOf(businessDay, time, store.settings.dayStart);
  }
  if (seatId !== undefined || seatName !== undefined) entry.seatId = seatIdOf(store, seatId, seatName);
  if (durationMin !== undefined) entry.durationMin = entry.bookedDurationMin = durationMin;
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) Object.assign(entry, { [key]: value });
  store.touch(entry, now);
  return entry;
}

export function addBlock(store: StoreState, now: number, raw: BlockInput): Block {
  const input = blockBody.parse(raw);
  const seatId = seatIdOf(store, input.seatId, input.seatName);
  if (seatId === null) fail('SEAT_NOT_FOUND');
  const block: Block = {
    id: store.nextId('B'), seatId, businessDay: input.businessDay, startAt: instantOf(input.businessDay, input.startTime, store.settings.dayStart),
    durationMin: input.durationMin, reason: input.reason, removed: false, seq: 0, updatedAt: now,
  };
  store.blocks.set(block.id, block);
  store.touch(block, now);
  return block;
}

/** A removed block stays as a tombstone (removed: true) so pulls by cursor see it go. */
export function removeBlock(store: StoreState, now: number, blockId: string): Block {
  const block = store.blocks.get(blockId) ?? fail('BLOCK_NOT_FOUND', { blockId });
  if (!block.removed) {
    block.removed = true;
    store.touch(block, now);
  }
  return block;
}
