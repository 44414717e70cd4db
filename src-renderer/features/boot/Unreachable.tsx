import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import './boot.css';

/** The core did not answer at start (station down, network cut): explain and offer a retry. */
export function Unreachable() {
  const { t } = useTranslation();
  const message = useApp((s) => s.bootError);
  const start = useApp((s) => s.start);
  return (
    <main className="fullscreen-message" role="alert">
      <div className="fullscreen-card">
        <h1>{t('boot.unreachableTitle')}</h1>
        <p>{message}</p>
        <p className="muted">{t('boot.unreachableHint')}</p>
        <button type="button" className="btn btn-primary btn-large" onClick={() => void start()}>{t('common.retry')}</button>
      </div>
    </main>
  );
}
