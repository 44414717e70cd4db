import { createStore } from 'zustand/vanilla';
import { createFloorSlice } from './slices/floor/actions.ts';
import { createPairingSlice } from './slices/pairing/actions.ts';
import { createReservationsSlice } from './slices/reservations/actions.ts';
import { createSessionSlice } from './slices/session/actions.ts';
import { createSettingsSlice } from './slices/settings/actions.ts';
import { createSupportSlice } from './slices/support/actions.ts';
import { createSyncSlice } from './slices/sync/actions.ts';
import { createSystemSlice } from './slices/system/actions.ts';
import { createTillSlice } from './slices/till/actions.ts';
import { createUiSlice } from './slices/ui/actions.ts';
import { createMenuSlice } from './slices/menu/actions.ts';
import { createOrderSlice } from './slices/order/actions.ts';
import { createCheckoutSlice } from './slices/checkout/actions.ts';
import { createSlipsSlice } from './slices/slips/actions.ts';
import { createTerminalSlice } from './slices/terminal/actions.ts';
import type { AppState, Deps } from './types.ts';

/**
 * The bound store: one zustand store made of the feature slices. Built per app (and per test)
 * with its dependencies injected, instead of a module singleton, so tests need no resets.
 */
export const createAppStore = (deps: Deps) =>
  createStore<AppState>()((...a) => ({
    ...createUiSlice(deps)(...a),
    ...createSystemSlice(deps)(...a),
    ...createSessionSlice(deps)(...a),
    ...createTillSlice(deps)(...a),
    ...createSettingsSlice(deps)(...a),
    ...createSupportSlice(deps)(...a),
    ...createMenuSlice(deps)(...a),
    ...createOrderSlice(deps)(...a),
    ...createCheckoutSlice(deps)(...a),
    ...createSlipsSlice(deps)(...a),
    ...createTerminalSlice(deps)(...a),
    ...createFloorSlice(deps)(...a),
    ...createReservationsSlice(deps)(...a),
    ...createSyncSlice(deps)(...a),
    ...createPairingSlice(deps)(...a),
  }));

export type AppStore = ReturnType<typeof createAppStore>;
export type { AppState, Deps } from './types.ts';
