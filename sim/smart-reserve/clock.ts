/**
 * The simulator's clock. The ledger's time-driven rule (C2: the slot of a guest who overstays is
 * extended in 30-minute steps) reads this clock, never Date.now(), so tests can set and advance it.
 * Business days and "HH:MM" times are in Asia/Tokyo (Japan has no DST).
 */
import { addDays, businessDayOf, jstIso } from '../../src-shared/business-day.ts';

export { addDays, businessDayOf, jstIso };

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
export const MINUTE_MS = 60_000;

export interface ClockState {
  now: string;
  nowMs: number;
  frozen: boolean;
}

export class SimClock {
  #offsetMs = 0;
  #frozenAt: number | null = null;

  now(): number {
    return this.#frozenAt ?? Date.now() + this.#offsetMs;
  }

  /** Sets the time. Frozen (the default) stays put until advanced; unfrozen runs on from there. */
  set(instantMs: number, frozen = true): void {
    if (frozen) {
      this.#frozenAt = instantMs;
    } else {
      this.#frozenAt = null;
      this.#offsetMs = instantMs - Date.now();
    }
  }

  advance(ms: number): void {
    if (this.#frozenAt !== null) this.#frozenAt += ms;
    else this.#offsetMs += ms;
  }

  /** Back to the machine's real time. */
  real(): void {
    this.#frozenAt = null;
    this.#offsetMs = 0;
  }

  state(): ClockState {
    const nowMs = this.now();
    return { now: jstIso(nowMs), nowMs, frozen: this.#frozenAt !== null };
  }
}

/** The JST wall-clock "HH:MM" of an instant. */
export function jstTime(instantMs: number): string {
  return new Date(instantMs + JST_OFFSET_MS).toISOString().slice(11, 16);
}

/**
 * The instant of "HH:MM" on a business day. Times before the day change (default 05:00) belong
 * to the next calendar date: business day 2026-05-01 at "01:30" is 2026-05-02 01:30 JST.
 */
export function instantOf(businessDay: string, time: string, dayStart = '05:00'): number {
  const date = time < dayStart ? addDays(businessDay, 1) : businessDay;
  return Date.parse(`${date}T${time}:00+09:00`);
}

/** Parses an ISO date-time (with offset) or epoch milliseconds. */
export function parseInstant(value: string | number): number {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`not a time: ${String(value)}`);
  return ms;
}
