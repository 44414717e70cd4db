import type { ReservationRow } from '../../../../src-shared/contract/index.ts';
import type { AppState } from '../../types.ts';

/** Older than this, a list nobody could refresh counts as stale even with the push channel up. */
export const STALE_AFTER_MS = 60_000;

export const reservationsSelectors = {
  rows: (s: AppState) => s.reservations,
  businessDay: (s: AppState) => s.reservationsDay,
  loaded: (s: AppState) => s.reservationsLoaded,
  linked: (s: AppState) => s.reservationsLinked,
  lastRefreshAt: (s: AppState) => s.lastRefreshAt,
  refreshError: (s: AppState) => s.refreshError,
  refreshing: (s: AppState) => s.refreshing,
};

/** R4: today's rows yellow, the day before and after light blue. */
export const dayTone = (row: Pick<ReservationRow, 'businessDay'>, businessDay: string | null): 'today' | 'near' =>
  row.businessDay === businessDay ? 'today' : 'near';

/**
 * Offline: the push channel is down, the last refresh failed, or nothing refreshed the list for
 * a while. The list stays on screen with its age.
 */
export function isOffline(s: Pick<AppState, 'connected' | 'refreshError' | 'lastRefreshAt' | 'reservationsLinked'>, now: number): boolean {
  if (!s.connected || s.refreshError !== null) return true;
  return s.reservationsLinked && s.lastRefreshAt !== null && now - s.lastRefreshAt > STALE_AFTER_MS;
}

/** Whole minutes since the last successful refresh, or null if there never was one. */
export const ageMinutes = (lastRefreshAt: number | null, now: number): number | null =>
  lastRefreshAt === null ? null : Math.max(0, Math.floor((now - lastRefreshAt) / 60_000));

/** Waiting reservations (and ledger blocks, R7) of the business day, by time (the R6 list view's 予約 / ブロック rows). */
export const waitingToday = (rows: ReservationRow[], businessDay: string | null): ReservationRow[] =>
  rows.filter((r) => r.status === 'waiting' && r.businessDay === businessDay).sort((a, b) => a.startAt - b.startAt);
