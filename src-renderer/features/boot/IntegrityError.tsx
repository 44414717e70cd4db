import { useTranslation } from 'react-i18next';
import './boot.css';

/** The database failed its check at start: say so plainly and what to do; never a blank crash. */
export function IntegrityError({ detail }: { detail: string }) {
  const { t } = useTranslation();
  return (
    <main className="fullscreen-message is-error" role="alert">
      <div className="fullscreen-card">
        <h1>{t('boot.integrityTitle')}</h1>
        <p>{t('boot.integrityBody')}</p>
        <pre className="fullscreen-detail" aria-label={t('boot.detail')}><strong>{t('boot.detail')}: </strong>{detail}</pre>
        <h2>{t('boot.whatToDo')}</h2>
        <ol>
          <li>{t('boot.integrityStep1')}</li>
          <li>{t('boot.integrityStep2')}</li>
          <li>{t('boot.integrityStep3')}</li>
        </ol>
      </div>
    </main>
  );
}
