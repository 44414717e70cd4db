// Property tests: computeSlipTax against the independent rational reference (tax.reference.ts)
// and the invariants of the rules (one rounding per rate, apportioning).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, computeSlipTax, TaxInputError, type Discount, type SlipInput, type TaxLineInput } from './index.ts';
import { exactValue, referenceSlip } from './tax.reference.ts';

const discount: fc.Arbitrary<Discount> = fc.oneof(
  fc.record({ kind: fc.constant('amount' as const), yen: fc.integer({ min: 0, max: 3000 }) }),
  fc.record({ kind: fc.constant('percent' as const), percent: fc.integer({ min: 0, max: 100 }) }),
);
const lineArb: fc.Arbitrary<TaxLineInput> = fc.record({
  unitPrice: fc.integer({ min: 0, max: 50_000 }),
  quantity: fc.integer({ min: 0, max: 12 }),
  rate: fc.constantFrom(8 as const, 10 as const),
  discounts: fc.array(discount, { maxLength: 2 }),
});
const mode = fc.constantFrom('floor' as const, 'round' as const, 'ceil' as const);
const slipArb: fc.Arbitrary<SlipInput> = fc.record({
  priceMode: fc.constantFrom('inclusive' as const, 'exclusive' as const),
  rounding: mode,
  discountRounding: mode,
  lines: fc.array(lineArb, { maxLength: 8 }),
  slipDiscounts: fc.array(discount, { maxLength: 2 }),
});

describe('computeSlipTax vs the rational reference', () => {
  it('agrees on every per-rate figure, or both reject the same discount', () => {
    fc.assert(fc.property(slipArb, (input) => {
      const ref = referenceSlip(input);
      if (!ref.ok) {
        expect(() => computeSlipTax(input)).toThrow(TaxInputError);
        try { computeSlipTax(input); } catch (e) { expect((e as TaxInputError).code).toBe(ref.code); }
        return;
      }
      const got = computeSlipTax(input);
      expect(got.byRate.map((t) => ({ rate: t.rate, slipDiscount: t.slipDiscount, gross: t.gross, net: t.net, tax: t.tax })))
        .toEqual(ref.byRate.map(({ exact: _e, ...t }) => t));
      expect([got.gross, got.net, got.tax]).toEqual([ref.gross, ref.net, ref.tax]);
    }), { numRuns: 400 });
  });

  it('rounds once per rate: within one yen of the exact tax, in the chosen direction', () => {
    fc.assert(fc.property(slipArb, (input) => {
      const ref = referenceSlip(input);
      fc.pre(ref.ok);
      const got = computeSlipTax(input);
      got.byRate.forEach((t, i) => {
        const exact = ref.ok ? exactValue(ref.byRate[i]!.exact) : 0;
        expect(Math.abs(t.tax - exact)).toBeLessThan(1);
        if (input.rounding === 'floor') expect(t.tax).toBeLessThanOrEqual(exact + 1e-9);
        if (input.rounding === 'ceil') expect(t.tax).toBeGreaterThanOrEqual(exact - 1e-9);
        expect(t.gross).toBe(t.net + t.tax);
      });
      expect(got.subtotal - got.slipDiscount).toBe(input.priceMode === 'inclusive' ? got.gross : got.net);
    }), { numRuns: 300 });
  });

  it('does not depend on how goods are split into lines (no per-line rounding)', () => {
    const plain = fc.record({
      unitPrice: fc.integer({ min: 1, max: 20_000 }),
      quantity: fc.integer({ min: 1, max: 6 }),
      rate: fc.constantFrom(8 as const, 10 as const),
    });
    fc.assert(fc.property(fc.array(plain, { minLength: 1, maxLength: 6 }), slipArb, (lines, opts) => {
      const split = lines.flatMap((l) => Array.from({ length: l.quantity }, () => ({ ...l, quantity: 1 })));
      fc.pre(referenceSlip({ ...opts, lines }).ok);
      // Slip discounts included: they are apportioned on per-rate totals, which splitting keeps.
      expect(computeSlipTax({ ...opts, lines: split }).byRate).toEqual(computeSlipTax({ ...opts, lines }).byRate);
    }), { numRuns: 200 });
  });

  it('floor ≤ round ≤ ceil ≤ floor + 1 for each rate', () => {
    fc.assert(fc.property(slipArb, (input) => {
      fc.pre(referenceSlip(input).ok);
      const [f, r, c] = (['floor', 'round', 'ceil'] as const).map((rounding) => computeSlipTax({ ...input, rounding }).byRate);
      f!.forEach((t, i) => {
        expect(t.tax).toBeLessThanOrEqual(r![i]!.tax);
        expect(r![i]!.tax).toBeLessThanOrEqual(c![i]!.tax);
        expect(c![i]!.tax - t.tax).toBeLessThanOrEqual(1);
      });
    }), { numRuns: 200 });
  });
});

describe('apportion', () => {
  it('shares sum to the total, stay within their bucket and only the largest gets the remainder', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 2 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (weights, frac) => {
        const sum = weights.reduce((a, w) => a + w, 0);
        const total = Math.floor(sum * frac);
        const shares = apportion(total, weights);
        expect(shares.reduce((a, s) => a + s, 0)).toBe(sum === 0 ? 0 : total);
        const largest = weights.indexOf(Math.max(...weights));
        shares.forEach((s, i) => {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(weights[i]!);
          const floor = sum === 0 ? 0 : Math.floor((total * weights[i]!) / sum);
          if (i !== largest) expect(s).toBe(floor);
        });
      },
    ), { numRuns: 300 });
  });
});
