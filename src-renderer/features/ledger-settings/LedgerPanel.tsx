import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { LEDGER_KINDS, type LedgerKind } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useFormat } from '../../components/useFormat.ts';
import { allTiles, floorSelectors } from '../../store/slices/floor/selectors.ts';
import { syncSelectors } from '../../store/slices/sync/selectors.ts';
import './ledger.css';

/** Ledgers with an adapter today; the others are listed as 準備中 (L1). */
const AVAILABLE: readonly LedgerKind[] = ['smart-reserve'];
const CHOICES = LEDGER_KINDS.filter((k) => k !== 'none');

/** 予約台帳連携 (managers): one ledger (L1), link (L3), 「SMART RESERVER同期」 (L4), マスタ同期 (L6). */
export function LedgerPanel() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const ledger = useApp(syncSelectors.ledger);
  const tables = useApp(syncSelectors.ledgerTables);
  const busy = useApp(syncSelectors.ledgerBusy);
  const view = useApp(floorSelectors.floor);
  const a = useApp(useShallow((s) => ({
    loadLedger: s.loadLedger, linkLedger: s.linkLedger, unlinkLedger: s.unlinkLedger, pushLedgerTables: s.pushLedgerTables,
    masterSyncLedger: s.masterSyncLedger, loadFloor: s.loadFloor, pushToast: s.pushToast,
  })));
  const linked = ledger?.linkState === '連携中';
  const [kind, setKind] = useState<LedgerKind>('smart-reserve');
  const [form, setForm] = useState({ baseUrl: '', storeId: '', linkCode: '' });
  const [confirmUnlink, setConfirmUnlink] = useState(false);

  useEffect(() => {
    void a.loadLedger();
    void a.loadFloor({ quiet: true });
  }, [a]);
  useEffect(() => {
    if (!ledger) return;
    if (ledger.kind !== 'none') setKind(ledger.kind);
    setForm((f) => ({ ...f, baseUrl: ledger.baseUrl || f.baseUrl, storeId: ledger.storeId || f.storeId }));
  }, [ledger]);

  // Before a push, the floor tells mapped or not; after one, the ledger's seat names too.
  const rows = useMemo(() => tables ?? allTiles(view).filter((x) => x.kind !== 'waiting')
    .map((x) => ({ tableId: x.id, name: x.name, remoteName: x.mapped ? '' : null })), [tables, view]);
  const mappedCount = rows.filter((r) => r.remoteName !== null).length;
  const pushLabel = kind === 'smart-reserve' || kind === 'oseki' ? t(`ledger.push_${kind}`) : t('ledger.pushGeneric');
  const canLink = AVAILABLE.includes(kind) && !linked && form.baseUrl.trim() !== '' && form.storeId.trim() !== '' && !busy;

  return (
    <div className="ledger-panel">
      <section className="card settings-form" aria-labelledby="ledger-link-title">
        <div className="settings-switch-row">
          <h2 id="ledger-link-title">{t('ledger.tab')}</h2>
          <span className={`ledger-state ${linked ? 'is-linked' : ''}`} data-testid="ledger-state">{ledger?.linkState ?? '未連携'}</span>
        </div>
        <div className="field">
          <span>{t('ledger.choose')}</span>
          <div className="ledger-kinds" role="radiogroup" aria-label={t('ledger.choose')}>
            {CHOICES.map((k) => {
              const available = AVAILABLE.includes(k);
              return (
                <button key={k} type="button" role="radio" aria-checked={kind === k} className="chip ledger-kind"
                  disabled={!available || (linked && ledger?.kind !== k)} onClick={() => setKind(k)}>
                  {t(`ledger.kinds.${k}`)}
                  {!available && <small className="ledger-preparing">{t('ledger.preparing')}</small>}
                </button>
              );
            })}
          </div>
          {linked && <small className="muted">{t('ledger.otherLinked')}</small>}
        </div>
        <div className="settings-row">
          <label className="field">
            <span>{t('ledger.baseUrl')}</span>
            <input type="url" value={form.baseUrl} disabled={linked} placeholder="https://" onChange={(e) => setForm({ ...form, baseUrl: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('ledger.storeId')}</span>
            <input value={form.storeId} disabled={linked} onChange={(e) => setForm({ ...form, storeId: e.target.value })} />
          </label>
        </div>
        {!linked && (
          <label className="field">
            <span>{t('ledger.linkCode')}</span>
            <input value={form.linkCode} autoComplete="off" onChange={(e) => setForm({ ...form, linkCode: e.target.value })} />
          </label>
        )}
        {linked ? (
          <button type="button" className="btn btn-large" disabled={Boolean(busy)} onClick={() => setConfirmUnlink(true)}>{t('ledger.unlink')}</button>
        ) : (
          <button type="button" className="btn btn-primary btn-large" disabled={!canLink} onClick={() => void a.linkLedger({ kind, ...form })
            .then((ok) => ok && a.pushToast('success', t('ledger.linked')))}>
            {busy === 'link' ? t('ledger.busy') : t('ledger.start')}
          </button>
        )}
      </section>

      <section className="card settings-form" aria-labelledby="ledger-master-title">
        <h2 id="ledger-master-title">{t('ledger.master')}</h2>
        <p className="muted">{t('ledger.masterHint')}</p>
        <div className="ledger-actions">
          <button type="button" className="btn btn-primary btn-large" disabled={!linked || Boolean(busy)}
            onClick={() => void a.masterSyncLedger().then((ok) => ok && a.pushToast('success', t('ledger.masterDone')))}>
            {busy === 'master' ? t('ledger.busy') : t('ledger.master')}
          </button>
          <span className="num" data-testid="master-sync-at">
            {ledger?.lastMasterSyncAt ? t('ledger.lastMaster', { time: dateTime(ledger.lastMasterSyncAt) }) : t('ledger.neverMaster')}
          </span>
        </div>
      </section>

      <section className="card settings-form" aria-labelledby="ledger-tables-title">
        <h2 id="ledger-tables-title">{t('ledger.tables')}</h2>
        <p className="muted">{t('ledger.pushHint')}</p>
        <div className="ledger-actions">
          <button type="button" className="btn btn-primary btn-large" disabled={!linked || Boolean(busy)}
            onClick={() => void a.pushLedgerTables().then((r) => r && a.pushToast('success', t('ledger.pushed', { count: r.pushed, mapped: r.mapped })))}>
            {busy === 'push' ? t('ledger.busy') : pushLabel}
          </button>
          <span className="muted num">
            {!linked ? t('ledger.linkFirst') : ledger?.tablesPushedAt ? t('ledger.pushedAt', { time: dateTime(ledger.tablesPushedAt) }) : ''}
          </span>
        </div>
        <div className="ledger-tables" data-testid="ledger-tables">
          <table>
            <thead><tr><th scope="col">{t('ledger.tableCol')}</th><th scope="col">{t('ledger.seatCol')}</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.tableId} className={r.remoteName === null ? 'is-unmapped' : ''}>
                  <td>{r.name}</td>
                  <td>{r.remoteName === null ? t('ledger.unmapped') : r.remoteName || t('ledger.mapped')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted num" data-testid="mapping-summary">{t('ledger.mappedSummary', { count: rows.length, mapped: mappedCount })}</p>
      </section>

      {confirmUnlink && (
        <ConfirmDialog title={t('ledger.unlinkConfirm')} confirmLabel={t('ledger.unlink')} danger busy={Boolean(busy)}
          onCancel={() => setConfirmUnlink(false)}
          onConfirm={() => void a.unlinkLedger().then((ok) => {
            setConfirmUnlink(false);
            if (ok) a.pushToast('success', t('ledger.unlinked'));
          })}>
          <p>{t('ledger.unlinkBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
