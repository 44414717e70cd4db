/** The data the ledger keeps, per linked store. Money is integer yen; instants are epoch ms. */

/** Ledger statuses of a reservation (or walk-in) line, as USEN SMART RESERVE names them. */
export const WAITING = '来店前';
export const SEATED = '来店済み';
export const LEFT = '退店済み';
export const CANCELLED = 'キャンセル';
export type EntryStatus = typeof WAITING | typeof SEATED | typeof LEFT | typeof CANCELLED;

/** Link state shown by the register's settings (RULES.md#L3). */
export type LinkStatus = '未連携' | '連携中';

export interface StoreSettings {
  /** Slot length of a walk-in in the timetable. */
  walkInDurationMin: number;
  /** RULES.md#C2: overstays are extended in steps of this many minutes (30). */
  extensionStepMin: number;
  /** Local time the business day changes. */
  dayStart: string;
  /** Demo convenience: tables pushed by the register are mapped to seats of the same name. */
  autoMapByName: boolean;
}

/** A seat of the ledger's own table list (its names may differ from the register's, L4). */
export interface Seat {
  id: string;
  name: string;
  kind: string;
  capacity: number;
  floor: string | null;
}

/** A table as pushed by the register (「SMART RESERVER同期」, RULES.md#L4). */
export interface PosTable {
  posTableId: string;
  name: string;
  floor: string | null;
  capacity: number | null;
  kind: string | null;
}

/** A line of the ledger's timetable: a reservation, or a walk-in sent by the register. */
export interface Entry {
  id: string;
  kind: 'reservation' | 'walk_in';
  status: EntryStatus;
  businessDay: string;
  startAt: number;
  /** Current slot length (時間制), grown by auto-extension (C2). */
  durationMin: number;
  /** The slot length as booked. */
  bookedDurationMin: number;
  party: number;
  guestName: string;
  guestNameKana: string;
  /** Designated seat, or after seating the seat the guest sits at (R5, S2). */
  seatId: string | null;
  storeMemo: string;
  guestRequest: string;
  prepaymentAmount: number;
  points: number;
  courseName: string;
  courseDetail: string;
  remarks: string;
  visitId: string | null;
  seatedAt: number | null;
  seq: number;
  createdAt: number;
  updatedAt: number;
}

/** A ledger block (RULES.md#R7, T4): shown like a reservation named ブロック. */
export interface Block {
  id: string;
  seatId: string;
  businessDay: string;
  startAt: number;
  durationMin: number;
  reason: string;
  removed: boolean;
  seq: number;
  updatedAt: number;
}

export interface SlipPart {
  partNo: number;
  amount: number;
}

/** Checkout result sent by the register (RULES.md#C1). */
export interface Slip {
  slipNo: string;
  amount: number;
  party: number;
  parts: SlipPart[];
  prepaymentUsed: number;
  pointsUsed: number;
  receivedAt: number;
}

export type VisitStatus = 'seated' | 'left' | 'cancelled';

/** One seating sent by the register, keyed by the register's own id (visitRef). */
export interface Visit {
  id: string;
  visitRef: string;
  entryId: string;
  posTableId: string;
  seatId: string;
  party: number;
  seatedAt: number;
  status: VisitStatus;
  groupId: string | null;
  mergedInto: string | null;
  slip: Slip | null;
  /** What the first create asked for: a repeat with the same visitRef must match it. */
  fingerprint: string;
  updatedAt: number;
}

export interface Group {
  id: string;
  groupRef: string;
  representativeVisitId: string;
  memberVisitIds: string[];
  status: 'active' | 'dissolved' | 'closed';
  fingerprint: string;
  createdAt: number;
}

/** One applied effect. Replays and refusals log nothing, so duplicates can be counted. */
export interface Effect {
  seq: number;
  at: number;
  storeId: string;
  kind: string;
  source: 'api' | 'clock';
  idempotencyKey: string | null;
  naturalKey: string | null;
  entityId: string;
  detail: Record<string, unknown>;
}
