import type { AppState } from '../../types.ts';

const role = (s: AppState) => s.staff?.role ?? null;

export const sessionSelectors = {
  staff: (s: AppState) => s.staff,
  isLoggedIn: (s: AppState) => s.staff !== null,
  /** Cashiers and managers handle money; support staff only read logs (contract access rules). */
  canHandleTill: (s: AppState) => role(s) === 'cashier' || role(s) === 'manager',
  canManage: (s: AppState) => role(s) === 'manager',
  canSupport: (s: AppState) => role(s) === 'support' || role(s) === 'manager',
};
