import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckoutResult } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { FormalReceiptDialog } from './FormalReceiptDialog.tsx';
import { PrintStatus } from './PrintStatus.tsx';
import { ReceiptPreview } from './ReceiptPreview.tsx';

type Props = { result: CheckoutResult; tendered: number; prepaidPart: boolean; onNext: () => void; onDone: () => void };

/** 会計完了: the change LARGE, the slip number, the printer's outcome, the receipt preview, 領収書 and 再印刷. */
export function CheckoutDone({ result, tendered, prepaidPart, onNext, onDone }: Props) {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const print = useApp((s) => s.printReceipt);
  const preview = useApp((s) => s.previewReceipt);
  const [formal, setFormal] = useState(false);
  const reprint = () => void print({ slipId: result.slipId, partNo: result.partNo, document: 'receipt' });
  return (
    <div className="checkout-done" data-testid="checkout-done">
      <section className="done-figures" aria-label={t('checkout.doneTitle')}>
        <h2>{result.closed ? t('checkout.doneTitle') : t('checkout.donePart', { part: result.partNo })}</h2>
        <p className="num muted">{t('checkout.slipNo', { no: result.slipNo })}</p>
        <div className="done-line"><span>{t('checkout.total')}</span><strong className="num">{yen(result.total)}</strong></div>
        {tendered > 0 && <div className="done-line"><span>{t('checkout.cashTendered')}</span><strong className="num">{yen(tendered)}</strong></div>}
        <div className="done-change"><span>{t('checkout.change')}</span><strong className="num" data-testid="done-change">{yen(result.change)}</strong></div>
        {!result.closed && <p className="notice-text">{t('checkout.remainingAfter', { amount: yen(result.remaining) })}</p>}
        {result.warnings.map((w) => <p key={w.code + w.message} className="notice-text">{w.message}</p>)}
        {prepaidPart
          ? <p className="notice-text" data-testid="no-receipt">{t('checkout.noReceiptPrepaid')}</p>
          : <PrintStatus onRetry={reprint} />}
        <div className="done-actions">
          {!prepaidPart && <button type="button" className="btn btn-large" onClick={() => setFormal(true)}>{t('checkout.formal')}</button>}
          {!prepaidPart && <button type="button" className="btn btn-large" onClick={reprint}>{t('checkout.reprint')}</button>}
          {result.closed
            ? <button type="button" className="btn btn-primary btn-large" onClick={onDone}>{t('checkout.finish')}</button>
            : <button type="button" className="btn btn-primary btn-large" onClick={onNext}>{t('checkout.nextPart')}</button>}
        </div>
      </section>
      {!prepaidPart && <ReceiptPreview />}
      {formal && <FormalReceiptDialog slipId={result.slipId} partNo={result.partNo} onClose={() => {
        setFormal(false);
        // Back to the receipt itself under the change.
        void preview({ slipId: result.slipId, partNo: result.partNo, document: 'receipt' });
      }} />}
    </div>
  );
}
