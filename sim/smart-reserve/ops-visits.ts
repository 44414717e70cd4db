/** Seating and what follows it: RULES.md#S2, S11, S12, S13, T1, T2 and L5 on the ledger side. */
import { businessDayOf, instantOf, jstTime, MINUTE_MS } from './clock.ts';
import { fail } from './errors.ts';
import type { OpCtx } from './ledger.ts';
import { findConflict, occupancy, type Interval } from './rules.ts';
import type { ChangeReservationInput, ChangeVisitInput, CreateVisitInput } from './schemas.ts';
import { tableRef } from './views.ts';
import { CANCELLED, LEFT, SEATED, WAITING, type Entry, type Seat, type Visit } from './types.ts';

/** One visit about to be created; checked in full before anything changes. */
export interface Placement {
  visitRef: string;
  fingerprint: string;
  posTableId: string;
  seat: Seat;
  party: number;
  reservation: Entry | null;
  durationMin: number;
}

/** RULES.md#S11: refuse a seat that is reserved, occupied or blocked in the wanted interval. */
function assertFree(ctx: OpCtx, seatId: string, want: Interval, except: string[]): void {
  const conflict = findConflict(ctx.store, seatId, want, ctx.now, new Set(except));
  if (conflict) fail('RESERVATION_CONFLICT', { conflict, table: tableRef(ctx.store, seatId) });
}

export function openVisit(ctx: OpCtx, visitId: string): Visit {
  const visit = ctx.store.visit(visitId);
  if (visit.status !== 'seated') fail('VISIT_NOT_OPEN', { visitId, status: visit.status });
  return visit;
}

export function assertNotGrouped(ctx: OpCtx, visit: Visit): void {
  if (visit.groupId !== null && ctx.store.group(visit.groupId).status === 'active') fail('GROUP_ACTIVE', { groupId: visit.groupId });
}

export function reservationEntry(ctx: OpCtx, reservationId: string): Entry {
  const entry = ctx.store.entry(reservationId);
  if (entry.kind !== 'reservation') fail('RESERVATION_NOT_FOUND', { reservationId });
  return entry;
}

export function checkPlacement(ctx: OpCtx, p: Placement): void {
  if (ctx.store.visitsByRef.has(p.visitRef)) fail('VISIT_REF_CONFLICT', { visitRef: p.visitRef });
  if (p.reservation && p.reservation.status !== WAITING) {
    fail('RESERVATION_NOT_WAITING', { reservationId: p.reservation.id, status: p.reservation.status });
  }
  const minutes = p.reservation?.durationMin ?? p.durationMin;
  assertFree(ctx, p.seat.id, { from: ctx.now, to: ctx.now + minutes * MINUTE_MS }, p.reservation ? [p.reservation.id] : []);
}

/** Applies a checked placement: the reservation (or a new walk-in line) becomes 来店済み. */
export function place(ctx: OpCtx, p: Placement, groupId: string | null): Visit {
  const { store, now } = ctx;
  const visitId = store.nextId('V');
  let entry = p.reservation;
  // RULES.md#S2: seated elsewhere than designated → the ledger's table changes to the seated one.
  const tableChangedFrom = entry && entry.seatId !== null && entry.seatId !== p.seat.id ? entry.seatId : null;
  if (!entry) {
    entry = {
      id: store.nextId('W'), kind: 'walk_in', status: SEATED, businessDay: businessDayOf(now, store.settings.dayStart),
      startAt: now, durationMin: p.durationMin, bookedDurationMin: p.durationMin, party: p.party,
      guestName: 'ウォークイン', guestNameKana: '', seatId: p.seat.id, storeMemo: '', guestRequest: '',
      prepaymentAmount: 0, points: 0, courseName: '', courseDetail: '', remarks: '',
      visitId, seatedAt: now, seq: 0, createdAt: now, updatedAt: now,
    };
    store.entries.set(entry.id, entry);
  }
  Object.assign(entry, { status: SEATED, seatId: p.seat.id, party: p.party, visitId, seatedAt: now });
  store.touch(entry, now);
  const visit: Visit = {
    id: visitId, visitRef: p.visitRef, entryId: entry.id, posTableId: p.posTableId, seatId: p.seat.id, party: p.party,
    seatedAt: now, status: 'seated', groupId, mergedInto: null, slip: null, fingerprint: p.fingerprint, updatedAt: now,
  };
  store.visits.set(visit.id, visit);
  store.visitsByRef.set(visit.visitRef, visit.id);
  ctx.effect('visit_created', visit.id, visit.visitRef, {
    entryId: entry.id, kind: entry.kind, posTableId: p.posTableId, seatId: p.seat.id, party: p.party, tableChangedFrom, groupId,
  });
  return visit;
}

