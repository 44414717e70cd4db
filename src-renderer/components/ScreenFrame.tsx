import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/store-context.tsx';
import './ScreenFrame.css';

type Props = { title: string; children: ReactNode; extra?: ReactNode; onBack?: () => void; className?: string };

/** Every screen after login: a bar with 戻る and the title, then the content. */
export function ScreenFrame({ title, children, extra, onBack, className }: Props) {
  const { t } = useTranslation();
  const navigate = useApp((s) => s.navigate);
  return (
    <section className={`screen ${className ?? ''}`} aria-label={title}>
      <div className="screen-bar">
        <button type="button" className="btn screen-back" onClick={onBack ?? (() => navigate('home'))}>
          ‹ {t('common.back')}
        </button>
        <h1>{title}</h1>
        {extra && <div className="screen-bar-extra">{extra}</div>}
      </div>
      <div className="screen-body">{children}</div>
    </section>
  );
}
