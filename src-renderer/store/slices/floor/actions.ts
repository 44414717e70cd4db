import type { Input, VisitSummary } from '../../../../src-shared/contract/index.ts';
import type { ApiError, Result } from '../../../../src-shared/result.ts';
import { callApi } from '../../call.ts';
import { coalesce } from '../../coalesce.ts';
import type { SliceCreator } from '../../types.ts';
import { SCREENS, type Screen } from '../ui/initialState.ts';
import { initialFloorState, type FloorState, type FloorViewMode } from './initialState.ts';

/** localStorage: tiles or list, per device. */
export const FLOOR_VIEW_KEY = 'pos.floorView';
/** The order screen (another feature): reached only once it is registered. */
const ORDER_SCREEN: string = 'order';

/** What a seating attempt came to: seated, the S7 question to ask, or a refusal (already shown). */
export type SeatOutcome =
  | { kind: 'seated'; visit: VisitSummary; warnings: string[] }
  | { kind: 'confirm'; message: string }
  | { kind: 'failed'; error: ApiError };

export type FloorActions = {
  /** Read floor.view; calls while one runs share it and one more read follows (events come in bursts). */
  loadFloor: (opts?: { quiet?: boolean }) => Promise<void>;
  /** S1, S7, S9, S10: seat a reservation or a walk-in. CONFIRM_OVER_RESERVATION comes back as `confirm`. */
  seatTable: (input: Input<'seating.seat'>) => Promise<SeatOutcome>;
  /** 来店取消 (S12). */
  cancelVisit: (visitId: string) => Promise<boolean>;
  /** 人数変更 (S13). */
  changeParty: (visitId: string, party: number) => Promise<boolean>;
  /** テーブル統合 (T1): the destination wins. */
  mergeTables: (fromTableId: string, toTableId: string) => Promise<boolean>;
  /** テーブル移動 (T2) to a free table. */
  moveTable: (fromTableId: string, toTableId: string) => Promise<boolean>;
  /** テーブルブロック (T4) and its release. */
  setTableBlocked: (tableId: string, blocked: boolean) => Promise<boolean>;
  /** テーブルリセット (T5) and its release, where the store enabled it. */
  setTableReset: (tableId: string, reset: boolean) => Promise<boolean>;
  /** テーブルグループ (T6) under a representative. */
  groupTables: (tableIds: string[], representativeTableId: string) => Promise<boolean>;
  /** グループ解除 (T6). */
  ungroupTables: (groupId: string) => Promise<boolean>;
  selectFloor: (floorId: string) => void;
  setFloorViewMode: (mode: FloorViewMode) => void;
  dismissFloorWarnings: () => void;
  /** Open the order screen for a visit (screen params `{ visitId }`); false while that screen does not exist. */
  openOrder: (visitId: string) => boolean;
  internal_applyFloorChanged: (payload: { tableIds: string[] }) => void;
};

export type FloorSlice = FloorState & FloorActions;

export const orderScreenAvailable = (): boolean => SCREENS.includes(ORDER_SCREEN as Screen);

export const createFloorSlice: SliceCreator<FloorSlice> = (deps) => (set, get) => {

  /** One table command at a time; on success the warnings are kept and the floor re-read. */
  const command = async <T>(run: () => Promise<Result<T>>, warningsOf: (value: T) => string[] = () => []): Promise<Result<T> | null> => {
    if (get().floorBusy) return null;
    set({ floorBusy: true });
    try {
      const r = await run();
      if (r.ok) {
        set({ floorWarnings: warningsOf(r.value) });
        await get().loadFloor({ quiet: true });
      }
      return r;
    } finally {
      set({ floorBusy: false });
    }
  };
  const ok = async <T>(run: () => Promise<Result<T>>, warningsOf?: (value: T) => string[]) => (await command(run, warningsOf))?.ok ?? false;

  const storedView = deps.local.getItem(FLOOR_VIEW_KEY);
  return {
    ...initialFloorState,
    floorViewMode: storedView === 'list' ? 'list' : 'tiles',

    loadFloor: coalesce(async (opts: { quiet?: boolean } = {}) => {
      const r = await callApi(deps, get, 'floor.view', {}, { toast: !opts.quiet });
      if (r.ok) {
        const floorId = get().floorId;
        set({
          floor: r.value, clockOffsetMs: r.value.now - Date.now(),
          floorId: floorId && r.value.floors.some((f) => f.id === floorId) ? floorId : (r.value.floors[0]?.id ?? null),
        });
      }
    }),

    seatTable: async (input) => {
      if (get().floorBusy) return { kind: 'failed', error: { code: 'BUSY', message: '' } };
      set({ floorBusy: true });
      try {
        const r = await callApi(deps, get, 'seating.seat', input, { toast: false });
        if (!r.ok) {
          if (r.error.code === 'CONFIRM_OVER_RESERVATION') return { kind: 'confirm', message: r.error.message };
          get().pushToast('error', r.error.message);
          return { kind: 'failed', error: r.error };
        }
        set({ floorWarnings: r.value.warnings });
        await get().loadFloor({ quiet: true });
        return { kind: 'seated', visit: r.value.visit, warnings: r.value.warnings };
      } finally {
        set({ floorBusy: false });
      }
    },

    cancelVisit: (visitId) => ok(() => callApi(deps, get, 'seating.cancel', { visitId })),
    changeParty: (visitId, party) => ok(() => callApi(deps, get, 'visit.update', { visitId, party })),
    mergeTables: (fromTableId, toTableId) => ok(() => callApi(deps, get, 'table.merge', { fromTableId, toTableId }), (v) => v.warnings),
    moveTable: (fromTableId, toTableId) => ok(() => callApi(deps, get, 'table.move', { fromTableId, toTableId }), (v) => v.warnings),
    setTableBlocked: (tableId, blocked) => ok(() => callApi(deps, get, 'table.block', { tableId, blocked })),
    setTableReset: (tableId, reset) => ok(() => callApi(deps, get, 'table.reset', { tableId, reset })),
    groupTables: (tableIds, representativeTableId) =>
      ok(() => callApi(deps, get, 'table.group', { tableIds, representativeTableId }), (v) => v.warnings),
    ungroupTables: (groupId) => ok(() => callApi(deps, get, 'table.ungroup', { groupId })),

    selectFloor: (floorId) => set({ floorId }),

    setFloorViewMode: (mode) => {
      deps.local.setItem(FLOOR_VIEW_KEY, mode);
      set({ floorViewMode: mode });
    },

    dismissFloorWarnings: () => set({ floorWarnings: [] }),

    openOrder: (visitId) => {
      if (!orderScreenAvailable()) return false;
      get().navigate(ORDER_SCREEN as Screen, { visitId });
      return true;
    },

    internal_applyFloorChanged: () => {
      // Only screens that showed the floor keep it fresh; the next visit to the table list reads it anyway.
      if (get().floor) void get().loadFloor({ quiet: true });
    },
  };
};
