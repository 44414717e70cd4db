import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Modal } from '../../components/Modal.tsx';
import { useFormat } from '../../components/useFormat.ts';
import type { TerminalFlow } from '../../store/slices/terminal/initialState.ts';
import { terminalSelectors } from '../../store/slices/terminal/selectors.ts';

type Props = { onFinished?: (flow: TerminalFlow) => void };

/**
 * 決済端末連携 on screen (U2–U6, U8–U11): 決済処理中 / 払戻中 with the terminal's progress and
 * 切断する; the duplicate alert (取引中止 / 続ける); 支払完了 / 払戻完了 with 控え印刷 and OK; the
 * terminal's cancel or refusal text with 閉じる.
 */
export function TerminalFlowDialog({ onFinished }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const flow = useApp(terminalSelectors.flow);
  const prompt = useApp(terminalSelectors.prompt);
  const disconnect = useApp((s) => s.disconnectTerminal);
  const answer = useApp((s) => s.answerTerminalPrompt);
  const close = useApp((s) => s.closeTerminalFlow);
  const printCopies = useApp((s) => s.printTerminalCopies);
  const [asking, setAsking] = useState(false);
  const [printing, setPrinting] = useState(false);
  if (!flow) return null;

  const refund = flow.kind === 'refund';
  const p = flow.payment;
  const methodLabel = p?.methodLabel ?? '';
  const finish = () => {
    close();
    onFinished?.(flow);
  };
  const figures = (
    <>
      <div className="dialog-figure"><span>{t('payment.method')}</span><strong>{methodLabel || t(`payment.method_${flow.method}`)}</strong></div>
      <div className="dialog-figure"><span>{refund ? t('payment.refundAmount') : t('payment.amount')}</span><strong className="num">{yen(flow.amount)}</strong></div>
    </>
  );

  if ((flow.phase === 'sending' || flow.phase === 'waiting') && prompt && prompt.ref === flow.ref) {
    return (
      <Modal title={t('payment.duplicateTitle')} tone="danger" testId="terminal-duplicate"
        actions={prompt.options.map((o) => (
          <button key={o.answer} type="button" className={`btn ${o.answer === 'stop' ? 'btn-danger' : 'btn-primary'}`} onClick={() => void answer(o.answer)}>{o.label}</button>
        ))}>
        <p className="notice-text is-error">{prompt.display}</p>
        {figures}
      </Modal>
    );
  }

  if (flow.phase === 'sending' || flow.phase === 'waiting') {
    return (
      <>
        <Modal title={refund ? t('payment.refunding') : t('payment.processing')} testId="terminal-waiting"
          actions={<button type="button" className="btn btn-danger-outline" onClick={() => setAsking(true)} disabled={!flow.ref}>▲ {t('payment.disconnect')}</button>}>
          {figures}
          <p className="terminal-progress" aria-live="polite" data-testid="terminal-progress">{flow.display ?? t('payment.sending')}</p>
          <p className="muted">{t('payment.operateTerminal')}</p>
        </Modal>
        {asking && (
          <ConfirmDialog title={t('payment.disconnectTitle')} confirmLabel={t('payment.disconnect')} danger
            onConfirm={() => { setAsking(false); void disconnect(); }} onCancel={() => setAsking(false)}>
            <p>{t('payment.disconnectBody')}</p>
          </ConfirmDialog>
        )}
      </>
    );
  }

  if (flow.phase === 'done') {
    const noCopies = flow.method === 'qr';
    return (
      <Modal title={refund ? t('payment.refunded') : t('payment.paid')} tone="ok" testId="terminal-done"
        actions={<>
          <button type="button" className="btn" disabled={noCopies || printing || !p}
            onClick={() => { if (!p) return; setPrinting(true); void printCopies(p.ref).finally(() => setPrinting(false)); }}>{t('payment.printCopies')}</button>
          <button type="button" className="btn btn-primary" onClick={finish}>OK</button>
        </>}>
        {figures}
        {p && (p.brand || p.maskedCard || p.orderCode) && (
          <dl className="terminal-facts">
            {p.brand && <div><dt>{t('payment.brand')}</dt><dd>{p.brand}</dd></div>}
            {p.maskedCard && <div><dt>{t('payment.card')}</dt><dd className="num">{p.maskedCard}</dd></div>}
            {p.approvalNo && <div><dt>{t('payment.approval')}</dt><dd className="num">{p.approvalNo}</dd></div>}
            {p.orderCode && <div><dt>{t('payment.orderCode')}</dt><dd className="num" data-testid="order-code">{p.orderCode}</dd></div>}
          </dl>
        )}
        {noCopies && <p className="muted">{t('payment.noCopiesQr')}</p>}
        {refund && flow.originalRef && <p className="notice-text">{t('payment.refundThenCancel')}</p>}
      </Modal>
    );
  }

  const title = flow.phase === 'review' ? t('payment.reviewTitle') : flow.disconnected ? t('payment.disconnected')
    : flow.phase === 'unknown' ? t('payment.unknownTitle') : refund ? t('payment.refundFailed') : t('payment.failed');
  const text = flow.error ?? p?.display ?? p?.reason ?? '';
  return (
    <Modal title={title} tone={flow.phase === 'failed' ? 'danger' : 'normal'} testId="terminal-ended"
      actions={<button type="button" className="btn btn-primary" onClick={finish}>{t('common.close')}</button>}>
      {figures}
      {text && <p className={`notice-text${flow.phase === 'failed' ? ' is-error' : ''}`} data-testid="terminal-message">{text}</p>}
    </Modal>
  );
}
