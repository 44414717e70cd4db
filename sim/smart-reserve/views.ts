/** JSON shapes the ledger returns (REST API and control API alike). */
import { jstIso, jstTime, MINUTE_MS } from './clock.ts';
import type { StoreState } from './store.ts';
import type { Block, Entry, Group, Slip, Visit } from './types.ts';

export interface TableRef {
  seatId: string;
  seatName: string;
  /** The register's table mapped to this seat, null while unmapped. */
  posTableId: string | null;
  posTableName: string | null;
}

export function tableRef(store: StoreState, seatId: string | null): TableRef | null {
  if (seatId === null) return null;
  const seat = store.seats.get(seatId);
  const posTableId = store.posTableOfSeat(seatId);
  return {
    seatId,
    seatName: seat?.name ?? seatId,
    posTableId,
    posTableName: posTableId === null ? null : (store.posTables.get(posTableId)?.name ?? null),
  };
}

export function slipView(slip: Slip | null) {
  if (!slip) return null;
  return { ...slip, receivedAt: jstIso(slip.receivedAt) };
}

/** A reservation or walk-in line as the register pulls it (RULES.md#R5 fields). */
export function entryView(store: StoreState, e: Entry) {
  const visit = e.visitId === null ? undefined : store.visits.get(e.visitId);
  return {
    id: e.id,
    kind: e.kind,
    status: e.status,
    businessDay: e.businessDay,
    startTime: jstTime(e.startAt),
    startAt: jstIso(e.startAt),
    endAt: jstIso(e.startAt + e.durationMin * MINUTE_MS),
    durationMin: e.durationMin,
    bookedDurationMin: e.bookedDurationMin,
    extendedMin: e.durationMin - e.bookedDurationMin,
    party: e.party,
    guestName: e.guestName,
    guestNameKana: e.guestNameKana,
    table: tableRef(store, e.seatId),
    storeMemo: e.storeMemo,
    guestRequest: e.guestRequest,
    prepaymentAmount: e.prepaymentAmount,
    points: e.points,
    courseName: e.courseName,
    courseDetail: e.courseDetail,
    remarks: e.remarks,
    visitId: e.visitId,
    visitRef: visit?.visitRef ?? null,
    seatedAt: e.seatedAt === null ? null : jstIso(e.seatedAt),
    slip: slipView(visit?.slip ?? null),
    seq: e.seq,
    updatedAt: jstIso(e.updatedAt),
  };
}

/** RULES.md#R7: a block looks like a reservation named ブロック on the seat it blocks. */
export function blockView(store: StoreState, b: Block) {
  return {
    id: b.id,
    kind: 'block' as const,
    guestName: 'ブロック',
    removed: b.removed,
    businessDay: b.businessDay,
    startTime: jstTime(b.startAt),
    startAt: jstIso(b.startAt),
    endAt: jstIso(b.startAt + b.durationMin * MINUTE_MS),
    durationMin: b.durationMin,
    table: tableRef(store, b.seatId),
    reason: b.reason,
    seq: b.seq,
    updatedAt: jstIso(b.updatedAt),
  };
}

export function visitView(store: StoreState, v: Visit) {
  const e = store.entries.get(v.entryId);
  return {
    id: v.id,
    visitRef: v.visitRef,
    status: v.status,
    reservationId: e?.kind === 'reservation' ? e.id : null,
    entryId: v.entryId,
    entryStatus: e?.status ?? null,
    posTableId: v.posTableId,
    table: tableRef(store, v.seatId),
    party: v.party,
    seatedAt: jstIso(v.seatedAt),
    durationMin: e?.durationMin ?? null,
    groupId: v.groupId,
    mergedInto: v.mergedInto,
    slip: slipView(v.slip),
    updatedAt: jstIso(v.updatedAt),
  };
}

export function groupView(store: StoreState, g: Group) {
  return {
    id: g.id,
    groupRef: g.groupRef,
    status: g.status,
    representativeVisitId: g.representativeVisitId,
    memberVisitIds: g.memberVisitIds,
    visits: [g.representativeVisitId, ...g.memberVisitIds].map((id) => visitView(store, store.visit(id))),
    createdAt: jstIso(g.createdAt),
  };
}

/** The register's pushed tables with the ledger-side mapping (RULES.md#L4). */
export function tablesView(store: StoreState) {
  const tables = [...store.posTables.values()].map((t) => {
    const seatId = store.mapping.get(t.posTableId) ?? null;
    return { ...t, mapped: seatId !== null, seatId, seatName: seatId === null ? null : (store.seats.get(seatId)?.name ?? null) };
  });
  return {
    pushedAt: store.tablesPushedAt === null ? null : jstIso(store.tablesPushedAt),
    total: tables.length,
    mapped: tables.filter((t) => t.mapped).length,
    tables,
  };
}
