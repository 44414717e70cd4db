import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReservationRow } from '../../../src-shared/contract/index.ts';
import { useFormat } from '../../components/useFormat.ts';
import { dayTone } from '../../store/slices/reservations/selectors.ts';

type Props = { row: ReservationRow; businessDay: string | null; onSeat: (row: ReservationRow) => void; onEdit: (row: ReservationRow) => void };

/**
 * One reservation (R5): status, table or なし, date, time, duration, party, name; 配席 while 配席待ち; details.
 * A ledger block (R7) reads like one, named ブロック with its time range; it is never seated or changed here.
 */
export function ReservationItem({ row, businessDay, onSeat, onEdit }: Props) {
  const { t } = useTranslation();
  const { time, yen } = useFormat();
  const [open, setOpen] = useState(false);
  const tone = dayTone(row, businessDay);
  const block = row.kind === 'block';
  const waiting = row.status === 'waiting' && !block;
  const dayLabel = tone === 'today' ? t('reservations.day.today') : row.businessDay < (businessDay ?? '') ? t('reservations.day.before') : t('reservations.day.after');
  const table = row.status === 'seated' ? (row.seatedTableName ?? row.designatedTableName) : row.designatedTableName;
  const details: Array<[string, string]> = [
    [t('reservations.memo'), row.memo], [t('reservations.request'), row.request],
    [t('reservations.prepayment'), row.prepayment ? yen(row.prepayment) : ''], [t('reservations.points'), row.points ? t('reservations.pointsValue', { count: row.points }) : ''],
    [t('reservations.course'), row.courseName], [t('reservations.courseDetail'), row.courseDetail], [t('reservations.remarks'), row.remarks],
  ];
  const shown = details.filter(([, v]) => v);
  return (
    <li className={`resv is-${tone} is-${block ? 'block' : row.status}`} data-testid="reservation-row" data-name={row.guestName}
      data-status={row.status} data-kind={row.kind}>
      <div className="resv-main">
        <span className={`resv-status is-${block ? 'block' : row.status}`}>{block ? t('reservations.block') : t(`reservations.status.${row.status}`)}</span>
        <span className="resv-table"><small>{t('floor.cols.table')}</small>{table ?? t('reservations.none')}</span>
        <span className="resv-when num">
          <small>{dayLabel} {row.businessDay.slice(5).replace('-', '/')}</small>
          <strong>{time(row.startAt)}</strong>
          <small>{block ? t('reservations.until', { time: time(row.startAt + row.durationMin * 60_000) }) : t('reservations.duration', { count: row.durationMin })}</small>
        </span>
        <span className="resv-party num">{block ? '' : t('reservations.party', { count: row.party })}</span>
        <strong className="resv-name">{block ? t('reservations.block') : row.guestName}</strong>
        <span className="resv-flags">
          {row.prepayment > 0 && <span className="resv-flag">{t('reservations.prepayment')}</span>}
          {row.points > 0 && <span className="resv-flag">{t('reservations.points')}</span>}
          {row.courseName && <span className="resv-flag">{row.courseName}</span>}
        </span>
        <span className="resv-actions">
          <button type="button" className="btn" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('reservations.hideDetails') : t('reservations.details')}
          </button>
          {waiting && (
            <button type="button" className="btn btn-primary resv-seat" onClick={() => onSeat(row)}>{t('reservations.seat')}</button>
          )}
        </span>
      </div>
      {open && (
        <div className="resv-details">
          {shown.length ? (
            <dl>
              {shown.map(([k, v]) => (
                <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
              ))}
            </dl>
          ) : <p className="muted">{t('reservations.noDetails')}</p>}
          {waiting && (
            <button type="button" className="btn resv-edit" onClick={() => onEdit(row)}>{t('reservations.edit')}</button>
          )}
        </div>
      )}
    </li>
  );
}
