import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, fullJitter, parseRetryAfter, retryDelay } from './backoff.ts';
import { CircuitBreaker } from './breaker.ts';

describe('backoff', () => {
  it('stays within [0, min(cap, base·2^n)) for any attempt and random draw', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (n, r) => {
      const d = fullJitter(n, () => r);
      return d >= 0 && d < Math.min(BACKOFF_CAP_MS, 2000 * 2 ** n) + 1;
    }));
  });
  it('honours Retry-After in seconds and as a date', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(retryDelay(3, 7000)).toBe(7000);
    expect(retryDelay(3, 10 * 60_000)).toBe(BACKOFF_CAP_MS);
  });
});

describe('circuit breaker', () => {
  it('opens after the threshold, allows one probe after the interval, closes on success', () => {
    const b = new CircuitBreaker({ threshold: 3, openMs: 1000, random: () => 0.5 });
    for (let i = 0; i < 3; i++) b.failure(0);
    expect(b.state).toBe('open');
    expect(b.allow(500)).toBe(false);
    expect(b.allow(1000)).toBe(true);
    expect(b.state).toBe('half-open');
    expect(b.allow(1000)).toBe(false);
    b.failure(1000);
    expect(b.state).toBe('open');
    expect(b.allow(2000)).toBe(true);
    b.success();
    expect(b.state).toBe('closed');
  });
});
