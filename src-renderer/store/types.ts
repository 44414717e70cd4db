import type { StateCreator } from 'zustand';
import type { ApiClient } from '../api/client.ts';
import type { FloorSlice } from './slices/floor/actions.ts';
import type { PairingSlice } from './slices/pairing/actions.ts';
import type { ReservationsSlice } from './slices/reservations/actions.ts';
import type { SessionSlice } from './slices/session/actions.ts';
import type { SettingsSlice } from './slices/settings/actions.ts';
import type { SupportSlice } from './slices/support/actions.ts';
import type { SyncSlice } from './slices/sync/actions.ts';
import type { SystemSlice } from './slices/system/actions.ts';
import type { TillSlice } from './slices/till/actions.ts';
import type { UiSlice } from './slices/ui/actions.ts';
import type { MenuSlice } from './slices/menu/actions.ts';
import type { OrderSlice } from './slices/order/actions.ts';
import type { CheckoutSlice } from './slices/checkout/actions.ts';
import type { SlipsSlice } from './slices/slips/actions.ts';
import type { TerminalSlice } from './slices/terminal/actions.ts';

/** The one bound store: every feature slice merged (zustand slices pattern). */
export type AppState = SessionSlice & SystemSlice & TillSlice & SettingsSlice & SupportSlice & UiSlice
  & FloorSlice & ReservationsSlice & SyncSlice & PairingSlice
  & MenuSlice & OrderSlice & CheckoutSlice & SlipsSlice & TerminalSlice;

/** Web Storage as far as the store needs it; tests pass a Map-backed fake. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * What the store depends on, injected so slices run in Node tests without a DOM:
 * the API client, per-tab storage (login session, current screen) and device storage (language).
 */
export type Deps = { client: ApiClient; session: KeyValueStore; local: KeyValueStore };

export type SliceCreator<T> = (deps: Deps) => StateCreator<AppState, [], [], T>;

export type SetState = Parameters<StateCreator<AppState>>[0];
export type GetState = () => AppState;
