import type { Input, Settings } from '../../../../src-shared/contract/index.ts';
import { callApi } from '../../call.ts';
import type { SliceCreator } from '../../types.ts';
import { initialSettingsState, type SettingsState } from './initialState.ts';

export type SettingsActions = {
  loadSettings: () => Promise<void>;
  updateSettings: (patch: Partial<Settings>) => Promise<boolean>;
  loadStaffAll: () => Promise<void>;
  saveStaff: (input: Input<'staff.save'>) => Promise<boolean>;
  loadDevices: () => Promise<void>;
  revokeDevice: (deviceId: string) => Promise<boolean>;
  issuePairingCode: () => Promise<void>;
  clearPairingCode: () => void;
  internal_applySettings: (settings: Settings) => void;
};

export type SettingsSlice = SettingsState & SettingsActions;

export const createSettingsSlice: SliceCreator<SettingsSlice> = (deps) => (set, get) => ({
  ...initialSettingsState,

  loadSettings: async () => {
    const r = await callApi(deps, get, 'settings.get', {});
    if (r.ok) get().internal_applySettings(r.value);
  },

  updateSettings: async (patch) => {
    const r = await callApi(deps, get, 'settings.update', patch);
    if (r.ok) get().internal_applySettings(r.value);
    return r.ok;
  },

  loadStaffAll: async () => {
    const r = await callApi(deps, get, 'staff.list', {});
    if (r.ok) set({ staffAll: r.value });
  },

  saveStaff: async (input) => {
    const r = await callApi(deps, get, 'staff.save', input);
    if (!r.ok) return false;
    const saved = r.value;
    const known = get().staffAll.some((s) => s.id === saved.id);
    set({ staffAll: known ? get().staffAll.map((s) => (s.id === saved.id ? saved : s)) : [...get().staffAll, saved] });
    // The login tiles list active staff only: keep them in step.
    void get().loadStaffList();
    return true;
  },

  loadDevices: async () => {
    const r = await callApi(deps, get, 'devices.list', {});
    if (r.ok) set({ devices: r.value });
  },

  revokeDevice: async (deviceId) => {
    const r = await callApi(deps, get, 'devices.revoke', { deviceId });
    if (r.ok) set({ devices: get().devices.filter((d) => d.id !== deviceId) });
    return r.ok;
  },

  issuePairingCode: async () => {
    const r = await callApi(deps, get, 'devices.pairingCode', {});
    if (r.ok) set({ pairing: r.value });
  },

  clearPairingCode: () => set({ pairing: null }),

  internal_applySettings: (settings) => {
    set({ settings });
    get().internal_patchStatus(settings);
  },
});
