import { useTranslation } from 'react-i18next';
import type { CheckoutQuote } from '../../../src-shared/contract/index.ts';
import { Modal } from '../../components/Modal.tsx';
import { useFormat } from '../../components/useFormat.ts';

type Props = { quote: CheckoutQuote; cash: number; busy: boolean; onConfirm: () => void; onCancel: () => void };

/** 会計 before it is written: the total, what was handed over, the change, and the warnings the checkout carries. */
export function CommitDialog({ quote, cash, busy, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  return (
    <Modal title={quote.remainingAfter > 0 ? t('checkout.commitPartTitle', { part: quote.partNo }) : t('checkout.commitTitle')} onClose={busy ? undefined : onCancel}
      testId="commit-dialog"
      actions={<>
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>{t('common.cancel')}</button>
        <button type="button" className="btn btn-primary" onClick={onConfirm} disabled={busy}>{t('checkout.commitAction')}</button>
      </>}>
      <div className="dialog-figure"><span>{t('checkout.total')}</span><strong className="num">{yen(quote.total)}</strong></div>
      {cash > 0 && <div className="dialog-figure"><span>{t('checkout.cashTendered')}</span><strong className="num">{yen(cash)}</strong></div>}
      <div className="dialog-figure is-change"><span>{t('checkout.change')}</span><strong className="num" data-testid="commit-change">{yen(quote.change)}</strong></div>
      {quote.remainingAfter > 0 && <p className="notice-text">{t('checkout.remainingAfter', { amount: yen(quote.remainingAfter) })}</p>}
      {quote.receipt === 'none-prepaid' && <p className="notice-text">{t('checkout.noReceiptPrepaid')}</p>}
      {quote.warnings.map((w) => <p key={w.code + w.message} className="notice-text" data-testid="commit-warning">{w.message}</p>)}
    </Modal>
  );
}
