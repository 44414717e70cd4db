import { useEffect, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../../components/ConfirmDialog.css';
import './floor.css';

type Props = { title: ReactNode; onClose: () => void; children: ReactNode; className?: string; testId?: string };

/** A dialog with a title, a × and any content (seating, table menu, pickers); Esc closes it. */
export function Modal({ title, onClose, children, className, testId }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Only the topmost dialog answers Esc (a confirmation may sit on top of this one).
      const dialogs = document.querySelectorAll('[aria-modal="true"]');
      if (e.key === 'Escape' && dialogs[dialogs.length - 1]?.getAttribute('aria-labelledby') === titleId) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose, titleId]);
  return (
    <div className="dialog-backdrop">
      <div className={`dialog modal ${className ?? ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid={testId}>
        <div className="modal-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="btn modal-close" onClick={onClose} aria-label={t('common.close')}>×</button>
        </div>
        {children}
      </div>
    </div>
  );
}
