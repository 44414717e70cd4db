/** Table groups and checkout: RULES.md#T6, C1, C3, P3, P5, P7, P9 on the ledger side. */
import { fail, MSG_FREE_IN_LEDGER } from './errors.ts';
import type { OpCtx } from './ledger.ts';
import {
  assertCombinable, assertNotGrouped, checkPlacement, openVisit, place, reservationEntry, type Placement,
} from './ops-visits.ts';
import { splitParty } from './rules.ts';
import type { CheckoutInput, GroupInput } from './schemas.ts';
import { LEFT, type Group, type Visit } from './types.ts';

export interface GroupResult {
  created: boolean;
  group: Group;
  /** Unmapped tables whose share of the party was sent under the representative (T6). */
  underRepresentative: string[];
  /** Tables grouped with a reservation before seating: not sent, free in the ledger (T6). */
  freeInLedger: string[];
  warnings: { code: string; message: string; posTableIds: string[] }[];
}

function fingerprintOf(input: GroupInput): string {
  const { groupRef: _ref, ...rest } = input;
  return JSON.stringify(rest);
}

function newGroup(ctx: OpCtx, groupRef: string, fingerprint: string, visits: Visit[]): Group {
  const [rep, ...members] = visits;
  if (!rep) throw new Error('a group needs a representative');
  const group: Group = {
    id: ctx.store.nextId('G'), groupRef, representativeVisitId: rep.id, memberVisitIds: members.map((v) => v.id),
    status: 'active', fingerprint, createdAt: ctx.now,
  };
  for (const v of visits) v.groupId = group.id;
  ctx.store.groups.set(group.id, group);
  ctx.store.groupsByRef.set(groupRef, group.id);
  return group;
}

/**
 * RULES.md#T6. `seat`: seat a group of register tables at once. Walk-ins: the party is split
 * evenly, the remainder to the representative (first table); an unmapped table's share goes
 * under the representative. A reservation: seated at the representative with the whole party;
 * the other tables are not sent and stay free in the ledger (warning). `visits`: group seated
 * visits; two reservations cannot be grouped; walk-ins only → the party is split again.
 */
export function createGroup(ctx: OpCtx, input: GroupInput): GroupResult {
  const { store } = ctx;
  const fingerprint = fingerprintOf(input);
  const existing = store.groupByRef(input.groupRef);
  if (existing) {
    if (existing.fingerprint !== fingerprint) fail('GROUP_REF_CONFLICT', { groupRef: input.groupRef, groupId: existing.id });
    return { created: false, group: existing, underRepresentative: [], freeInLedger: [], warnings: [] };
  }
  const { visits, underRepresentative, freeInLedger } = input.kind === 'seat' ? seatGroup(ctx, input) : groupSeated(ctx, input);
  const group = newGroup(ctx, input.groupRef, fingerprint, visits);
  ctx.effect('group_created', group.id, input.groupRef, {
    kind: input.kind, visits: visits.map((v) => ({ visitId: v.id, posTableId: v.posTableId, party: v.party })), underRepresentative, freeInLedger,
  });
  const warnings = freeInLedger.length === 0 ? [] : [{ code: 'TABLES_FREE_IN_LEDGER', message: MSG_FREE_IN_LEDGER, posTableIds: freeInLedger }];
  return { created: true, group, underRepresentative, freeInLedger, warnings };
}

interface Grouped {
  visits: Visit[];
  underRepresentative: string[];
  freeInLedger: string[];
}

/** Seat a group of register tables at once: every placement is checked before any is made. */
function seatGroup(ctx: OpCtx, input: Extract<GroupInput, { kind: 'seat' }>): Grouped {
  const { store } = ctx;
  const [repTable, ...others] = input.posTableIds as [string, ...string[]];
  const reservation = input.reservationId ? reservationEntry(ctx, input.reservationId) : null;
  if (reservation) assertCombinable([reservation]);
  const placement = (posTableId: string, party: number): Placement => ({
    visitRef: `${input.groupRef}/${posTableId}`, fingerprint: JSON.stringify([reservation?.id ?? null, posTableId]), posTableId,
    seat: store.mappedSeat(posTableId), party, reservation: null, durationMin: store.settings.walkInDurationMin,
  });
  const rep = placement(repTable, input.party);
  const placements = [rep];
  const result: Grouped = { visits: [], underRepresentative: [], freeInLedger: [] };
  if (reservation) {
    rep.reservation = reservation;
    result.freeInLedger = others;
  } else {
    if (input.party < input.posTableIds.length) fail('GROUP_PARTY_TOO_SMALL', { party: input.party, tables: input.posTableIds.length });
    const shares = splitParty(input.party, input.posTableIds.length);
    rep.party = shares[0] ?? 0;
    others.forEach((posTableId, i) => {
      const share = shares[i + 1] ?? 0;
      if (store.isMapped(posTableId)) placements.push(placement(posTableId, share));
      else {
        rep.party += share;
        result.underRepresentative.push(posTableId);
      }
    });
  }
  for (const p of placements) checkPlacement(ctx, p);
  result.visits = placements.map((p) => place(ctx, p, null));
  return result;
}

