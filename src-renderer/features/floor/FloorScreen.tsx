import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { VisitSummary } from '../../../src-shared/contract/index.ts';
import { useApp } from '../../app/store-context.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ScreenFrame } from '../../components/ScreenFrame.tsx';
import {
  allTiles, floorSelectors, groupCandidates, groupLabels, groupMembers, mergeTargets, moveTargets, tileById, type FloorTile,
} from '../../store/slices/floor/selectors.ts';
import { reservationsSelectors } from '../../store/slices/reservations/selectors.ts';
import { FloorList } from './FloorList.tsx';
import { GroupRepDialog } from './GroupRepDialog.tsx';
import { HandheldMenu } from './HandheldMenu.tsx';
import { Modal } from './Modal.tsx';
import { PartyDialog } from './PartyDialog.tsx';
import { PickBar } from './PickBar.tsx';
import { SeatDialog, type SeatMode } from './SeatDialog.tsx';
import { TableMenu, type TableAction } from './TableMenu.tsx';
import { TableTile } from './TableTile.tsx';
import { useStationNow } from './useStationNow.ts';
import './floor.css';

type Dialog =
  | { kind: 'seat' | 'menu' | 'party' | 'cancel' | 'state'; tableId: string; reservationId?: string }
  | { kind: 'ungroup'; groupId: string }
  | { kind: 'move'; from: string; to: string }
  | { kind: 'merge'; from: string; to: string }
  | { kind: 'groupRep'; tableIds: string[] };
type Pick = { kind: 'move' | 'merge'; from: string } | { kind: 'group'; selected: string[] };