/**
 * Seats a reservation or a walk-in. Deduplicated by the register's visitRef: a repeat returns the
 * first visit (created: false) when it asks for the same reservation and table.
 */
export function seatVisit(ctx: OpCtx, input: CreateVisitInput): { created: boolean; visit: Visit } {
  const { store } = ctx;
  const fingerprint = JSON.stringify([input.reservationId ?? null, input.posTableId]);
  const existing = store.visitByRef(input.visitRef);
  if (existing) {
    if (existing.fingerprint !== fingerprint) fail('VISIT_REF_CONFLICT', { visitRef: input.visitRef, visitId: existing.id });
    return { created: false, visit: existing };
  }
  const placement: Placement = {
    visitRef: input.visitRef, fingerprint, posTableId: input.posTableId,
    seat: store.mappedSeat(input.posTableId), // RULES.md#L5: unmapped → 422
    party: input.party,
    reservation: input.reservationId ? reservationEntry(ctx, input.reservationId) : null,
    durationMin: input.durationMin ?? store.settings.walkInDurationMin,
  };
  checkPlacement(ctx, placement);
  return { created: true, visit: place(ctx, placement, null) };
}

/** RULES.md#S12: visit cancel puts the reservation back to 来店前; a walk-in line is cancelled. */
export function cancelVisit(ctx: OpCtx, visitId: string): { changed: boolean; visit: Visit } {
  const { store, now } = ctx;
  const visit = store.visit(visitId);
  if (visit.status === 'cancelled') return { changed: false, visit };
  openVisit(ctx, visitId);
  assertNotGrouped(ctx, visit);
  const entry = store.entry(visit.entryId);
  if (entry.kind === 'reservation') {
    Object.assign(entry, { status: WAITING, visitId: null, seatedAt: null, durationMin: entry.bookedDurationMin });
  } else {
    entry.status = CANCELLED;
  }
  store.touch(entry, now);
  Object.assign(visit, { status: 'cancelled', updatedAt: now });
  ctx.effect('visit_cancelled', visit.id, visit.visitRef, { entryId: entry.id, entryStatus: entry.status });
  return { changed: true, visit };
}

/** RULES.md#S13 after seating: party, start time or slot length of a seated guest. */
export function changeVisit(ctx: OpCtx, visitId: string, input: ChangeVisitInput): Visit {
  const { store, now } = ctx;
  const visit = openVisit(ctx, visitId);
  const entry = store.entry(visit.entryId);
  const startAt = input.startTime === undefined ? entry.startAt : instantOf(entry.businessDay, input.startTime, store.settings.dayStart);
  const durationMin = input.durationMin ?? entry.durationMin;
  if (startAt !== entry.startAt || durationMin !== entry.durationMin) {
    const want = { from: Math.min(startAt, visit.seatedAt), to: Math.max(startAt + durationMin * MINUTE_MS, now + 1) };
    assertFree(ctx, visit.seatId, want, [entry.id]);
  }
  const before = { party: visit.party, startTime: jstTime(entry.startAt), durationMin: entry.durationMin };
  if (input.party !== undefined) visit.party = entry.party = input.party;
  entry.startAt = startAt;
  if (input.durationMin !== undefined) entry.durationMin = entry.bookedDurationMin = input.durationMin;
  visit.updatedAt = now;
  store.touch(entry, now);
  ctx.effect('visit_changed', visit.id, visit.visitRef, { before, after: input });
  return visit;
}

