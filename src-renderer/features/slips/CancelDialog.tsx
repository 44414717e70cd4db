import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlipDetail } from '../../../src-shared/contract/index.ts';
import { Modal } from '../../components/Modal.tsx';
import { Switch } from '../../components/Switch.tsx';
import { useFormat } from '../../components/useFormat.ts';

type Props = {
  slip: SlipDetail; busy: boolean; hint?: string;
  /** USEN PAY payments of the slip not refunded yet (U8: refund them first, or on the terminal itself). */
  unrefunded: number;
  onCancel: (reason: string, returnDocument: boolean) => void; onClose: () => void;
};

const REASONS = ['reasonGuest', 'reasonMistake', 'reasonTerminal', 'reasonQuality'] as const;
/** 適格返還請求書: the law needs it from ¥10,000 (消費税法57条の4第3項); below, on request. */
const RETURN_DOCUMENT_FROM = 10_000;

/** 伝票取消 (G3): the reason, and the return document where needed or asked for. */
export function CancelDialog({ slip, busy, hint, unrefunded, onCancel, onClose }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const [reason, setReason] = useState('');
  const [returnDocument, setReturnDocument] = useState(false);
  const automatic = slip.gross >= RETURN_DOCUMENT_FROM;
  return (
    <Modal title={t('slips.cancelTitle', { no: slip.slipNo })} onClose={onClose} tone="danger" size="wide" testId="cancel-dialog"
      actions={<>
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
        <button type="button" className="btn btn-danger" disabled={busy || !reason.trim()} onClick={() => onCancel(reason.trim(), returnDocument)}>{t('slips.cancelAction')}</button>
      </>}>
      {hint && <p className="notice-text">{hint}</p>}
      {unrefunded > 0 && <p className="notice-text is-error" data-testid="unrefunded">{t('slips.unrefunded', { amount: yen(unrefunded) })}</p>}
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
