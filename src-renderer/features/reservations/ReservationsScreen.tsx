import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ReservationRow, VisitSummary } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { ScreenFrame } from '../../components/ScreenFrame.tsx';
import { useFormat } from '../../components/useFormat.ts';
import type { FloorTile } from '../../store/slices/floor/selectors.ts';
import { ageMinutes, isOffline, reservationsSelectors } from '../../store/slices/reservations/selectors.ts';
import { HandheldMenu } from '../floor/HandheldMenu.tsx';
import { SeatDialog, type SeatMode } from '../floor/SeatDialog.tsx';
import { useStationNow } from '../floor/useStationNow.ts';
import { ReservationEditDialog } from './ReservationEditDialog.tsx';
import { ReservationItem } from './ReservationItem.tsx';
import { TablePickDialog } from './TablePickDialog.tsx';
import './reservations.css';

/** 🔄 of the manual, drawn (the emoji is missing from some handheld fonts). */
function RefreshIcon({ spinning }: { spinning: boolean }) {
  return (
    <svg className={`refresh-icon${spinning ? ' spin' : ''}`} viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
      <path fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" d="M20 12a8 8 0 1 1-2.34-5.66" />
      <path fill="currentColor" d="M21 3v7h-7z" />
    </svg>
  );
}

type Step = { row: ReservationRow; tile?: FloorTile };

/**
 * 予約確認 (R1–R7): business day ±1, waiting first, 配席済み at the bottom; 🔄 pulls at once.
 * It refreshes by itself without polling: the station pulls the ledger every 3 s and pushes
 * reservations.changed (news) and sync.changed (last pull and its error, for the age shown offline).
 */
export function ReservationsScreen() {
  const { t } = useTranslation();
  const { time } = useFormat();
  const rows = useApp(reservationsSelectors.rows);
  const businessDay = useApp(reservationsSelectors.businessDay);
  const loaded = useApp(reservationsSelectors.loaded);
  const linked = useApp(reservationsSelectors.linked);
  const lastRefreshAt = useApp(reservationsSelectors.lastRefreshAt);
  const refreshing = useApp(reservationsSelectors.refreshing);
  const offline = useApp(useShallow((s) => ({
    connected: s.connected, refreshError: s.refreshError, lastRefreshAt: s.lastRefreshAt, reservationsLinked: s.reservationsLinked,
  })));
  const a = useApp(useShallow((s) => ({
    loadReservations: s.loadReservations, refreshReservations: s.refreshReservations, loadFloor: s.loadFloor,
    pushToast: s.pushToast, openOrder: s.openOrder, navigate: s.navigate, selectFloor: s.selectFloor,
  })));
  const now = useStationNow(5_000);
  const [step, setStep] = useState<Step | null>(null);
  const [editing, setEditing] = useState<ReservationRow | null>(null);

  useEffect(() => {
    // R3 (お席トットくん): opening the screen pulls the ledger once; pushes keep it fresh after.
    void a.loadReservations();
    void a.refreshReservations({ quiet: true });
    void a.loadFloor({ quiet: true });
  }, [a]);

  const onSeated = (tile: FloorTile) => (visit: VisitSummary, mode: SeatMode) => {
    setStep(null);
    a.pushToast('success', t('seat.seated', { table: tile.name }));
    // As in the manual: after 配席のみ the table list shows the guest's name on the tile.
    if (mode === 'register' && a.openOrder(visit.id)) return;
    a.selectFloor(tile.floorId);
    a.navigate('floor');
  };

  const isStale = isOffline(offline, now);
  const age = ageMinutes(lastRefreshAt, now);
  const waiting = rows.filter((r) => r.status === 'waiting');
  const seated = rows.filter((r) => r.status === 'seated');

  return (
    <ScreenFrame title={t('reservations.title')} className="reservations-screen" onBack={() => a.navigate('floor')} extra={(
      <>
        <span className={`resv-refreshed num${isStale ? ' is-stale' : ''}`} data-testid="last-refresh">
          {lastRefreshAt ? t('reservations.lastRefresh', { time: time(lastRefreshAt) }) : t('reservations.neverRefreshed')}
        </span>
        <button type="button" className="btn resv-refresh" disabled={refreshing} onClick={() => void a.refreshReservations()}>
          <RefreshIcon spinning={refreshing} />
          <span className="resv-refresh-label">{t('reservations.refresh')}</span>
        </button>
        <HandheldMenu />
      </>
    )}>
      {loaded && !linked && <p className="resv-note">{t('reservations.notLinked')}</p>}
      {linked && isStale && (
        <div className="resv-offline" role="status" data-testid="offline-age">
          <strong>{age === null || age < 1 ? t('reservations.ageRecent') : t('reservations.age', { count: age })}</strong>
          <span>{offline.refreshError ?? t('reservations.offlineHint')}</span>
        </div>
      )}
      {loaded && rows.length === 0 && <p className="floor-empty muted">{t('reservations.empty')}</p>}
      <ul className="resv-list" aria-label={t('reservations.status.waiting')}>
        {waiting.map((row) => <ReservationItem key={row.id} row={row} businessDay={businessDay} onSeat={(r) => setStep({ row: r })} onEdit={setEditing} />)}
      </ul>
      {seated.length > 0 && (
        <>
          <h2 className="resv-section">{t('reservations.seatedSection')}</h2>
          <ul className="resv-list" aria-label={t('reservations.seatedSection')}>
            {seated.map((row) => <ReservationItem key={row.id} row={row} businessDay={businessDay} onSeat={() => undefined} onEdit={() => undefined} />)}
          </ul>
        </>
      )}
      {editing && <ReservationEditDialog row={editing} onClose={() => setEditing(null)} />}
      {step && !step.tile && <TablePickDialog row={step.row} onClose={() => setStep(null)} onPick={(tile) => setStep({ row: step.row, tile })} />}
      {step?.tile && (
        <SeatDialog tile={step.tile} reservation={step.row} onClose={() => setStep({ row: step.row })} onSeated={onSeated(step.tile)}
          onRefused={(code) => setStep(code === 'TABLE_OCCUPIED' || code === 'TABLE_BLOCKED' || code === 'TABLE_RESET' ? { row: step.row } : null)} />
      )}
    </ScreenFrame>
  );
}