/** Group visits already seated; walk-ins only → the party is split again. */
function groupSeated(ctx: OpCtx, input: Extract<GroupInput, { kind: 'visits' }>): Grouped {
  const { store } = ctx;
  if (input.memberVisitIds.includes(input.representativeVisitId)) fail('SAME_VISIT');
  const visits = [input.representativeVisitId, ...input.memberVisitIds].map((id) => openVisit(ctx, id));
  for (const v of visits) assertNotGrouped(ctx, v);
  const entries = visits.map((v) => store.entry(v.entryId));
  if (entries.filter((e) => e.kind === 'reservation').length > 1) fail('GROUP_RESERVATIONS');
  assertCombinable(entries);
  if (entries.every((e) => e.kind === 'walk_in')) {
    const total = input.party ?? visits.reduce((sum, v) => sum + v.party, 0);
    if (total < visits.length) fail('GROUP_PARTY_TOO_SMALL', { party: total, tables: visits.length });
    const shares = splitParty(total, visits.length);
    visits.forEach((v, i) => {
      const entry = entries[i];
      v.party = shares[i] ?? 0;
      if (entry) {
        entry.party = v.party;
        store.touch(entry, ctx.now);
      }
    });
  }
  return { visits, underRepresentative: [], freeInLedger: [] };
}

/** RULES.md#T6: ungrouping before checkout sets each non-representative table's party to 1. */
export function dissolveGroup(ctx: OpCtx, groupId: string): { changed: boolean; group: Group } {
  const { store, now } = ctx;
  const group = store.group(groupId);
  if (group.status === 'dissolved') return { changed: false, group };
  if (group.status !== 'active') fail('VISIT_NOT_OPEN', { groupId, status: group.status });
  for (const id of [group.representativeVisitId, ...group.memberVisitIds]) {
    const visit = store.visit(id);
    visit.groupId = null;
    if (id === group.representativeVisitId || visit.status !== 'seated') continue;
    const entry = store.entry(visit.entryId);
    visit.party = entry.party = 1;
    visit.updatedAt = now;
    store.touch(entry, now);
  }
  group.status = 'dissolved';
  ctx.effect('group_dissolved', group.id, group.groupRef, {});
  return { changed: true, group };
}

/**
 * RULES.md#C1: the checkout result (13-digit slip number, amount, party) closes the visit:
 * 退店済み. C3: a split checkout is accepted only when every part is paid. A group is checked
 * out at its representative and closes every member. P3/P5/P9: prepayment and points rules.
 */
export function checkout(ctx: OpCtx, visitId: string, input: CheckoutInput): { created: boolean; visit: Visit } {
  const { store, now } = ctx;
  const visit = store.visit(visitId);
  if (visit.status === 'left' && visit.slip?.slipNo === input.slipNo) return { created: false, visit };
  if (visit.status === 'left' && visit.mergedInto === null) fail('ALREADY_CHECKED_OUT', { visitId, slipNo: visit.slip?.slipNo ?? null });
  openVisit(ctx, visitId);
  const group = visit.groupId === null ? null : store.group(visit.groupId);
  if (group?.status === 'active' && group.representativeVisitId !== visit.id) {
    fail('GROUP_CHECKOUT_REPRESENTATIVE', { groupId: group.id, representativeVisitId: group.representativeVisitId });
  }
  for (const other of store.visits.values()) {
    if (other.slip?.slipNo === input.slipNo) fail('SLIP_DUPLICATE', { slipNo: input.slipNo, visitId: other.id });
  }
  const parts = input.parts ?? [];
  const unpaid = parts.filter((p) => !p.paid).map((p) => p.partNo);
  if (unpaid.length > 0) fail('SPLIT_NOT_PAID', { unpaidParts: unpaid });
  if (parts.length > 0 && parts.reduce((sum, p) => sum + p.amount, 0) !== input.amount) fail('SPLIT_AMOUNT_MISMATCH');
  const entry = store.entry(visit.entryId);
  const prepaymentUsed = input.prepaymentUsed ?? 0;
  const pointsUsed = input.pointsUsed ?? 0;
  if (prepaymentUsed > 0 && pointsUsed > 0) fail('PREPAYMENT_WITH_POINTS');
  if (prepaymentUsed > 0 && prepaymentUsed !== entry.prepaymentAmount) fail('PREPAYMENT_MISMATCH', { prepaymentAmount: entry.prepaymentAmount });
  if (prepaymentUsed > input.amount) fail('PREPAYMENT_OVER_BILL', { prepaymentAmount: entry.prepaymentAmount, amount: input.amount });
  if (pointsUsed > entry.points) fail('POINTS_EXCEED', { points: entry.points });
  visit.slip = {
    slipNo: input.slipNo, amount: input.amount, party: input.party, parts: parts.map(({ partNo, amount }) => ({ partNo, amount })),
    prepaymentUsed, pointsUsed, receivedAt: now,
  };
  visit.party = entry.party = input.party;
  const closing = group?.status === 'active' ? [group.representativeVisitId, ...group.memberVisitIds] : [visit.id];
  for (const id of closing) {
    const v = store.visit(id);
    if (v.status !== 'seated') continue;
    const e = store.entry(v.entryId);
    Object.assign(v, { status: 'left', updatedAt: now });
    e.status = LEFT;
    store.touch(e, now);
  }
  if (group?.status === 'active') group.status = 'closed';
  ctx.effect('checkout', visit.id, input.slipNo, { amount: input.amount, party: input.party, parts: parts.length, groupId: group?.id ?? null });
  return { created: true, visit };
}
