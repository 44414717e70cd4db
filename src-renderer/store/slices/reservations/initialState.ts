import type { ReservationRow } from '../../../../src-shared/contract/index.ts';

export type ReservationsState = {
  /** 予約確認: business day ±1, waiting first, 配席済み at the bottom (as reservations.list answers). */
  reservations: ReservationRow[];
  reservationsDay: string | null;
  reservationsLoaded: boolean;
  /** Whether a ledger is linked at all (nothing to refresh otherwise). */
  reservationsLinked: boolean;
  /** When the station last pulled the ledger successfully (station clock). */
  lastRefreshAt: number | null;
  /** The ledger's (or network's) message when the last refresh failed; null once one succeeds. */
  refreshError: string | null;
  refreshing: boolean;
};

export const initialReservationsState: ReservationsState = {
  reservations: [],
  reservationsDay: null,
  reservationsLoaded: false,
  reservationsLinked: false,
  lastRefreshAt: null,
  refreshError: null,
  refreshing: false,
};
