import type { FaultInput } from '../../../sim/smart-reserve/faults.ts';

export type { FaultInput };

/**
 * One floor operation of the scripted service day, in terms of tables (the register's visit and
 * group ids are random, so the runner resolves them from the floor view when it sends the op).
 */
export type Op =
  | { kind: 'walkIn'; table: string; party: number }
  /** A pulled reservation (by its index in the day) seated at a table; S2 when not the designated one. */
  | { kind: 'seatReservation'; reservation: number; table: string; party: number }
  /** Seat a whole free table group at once (T6): a walk-in, or a reservation grouped before seating. */
  | { kind: 'seatGroup'; table: string; party: number; reservation: number | null }
  | { kind: 'partyChange'; table: string; party: number }
  | { kind: 'move'; from: string; to: string }
  | { kind: 'merge'; from: string; to: string }
  | { kind: 'cancel'; table: string }
  | { kind: 'group'; tables: string[]; rep: string; seated: boolean }
  | { kind: 'ungroup'; table: string };

/** Where a SIGKILL of the station lands. */
export type KillMode =
  /** Between two operations, whatever the relay is doing. */
  | 'idle'
  /** While a command is on its way: the station may or may not have committed it. */
  | 'mid-command'
  /** While the ledger holds a delivery (a `slow` fault): the effect is applied after the station died. */
  | 'mid-delivery'
  /** The moment a new effect shows up on the ledger: racing the relay's `done` commit. */
  | 'after-apply';

export type ReservationPlan = {
  index: number;
  guestName: string;
  party: number;
  /** Register table id the ledger designates, or null (なし). */
  designated: string | null;
  /** Added on the ledger before the day (null) or during it, just before this operation number. */
  addedBeforeOp: number | null;
  /** Start relative to the start of the run (minutes), kept clear of walk-in slots. */
  startOffsetMin: number;
  durationMin: number;
};

/** A SIGKILL tied to an operation: during its command, or during / right after its delivery. */
export type OpKill = { mode: 'mid-command'; afterMs: number } | { mode: 'mid-delivery' } | { mode: 'after-apply' };

export type Step =
  | { kind: 'op'; n: number; op: Op; kill?: OpKill }
  | { kind: 'faults'; active: FaultInput[]; label: string }
  | { kind: 'pause'; ms: number; why: string }
  | { kind: 'kill'; mode: 'idle' }
  /** Ledger staff add a reservation during the day; the register must pull it before it is seated. */
  | { kind: 'reservation'; index: number };

export type Schedule = {
  seed: number;
  reservations: ReservationPlan[];
  steps: Step[];
  counts: { ops: number; faults: number; kills: number };
};

/** What one seed came to. The suite demands lost = dup = order = mismatches = 0 and convergence. */
export type SeedReport = {
  seed: number;
  ops: number;
  faults: number;
  kills: number;
  events: number;
  /** Delivery attempts beyond the first, over all rows: how much the faults made the relay work. */
  retries: number;
  /** Events whose effect never reached the ledger (not done, parked for a network cause, or missing effects). */
  lost: number;
  /** Effects applied more than once on the ledger. */
  dup: number;
  /** Per-aggregate (and depends-on) order violations seen in the ledger's effect log. */
  order: number;
  /** Differences between the ledger and the register, or the ledger and a fault-free serial replay. */
  mismatches: number;
  /** Rows refused by a ledger rule in the faulted run and in the fault-free replay alike (explained). */
  refused: number;
  /** Time from the network's return (faults cleared) to no pending row; null when it never came. */
  convergenceMs: number | null;
  durationMs: number;
  /** Human-readable findings: what was lost, duplicated, out of order, refused, or different. */
  notes: string[];
  /** A problem of the harness itself (station did not start, an operation was refused): the seed is inconclusive. */
  harnessError: string | null;
};
