import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../src-shared/contract/index.ts';
import { useFormat } from '../../components/useFormat.ts';
import { canResolve, canRetry } from '../../store/slices/sync/selectors.ts';

type Props = { row: QueueRow; canManage: boolean; busy: boolean; onRetry: () => void; onResolve: () => void };

/** One change on its way to the ledger: state, what it is, attempts, the cause in the manual's words. */
export function QueueItem({ row, canManage, busy, onRetry, onResolve }: Props) {
  const { t } = useTranslation();
  const { time } = useFormat();
  return (
    <li className={`queue-item is-${row.status}`} data-testid="queue-row" data-status={row.status}>
      <div className="queue-body">
        <div className="queue-head">
          <span className={`queue-status is-${row.status}`}>{t(`sync.status.${row.status}`)}</span>
          <strong className="queue-summary">{row.summary}</strong>
          <span className="queue-meta muted num">
            {t('sync.createdAt', { time: time(row.createdAt) })}・{t('sync.attempts', { count: row.attempts })}
            {row.doneAt ? `・${t('sync.doneAt', { time: time(row.doneAt) })}` : ''}
            {row.status === 'pending' && row.nextAttemptAt ? `・${t('sync.nextAttempt', { time: time(row.nextAttemptAt) })}` : ''}
          </span>
        </div>
        {row.cause && (
          <p className="queue-cause"><span className="muted">{t('sync.cause')}</span> {row.cause}</p>
        )}
        {row.resolvedNote && <p className="queue-cause muted">{t('sync.resolvedBy', { name: row.resolvedBy ?? '', note: row.resolvedNote })}</p>}
      </div>
      {canRetry(row) && (
        <div className="queue-actions">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={onRetry}>{t('sync.retry')}</button>
          {canManage && canResolve(row) && <button type="button" className="btn" disabled={busy} onClick={onResolve}>{t('sync.resolve')}</button>}
        </div>
      )}
    </li>
  );
}
