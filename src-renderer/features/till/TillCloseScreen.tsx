import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countsTotal, type DenominationCounts } from '../../../src-shared/money.ts';
import { useApp } from '../../app/store-context.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DenominationCounter } from '../../components/DenominationCounter.tsx';
import { ScreenFrame } from '../../components/ScreenFrame.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { tillSelectors } from '../../store/slices/till/selectors.ts';
import { CashFigures } from './CashFigures.tsx';
import { Difference } from './Difference.tsx';
import './till.css';

/** 閉局: count the drawer by denomination against the expected cash, confirm, then the report. */
export function TillCloseScreen() {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const isOpen = useApp(tillSelectors.isOpen);
  // Live: cash moved on another register while counting changes the expected figure at once.
  const expected = useApp(tillSelectors.expectedCash);
  const busy = useApp(tillSelectors.busy);
  const closeTill = useApp((s) => s.closeTill);
  const navigate = useApp((s) => s.navigate);
  const [counts, setCounts] = useState<DenominationCounts>({});
  const [confirming, setConfirming] = useState(false);
  const counted = countsTotal(counts);

  const confirm = async () => {
    if (await closeTill(counts)) navigate('report');
    else setConfirming(false);
  };

  if (!isOpen && !confirming) {
    return (
      <ScreenFrame title={t('tillClose.title')}>
        <p className="card notice">{t('home.openFirst')}</p>
      </ScreenFrame>
    );
  }

  return (
    <ScreenFrame title={t('tillClose.title')}>
      <DenominationCounter counts={counts} onChange={setCounts} aside={<CashFigures expected={expected} counted={counted} />}
        footer={
          <button type="button" className="btn btn-primary btn-large btn-block" onClick={() => setConfirming(true)} disabled={busy}>
            {t('common.confirm')}
          </button>
        } />
      {confirming && (
        <ConfirmDialog title={t('tillClose.confirmTitle')} confirmLabel={t('tillClose.confirmAction')} danger busy={busy}
          onConfirm={() => void confirm()} onCancel={() => setConfirming(false)}>
          <div className="dialog-figure"><span>{t('till.expected')}</span><strong className="num">{yen(expected)}</strong></div>
          <div className="dialog-figure"><span>{t('till.counted')}</span><strong className="num">{yen(counted)}</strong></div>
          <div className="dialog-figure"><span>{t('till.difference')}</span><strong><Difference amount={counted - expected} /></strong></div>
          <p className="muted">{t('tillClose.irreversible')}</p>
        </ConfirmDialog>
      )}
    </ScreenFrame>
  );
}
