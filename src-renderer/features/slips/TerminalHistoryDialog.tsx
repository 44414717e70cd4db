import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerminalPayment } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { Modal } from '../../components/Modal.tsx';
import { useFormat } from '../../components/useFormat.ts';

type Props = { payments: TerminalPayment[]; onClose: () => void };

/** USEN PAY 決済履歴 of a slip (manual 3-2, 4-1 – 4-4): 受注コード, state; 取消 (U8) and 再印刷 (U7). */
export function TerminalHistoryDialog({ payments, onClose }: Props) {
  const { t } = useTranslation();
  const { yen, dateTime } = useFormat();
  const refund = useApp((s) => s.startTerminalRefund);
  const printCopies = useApp((s) => s.printTerminalCopies);
  const [confirming, setConfirming] = useState<TerminalPayment | null>(null);
  if (confirming) {
    return (
      <Modal title={t('payment.refundTitle')} onClose={() => setConfirming(null)} testId="refund-confirm"
        actions={<>
          <button type="button" className="btn" onClick={() => setConfirming(null)}>{t('common.cancel')}</button>
          <button type="button" className="btn btn-primary" onClick={() => { onClose(); void refund(confirming); }}>{t('payment.link')}</button>
        </>}>
        <div className="dialog-figure"><span>{t('payment.method')}</span><strong>{confirming.methodLabel}</strong></div>
        <div className="dialog-figure"><span>{t('payment.refundAmount')}</span><strong className="num">{yen(confirming.amount)}</strong></div>
      </Modal>
    );
  }
  const sales = payments.filter((p) => p.kind === 'sale');
  return (
    <Modal title={t('slips.usenPayHistory')} onClose={onClose} size="wide" testId="usen-pay-history"
      actions={<button type="button" className="btn" onClick={onClose}>{t('common.close')}</button>}>
      <div className="terminal-history" role="list">
        {sales.map((p) => (
          <div key={p.ref} role="listitem" className="terminal-history-row">
            <div>
              <strong>{p.methodLabel}</strong> <span className="num">{yen(p.amount)}</span> <span className="badge">{p.stateLabel}</span>
              <p className="muted">{dateTime(p.createdAt)}{p.brand ? ` ・ ${p.brand}` : ''}{p.maskedCard ? ` ${p.maskedCard}` : ''}</p>
              <p>{t('payment.orderCode')}: <strong className="num">{p.orderCode ?? '—'}</strong></p>
            </div>
            <div className="actions">
              <button type="button" className="btn" disabled={p.method === 'qr' || p.state !== 'done'} onClick={() => void printCopies(p.ref, true)}>{t('slips.reprintCopies')}</button>
              <button type="button" className="btn btn-danger-outline" disabled={p.state !== 'done' || p.refunded} onClick={() => setConfirming(p)}>{t('slips.voidPayment')}</button>
            </div>
          </div>
        ))}
        {sales.length === 0 && <p className="muted">{t('slips.noTerminal')}</p>}
      </div>
    </Modal>
  );
}
