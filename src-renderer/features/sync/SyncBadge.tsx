import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/store-context.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { sessionSelectors } from '../../store/slices/session/selectors.ts';
import { badgeTone, syncSelectors } from '../../store/slices/sync/selectors.ts';
import './sync.css';

/** Always visible in the header: unsent changes and the last successful sync; tap → the queue screen. */
export function SyncBadge() {
  const { t } = useTranslation();
  const { time } = useFormat();
  const canUse = useApp(sessionSelectors.canHandleTill);
  const status = useApp(syncSelectors.status);
  const load = useApp((s) => s.loadSyncStatus);
  const navigate = useApp((s) => s.navigate);
  useEffect(() => {
    if (canUse) void load();
  }, [canUse, load]);
  if (!canUse || !status || (status.ledger === 'none' && status.unsent === 0)) return null;
  const tone = badgeTone(status);
  const head = status.parked > 0 ? t('sync.badgeParked', { count: status.parked })
    : status.unsent > 0 || !status.lastSuccessAt ? t('sync.badge', { count: status.unsent }) : t('sync.badgeOk');
  return (
    <button type="button" className={`sync-badge is-${tone}`} onClick={() => navigate('syncQueue')} aria-label={`${t('sync.badgeLabel')}: ${head}`}
      data-testid="sync-badge" data-unsent={status.unsent} data-parked={status.parked}>
      <strong className="num">{head}</strong>
      <span className="num">{status.lastSuccessAt ? t('sync.lastSync', { time: time(status.lastSuccessAt) }) : t('sync.never')}</span>
    </button>
  );
}
