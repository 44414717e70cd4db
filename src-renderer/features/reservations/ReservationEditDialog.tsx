import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReservationRow } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { appendDigits, Keypad } from '../../components/Keypad.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { allTiles, floorSelectors } from '../../store/slices/floor/selectors.ts';
import { Modal } from '../floor/Modal.tsx';
import { instantOn } from './time.ts';

type Props = { row: ReservationRow; onClose: () => void };

/** S13 before seating: time, designated table or party of a waiting reservation; sent to the ledger. */
export function ReservationEditDialog({ row, onClose }: Props) {
  const { t } = useTranslation();
  const { time } = useFormat();
  const update = useApp((s) => s.updateReservation);
  const pushToast = useApp((s) => s.pushToast);
  const view = useApp(floorSelectors.floor);
  const dayStart = useApp((s) => s.settings?.businessDayStart ?? '05:00');
  const tables = useMemo(() => allTiles(view).filter((x) => x.kind !== 'waiting'), [view]);
  const [party, setParty] = useState(String(row.party));
  const [fresh, setFresh] = useState(true);
  const [start, setStart] = useState(time(row.startAt));
  const [tableId, setTableId] = useState(row.designatedTableId ?? '');
  const [busy, setBusy] = useState(false);
  const onDigits = useCallback((d: string) => {
    setParty((p) => appendDigits(fresh ? '' : p, d, 3));
    setFresh(false);
  }, [fresh]);
  const save = async () => {
    const startAt = instantOn(row.businessDay, start, dayStart);
    const input = {
      reservationId: row.id,
      ...(Number(party) !== row.party ? { party: Number(party) } : {}),
      ...(start !== time(row.startAt) ? { startAt } : {}),
      ...((tableId || null) !== row.designatedTableId ? { tableId: tableId || null } : {}),
    };
    if (Object.keys(input).length === 1) return onClose();
    setBusy(true);
    try {
      if (await update(input)) {
        pushToast('success', t('reservations.changed', { name: row.guestName }));
        onClose();
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={t('reservations.editTitle', { name: row.guestName })} onClose={onClose} className="seat-dialog" testId="reservation-edit">
      <div className="settings-row">
        <label className="field">
          <span>{t('reservations.time')}</span>
          <input type="time" value={start} onChange={(e) => setStart(e.target.value)} required />
        </label>
        <label className="field">
          <span>{t('floor.cols.table')}</span>
          <select value={tableId} onChange={(e) => setTableId(e.target.value)}>
            <option value="">{t('reservations.none')}</option>
            {tables.map((x) => <option key={x.id} value={x.id}>{x.floorName} {x.name}</option>)}
          </select>
        </label>
      </div>
      <div className="seat-party" data-testid="party-display">
        <span>{t('seat.party')}</span>
        <strong className="num">{party || '—'}</strong>
        <span>{t('seat.partyUnit')}</span>
      </div>
      <Keypad label={t('seat.partyKeypad')} onDigits={onDigits} onClear={() => setParty('')} onBackspace={() => setParty((p) => p.slice(0, -1))}
        onEnter={() => void save()} enterLabel={t('reservations.save')} enterDisabled={!(Number(party) > 0) || !start || busy} />
    </Modal>
  );
}
