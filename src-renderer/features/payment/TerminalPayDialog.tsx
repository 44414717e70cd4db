import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerminalMethod } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { Modal } from '../../components/Modal.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { terminalSelectors } from '../../store/slices/terminal/selectors.ts';
import { AmountPad } from '../checkout/AmountPad.tsx';
import { TerminalStatusLine } from './TerminalStatusLine.tsx';

type Props = { rest: number; onClose: () => void };

/**
 * 決済端末 (U2): method (USEN PAY クレジット / 電子マネー / QRコード; not contracted = disabled),
 * amount, 会計 → confirm → 決済端末連携. The waiting and 支払完了 screens follow (TerminalFlowDialog).
 */
export function TerminalPayDialog({ rest, onClose }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const status = useApp(terminalSelectors.status);
  const start = useApp((s) => s.startTerminalSale);
  const [method, setMethod] = useState<TerminalMethod | null>(null);
  const [amount, setAmount] = useState(rest);
  const [confirming, setConfirming] = useState(false);
  const ready = status?.state === 'connected';
  const label = status?.methods.find((m) => m.method === method)?.label ?? '';

  if (confirming && method) {
    return (
      <Modal title={t('payment.confirmTitle')} onClose={() => setConfirming(false)} testId="terminal-confirm"
        actions={<>
          <button type="button" className="btn" onClick={() => setConfirming(false)}>{t('common.back')}</button>
          <button type="button" className="btn btn-primary" onClick={() => { onClose(); void start(method, amount); }}>{t('payment.link')}</button>
        </>}>
        <div className="dialog-figure"><span>{t('payment.method')}</span><strong>{label}</strong></div>
        <div className="dialog-figure"><span>{t('payment.amount')}</span><strong className="num" data-testid="terminal-confirm-amount">{yen(amount)}</strong></div>
      </Modal>
    );
  }

  return (
    <Modal title={method ? 'USEN PAY' : t('payment.title')} onClose={onClose} size="wide" testId="terminal-dialog"
      actions={<button type="button" className="btn" onClick={onClose}>{t('common.close')}</button>}>
      <TerminalStatusLine />
      <div className="terminal-pay">
        <div className="terminal-methods" role="group" aria-label={t('payment.methods')}>
          {(status?.methods ?? []).map((m) => (
            <button key={m.method} type="button" className="btn terminal-method" aria-pressed={method === m.method}
              disabled={!m.enabled || !ready} onClick={() => setMethod(m.method)}>{m.label}</button>
          ))}
        </div>
        <AmountPad label={t('payment.amount')} keypadLabel={t('payment.amountKeypad')} value={amount} onChange={setAmount}
          enterLabel={t('checkout.commit')} enterDisabled={!method || !ready || amount <= 0} onEnter={() => setConfirming(true)} testId="terminal-amount" />
      </div>
    </Modal>
  );
}
