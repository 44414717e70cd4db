import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { ScreenFrame } from '../../components/ScreenFrame.tsx';
import { supportSelectors } from '../../store/slices/support/selectors.ts';
import { downloadBytes } from './download.ts';
import { LogFilters } from './LogFilters.tsx';
import { LogRow } from './LogRow.tsx';
import './support.css';

const AUTO_REFRESH_MS = 3000;

/** サポート: the local logs, newest first, and the support bundle for the help desk. */
export function SupportScreen() {
  const { t } = useTranslation();
  const logs = useApp(supportSelectors.logs);
  const loading = useApp(supportSelectors.logsLoading);
  const autoRefresh = useApp(supportSelectors.autoRefresh);
  const exporting = useApp(supportSelectors.exporting);
  const loadLogs = useApp((s) => s.loadLogs);
  const exportBundle = useApp((s) => s.exportBundle);
  const pushToast = useApp((s) => s.pushToast);

  useEffect(() => {
    if (!autoRefresh) return;
    const timer = setInterval(() => void loadLogs(), AUTO_REFRESH_MS);
    return () => clearInterval(timer);
  }, [autoRefresh, loadLogs]);

  const onExport = async () => {
    const bundle = await exportBundle();
    if (!bundle) return;
    downloadBytes(bundle.fileName, bundle.data);
    pushToast('success', t('support.exported', { name: bundle.fileName }));
  };

  const exportButton = (
    <button type="button" className="btn btn-primary" onClick={() => void onExport()} disabled={exporting}>
      {exporting ? t('support.exporting') : t('support.export')}
    </button>
  );
  return (
    <ScreenFrame title={t('support.title')} extra={exportButton}>
      <div className="support">
        <div className="support-toolbar">
          <LogFilters />
          <button type="button" className="btn" onClick={() => void loadLogs()} disabled={loading}>{t('support.refresh')}</button>
        </div>
        <p className="muted" aria-live="polite">{t('support.count', { count: logs.length })}</p>
        <ul className="log-list" data-testid="log-list">
          {logs.map((entry, i) => <LogRow key={`${entry.time}-${i}`} entry={entry} />)}
        </ul>
      </div>
    </ScreenFrame>
  );
}
