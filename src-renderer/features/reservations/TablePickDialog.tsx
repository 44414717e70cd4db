import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReservationRow } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { floorSelectors, tablesForReservation, type FloorTile } from '../../store/slices/floor/selectors.ts';
import { Modal } from '../floor/Modal.tsx';

type Props = { row: ReservationRow; onClose: () => void; onPick: (tile: FloorTile) => void };

/** S1: the tables offered as free for this reservation, its designated table first; never waiting tables (S10). */
export function TablePickDialog({ row, onClose, onPick }: Props) {
  const { t } = useTranslation();
  const view = useApp(floorSelectors.floor);
  const offered = useMemo(() => tablesForReservation(view, row), [view, row]);
  const floors = [...new Set(offered.map((x) => x.floorName))];
  return (
    <Modal title={t('reservations.pickTitle')} onClose={onClose} className="pick-dialog" testId="table-pick">
      <p className="seat-who is-reservation">{t('reservations.pickFor', { name: row.guestName, party: row.party })}</p>
      {offered.length === 0 && <p>{t('reservations.noFreeTables')}</p>}
      {floors.map((f) => (
        <section key={f} className="pick-floor" aria-label={f}>
          <h3>{f}</h3>
          <div className="pick-tables">
            {offered.filter((x) => x.floorName === f).map((x) => (
              <button key={x.id} type="button" className={`btn pick-table${x.id === row.designatedTableId ? ' is-designated' : ''}`}
                data-table={x.name} onClick={() => onPick(x)}>
                <strong>{x.name}</strong>
                <small>{x.id === row.designatedTableId ? t('reservations.designated') : t('floor.seats', { count: x.seats })}</small>
              </button>
            ))}
          </div>
        </section>
      ))}
    </Modal>
  );
}
