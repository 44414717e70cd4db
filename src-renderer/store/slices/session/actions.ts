import { callApi } from '../../call.ts';
import type { SliceCreator } from '../../types.ts';
import { initialFloorState } from '../floor/initialState.ts';
import { initialReservationsState } from '../reservations/initialState.ts';
import { initialSettingsState } from '../settings/initialState.ts';
import { initialSupportState } from '../support/initialState.ts';
import { initialSyncState } from '../sync/initialState.ts';
import { initialTillState } from '../till/initialState.ts';
import { initialSessionState, type SessionState } from './initialState.ts';

/** sessionStorage key: a reload keeps the person logged in, a new tab or a restart does not. */
export const SESSION_KEY = 'pos.sessionId';

export type SessionActions = {
  loadStaffList: () => Promise<void>;
  /** Log in with the PIN; on failure `loginError` holds the core's message. */
  login: (staffId: string, pin: string) => Promise<boolean>;
  logout: () => Promise<void>;
  /** After a reload: reuse the stored session id if the core still knows it. */
  restoreSession: () => Promise<void>;
  clearLoginError: () => void;
  internal_sessionExpired: () => void;
  internal_afterLogin: () => Promise<void>;
};

export type SessionSlice = SessionState & SessionActions;

export const createSessionSlice: SliceCreator<SessionSlice> = (deps) => (set, get) => {
  const forget = () => {
    deps.client.sessionId = null;
    deps.session.removeItem(SESSION_KEY);
    // Another person may log in next: drop what the last one loaded.
    set({ ...initialSessionState, staffList: get().staffList, ...initialTillState, ...initialSettingsState, ...initialSupportState });
    set({ ...initialFloorState, floorViewMode: get().floorViewMode, ...initialReservationsState, ...initialSyncState });
    get().internal_resetSales();
    get().navigate('home');
  };
  return {
    ...initialSessionState,

    loadStaffList: async () => {
      const r = await callApi(deps, get, 'auth.staffList', {});
      if (r.ok) set({ staffList: r.value });
    },

    login: async (staffId, pin) => {
      set({ loggingIn: true, loginError: null });
      const r = await callApi(deps, get, 'auth.login', { staffId, pin }, { toast: false });
      if (!r.ok) {
        set({ loggingIn: false, loginError: r.error.message });
        return false;
      }
      deps.client.sessionId = r.value.sessionId;
      deps.session.setItem(SESSION_KEY, r.value.sessionId);
      set({ staff: r.value.staff, loggingIn: false });
      get().navigate('home');
      await get().internal_afterLogin();
      return true;
    },

    logout: async () => {
      await callApi(deps, get, 'auth.logout', {}, { toast: false });
      forget();
      void get().loadStaffList();
    },

    restoreSession: async () => {
      const id = deps.session.getItem(SESSION_KEY);
      if (!id) return;
      deps.client.sessionId = id;
      const r = await callApi(deps, get, 'auth.me', {}, { toast: false });
      if (!r.ok) {
        forget();
        return;
      }
      set({ staff: r.value });
      await get().internal_afterLogin();
    },

    clearLoginError: () => set({ loginError: null }),

    internal_sessionExpired: () => forget(),

    internal_afterLogin: async () => {
      await get().loadTill();
    },
  };
};
