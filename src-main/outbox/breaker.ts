/**
 * A circuit breaker per outside service (closed → open → half-open). While open, the relay
 * sends nothing to that service, so an outage costs one probe per interval instead of a
 * failing request per queued change.
 */
export type BreakerState = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  state: BreakerState = 'closed';
  private failures = 0;
  private openUntil = 0;
  private readonly threshold: number;
  private readonly openMs: number;
  private readonly random: () => number;

  constructor(opts: { threshold?: number; openMs?: number; random?: () => number } = {}) {
    this.threshold = opts.threshold ?? 5;
    this.openMs = opts.openMs ?? 30_000;
    this.random = opts.random ?? Math.random;
  }

  /** May a request go out now? In half-open state exactly one probe is allowed. */
  allow(now: number): boolean {
    if (this.state === 'closed') return true;
    if (this.state === 'open' && now >= this.openUntil) {
      this.state = 'half-open';
      return true;
    }
    return false;
  }

  success(): void {
    this.state = 'closed';
    this.failures = 0;
  }

  /** Only failures that say "the service is unwell" count (network, timeouts, 5xx, 429). */
  failure(now: number): void {
    this.failures += 1;
    if (this.state === 'half-open' || this.failures >= this.threshold) {
      this.state = 'open';
      // ±20 % so registers that lost the network together do not probe together.
      this.openUntil = now + this.openMs * (0.8 + 0.4 * this.random());
    }
  }

  /** Close at once, e.g. when staff press 再送 or the network comes back. */
  reset(): void {
    this.success();
  }

  retryAt(): number {
    return this.state === 'open' ? this.openUntil : 0;
  }
}
