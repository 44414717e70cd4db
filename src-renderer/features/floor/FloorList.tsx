import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorView, ReservationRow } from '../../../src-shared/contract/index.ts';
import { useFormat } from '../../components/useFormat.ts';
import { allTiles, minutesSince, type FloorTile } from '../../store/slices/floor/selectors.ts';
import { waitingToday } from '../../store/slices/reservations/selectors.ts';

type Props = { view: FloorView; reservations: ReservationRow[]; businessDay: string | null; now: number; onOpen: (tile: FloorTile) => void };

type Row = {
  key: string; status: 'reserved' | 'occupied' | 'blocked'; floor: string; table: string; party: number | null; seating: string; name: string;
  slip: string; total: string; stayed: string; entry: string; tile: FloorTile | null;
};

/**
 * The list view of the table list (R6): 予約 rows (and ledger blocks, R7) by time, then the tables
 * in use with the total before tax (税別) and, for a reservation, its time (予約 18:00).
 */
export function FloorList({ view, reservations, businessDay, now, onOpen }: Props) {
  const { t } = useTranslation();
  const { yen, time } = useFormat();
  const rows = useMemo((): Row[] => {
    const tiles = allTiles(view);
    const floorOf = (tableId: string | null) => tiles.find((x) => x.id === tableId)?.floorName ?? '';
    const reserved = waitingToday(reservations, businessDay).map((r): Row => (r.kind === 'block' ? {
      key: `b-${r.id}`, status: 'blocked', floor: floorOf(r.designatedTableId), table: r.designatedTableName ?? '', party: null,
      seating: `${time(r.startAt)}–${time(r.startAt + r.durationMin * 60_000)}`, name: t('reservations.block'), slip: '', total: '', stayed: '', entry: '', tile: null,
    } : {
      key: `r-${r.id}`, status: 'reserved', floor: floorOf(r.designatedTableId), table: r.designatedTableName ?? '', party: r.party,
      seating: t('floor.reservedAt', { time: time(r.startAt) }), name: r.guestName, slip: '', total: '', stayed: '', entry: '', tile: null,
    }));
    const seen = new Set<string>();
    const occupied = tiles.filter((x) => x.visit && !seen.has(x.visit.id) && seen.add(x.visit.id)).map((x): Row => {
      const v = x.visit!;
      const names = v.tableIds.map((id) => tiles.find((y) => y.id === id)?.name ?? '').filter(Boolean);
      return {
        key: `v-${v.id}`, status: 'occupied', floor: x.floorName, table: names.length ? names.join('・') : x.name, party: v.party,
        seating: v.reservationStartAt !== null ? t('floor.reservedAt', { time: time(v.reservationStartAt) }) : v.walkIn ? '' : t('reservations.status.seated'),
        name: `${v.overReservation ? '▲ ' : ''}${v.walkIn ? t('floor.walkIn') : v.guestName}`,
        slip: v.slipNo ?? '', total: yen(v.net), stayed: t('floor.minutes', { count: minutesSince(v.seatedAt, now) }), entry: time(v.seatedAt), tile: x,
      };
    });
    return [...reserved, ...occupied];
  }, [view, reservations, businessDay, now, t, time, yen]);

  if (!rows.length) return <p className="floor-empty muted">{t('floor.listEmpty')}</p>;
  const cols = ['status', 'floor', 'table', 'party', 'seating', 'name', 'slip', 'total', 'stayed', 'entry'] as const;
  return (
    <table className="floor-list" data-testid="floor-list">
      <thead>
        <tr>{cols.map((c) => <th key={c} scope="col">{t(`floor.cols.${c}`)}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={`is-${r.status}${r.tile ? ' is-clickable' : ''}`} onClick={r.tile ? () => onOpen(r.tile!) : undefined}>
            <td data-label={t('floor.cols.status')}><span className={`list-status is-${r.status}`}>{t(`floor.status.${r.status}`)}</span></td>
            <td data-label={t('floor.cols.floor')}>{r.floor}</td>
            <td data-label={t('floor.cols.table')}>
              {r.tile ? <button type="button" className="btn list-open" onClick={(e) => { e.stopPropagation(); onOpen(r.tile!); }}>{r.table}</button> : r.table}
            </td>
            <td data-label={t('floor.cols.party')} className="num">{r.party}</td>
            <td data-label={t('floor.cols.seating')}>{r.seating}</td>
            <td data-label={t('floor.cols.name')} className="list-name">{r.name}</td>
            <td data-label={t('floor.cols.slip')} className="num">{r.slip}</td>
            <td data-label={t('floor.cols.total')} className="num">{r.total}</td>
            <td data-label={t('floor.cols.stayed')} className="num">{r.stayed}</td>
            <td data-label={t('floor.cols.entry')} className="num">{r.entry}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