/** テーブル一覧: floor tabs, a tile per table (or the R6 list), seating and the table operations. */
export function FloorScreen() {
  const { t } = useTranslation();
  const view = useApp(floorSelectors.floor);
  const floorId = useApp(floorSelectors.floorId);
  const mode = useApp(floorSelectors.viewMode);
  const warnings = useApp(floorSelectors.warnings);
  const busy = useApp(floorSelectors.busy);
  const resetEnabled = useApp(floorSelectors.resetEnabled);
  const reservations = useApp(reservationsSelectors.rows);
  const businessDay = useApp(reservationsSelectors.businessDay);
  const settingsLoaded = useApp((s) => s.settings !== null);
  const a = useApp(useShallow((s) => ({
    loadFloor: s.loadFloor, loadReservations: s.loadReservations, loadSettings: s.loadSettings, pushToast: s.pushToast, openOrder: s.openOrder,
    setTableBlocked: s.setTableBlocked, setTableReset: s.setTableReset, ungroupTables: s.ungroupTables, moveTable: s.moveTable,
    mergeTables: s.mergeTables, groupTables: s.groupTables, cancelVisit: s.cancelVisit, selectFloor: s.selectFloor,
    setFloorViewMode: s.setFloorViewMode, dismissFloorWarnings: s.dismissFloorWarnings, navigate: s.navigate,
  })));
  const now = useStationNow();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [pick, setPick] = useState<Pick | null>(null);

  useEffect(() => {
    void a.loadFloor();
    void a.loadReservations({ quiet: true });
  }, [a]);
  // T5 needs the store settings (table reset on or off).
  useEffect(() => {
    if (!settingsLoaded) void a.loadSettings();
  }, [a, settingsLoaded]);

  const labels = useMemo(() => groupLabels(view), [view]);
  const eligible = useMemo((): Set<string> | null => {
    if (!pick) return null;
    if (pick.kind === 'move') return new Set(moveTargets(view, pick.from).map((x) => x.id));
    if (pick.kind === 'merge') return new Set(mergeTargets(view, pick.from).map((x) => x.id));
    return new Set(groupCandidates(view).map((x) => x.id));
  }, [pick, view]);
  const floor = view?.floors.find((f) => f.id === floorId) ?? view?.floors[0];
  const close = useCallback(() => setDialog(null), []);
  const tileOf = (id: string) => tileById(view, id);
  const done = (ok: boolean, message: string) => {
    if (ok) a.pushToast('success', message);
    setDialog(null);
  };

  const onTap = (tile: FloorTile) => {
    if (pick?.kind === 'move' || pick?.kind === 'merge') {
      setDialog(pick.kind === 'move' ? { kind: 'move', from: pick.from, to: tile.id } : { kind: 'merge', from: pick.from, to: tile.id });
      return;
    }
    if (pick?.kind === 'group') {
      const selected = pick.selected.includes(tile.id) ? pick.selected.filter((id) => id !== tile.id) : [...pick.selected, tile.id];
      setPick({ kind: 'group', selected });
      return;
    }
    if (tile.visit) setDialog({ kind: 'menu', tableId: tile.id });
    else if ((tile.blocked && !tile.ledgerBlock) || tile.reset) setDialog({ kind: 'state', tableId: tile.id });
    else setDialog({ kind: 'seat', tableId: tile.id });
  };

  const onSeated = (tile: FloorTile) => (visit: VisitSummary, seatMode: SeatMode) => {
    setDialog(null);
    a.pushToast('success', t('seat.seated', { table: tile.name }));
    if (seatMode === 'register') a.openOrder(visit.id);
  };

  const onAction = (tile: FloorTile) => (action: TableAction) => {
    const visit = tile.visit;
    if (!visit) return;
    if (action === 'order') a.openOrder(visit.id);
    else if (action === 'party' || action === 'cancel') setDialog({ kind: action, tableId: tile.id });
    else if (action === 'ungroup' && tile.groupId) setDialog({ kind: 'ungroup', groupId: tile.groupId });
    else {
      setDialog(null);
      setPick(action === 'group' ? { kind: 'group', selected: [tile.id] } : { kind: action as 'move' | 'merge', from: tile.id });
    }
  };

  const freeTableExtras = (tile: FloorTile) => (
    <>
      {!tile.ledgerBlock && (
        <button type="button" className="btn" disabled={busy} onClick={() => void a.setTableBlocked(tile.id, true)
          .then((ok) => done(ok, t('tableMenu.blocked', { table: tile.name })))}>{t('tableMenu.block')}</button>
      )}
      {resetEnabled && (
        <button type="button" className="btn" disabled={busy} onClick={() => void a.setTableReset(tile.id, true)
          .then((ok) => done(ok, t('tableMenu.resetDone', { table: tile.name })))}>{t('tableMenu.reset')}</button>
      )}
      {tile.groupId
        ? <button type="button" className="btn" onClick={() => setDialog({ kind: 'ungroup', groupId: tile.groupId! })}>{t('tableMenu.ungroup')}</button>
        : <button type="button" className="btn" onClick={() => { setDialog(null); setPick({ kind: 'group', selected: [tile.id] }); }}>{t('tableMenu.group')}</button>}
    </>
  );

  const renderDialog = () => {
    if (!dialog) return null;
    if (dialog.kind === 'ungroup') {
      return (
        <ConfirmDialog title={t('tableMenu.ungroupConfirm')} confirmLabel={t('tableMenu.ungroupAction')} busy={busy} onCancel={close}
          onConfirm={() => void a.ungroupTables(dialog.groupId).then((ok) => done(ok, t('tableMenu.ungrouped')))}>
          <p>{groupMembers(view, dialog.groupId).map((x) => x.name).join('・')}</p>
          <p>{t('tableMenu.ungroupBody')}</p>
        </ConfirmDialog>
      );
    }
    if (dialog.kind === 'move' || dialog.kind === 'merge') {
      const from = tileOf(dialog.from);
      const to = tileOf(dialog.to);
      if (!from || !to) return null;
      const names = { from: from.name, to: to.name };
      const finish = (ok: boolean) => {
        if (ok) setPick(null);
        done(ok, t(dialog.kind === 'move' ? 'tableMenu.moved' : 'tableMenu.merged', names));
      };
      return dialog.kind === 'move' ? (
        <ConfirmDialog title={t('tableMenu.moveConfirm', names)} confirmLabel={t('tableMenu.moveAction')} busy={busy} onCancel={close}
          onConfirm={() => void a.moveTable(from.id, to.id).then(finish)} />
      ) : (
        <ConfirmDialog title={t('tableMenu.mergeConfirm', names)} confirmLabel={t('tableMenu.mergeAction')} busy={busy} onCancel={close}
          onConfirm={() => void a.mergeTables(from.id, to.id).then(finish)}>
          <p>{t('tableMenu.mergeBody', names)}</p>
        </ConfirmDialog>
      );
    }
    if (dialog.kind === 'groupRep') {
      const tiles = dialog.tableIds.map(tileOf).filter((x): x is FloorTile => x !== null);
      return (
        <GroupRepDialog tiles={tiles} onClose={close} onGroup={(rep) => void a.groupTables(dialog.tableIds, rep).then((ok) => {
          if (ok) setPick(null);
          done(ok, t('tableMenu.grouped'));
        })} />
      );
    }
    const tile = tileOf(dialog.tableId);
    if (!tile) return null;
    switch (dialog.kind) {
      case 'seat': {
        // A 予約 tile whose guest arrived: seat that reservation here (S1) instead of a walk-in.
        const held = tile.nextReservation ? reservations.find((r) => r.id === tile.nextReservation!.id && r.status === 'waiting') : undefined;
        const reservation = dialog.reservationId ? reservations.find((r) => r.id === dialog.reservationId) : undefined;
        return (
          <SeatDialog key={reservation?.id ?? 'walk-in'} tile={tile} reservation={reservation} onClose={close} onSeated={onSeated(tile)}
            extra={reservation ? undefined : (
              <>
                {held && (
                  <button type="button" className="btn seat-held" onClick={() => setDialog({ kind: 'seat', tableId: tile.id, reservationId: held.id })}>
                    {t('seat.seatReservation', { name: held.guestName })}
                  </button>
                )}
                {freeTableExtras(tile)}
              </>
            )} />
        );
      }
      case 'menu':
        return <TableMenu tile={tile} now={now} onClose={close} onAction={onAction(tile)} />;
      case 'party':
        return <PartyDialog tile={tile} onClose={close} />;
      case 'cancel': {
        const v = tile.visit;
        if (!v) return null;
        return (
          <ConfirmDialog title={t('tableMenu.cancelConfirm')} confirmLabel={t('tableMenu.cancelAction')} danger busy={busy} onCancel={close}
            onConfirm={() => void a.cancelVisit(v.id).then((ok) => done(ok, t('tableMenu.cancelled')))}>
            <p>{t('tableMenu.cancelBody', { table: tile.name, name: v.walkIn ? t('floor.walkIn') : v.guestName, party: t('floor.party', { count: v.party }) })}</p>
          </ConfirmDialog>
        );
      }
      case 'state':
        return (
          <Modal title={t(tile.reset ? 'tableMenu.resetTitle' : 'tableMenu.blockedTitle', { table: tile.name })} onClose={close}>
            <div className="table-menu-actions">
              {tile.blocked && (
                <button type="button" className="btn btn-large btn-primary" disabled={busy} onClick={() => void a.setTableBlocked(tile.id, false)
                  .then((ok) => done(ok, t('tableMenu.unblocked', { table: tile.name })))}>{t('tableMenu.unblock')}</button>
              )}
              {tile.reset && (
                <button type="button" className="btn btn-large btn-primary" disabled={busy} onClick={() => void a.setTableReset(tile.id, false)
                  .then((ok) => done(ok, t('tableMenu.unresetDone', { table: tile.name })))}>{t('tableMenu.unreset')}</button>
              )}
            </div>
          </Modal>
        );
    }
  };

  const pickText = !pick ? '' : pick.kind === 'group' ? t('floor.pickGroup', { count: pick.selected.length })
    : t(pick.kind === 'move' ? 'floor.pickMove' : 'floor.pickMerge', { table: tileOf(pick.from)?.name ?? '' });

  return (
    <ScreenFrame title={t('floor.title')} className="floor-screen" extra={(
      <>
        <div className="segmented floor-view-toggle" role="group" aria-label={t('floor.view')}>
          {(['tiles', 'list'] as const).map((m) => (
            <button key={m} type="button" aria-pressed={mode === m} onClick={() => a.setFloorViewMode(m)}>
              {t(m === 'tiles' ? 'floor.viewTiles' : 'floor.viewList')}
            </button>
          ))}
        </div>
        <HandheldMenu />
      </>
    )}>
      {mode === 'tiles' && view && view.floors.length > 1 && (
        <div className="floor-tabs" role="tablist" aria-label={t('floor.floors')}>
          {view.floors.map((f) => (
            <button key={f.id} type="button" role="tab" aria-selected={f.id === floor?.id} onClick={() => a.selectFloor(f.id)}>
              {f.name}
            </button>
          ))}
        </div>
      )}
      {pick && (
        <PickBar text={pickText} onCancel={() => setPick(null)}
          {...(pick.kind === 'group' ? {
            onNext: () => setDialog({ kind: 'groupRep', tableIds: pick.selected }), nextDisabled: pick.selected.length < 2, nextLabel: t('floor.pickNext'),
          } : {})} />
      )}
      {warnings.length > 0 && (
        <div className="floor-warnings" role="alert" data-testid="floor-warnings">
          <div>
            <strong>{t('floor.warningsTitle')}</strong>
            {warnings.map((w) => <p key={w}>{w}</p>)}
          </div>
          <button type="button" className="btn" onClick={a.dismissFloorWarnings}>{t('floor.dismiss')}</button>
        </div>
      )}
      {!view && <p className="floor-empty muted">{t('floor.loading')}</p>}
      {view && mode === 'tiles' && floor && (
        <div className="tile-grid" role="tabpanel" aria-label={floor.name}>
          {floor.tables.map((tile) => {
            const full = { ...tile, floorName: floor.name };
            return (
              <TableTile key={tile.id} tile={full} now={now} groupLabel={tile.groupId ? labels.get(tile.groupId) ?? null : null} onTap={onTap}
                disabled={eligible !== null && !eligible.has(tile.id) && !(pick?.kind === 'group' && pick.selected.includes(tile.id))}
                selected={pick?.kind === 'group' ? pick.selected.includes(tile.id) : (pick && pick.from === tile.id) || undefined} />
            );
          })}
        </div>
      )}
      {view && mode === 'list' && (
        <FloorList view={view} reservations={reservations} businessDay={businessDay} now={now}
          onOpen={(tile) => setDialog({ kind: 'menu', tableId: tile.id })} />
      )}
      <div className="floor-footer">
        <span className="floor-summary muted num">
          {t('floor.status.free')} {allTiles(view).filter((x) => x.status === 'free').length}・{t('floor.status.occupied')} {allTiles(view).filter((x) => x.visit).length}
        </span>
        <button type="button" className="btn btn-large btn-primary floor-reservations" onClick={() => a.navigate('reservations')}>
          {t('floor.reservationCheck')}
        </button>
      </div>
      {renderDialog()}
    </ScreenFrame>
  );
}
