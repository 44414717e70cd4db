import { useTranslation } from 'react-i18next';
import { PAYMENT_LABELS, type CheckoutQuote, type TerminalPayment } from '../../../src-shared/contract/index.ts';
import { MAX_YEN } from '../../../src-shared/money.ts';
import { useApp } from '../../app/store-context.tsx';
import { appendDigits, Keypad } from '../../components/Keypad.tsx';
import { useFormat } from '../../components/useFormat.ts';
import type { CheckoutDraft } from '../../store/slices/checkout/initialState.ts';
import { TerminalPaymentRow } from '../payment/TerminalPaymentRow.tsx';

type Props = {
  quote: CheckoutQuote | null;
  draft: CheckoutDraft;
  terminalLines: TerminalPayment[];
  busy: boolean;
  terminalAvailable: boolean;
  onTerminal: () => void;
  onOther: () => void;
  onCommit: () => void;
  onRemovePayment: (id: string) => void;
  onRefund: (p: TerminalPayment) => void;
  onDecide: (p: TerminalPayment) => void;
};

const QUICK = [1000, 5000, 10000] as const;
const CASH_DIGITS = String(MAX_YEN).length;

/** 合計, the payment list (≤ 5, U3), 現金 / 決済端末 / その他支払, the お預り keypad with quick buttons and the change. */
export function PaymentPanel({ quote, draft, terminalLines, busy, terminalAvailable, onTerminal, onOther, onCommit, onRemovePayment, onRefund, onDecide }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const setCash = useApp((s) => s.setCash);
  const addCash = useApp((s) => s.addCash);
  const exactCash = useApp((s) => s.exactCash);
  const shortfall = quote?.shortfall ?? 0;
  const change = quote?.change ?? 0;
  const empty = draft.payments.length === 0 && terminalLines.length === 0 && draft.cash === 0;
  return (
    <section className="pay" aria-label={t('checkout.payment')}>
      <div className="pay-total">
        <span>{quote && (quote.partNo > 1 || quote.splitMode !== 'none') ? t('checkout.partTotal') : t('checkout.total')}</span>
        <strong className="num" data-testid="checkout-total">{quote ? yen(quote.total) : '—'}</strong>
      </div>
      <div className="pay-list" role="list" aria-label={t('checkout.payments')}>
        {empty && <p className="muted pay-empty">{t('checkout.noPayments')}</p>}
        {draft.payments.map((p) => (
          <div key={p.id} role="listitem" className={`pay-row kind-${p.kind}`}>
            <span className="pay-label">{PAYMENT_LABELS[p.kind]}{p.suggested && <span className="badge badge-suggested">{t('checkout.fromReservation')}</span>}</span>
            <span className="num pay-amount">{yen(p.amount)}</span>
            <button type="button" className="btn btn-x" aria-label={t('checkout.removePayment', { label: PAYMENT_LABELS[p.kind] })} onClick={() => onRemovePayment(p.id)}>×</button>
          </div>
        ))}
        {terminalLines.map((p) => <TerminalPaymentRow key={p.ref} payment={p} onRefund={onRefund} onDecide={onDecide} />)}
        {draft.cash > 0 && (
          <div role="listitem" className="pay-row kind-cash">
            <span className="pay-label">{t('checkout.cashTendered')}</span>
            <span className="num pay-amount" data-testid="cash-tendered">{yen(draft.cash)}</span>
            <button type="button" className="btn btn-x" aria-label={t('checkout.removeCash')} onClick={() => void setCash(0)}>×</button>
          </div>
        )}
      </div>
      <div className={`pay-change${shortfall > 0 ? ' is-short' : ''}`} aria-live="polite">
        {shortfall > 0
          ? <><span>{t('checkout.shortfall')}</span><strong className="num" data-testid="shortfall">{yen(shortfall)}</strong></>
          : <><span>{t('checkout.change')}</span><strong className="num" data-testid="change">{yen(change)}</strong></>}
      </div>
      <div className="pay-methods" role="group" aria-label={t('checkout.methods')}>
        <button type="button" className="btn pay-method is-current">{t('checkout.cash')}</button>
        <button type="button" className="btn pay-method" onClick={onTerminal} disabled={!terminalAvailable}>{t('checkout.terminal')}</button>
        <button type="button" className="btn pay-method" onClick={onOther}>{t('checkout.other')}</button>
      </div>
      <div className="pay-keys">
        <Keypad label={t('checkout.cashKeypad')} enterLabel={t('checkout.commit')} enterDisabled={busy || !quote}
          onDigits={(d) => void setCash(Number(appendDigits(draft.cash ? String(draft.cash) : '', d, CASH_DIGITS) || 0))}
          onClear={() => void setCash(0)} onBackspace={() => void setCash(Math.floor(draft.cash / 10))} onEnter={onCommit} />
        <div className="quick-keys" role="group" aria-label={t('checkout.quick')}>
          <button type="button" className="btn quick-key is-exact" onClick={() => void exactCash()}>{t('checkout.exact')}</button>
          {QUICK.map((q) => <button key={q} type="button" className="btn quick-key num" onClick={() => void addCash(q)}>{yen(q)}</button>)}
        </div>
      </div>
    </section>
  );
}
