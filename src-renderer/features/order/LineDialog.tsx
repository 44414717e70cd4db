import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal.tsx';
import { useFormat } from '../../components/useFormat.ts';

export type EditableLine = { name: string; unitPrice: number; quantity: number; takeout: boolean; note: string; sent: boolean; reduced: boolean };
export type LineChange = { quantity: number; takeout: boolean; note: string };

type Props = {
  line: EditableLine;
  busy?: boolean;
  onSave: (change: LineChange) => void;
  /** Draft: take it off the order. Sent: 取消 (void) with a reason. */
  onRemove: (reason: string) => void;
  onClose: () => void;
};

const NOTES = ['noteLarge', 'noteSmall', 'noteNoIce', 'noteLater'] as const;
const VOID_REASONS = ['voidMistake', 'voidGuest', 'voidSoldOut'] as const;

/** One line: quantity, 店内 / 持帰り (its tax rate), a note; and remove or 取消. */
export function LineDialog({ line, busy, onSave, onRemove, onClose }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const [quantity, setQuantity] = useState(line.quantity);
  const [takeout, setTakeout] = useState(line.takeout);
  const [note, setNote] = useState(line.note);
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState('');

  if (voiding) {
    return (
      <Modal title={t('order.voidTitle', { name: line.name })} onClose={() => setVoiding(false)} tone="danger"
        actions={<>
          <button type="button" className="btn" onClick={() => setVoiding(false)}>{t('common.cancel')}</button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => onRemove(reason)}>{t('order.voidAction')}</button>
        </>}>
        <p>{t('order.voidBody')}</p>
        <div className="reason-chips" role="group" aria-label={t('order.voidReason')}>
          {VOID_REASONS.map((r) => (
            <button key={r} type="button" className="chip" aria-pressed={reason === t(`order.${r}`)} onClick={() => setReason(t(`order.${r}`))}>{t(`order.${r}`)}</button>
          ))}
        </div>
        <label className="field">
          <span>{t('order.voidReason')}</span>
          <input value={reason} maxLength={60} onChange={(e) => setReason(e.target.value)} />
        </label>
      </Modal>
    );
  }

  return (
    <Modal title={line.name} onClose={onClose}
      actions={<>
        {line.sent
          ? <button type="button" className="btn btn-danger-outline" onClick={() => setVoiding(true)}>{t('order.void')}</button>
          : <button type="button" className="btn btn-danger-outline" onClick={() => onRemove('')}>{t('order.remove')}</button>}
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => onSave({ quantity, takeout, note: note.trim() })}>{t('order.apply')}</button>
      </>}>
      <div className="line-edit-row">
        <span className="field-label">{t('order.quantity')}</span>
        <div className="stepper">
          <button type="button" className="btn" onClick={() => setQuantity((q) => Math.max(1, q - 1))} disabled={quantity <= 1} aria-label={t('order.minusOne')}>−</button>
          <strong className="num stepper-value" data-testid="line-quantity">{quantity}</strong>
          <button type="button" className="btn" onClick={() => setQuantity((q) => Math.min(99, q + 1))} disabled={quantity >= 99} aria-label={t('order.plusOne')}>＋</button>
        </div>
        <strong className="num line-edit-amount">{yen(line.unitPrice * quantity)}</strong>
      </div>
      <div className="line-edit-row">
        <span className="field-label">{t('order.eatIn')} / {t('order.takeout')}</span>
        <div className="segmented" role="group" aria-label={t('order.eatInOrTakeout')}>
          <button type="button" aria-pressed={!takeout} onClick={() => setTakeout(false)}>{t('order.eatIn')}</button>
          <button type="button" aria-pressed={takeout} onClick={() => setTakeout(true)}>{t('order.takeout')}</button>
        </div>
        {line.reduced && <span className="muted">{takeout ? t('order.rate8') : t('order.rate10')}</span>}
      </div>
      <label className="field">
        <span>{t('order.note')}</span>
        <input value={note} maxLength={60} onChange={(e) => setNote(e.target.value)} placeholder={t('order.notePlaceholder')} />
      </label>
      <div className="reason-chips" role="group" aria-label={t('order.quickNotes')}>
        {NOTES.map((n) => (
          <button key={n} type="button" className="chip" onClick={() => setNote((v) => (v ? `${v} ${t(`order.${n}`)}` : t(`order.${n}`)).slice(0, 60))}>{t(`order.${n}`)}</button>
        ))}
      </div>
    </Modal>
  );
}
