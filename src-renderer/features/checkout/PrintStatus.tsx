import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { slipsSelectors } from '../../store/slices/slips/selectors.ts';

/** The printer's word on the document just printed; a failure never undoes the sale: 再印刷. */
export function PrintStatus({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  const outcome = useApp(slipsSelectors.printOutcome);
  if (!outcome || outcome.status === 'skipped') return null;
  if (outcome.status === 'failed') {
    return (
      <div className="print-status is-failed" role="alert" data-testid="print-status">
        <div>
          <strong>{t('checkout.printFailed')}</strong>
          {outcome.message && <p>{outcome.message}</p>}
          <p className="muted">{t('checkout.printFailedSaved')}</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={onRetry}>{t('checkout.reprint')}</button>
      </div>
    );
  }
  return (
    <p className={`print-status is-${outcome.status}`} data-testid="print-status">
      {t(`checkout.print_${outcome.status}`)}{outcome.reprint ? ` ${t('checkout.reprintMark')}` : ''}
    </p>
  );
}
