import type { Staff } from '../../../../src-shared/contract/index.ts';

export type SessionState = {
  /** Active staff for the login tiles (G1). */
  staffList: Staff[];
  /** Who is logged in; null shows the login screen. */
  staff: Staff | null;
  loggingIn: boolean;
  /** The core's Japanese message for the last failed login, shown under the PIN. */
  loginError: string | null;
};

export const initialSessionState: SessionState = {
  staffList: [],
  staff: null,
  loggingIn: false,
  loginError: null,
};
