import { useEffect, useId, useRef, type ReactNode } from 'react';
import './Modal.css';

type Props = {
  title: string;
  children: ReactNode;
  /** Buttons along the bottom (the dialog's own; 閉じる etc.). */
  actions?: ReactNode;
  /** Escape and the backdrop close it; omit for dialogs staff must answer (U10, a payment in progress). */
  onClose?: () => void;
  size?: 'normal' | 'wide' | 'full';
  tone?: 'normal' | 'danger' | 'ok';
  testId?: string;
};

/** A dialog for more than a yes/no question (discounts, split, payment steps); ConfirmDialog for the rest. */
export function Modal({ title, children, actions, onClose, size = 'normal', tone = 'normal', testId }: Props) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    if (!onClose) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && onClose?.()}>
      <div ref={ref} tabIndex={-1} className={`dialog modal modal-${size} modal-tone-${tone}`} role="dialog" aria-modal="true"
        aria-labelledby={titleId} data-testid={testId}>
        <h2 id={titleId}>{title}</h2>
        <div className="modal-body">{children}</div>
        {actions && <div className="modal-actions">{actions}</div>}
      </div>
    </div>
  );
}
