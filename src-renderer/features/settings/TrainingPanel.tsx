import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { systemSelectors } from '../../store/slices/system/selectors.ts';

/** Training mode switch (RULES L2): a separate database; nothing is recorded or sent out. */
export function TrainingPanel() {
  const { t } = useTranslation();
  const training = useApp(systemSelectors.isTraining);
  const setTrainingMode = useApp((s) => s.setTrainingMode);
  // The mode asked for, fixed when the dialog opens: its words must not flip while switching.
  const [target, setTarget] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async (on: boolean) => {
    setBusy(true);
    await setTrainingMode(on);
    setBusy(false);
    setTarget(null);
  };
  const action = (on: boolean) => (on ? t('settings.trainingStart') : t('settings.trainingStop'));

  return (
    <div className="card settings-form">
      <h2>{t('settings.trainingTitle')}</h2>
      <p className={`mode-now ${training ? 'is-training' : 'is-live'}`} data-testid="mode-now">
        {training ? t('settings.modeTraining') : t('settings.modeLive')}
      </p>
      <p className="muted">{t('settings.trainingHint')}</p>
      <button type="button" className={`btn btn-large ${training ? 'btn-primary' : 'btn-danger'}`} onClick={() => setTarget(!training)}>
        {action(!training)}
      </button>
      {target !== null && (
        <ConfirmDialog title={target ? t('settings.trainingStartConfirm') : t('settings.trainingStopConfirm')}
          confirmLabel={action(target)} busy={busy} onConfirm={() => void confirm(target)} onCancel={() => setTarget(null)}>
          <p>{target ? t('settings.trainingStartBody') : t('settings.trainingStopBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
