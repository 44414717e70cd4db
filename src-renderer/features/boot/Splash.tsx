import { useTranslation } from 'react-i18next';
import './boot.css';

/** While the status and a stored session are checked (usually a blink). */
export function Splash() {
  const { t } = useTranslation();
  return <main className="fullscreen-message" aria-busy="true"><p className="splash">{t('boot.loading')}</p></main>;
}
