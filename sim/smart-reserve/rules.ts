/** The ledger's rules that are pure arithmetic or pure look-ups: testable without a server. */
import { MINUTE_MS } from './clock.ts';
import type { StoreState } from './store.ts';
import { SEATED, WAITING, type Entry } from './types.ts';

/**
 * RULES.md#T6: the party of a group of walk-in tables is split evenly; what does not divide goes
 * one each to the first tables, the representative (index 0) first, so shares differ by at most 1
 * and the representative has the most.
 */
export function splitParty(total: number, tables: number): number[] {
  if (!Number.isInteger(total) || !Number.isInteger(tables) || tables < 1 || total < 0) {
    throw new RangeError(`cannot split ${total} over ${tables} tables`);
  }
  const base = Math.floor(total / tables);
  const remainder = total % tables;
  return Array.from({ length: tables }, (_, i) => base + (i < remainder ? 1 : 0));
}

/**
 * RULES.md#C2: a seated guest staying past the slot extends it by itself, in whole steps of 30
 * minutes past the booked length (2 h booked, 3 h stayed → 3 h). Never shrinks.
 */
export function extendedDuration(entry: Pick<Entry, 'startAt' | 'durationMin' | 'bookedDurationMin'>, now: number, stepMin: number): number {
  const stayedMin = (now - entry.startAt) / MINUTE_MS;
  if (stayedMin <= entry.durationMin) return entry.durationMin;
  const steps = Math.ceil((stayedMin - entry.bookedDurationMin) / stepMin);
  return Math.max(entry.durationMin, entry.bookedDurationMin + steps * stepMin);
}

export interface Interval {
  from: number;
  to: number;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.from < b.to && b.from < a.to;
}

/** When a timetable line holds its seat: a waiting reservation its slot, a seated guest at least until now. */
export function occupancy(entry: Entry, now: number): Interval | null {
  const end = entry.startAt + entry.durationMin * MINUTE_MS;
  if (entry.status === WAITING) return { from: entry.startAt, to: end };
  if (entry.status === SEATED) {
    return { from: Math.min(entry.startAt, entry.seatedAt ?? entry.startAt), to: Math.max(end, now + 1) };
  }
  return null;
}

export interface Conflict {
  reason: 'reserved' | 'occupied' | 'blocked';
  id: string;
}

/**
 * RULES.md#S11 (manual 6, pattern ①): the seat already has a designated reservation, a seated
 * guest or a ledger block (R7) in the wanted interval. `except` holds the lines being moved.
 */
export function findConflict(store: StoreState, seatId: string, want: Interval, now: number, except: ReadonlySet<string>): Conflict | null {
  for (const entry of store.entries.values()) {
    if (entry.seatId !== seatId || except.has(entry.id)) continue;
    const held = occupancy(entry, now);
    if (held && overlaps(held, want)) return { reason: entry.status === SEATED ? 'occupied' : 'reserved', id: entry.id };
  }
  for (const block of store.blocks.values()) {
    if (block.removed || block.seatId !== seatId) continue;
    if (overlaps({ from: block.startAt, to: block.startAt + block.durationMin * MINUTE_MS }, want)) return { reason: 'blocked', id: block.id };
  }
  return null;
}
