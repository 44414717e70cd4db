import type { Input } from '../../../../src-shared/contract/index.ts';
import { callApi } from '../../call.ts';
import { coalesce } from '../../coalesce.ts';
import type { SliceCreator } from '../../types.ts';
import { initialReservationsState, type ReservationsState } from './initialState.ts';

export type ReservationsActions = {
  /** Read reservations.list; calls while one runs share it and one more read follows. */
  loadReservations: (opts?: { quiet?: boolean }) => Promise<void>;
  /** 🔄 (R3): pull the ledger now, then read the list. Quiet = a background refresh (no toast). */
  refreshReservations: (opts?: { quiet?: boolean }) => Promise<boolean>;
  /** S13: time, table or party of a waiting reservation. */
  updateReservation: (input: Input<'reservations.update'>) => Promise<boolean>;
  internal_applyReservationsChanged: (payload: { lastRefreshAt: number | null }) => void;
  /** The station pulled the ledger (sync.changed): the time of its last success, and the error of the latest pull. */
  internal_applyPull: (lastPullAt: number | null, error: string | null) => void;
};

export type ReservationsSlice = ReservationsState & ReservationsActions;

const NOT_REACHED = '予約台帳から最新の予約を取得できませんでした。';

/** The time of the last successful refresh only moves forward (answers may arrive out of order). */
const newest = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

export const createReservationsSlice: SliceCreator<ReservationsSlice> = (deps) => (set, get) => {
  return {
    ...initialReservationsState,

    loadReservations: coalesce(async (opts: { quiet?: boolean } = {}) => {
      const r = await callApi(deps, get, 'reservations.list', {}, { toast: !opts.quiet });
      if (r.ok) {
        set({
          reservations: r.value.rows, reservationsDay: r.value.businessDay, reservationsLoaded: true,
          reservationsLinked: r.value.linked, lastRefreshAt: newest(r.value.lastRefreshAt, get().lastRefreshAt),
        });
      }
    }),

    refreshReservations: async (opts = {}) => {
      if (get().refreshing) return false;
      set({ refreshing: true });
      try {
        const r = await callApi(deps, get, 'reservations.refresh', {}, { toast: false });
        if (!r.ok) {
          set({ refreshError: r.error.message });
          if (!opts.quiet) get().pushToast('error', r.error.message);
          return false;
        }
        const failed = !r.value.ok && get().reservationsLinked ? (r.value.message ?? NOT_REACHED) : null;
        set({ refreshError: failed, lastRefreshAt: newest(r.value.lastRefreshAt, get().lastRefreshAt) });
        if (failed && !opts.quiet) get().pushToast('error', failed);
        await get().loadReservations({ quiet: true });
        return failed === null;
      } finally {
        set({ refreshing: false });
      }
    },

    updateReservation: async (input) => {
      const r = await callApi(deps, get, 'reservations.update', input);
      if (r.ok) set({ reservations: get().reservations.map((row) => (row.id === r.value.id ? r.value : row)) });
      return r.ok;
    },

    internal_applyReservationsChanged: (payload) => {
      // A pull that brought changes proves the ledger answers: the list is fresh again.
      if (payload.lastRefreshAt !== null) set({ lastRefreshAt: newest(payload.lastRefreshAt, get().lastRefreshAt), refreshError: null });
      if (get().reservationsLoaded) void get().loadReservations({ quiet: true });
    },

    internal_applyPull: (lastPullAt, error) => {
      set({ lastRefreshAt: newest(lastPullAt, get().lastRefreshAt), refreshError: get().reservationsLinked ? error : null });
    },
  };
};
