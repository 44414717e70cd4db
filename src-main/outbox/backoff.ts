/**
 * Exponential backoff with full jitter: sleep random(0, min(cap, base·2^attempt)).
 * Spreads retries of many registers after an outage instead of a thundering herd.
 */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

export function fullJitter(attempt: number, random: () => number = Math.random, base = BACKOFF_BASE_MS, cap = BACKOFF_CAP_MS): number {
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/** Retry-After wins when the server sends it (seconds or an HTTP date), capped like the backoff. */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, random?: () => number, base = BACKOFF_BASE_MS, cap = BACKOFF_CAP_MS): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.min(retryAfterMs, cap);
  return fullJitter(attempt, random, base, cap);
}

export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
