import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { floorSelectors, minutesSince, type FloorTile } from '../../store/slices/floor/selectors.ts';
import { orderScreenAvailable } from '../../store/slices/floor/actions.ts';
import { Modal } from './Modal.tsx';

export type TableAction = 'order' | 'party' | 'cancel' | 'move' | 'merge' | 'group' | 'ungroup';

type Props = { tile: FloorTile; now: number; onClose: () => void; onAction: (action: TableAction) => void };

/** A table with guests: what is on it, and the table operations (S12, S13, T1, T2, T6). */
export function TableMenu({ tile, now, onClose, onAction }: Props) {
  const { t } = useTranslation();
  const { yen, time } = useFormat();
  const busy = useApp(floorSelectors.busy);
  const v = tile.visit;
  if (!v) return null;
  const actions: Array<[TableAction, string, string?]> = [
    ...(orderScreenAvailable() ? [['order', t('tableMenu.order'), 'btn-primary'] as [TableAction, string, string]] : []),
    ['party', t('tableMenu.party')],
    ['move', t('tableMenu.move')],
    ['merge', t('tableMenu.merge')],
    tile.groupId ? ['ungroup', t('tableMenu.ungroup')] : ['group', t('tableMenu.group')],
    ['cancel', t('tableMenu.cancelVisit'), 'btn-danger-outline'],
  ];
  return (
    <Modal title={`${tile.name} ${t(`floor.status.${tile.status}`)}`} onClose={onClose} className="table-menu" testId="table-menu">
      <div className="table-menu-info">
        <strong className="table-menu-guest">
          {v.overReservation && <span className="tile-over" aria-label={t('floor.overReservation')}>▲</span>}
          {v.walkIn ? t('floor.walkIn') : v.guestName}
        </strong>
        <span className="num">{t('floor.party', { count: v.party })}</span>
        <span className="num">{t('tableMenu.since', { time: time(v.seatedAt) })}・{t('tableMenu.stayed', { count: minutesSince(v.seatedAt, now) })}</span>
        <span className="num">{t('tableMenu.amount')} {yen(v.amount)}{v.slipNo ? `・${t('tableMenu.slip', { no: v.slipNo })}` : ''}</span>
      </div>
      <div className="table-menu-actions">
        {actions.map(([key, label, cls]) => (
          <button key={key} type="button" className={`btn btn-large ${cls ?? ''}`} disabled={busy} onClick={() => onAction(key)}>{label}</button>
        ))}
      </div>
    </Modal>
  );
}
