import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReservationRow, VisitSummary } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { appendDigits, Keypad } from '../../components/Keypad.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { floorSelectors, groupMembers, type FloorTile } from '../../store/slices/floor/selectors.ts';
import { Modal } from './Modal.tsx';

export type SeatMode = 'seatOnly' | 'register';

type Props = {
  tile: FloorTile;
  /** S1: the reservation being seated; none = a walk-in (S9). */
  reservation?: ReservationRow;
  onClose: () => void;
  onSeated: (visit: VisitSummary, mode: SeatMode) => void;
  /** Other actions for this free table (ブロック, グループ …), under the seating. */
  extra?: ReactNode;
  /**
   * The station refused (its message is already on screen). Refusals that change the situation
   * (seated on another device, table taken) end this dialog; others (party) leave it open.
   */
  onRefused?: (code: string) => void;
};

/** Refusals after which this dialog has nothing more to offer. */
export const FINAL_REFUSALS = ['ALREADY_SEATED', 'RESERVATION_CANCELLED', 'TABLE_OCCUPIED', 'TABLE_BLOCKED', 'TABLE_RESET', 'WAITING_TABLE', 'NOT_FOUND'];

/**
 * お客様情報 (S1, S9): the party on a keypad, then 配席のみ or 登録. A walk-in at a table whose
 * designated reservation waits gets the API's question first (S7) and is seated once confirmed.
 */
export function SeatDialog({ tile, reservation, onClose, onSeated, extra, onRefused }: Props) {
  const { t } = useTranslation();
  const { time } = useFormat();
  const seatTable = useApp((s) => s.seatTable);
  const busy = useApp(floorSelectors.busy);
  const view = useApp(floorSelectors.floor);
  const [party, setParty] = useState(reservation ? String(reservation.party) : '');
  const [question, setQuestion] = useState<{ message: string; mode: SeatMode } | null>(null);
  const members = tile.groupId ? groupMembers(view, tile.groupId) : [];

  const submit = async (mode: SeatMode, confirmOverReservation = false) => {
    const outcome = await seatTable({
      tableId: tile.id, party: Number(party || 0), confirmOverReservation,
      ...(reservation ? { reservationId: reservation.id } : {}),
    });
    if (outcome.kind === 'confirm') setQuestion({ message: outcome.message, mode });
    else if (outcome.kind === 'seated') onSeated(outcome.visit, mode);
    else if (outcome.error.code !== 'BUSY' && FINAL_REFUSALS.includes(outcome.error.code)) (onRefused ?? onClose)(outcome.error.code);
  };
  const onDigits = useCallback((d: string) => setParty((p) => appendDigits(p, d, 3)), []);
  const onClear = useCallback(() => setParty(''), []);
  const onBackspace = useCallback(() => setParty((p) => p.slice(0, -1)), []);
  const ready = Number(party) > 0 && !busy;

  return (
    <Modal title={t('seat.title', { table: tile.name })} onClose={onClose} className="seat-dialog" testId="seat-dialog">
      <p className={`seat-who${reservation ? ' is-reservation' : ''}`}>
        {reservation
          ? t('seat.reservation', { time: time(reservation.startAt), name: reservation.guestName, party: reservation.party })
          : t('seat.walkIn')}
      </p>
      {members.length > 1 && <p className="muted">{t('seat.groupSeatHint', { tables: members.map((m) => m.name).join('・') })}</p>}
      {tile.ledgerBlock && <p className="seat-warn">{t('tableMenu.ledgerBlocked')}</p>}
      <div className="seat-party" data-testid="party-display" aria-live="polite">
        <span>{t('seat.party')}</span>
        <strong className="num">{party || '—'}</strong>
        <span>{t('seat.partyUnit')}</span>
      </div>
      <Keypad label={t('seat.partyKeypad')} onDigits={onDigits} onClear={onClear} onBackspace={onBackspace}
        onEnter={() => void submit('seatOnly')} enterLabel={t('seat.seatOnly')} enterDisabled={!ready} enterVariant="secondary" />
      <button type="button" className="btn btn-primary btn-large btn-block" disabled={!ready} onClick={() => void submit('register')}>
        {t('seat.register')}
      </button>
      {extra && (
        <div className="seat-extra">
          <span className="muted">{t('seat.otherActions')}</span>
          <div className="seat-extra-actions">{extra}</div>
        </div>
      )}
      {question && (
        <ConfirmDialog title={t('seat.confirmTitle')} confirmLabel={t('seat.confirmAction')} busy={busy}
          onCancel={() => setQuestion(null)}
          onConfirm={() => {
            const mode = question.mode;
            setQuestion(null);
            void submit(mode, true);
          }}>
          <p data-testid="over-reservation-message">{question.message}</p>
        </ConfirmDialog>
      )}
    </Modal>
  );
}
