import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/useFormat.ts';
import { minutesSince, type FloorTile } from '../../store/slices/floor/selectors.ts';

type Props = {
  tile: FloorTile;
  now: number;
  groupLabel: string | null;
  onTap: (tile: FloorTile) => void;
  /** Pick mode: tables that cannot be chosen are shown dimmed and do not react. */
  disabled?: boolean;
  /** Pick mode: chosen (group selection). */
  selected?: boolean;
};

/** One table (G2, R6): name, status in words and colour, guest or ウォークイン, party, amount, minutes stayed. */
export function TableTile({ tile, now, groupLabel, onTap, disabled, selected }: Props) {
  const { t } = useTranslation();
  const { yen, time } = useFormat();
  const v = tile.visit;
  const next = tile.nextReservation;
  return (
    <button type="button" className={`tile is-${tile.status}${selected ? ' is-selected' : ''}`} data-table={tile.name}
      data-status={tile.status} disabled={disabled} aria-pressed={selected} onClick={() => onTap(tile)}>
      <span className="tile-head">
        <strong className="tile-name">{tile.name}</strong>
        <span className="tile-status">{t(`floor.status.${tile.status}`)}</span>
      </span>
      {v ? (
        <>
          <span className="tile-guest">
            {v.overReservation && <span className="tile-over" title={t('floor.overReservation')} aria-label={t('floor.overReservation')}>▲</span>}
            {v.walkIn ? t('floor.walkIn') : v.guestName}
          </span>
          <span className="tile-figs">
            <span className="num">{t('floor.party', { count: v.party })}</span>
            <span className="num">{yen(v.amount)}</span>
            <span className="num">{t('floor.minutes', { count: minutesSince(v.seatedAt, now) })}</span>
          </span>
        </>
      ) : (
        <>
          <span className="tile-guest">
            {tile.status === 'reserved' && next ? next.guestName
              : tile.ledgerBlock ? t('floor.ledgerBlock')
                : tile.kind === 'waiting' ? t('floor.waitingTable') : '\u00a0'}
          </span>
          {tile.status === 'reserved' && next ? (
            <span className="tile-figs">
              <span className="num tile-resv-time">{t('floor.reservedAt', { time: time(next.startAt) })}</span>
              <span className="num">{t('floor.party', { count: next.party })}</span>
            </span>
          ) : (
            <span className="tile-figs muted"><span className="num">{t('floor.seats', { count: tile.seats })}</span></span>
          )}
        </>
      )}
      {(groupLabel || tile.unsent) && (
        <span className="tile-badges">
          {groupLabel && (
            <span className={`tile-group g-${groupLabel}`} data-testid="group-badge">
              {groupLabel}{tile.representative ? ` ${t('floor.representative')}` : ''}
            </span>
          )}
          {tile.unsent && <span className="tile-unsent" title={t('floor.unsentHint')} data-testid="tile-unsent">⟳ {t('floor.unsent')}</span>}
        </span>
      )}
    </button>
  );
}
