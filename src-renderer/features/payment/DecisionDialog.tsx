import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerminalPayment } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { Modal } from '../../components/Modal.tsx';
import { useFormat } from '../../components/useFormat.ts';

type Props = { payment: TerminalPayment; onClose: () => void };

/** 要確認 (U12): the manager checks the USEN PAY history and records 支払済み or 未払い with the reason. */
export function DecisionDialog({ payment: p, onClose }: Props) {
  const { t } = useTranslation();
  const { yen, dateTime } = useFormat();
  const decide = useApp((s) => s.decideTerminal);
  const resolve = useApp((s) => s.resolveTerminal);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (paid: boolean) => {
    setBusy(true);
    if (await decide(p.ref, paid, reason)) onClose();
    setBusy(false);
  };
  return (
    <Modal title={t('payment.decideTitle')} onClose={onClose} size="wide" testId="decision-dialog"
      actions={<>
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
        <button type="button" className="btn btn-danger" disabled={busy || !reason.trim()} onClick={() => void run(false)}>{t('payment.decideUnpaid')}</button>
        <button type="button" className="btn btn-primary" disabled={busy || !reason.trim()} onClick={() => void run(true)}>{t('payment.decidePaid')}</button>
      </>}>
      <div className="dialog-figure"><span>{p.methodLabel}</span><strong className="num">{yen(p.amount)}</strong></div>
      <p className="muted">{dateTime(p.createdAt)} ・ {p.stateLabel}{p.acquirerStatus ? ` ・ ${p.acquirerStatus}` : ''}</p>
      {p.display && <p className="notice-text">{p.display}</p>}
      <p>{t('payment.decideHint')}</p>
      <button type="button" className="btn" onClick={() => void resolve()}>{t('payment.askTerminal')}</button>
      <label className="field">
        <span>{t('payment.decideReason')}</span>
        <input value={reason} maxLength={100} onChange={(e) => setReason(e.target.value)} placeholder={t('payment.decideReasonHint')} />
      </label>
    </Modal>
  );
}
