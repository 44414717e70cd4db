// Test-only reference for the tax rules of index.ts, written independently of compute.ts:
// exact rationals (bigint numerator/denominator) and the rules read literally, no shortcuts.
import type { Discount, RoundingMode, SlipInput, TaxRate } from './types.ts';

interface Q { readonly n: bigint; readonly d: bigint }
const q = (n: bigint, d: bigint = 1n): Q => ({ n, d });
const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);

function floorQ(x: Q): bigint {
  // Largest integer t with t ≤ x, found by stepping from a truncated guess (x ≥ 0 here).
  let t = x.n / x.d;
  while ((t + 1n) * x.d <= x.n) t += 1n;
  while (t * x.d > x.n) t -= 1n;
  return t;
}
function roundQ(x: Q, mode: RoundingMode): bigint {
  const f = floorQ(x);
  const exact = f * x.d === x.n;
  if (mode === 'floor' || exact) return f;
  if (mode === 'ceil') return f + 1n;
  // Half up: compare the fractional part with 1/2.
  return 2n * (x.n - f * x.d) >= x.d ? f + 1n : f;
}

export interface RefRate { rate: TaxRate; slipDiscount: number; gross: number; net: number; tax: number; exact: Q }
export type RefResult = { ok: true; byRate: RefRate[]; gross: number; net: number; tax: number } | { ok: false; code: string };

function applyDiscount(base: bigint, d: Discount, dr: RoundingMode): bigint | null {
  const yen = d.kind === 'amount' ? BigInt(d.yen) : roundQ(q(base * BigInt(d.percent), 100n), dr);
  return yen > base ? null : yen;
}

export function referenceSlip(input: SlipInput): RefResult {
  const dr = input.discountRounding ?? 'floor';
  const sums = new Map<TaxRate, bigint>();
  for (const line of input.lines) {
    if (line.quantity < 0) return { ok: false, code: 'NEGATIVE_QUANTITY' };
    let left = BigInt(line.unitPrice) * BigInt(line.quantity);
    for (const d of line.discounts ?? []) {
      const yen = applyDiscount(left, d, dr);
      if (yen === null) return { ok: false, code: 'DISCOUNT_EXCEEDS' };
      left -= yen;
    }
    sums.set(line.rate, (sums.get(line.rate) ?? 0n) + left);
  }
  const rates = ([10, 8] as const).filter((r) => sums.has(r));
  const left = rates.map((r) => sums.get(r) ?? 0n);
  const off = rates.map(() => 0n);
  for (const d of input.slipDiscounts ?? []) {
    const total = left.reduce((a, b) => a + b, 0n);
    const yen = applyDiscount(total, d, dr);
    if (yen === null) return { ok: false, code: 'DISCOUNT_EXCEEDS' };
    if (total === 0n) continue;
    const shares = left.map((s) => floorQ(div(mul(q(yen), q(s)), q(total))));
    let big = 0;
    for (let i = 1; i < left.length; i++) if ((left[i] ?? 0n) > (left[big] ?? 0n)) big = i;
    shares[big] = (shares[big] ?? 0n) + yen - shares.reduce((a, b) => a + b, 0n);
    shares.forEach((s, i) => { left[i] = (left[i] ?? 0n) - s; off[i] = (off[i] ?? 0n) + s; });
  }
  const byRate = rates.map((rate, i): RefRate => {
    const a = left[i] ?? 0n;
    const r = BigInt(rate);
    const exact = input.priceMode === 'inclusive' ? q(a * r, 100n + r) : q(a * r, 100n);
    const tax = roundQ(exact, input.rounding);
    const gross = input.priceMode === 'inclusive' ? a : a + tax;
    return { rate, slipDiscount: Number(off[i]), gross: Number(gross), net: Number(gross - tax), tax: Number(tax), exact };
  });
  const total = (k: 'gross' | 'net' | 'tax') => byRate.reduce((s, t) => s + t[k], 0);
  return { ok: true, byRate, gross: total('gross'), net: total('net'), tax: total('tax') };
}

/** Exact tax as a float, for bound checks only. */
export const exactValue = (x: Q): number => Number(x.n) / Number(x.d);
