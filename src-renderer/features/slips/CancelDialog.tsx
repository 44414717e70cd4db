import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlipDetail } from '../../../src-shared/contract/index.ts';
import { Modal } from '../../components/Modal.tsx';
import { Switch } from '../../components/Switch.tsx';
import { useFormat } from '../../components/useFormat.ts';

type Props = {
  slip: SlipDetail; busy: boolean; hint?: string;
  /** USEN PAY payments of the slip not refunded yet (U8: refund them first; only a manager may record a refund made outside the register). */
  unrefunded: number;
  /** A manager may cancel with unrefunded USEN PAY payments, giving the reason (U9: cash refund, void on the terminal). */
  canDecide: boolean;
  onCancel: (reason: string, returnDocument: boolean, manualRefundReason?: string) => void; onClose: () => void;
};

const REASONS = ['reasonGuest', 'reasonMistake', 'reasonTerminal', 'reasonQuality'] as const;
/** 適格返還請求書: the law needs it from ¥10,000 (消費税法57条の4第3項); below, on request. */
const RETURN_DOCUMENT_FROM = 10_000;

/** 伝票取消 (G3): the reason, and the return document where needed or asked for. */
export function CancelDialog({ slip, busy, hint, unrefunded, canDecide, onCancel, onClose }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const [reason, setReason] = useState('');
  const [manualRefund, setManualRefund] = useState('');
  const [returnDocument, setReturnDocument] = useState(false);
  const automatic = slip.gross >= RETURN_DOCUMENT_FROM;
  // U8: the station refuses too; the button says so first.
  const blocked = unrefunded > 0 && (!canDecide || !manualRefund.trim());
  return (
    <Modal title={t('slips.cancelTitle', { no: slip.slipNo })} onClose={onClose} tone="danger" size="wide" testId="cancel-dialog"
      actions={<>
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
        <button type="button" className="btn btn-danger" disabled={busy || !reason.trim() || blocked}
          onClick={() => onCancel(reason.trim(), returnDocument, unrefunded > 0 ? manualRefund.trim() : undefined)}>{t('slips.cancelAction')}</button>
      </>}>
      {hint && <p className="notice-text">{hint}</p>}
      {unrefunded > 0 && (
        <div className="notice-text is-error" data-testid="unrefunded">
          <p>{t('slips.unrefunded', { amount: yen(unrefunded) })}</p>
          <p>{t('slips.unrefundedManager')}</p>
        </div>
      )}
      {unrefunded > 0 && canDecide && (
        <label className="field">
          <span>{t('slips.manualRefund')}</span>
          <input value={manualRefund} maxLength={100} placeholder={t('slips.manualRefundPlaceholder')} onChange={(e) => setManualRefund(e.target.value)} />
        </label>
      )}
      <div className="dialog-figure"><span>{t('slips.refund')}</span><strong className="num">{yen(slip.gross)}</strong></div>
      <div className="reason-chips" role="group" aria-label={t('slips.cancelReason')}>
        {REASONS.map((r) => <button key={r} type="button" className="chip" aria-pressed={reason === t(`slips.${r}`)} onClick={() => setReason(t(`slips.${r}`))}>{t(`slips.${r}`)}</button>)}
      </div>
      <label className="field">
        <span>{t('slips.cancelReason')}</span>
        <input value={reason} maxLength={60} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="settings-switch-row">
        <span>{automatic ? t('slips.returnDocumentAuto') : t('slips.returnDocument')}</span>
        {!automatic && <Switch checked={returnDocument} onChange={setReturnDocument} label={t('slips.returnDocument')} onText={t('common.on')} offText={t('common.off')} />}
      </div>
    </Modal>
  );
}
