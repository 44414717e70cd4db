import type { Device, Settings, Staff } from '../../../../src-shared/contract/index.ts';

export type SettingsState = {
  settings: Settings | null;
  /** All staff, active or not (managers only). */
  staffAll: Staff[];
  devices: Device[];
  /** The pairing code on screen for a handheld to enter, until it expires. */
  pairing: { code: string; expiresAt: number } | null;
};

export const initialSettingsState: SettingsState = {
  settings: null,
  staffAll: [],
  devices: [],
  pairing: null,
};