/** RULES.md#S13 before seating: time, table (null: no designation) or party of a reservation. */
export function changeReservation(ctx: OpCtx, reservationId: string, input: ChangeReservationInput): Entry {
  const { store, now } = ctx;
  const entry = reservationEntry(ctx, reservationId);
  if (entry.status !== WAITING) fail('RESERVATION_NOT_WAITING', { reservationId, status: entry.status });
  const businessDay = input.businessDay ?? entry.businessDay;
  const startAt = instantOf(businessDay, input.startTime ?? jstTime(entry.startAt), store.settings.dayStart);
  const durationMin = input.durationMin ?? entry.durationMin;
  const seatId = input.posTableId === undefined ? entry.seatId : input.posTableId === null ? null : store.mappedSeat(input.posTableId).id;
  const moved = seatId !== entry.seatId || startAt !== entry.startAt || durationMin !== entry.durationMin;
  if (seatId !== null && moved) assertFree(ctx, seatId, { from: startAt, to: startAt + durationMin * MINUTE_MS }, [entry.id]);
  Object.assign(entry, { businessDay, startAt, durationMin, bookedDurationMin: durationMin, seatId, party: input.party ?? entry.party });
  store.touch(entry, now);
  ctx.effect('reservation_changed', entry.id, null, { changes: input });
  return entry;
}

/** RULES.md#T2: table move is sent to the ledger; the destination must be mapped and free. */
export function moveVisit(ctx: OpCtx, visitId: string, posTableId: string): { changed: boolean; visit: Visit } {
  const { store, now } = ctx;
  const visit = openVisit(ctx, visitId);
  if (visit.posTableId === posTableId) return { changed: false, visit };
  const seat = store.mappedSeat(posTableId);
  const entry = store.entry(visit.entryId);
  const held = occupancy(entry, now) ?? { from: now, to: now + 1 };
  assertFree(ctx, seat.id, held, [entry.id]);
  const from = visit.posTableId;
  Object.assign(visit, { posTableId, seatId: seat.id, updatedAt: now });
  entry.seatId = seat.id;
  store.touch(entry, now);
  ctx.effect('visit_moved', visit.id, visit.visitRef, { fromPosTableId: from, toPosTableId: posTableId, seatId: seat.id });
  return { changed: true, visit };
}

/** RULES.md#P7: tables with prepayment or reservation-site points are never merged or grouped. */
export function assertCombinable(entries: Entry[]): void {
  const paid = entries.find((e) => e.prepaymentAmount > 0 || e.points > 0);
  if (paid) fail('PREPAID_NOT_COMBINABLE', { reservationId: paid.id });
}

/**
 * RULES.md#T1: merge the source visit into the destination. The destination's info wins, the
 * source becomes 退店済み in the ledger, and two reservations cannot be merged.
 */
export function mergeVisits(ctx: OpCtx, destVisitId: string, sourceVisitId: string, party?: number): { changed: boolean; visit: Visit } {
  const { store, now } = ctx;
  if (destVisitId === sourceVisitId) fail('SAME_VISIT');
  const source = store.visit(sourceVisitId);
  const dest = store.visit(destVisitId);
  if (source.status === 'left' && source.mergedInto === dest.id) return { changed: false, visit: dest };
  openVisit(ctx, dest.id);
  openVisit(ctx, source.id);
  assertNotGrouped(ctx, dest);
  assertNotGrouped(ctx, source);
  const destEntry = store.entry(dest.entryId);
  const sourceEntry = store.entry(source.entryId);
  if (destEntry.kind === 'reservation' && sourceEntry.kind === 'reservation') fail('MERGE_RESERVATIONS');
  assertCombinable([destEntry, sourceEntry]);
  sourceEntry.status = LEFT;
  Object.assign(source, { status: 'left', mergedInto: dest.id, updatedAt: now });
  dest.party = destEntry.party = party ?? dest.party + source.party;
  dest.updatedAt = now;
  store.touch(sourceEntry, now);
  store.touch(destEntry, now);
  ctx.effect('visits_merged', dest.id, null, { sourceVisitId: source.id, sourceEntryId: sourceEntry.id, party: dest.party });
  return { changed: true, visit: dest };
}
