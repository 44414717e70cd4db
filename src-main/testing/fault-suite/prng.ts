import { mulberry32 } from '../../../src-shared/prng.ts';

export { mulberry32 };

/** Helpers over one seeded stream. Every draw advances the stream, so keep call order stable. */
export class Rng {
  readonly next: () => number;

  constructor(seed: number) {
    // Mix the seed so that seeds 1, 2, 3 … do not start from neighbouring states.
    this.next = mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) >>> 0);
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A weighted choice among the entries whose weight is > 0. */
  weighted<K extends string>(weights: Record<K, number>): K | null {
    const entries = (Object.entries(weights) as Array<[K, number]>).filter(([, w]) => w > 0);
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    if (total <= 0) return null;
    let r = this.next() * total;
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  /** `n` distinct items in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }
}
