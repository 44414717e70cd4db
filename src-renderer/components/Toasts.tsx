import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/store-context.tsx';
import { uiSelectors } from '../store/slices/ui/selectors.ts';
import type { Toast } from '../store/slices/ui/initialState.ts';
import './Toasts.css';

/** Errors stay longer than confirmations: staff may need to read them twice. */
const LIFETIME_MS: Record<Toast['kind'], number> = { error: 8000, info: 5000, success: 3500 };

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useTranslation();
  const dismiss = useApp((s) => s.dismissToast);
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), LIFETIME_MS[toast.kind]);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  return (
    <div className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
      <span className="toast-text">{toast.text}</span>
      <button type="button" className="toast-close" onClick={() => dismiss(toast.id)} aria-label={t('common.close')}>×</button>
    </div>
  );
}

export function Toasts() {
  const toasts = useApp(uiSelectors.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => <ToastItem key={toast.id} toast={toast} />)}
    </div>
  );
}
