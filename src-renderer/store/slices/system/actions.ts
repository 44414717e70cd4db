import type { Settings } from '../../../../src-shared/contract/index.ts';
import { callApi } from '../../call.ts';
import type { SliceCreator } from '../../types.ts';
import { LANG_KEY } from '../ui/actions.ts';
import { initialSystemState, type SystemState, type SystemStatus } from './initialState.ts';

export type SystemActions = {
  /** Boot: read the status, then (if the database is sound) restore the session and staff tiles. */
  start: () => Promise<void>;
  loadStatus: () => Promise<boolean>;
  /** Manager switches training mode (RULES L2: separate database, nothing sent out). */
  setTrainingMode: (on: boolean) => Promise<boolean>;
  setConnected: (connected: boolean) => void;
  /** Re-read everything shown, e.g. after the push channel was down and events were missed. */
  refreshAll: () => Promise<void>;
  internal_applyMode: (mode: SystemStatus['mode']) => Promise<void>;
  internal_patchStatus: (patch: Partial<Settings> & { tillOpen?: boolean }) => void;
};

export type SystemSlice = SystemState & SystemActions;

export const createSystemSlice: SliceCreator<SystemSlice> = (deps) => (set, get) => ({
  ...initialSystemState,

  start: async () => {
    if (!(await get().loadStatus())) return;
    if (get().status?.integrity.ok) await Promise.all([get().restoreSession(), get().loadStaffList()]);
    set({ boot: 'ready' });
  },

  loadStatus: async () => {
    const r = await callApi(deps, get, 'system.status', {}, { toast: false });
    if (!r.ok) {
      // Before the first answer there is no screen to toast on: show the unreachable screen.
      if (!get().status && get().boot !== 'unpaired') set({ boot: 'unreachable', bootError: r.error.message });
      return false;
    }
    set({ status: r.value, bootError: null, ...(get().boot === 'unreachable' ? { boot: 'loading' as const } : {}) });
    // The store's language is the default until this device picks its own.
    if (!deps.local.getItem(LANG_KEY)) set({ lang: r.value.locale });
    return true;
  },

  setTrainingMode: async (on) => {
    const r = await callApi(deps, get, 'system.setMode', { training: on });
    if (r.ok) await get().internal_applyMode(r.value.mode);
    return r.ok;
  },

  setConnected: (connected) => set({ connected }),

  refreshAll: async () => {
    await get().loadStatus();
    if (!get().staff) return;
    await get().loadTill();
    if (get().settings) await get().loadSettings();
  },

  internal_applyMode: async (mode) => {
    const status = get().status;
    if (status) set({ status: { ...status, mode } });
    // Training has its own database: the till, settings and history shown must come from it.
    set({ report: null, history: [] });
    await get().refreshAll();
  },

  internal_patchStatus: (patch) => {
    const status = get().status;
    if (!status) return;
    const { storeName, registerNo, lanEnabled, locale, tillOpen } = { ...status, ...patch };
    set({ status: { ...status, storeName, registerNo, lanEnabled, locale, tillOpen } });
    if (patch.locale && !deps.local.getItem(LANG_KEY)) set({ lang: patch.locale });
  },
});
