import { callApi } from '../../call.ts';
import type { SliceCreator } from '../../types.ts';
import { initialPairingState, type PairingState } from './initialState.ts';

/** localStorage: a paired handheld's device token (the HTTP transport sends it with every request). */
export const DEVICE_TOKEN_KEY = 'pos.deviceToken';

export type PairingActions = {
  /** Trade the 6-digit code shown on the register for a device token, keep it, and start again (→ login). */
  pairDevice: (code: string, name: string) => Promise<boolean>;
  clearPairError: () => void;
  /** The station answered DEVICE_NOT_PAIRED (never paired, or unpaired on the register): forget the token. */
  internal_deviceUnpaired: () => void;
};

export type PairingSlice = PairingState & PairingActions;

export const createPairingSlice: SliceCreator<PairingSlice> = (deps) => (set, get) => ({
  ...initialPairingState,

  pairDevice: async (code, name) => {
    if (get().pairBusy) return false;
    set({ pairBusy: true, pairError: null });
    try {
      const r = await callApi(deps, get, 'devices.pair', { code, name }, { toast: false });
      if (!r.ok) {
        set({ pairError: r.error.fields?.code ?? r.error.message });
        return false;
      }
      deps.local.setItem(DEVICE_TOKEN_KEY, r.value.token);
      set({ boot: 'loading' });
      await get().start();
      return true;
    } finally {
      set({ pairBusy: false });
    }
  },

  clearPairError: () => set({ pairError: null }),

  internal_deviceUnpaired: () => {
    deps.local.removeItem(DEVICE_TOKEN_KEY);
    set({ boot: 'unpaired' });
  },
});
