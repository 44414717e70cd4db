import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { Switch } from '../../components/Switch.tsx';
import { supportSelectors } from '../../store/slices/support/selectors.ts';
import type { LogLevel } from '../../store/slices/support/initialState.ts';

const LEVELS: Array<LogLevel | undefined> = [undefined, 'debug', 'info', 'warn', 'error'];
const SEARCH_DELAY_MS = 300;

/** Minimum level, text search (typed, searched after a short pause) and auto-refresh. */
export function LogFilters() {
  const { t } = useTranslation();
  const level = useApp(supportSelectors.logLevel);
  const text = useApp(supportSelectors.logText);
  const autoRefresh = useApp(supportSelectors.autoRefresh);
  const setLevel = useApp((s) => s.setLogLevel);
  const setText = useApp((s) => s.setLogText);
  const setAutoRefresh = useApp((s) => s.setAutoRefresh);
  const loadLogs = useApp((s) => s.loadLogs);

  useEffect(() => {
    const timer = setTimeout(() => void loadLogs(), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, loadLogs]);

  return (
    <div className="log-filters">
      <div className="segmented" role="group" aria-label={t('support.level')}>
        {LEVELS.map((l) => (
          <button key={l ?? 'all'} type="button" aria-pressed={level === l} onClick={() => setLevel(l)}>
            {l ? t(`support.levels.${l}`) : t('support.levels.all')}
          </button>
        ))}
      </div>
      <input type="search" className="text-input log-search" value={text} maxLength={100} onChange={(e) => setText(e.target.value)}
        placeholder={t('support.searchPlaceholder')} aria-label={t('support.search')} />
      <Switch checked={autoRefresh} onChange={setAutoRefresh} label={t('support.autoRefresh')}
        onText={t('support.autoRefreshOn')} offText={t('support.autoRefreshOff')} />
    </div>
  );
}
