import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { QueueRow } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { ScreenFrame } from '../../components/ScreenFrame.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { sessionSelectors } from '../../store/slices/session/selectors.ts';
import { syncSelectors } from '../../store/slices/sync/selectors.ts';
import { HandheldMenu } from '../floor/HandheldMenu.tsx';
import { Modal } from '../floor/Modal.tsx';
import { QueueItem } from './QueueItem.tsx';
import './sync.css';

/** 送信状況: every change on its way to the ledger, with 再送 and (managers) 手動対応済み. */
export function SyncQueueScreen() {
  const { t } = useTranslation();
  const { time, dateTime } = useFormat();
  const status = useApp(syncSelectors.status);
  const queue = useApp(syncSelectors.queue);
  const filter = useApp(syncSelectors.queueFilter);
  const canManage = useApp(sessionSelectors.canManage);
  const a = useApp(useShallow((s) => ({
    loadSyncQueue: s.loadSyncQueue, loadSyncStatus: s.loadSyncStatus, watchSyncQueue: s.watchSyncQueue,
    retrySync: s.retrySync, resolveSync: s.resolveSync, pushToast: s.pushToast,
  })));
  const [busy, setBusy] = useState(false);
  const [resolving, setResolving] = useState<QueueRow | null>(null);
  const [note, setNote] = useState('');

  useEffect(() => {
    a.watchSyncQueue(true);
    void a.loadSyncQueue();
    void a.loadSyncStatus();
    return () => a.watchSyncQueue(false);
  }, [a]);

  const run = async (fn: () => Promise<boolean>, message: string) => {
    setBusy(true);
    try {
      if (await fn()) a.pushToast('success', message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ScreenFrame title={t('sync.title')} className="sync-screen" extra={(
      <>
        <div className="segmented" role="group" aria-label={t('sync.filter')}>
          {(['open', 'all'] as const).map((f) => (
            <button key={f} type="button" aria-pressed={filter === f} onClick={() => void a.loadSyncQueue(f)}>
              {t(f === 'open' ? 'sync.filterOpen' : 'sync.filterAll')}
            </button>
          ))}
        </div>
        <HandheldMenu />
      </>
    )}>
      {status && (
        <dl className="sync-summary card" data-testid="sync-summary">
          <div><dt>{t('sync.ledger')}</dt><dd>{t(`ledger.kinds.${status.ledger}`)}</dd></div>
          <div><dt>{t('sync.linkState')}</dt><dd>{status.linkState}</dd></div>
          <div><dt>{t('sync.unsent')}</dt><dd className="num" data-testid="sync-unsent">{status.unsent}</dd></div>
          <div><dt>{t('sync.parked')}</dt><dd className={`num${status.parked ? ' is-parked' : ''}`}>{status.parked}</dd></div>
          <div><dt>{t('sync.lastSuccess')}</dt><dd className="num">{status.lastSuccessAt ? dateTime(status.lastSuccessAt) : t('sync.never')}</dd></div>
          {status.oldestUnsentAt && <div><dt>{t('sync.oldest')}</dt><dd className="num">{time(status.oldestUnsentAt)}</dd></div>}
        </dl>
      )}
      {status?.training && <p className="sync-note">{t('sync.training')}</p>}
      {status && status.breaker !== 'closed' && <p className="sync-note is-warn">{t('sync.breakerOpen')}</p>}
      {status && status.parked > 0 && <p className="sync-note is-danger">{t('sync.parkedHint')}</p>}
      {queue.length === 0 && <p className="floor-empty muted">{filter === 'open' ? t('sync.empty') : t('sync.emptyAll')}</p>}
      <ul className="queue-list">
        {queue.map((row) => (
          <QueueItem key={row.seq} row={row} canManage={canManage} busy={busy}
            onRetry={() => void run(() => a.retrySync(row.seq), t('sync.retried'))}
            onResolve={() => {
              setNote('');
              setResolving(row);
            }} />
        ))}
      </ul>
      {resolving && (
        <Modal title={t('sync.resolveTitle')} onClose={() => setResolving(null)} testId="resolve-dialog">
          <p><strong>{resolving.summary}</strong></p>
          {resolving.cause && <p className="muted">{resolving.cause}</p>}
          <p>{t('sync.resolveBody')}</p>
          <label className="field">
            <span>{t('sync.note')}</span>
            <textarea className="text-input sync-note-input" rows={3} maxLength={200} value={note} placeholder={t('sync.notePlaceholder')}
              onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="button" className="btn btn-danger btn-large btn-block" disabled={busy || !note.trim()} onClick={() => void run(async () => {
            const ok = await a.resolveSync(resolving.seq, note);
            if (ok) setResolving(null);
            return ok;
          }, t('sync.resolved'))}>{t('sync.resolveAction')}</button>
        </Modal>
      )}
    </ScreenFrame>
  );
}
