import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOf, jstIso } from './clock.ts';
import { extendedDuration, splitParty } from './rules.ts';

describe('RULES.md#T6 party split of a walk-in group', () => {
  it('splits evenly when it divides', () => {
    expect(splitParty(4, 2)).toEqual([2, 2]);
    expect(splitParty(9, 3)).toEqual([3, 3, 3]);
  });

  it('gives the odd remainder to the representative (first)', () => {
    expect(splitParty(5, 2)).toEqual([3, 2]);
    expect(splitParty(7, 3)).toEqual([3, 2, 2]);
    expect(splitParty(8, 3)).toEqual([3, 3, 2]);
  });

  it('keeps the total, differs by at most 1, representative never smaller', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 200 }), (tables, total) => {
        const shares = splitParty(total, tables);
        expect(shares).toHaveLength(tables);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
        expect(shares[0]).toBe(Math.max(...shares));
      }),
    );
  });

  it('refuses nonsense', () => {
    expect(() => splitParty(3, 0)).toThrow(RangeError);
    expect(() => splitParty(-1, 2)).toThrow(RangeError);
  });
});

describe('RULES.md#C2 auto-extension in 30-minute steps', () => {
  const start = Date.parse('2026-05-01T18:00:00+09:00');
  const at = (min: number) => start + min * 60_000;
  const booked = { startAt: start, durationMin: 120, bookedDurationMin: 120 };

  it('2 h booked, 3 h stayed → 3 h', () => {
    expect(extendedDuration(booked, at(180), 30)).toBe(180);
  });

  it('does not extend within the slot, extends by a whole step just past it', () => {
    expect(extendedDuration(booked, at(120), 30)).toBe(120);
    expect(extendedDuration(booked, at(121), 30)).toBe(150);
    expect(extendedDuration(booked, at(151), 30)).toBe(180);
  });

  it('steps from the booked length and never shrinks', () => {
    const odd = { startAt: start, durationMin: 100, bookedDurationMin: 100 };
    expect(extendedDuration(odd, at(101), 30)).toBe(130);
    expect(extendedDuration({ ...booked, durationMin: 180 }, at(130), 30)).toBe(180);
  });
});

describe('business-day times', () => {
  it('puts times before the day change on the next calendar date', () => {
    expect(jstIso(instantOf('2026-05-01', '18:00'))).toBe('2026-05-01T18:00:00+09:00');
    expect(jstIso(instantOf('2026-05-01', '01:30'))).toBe('2026-05-02T01:30:00+09:00');
  });
});
