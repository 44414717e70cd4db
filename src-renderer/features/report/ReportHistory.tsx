import { useTranslation } from 'react-i18next';
import type { TillSummary } from '../../../src-shared/contract/index.ts';
import { useFormat } from '../../components/useFormat.ts';

type Props = { history: TillSummary[]; selectedId: string | null; onSelect: (sessionId: string) => void };

/** Recent till sessions, newest first, to reprint an earlier report. */
export function ReportHistory({ history, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const { day, time } = useFormat();
  return (
    <nav className="report-history" aria-label={t('report.history')}>
      <h2>{t('report.history')}</h2>
      {history.length === 0 && <p className="muted">{t('report.none')}</p>}
      {history.map((h) => (
        <button key={h.sessionId} type="button" className={`history-item${h.sessionId === selectedId ? ' is-selected' : ''}`}
          aria-pressed={h.sessionId === selectedId} onClick={() => onSelect(h.sessionId)}>
          <strong className="num">{day(h.businessDay)}</strong>
          <span className="num">{time(h.openedAt)}–{h.closedAt ? time(h.closedAt) : t('report.openShort')}</span>
        </button>
      ))}
    </nav>
  );
}
