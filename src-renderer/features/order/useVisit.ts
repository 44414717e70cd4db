import { useCallback, useEffect, useMemo } from 'react';
import { useApp } from '../../app/store-context.tsx';
import { allTiles, type FloorTile } from '../../store/slices/floor/selectors.ts';

export type VisitInfo = { tables: FloorTile[]; tableNames: string; guestName: string; party: number; prepayment: number; points: number };

/** The visit's tables, guest and party as the table list shows them (floor.view), read once if not loaded. */
export function useVisit(visitId: string | undefined): VisitInfo | null {
  const floor = useApp((s) => s.floor);
  const loadFloor = useApp((s) => s.loadFloor);
  useEffect(() => {
    if (!floor) void loadFloor({ quiet: true });
  }, [floor, loadFloor]);
  return useMemo(() => {
    if (!visitId) return null;
    const tables = allTiles(floor).filter((t) => t.visit?.id === visitId);
    const visit = tables[0]?.visit;
    if (!visit) return null;
    return {
      tables, tableNames: tables.map((t) => t.name).join('・'), guestName: visit.guestName, party: visit.party,
      prepayment: visit.prepayment, points: visit.points,
    };
  }, [floor, visitId]);
}

/** Where staff go after an order or a finished checkout: the table list. */
export function useBackToFloor(): () => void {
  const navigate = useApp((s) => s.navigate);
  return useCallback(() => navigate('floor'), [navigate]);
}
