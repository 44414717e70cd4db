import { useTranslation } from 'react-i18next';
import './boot.css';

/** On every screen while training mode is on (RULES L2): nothing here is a real sale. */
export function TrainingBanner() {
  const { t } = useTranslation();
  return (
    <div className="training-banner" role="status" data-testid="training-banner">
      <span>{t('training.banner')}</span>
    </div>
  );
}
