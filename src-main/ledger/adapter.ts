import type { DeliveryTarget } from '../outbox/types.ts';

/** A reservation (or ledger block: R7) as pulled from the ledger, in the register's terms. */
export type PulledReservation = {
  remoteId: string;
  kind: 'reservation' | 'block';
  businessDay: string;
  startAt: number;
  durationMin: number;
  party: number;
  guestName: string;
  /** The register table the ledger designates (its mapping), or null (なし). */
  tableId: string | null;
  status: '来店前' | '来店済み' | '退店済み' | 'キャンセル';
  memo: string;
  request: string;
  prepayment: number;
  points: number;
  courseName: string;
  courseDetail: string;
  remarks: string;
};

export type PullResult = { reservations: PulledReservation[]; cursor: string | null };
export type TablePush = { tableId: string; name: string; floor: string; seats: number; kind: string };
export type MappingRow = { tableId: string; remoteSeatId: string; remoteName: string };

/**
 * The seam every reservation ledger plugs into. The outbox delivers through `deliver`; the puller
 * reads `pull`; settings use link, table push and mapping. Vendor differences the floor needs
 * to know live in capabilities.ts.
 */
export interface LedgerAdapter extends DeliveryTarget {
  link(storeId: string, linkCode: string): Promise<{ token: string }>;
  unlink(): Promise<void>;
  pushTables(tables: TablePush[]): Promise<MappingRow[]>;
  mapping(): Promise<MappingRow[]>;
  pull(from: string, to: string, cursor: string | null): Promise<PullResult>;
}

export class LedgerUnavailable extends Error {
  readonly staffMessage: string;
  constructor(message: string, staffMessage: string) {
    super(message);
    this.staffMessage = staffMessage;
  }
}
