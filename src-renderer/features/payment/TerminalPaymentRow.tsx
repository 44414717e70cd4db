import { useTranslation } from 'react-i18next';
import type { TerminalPayment } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { sessionSelectors } from '../../store/slices/session/selectors.ts';

type Props = { payment: TerminalPayment; onRefund: (p: TerminalPayment) => void; onDecide: (p: TerminalPayment) => void };

/**
 * A 決済端末 line of the checkout: 支払完了 with × (払戻 on the terminal first, U4); 確認中 while the
 * outcome is asked (U12); 要確認 blocks the checkout until a manager decides.
 */
export function TerminalPaymentRow({ payment: p, onRefund, onDecide }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const canManage = useApp(sessionSelectors.canManage);
  const state = p.state === 'done' ? 'done' : p.state === 'review' ? 'review' : 'pending';
  return (
    <div role="listitem" className={`pay-row kind-terminal is-${state}`} data-testid="terminal-line">
      <span className="pay-label">
        {p.methodLabel}
        <span className={`badge badge-state state-${state}`}>{p.stateLabel}</span>
        {state !== 'done' && p.display && <span className="pay-sub">{p.display}</span>}
      </span>
      <span className="num pay-amount">{yen(p.amount)}</span>
      {state === 'done' && (
        <button type="button" className="btn btn-x" aria-label={t('payment.refundLine', { label: p.methodLabel })} onClick={() => onRefund(p)}>×</button>
      )}
      {state === 'review' && (
        <button type="button" className="btn btn-review" onClick={() => onDecide(p)} disabled={!canManage}
          title={canManage ? undefined : t('payment.managerOnly')}>{t('payment.decide')}</button>
      )}
      {state === 'pending' && <span className="spinner" aria-label={t('payment.checking')} />}
    </div>
  );
}
