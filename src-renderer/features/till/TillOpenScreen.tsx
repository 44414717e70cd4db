import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countsTotal, type DenominationCounts } from '../../../src-shared/money.ts';
import { useApp } from '../../app/store-context.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DenominationCounter } from '../../components/DenominationCounter.tsx';
import { ScreenFrame } from '../../components/ScreenFrame.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { tillSelectors } from '../../store/slices/till/selectors.ts';
import { AmountEntry } from './AmountEntry.tsx';
import './till.css';

type Mode = 'counts' | 'total';

/** 開局 (G1): the change fund by denomination or as one total, then 確定 with a confirmation. */
export function TillOpenScreen() {
  const { t } = useTranslation();
  const { yen } = useFormat();
  const isOpen = useApp(tillSelectors.isOpen);
  const busy = useApp(tillSelectors.busy);
  const openTill = useApp((s) => s.openTill);
  const navigate = useApp((s) => s.navigate);
  const pushToast = useApp((s) => s.pushToast);
  const [mode, setMode] = useState<Mode>('counts');
  const [counts, setCounts] = useState<DenominationCounts>({});
  const [total, setTotal] = useState('');
  const [confirming, setConfirming] = useState(false);
  const amount = mode === 'counts' ? countsTotal(counts) : Number(total || 0);

  const confirm = async () => {
    if (!(await openTill(mode === 'counts' ? { counts } : { total: amount }))) return setConfirming(false);
    pushToast('success', t('tillOpen.done', { amount: yen(amount) }));
    navigate('home');
  };

  const modeSwitch = (
    <div className="segmented" role="group" aria-label={t('tillOpen.entryMode')}>
      {(['counts', 'total'] as const).map((m) => (
        <button key={m} type="button" aria-pressed={mode === m} onClick={() => setMode(m)}>{t(`tillOpen.mode_${m}`)}</button>
      ))}
    </div>
  );
  const submit = (
    <button type="button" className="btn btn-primary btn-large btn-block" onClick={() => setConfirming(true)} disabled={busy}>
      {t('common.confirm')}
    </button>
  );

  if (isOpen && !confirming) {
    return (
      <ScreenFrame title={t('tillOpen.title')}>
        <p className="card notice">{t('tillOpen.alreadyOpen')}</p>
      </ScreenFrame>
    );
  }

  return (
    <ScreenFrame title={t('tillOpen.title')} extra={modeSwitch}>
      {mode === 'counts' ? (
        <DenominationCounter counts={counts} onChange={setCounts} footer={submit}
          aside={<div className="figure-box"><span>{t('tillOpen.float')}</span><strong className="num" data-testid="counter-total">{yen(amount)}</strong></div>} />
      ) : (
        <div className="total-entry">
          <AmountEntry label={t('tillOpen.float')} value={total} onChange={setTotal} onEnter={() => setConfirming(true)}
            enterLabel={t('common.confirm')} enterDisabled={busy} />
        </div>
      )}
      {confirming && (
        <ConfirmDialog title={t('tillOpen.confirmTitle')} confirmLabel={t('tillOpen.confirmAction')} busy={busy}
          onConfirm={() => void confirm()} onCancel={() => setConfirming(false)}>
          <div className="dialog-figure"><span>{t('tillOpen.float')}</span><strong className="num">{yen(amount)}</strong></div>
          {amount === 0 && <p className="warn-text">{t('tillOpen.zeroWarning')}</p>}
        </ConfirmDialog>
      )}
    </ScreenFrame>
  );
}
