import type { FloorView, ReservationRow, TableTile } from '../../../../src-shared/contract/index.ts';
import type { AppState } from '../../types.ts';

/** Store selectors return stored values only (stable for React); derive lists with the helpers below in useMemo. */
export const floorSelectors = {
  floor: (s: AppState) => s.floor,
  floorId: (s: AppState) => s.floorId,
  viewMode: (s: AppState) => s.floorViewMode,
  busy: (s: AppState) => s.floorBusy,
  warnings: (s: AppState) => s.floorWarnings,
  clockOffsetMs: (s: AppState) => s.clockOffsetMs,
  /** T5: table reset is offered only where the store enabled it. */
  resetEnabled: (s: AppState) => s.settings?.tableResetEnabled ?? false,
};

export type FloorTile = TableTile & { floorName: string };

/** Every table of every floor, in floor order, with its floor's name. */
export function allTiles(view: FloorView | null): FloorTile[] {
  return view ? view.floors.flatMap((f) => f.tables.map((t) => ({ ...t, floorName: f.name }))) : [];
}

export function tileById(view: FloorView | null, tableId: string): FloorTile | null {
  return allTiles(view).find((t) => t.id === tableId) ?? null;
}

/** No visit, no block, no reset: a table a party can sit down at. */
export const isSeatable = (t: TableTile): boolean => t.visit === null && !t.blocked && !t.reset && !t.ledgerBlock;

/**
 * S1, S10: the tables offered to seat a reservation: free ones, its designated table first (even
 * while it shows 予約 for this very reservation), never waiting tables, never tables held for
 * another reservation.
 */
export function tablesForReservation(view: FloorView | null, r: Pick<ReservationRow, 'id' | 'designatedTableId'>): FloorTile[] {
  const offered = allTiles(view).filter((t) => t.kind !== 'waiting' && isSeatable(t)
    && (t.status === 'free' || (t.status === 'reserved' && t.nextReservation?.id === r.id) || t.id === r.designatedTableId));
  return [...offered.filter((t) => t.id === r.designatedTableId), ...offered.filter((t) => t.id !== r.designatedTableId)];
}

/** T2: where a visit may move: any other table without guests, block or reset. */
export const moveTargets = (view: FloorView | null, fromTableId: string): FloorTile[] =>
  allTiles(view).filter((t) => t.id !== fromTableId && isSeatable(t));

/** T1: the destination of a merge: another table with guests (not the same visit). */
export function mergeTargets(view: FloorView | null, fromTableId: string): FloorTile[] {
  const from = tileById(view, fromTableId);
  return allTiles(view).filter((t) => t.id !== fromTableId && t.visit !== null && t.visit.id !== from?.visit?.id);
}

/** T6: tables that may join a new group: not in a group, not blocked or reset. */
export const groupCandidates = (view: FloorView | null): FloorTile[] =>
  allTiles(view).filter((t) => t.groupId === null && !t.blocked && !t.reset);

export const groupMembers = (view: FloorView | null, groupId: string): FloorTile[] => allTiles(view).filter((t) => t.groupId === groupId);

/** Whole minutes since `since` (never negative), on the station's clock. */
export const minutesSince = (since: number, now: number): number => Math.max(0, Math.floor((now - since) / 60_000));

/** A short, stable badge for a group (G1, G2 … in order of first appearance on the floor). */
export function groupLabels(view: FloorView | null): Map<string, string> {
  const labels = new Map<string, string>();
  for (const t of allTiles(view)) if (t.groupId && !labels.has(t.groupId)) labels.set(t.groupId, `G${labels.size + 1}`);
  return labels;
}
