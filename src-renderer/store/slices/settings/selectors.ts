import type { AppState } from '../../types.ts';

export const settingsSelectors = {
  settings: (s: AppState) => s.settings,
  staffAll: (s: AppState) => s.staffAll,
  devices: (s: AppState) => s.devices,
  pairing: (s: AppState) => s.pairing,
  lanEnabled: (s: AppState) => s.settings?.lanEnabled ?? s.status?.lanEnabled ?? false,
};

/** Whole seconds until a pairing code expires (never negative). */
export const secondsLeft = (expiresAt: number, now: number): number => Math.max(0, Math.ceil((expiresAt - now) / 1000));
