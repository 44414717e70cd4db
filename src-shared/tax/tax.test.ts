// Fixed cases: the NTA's published rounding examples, the discount apportioning rule and the
// input errors. Property tests against the reference are in tax.property.test.ts.
import { describe, expect, it } from 'vitest';
import { computeSlipTax, rateFor, TaxInputError, type SlipInput, type TaxLineInput } from './index.ts';

const line = (unitPrice: number, rate: 8 | 10, quantity = 1, extra: Partial<TaxLineInput> = {}): TaxLineInput =>
  ({ unitPrice, quantity, rate, ...extra });
const taxOf = (slip: ReturnType<typeof computeSlipTax>, rate: 8 | 10) => slip.byRate.find((t) => t.rate === rate);

describe('NTA rounding examples (インボイスQ&A 問57 and others)', () => {
  it('3 × ¥105 tax-excluded at 10 %, floor: ¥31 per rate, not ¥30 per line', () => {
    const once = computeSlipTax({ priceMode: 'exclusive', rounding: 'floor', lines: [line(105, 10), line(105, 10), line(105, 10)] });
    expect(once.tax).toBe(31);
    expect(once.gross).toBe(346);
    const perLine = [0, 1, 2].map(() => computeSlipTax({ priceMode: 'exclusive', rounding: 'floor', lines: [line(105, 10)] }).tax);
    expect(perLine.reduce((a, b) => a + b, 0)).toBe(30); // the forbidden method, for contrast
    // Same goods as one line with quantity 3: identical, the rounding does not see lines.
    expect(computeSlipTax({ priceMode: 'exclusive', rounding: 'floor', lines: [line(105, 10, 3)] }).tax).toBe(31);
  });

  it('¥1,080 tax-included at 8 % → ¥80 in every rounding mode', () => {
    for (const rounding of ['floor', 'round', 'ceil'] as const) {
      const s = computeSlipTax({ priceMode: 'inclusive', rounding, lines: [line(1080, 8)] });
      expect(s.byRate).toEqual([{ rate: 8, subtotal: 1080, slipDiscount: 0, gross: 1080, net: 1000, tax: 80 }]);
    }
  });

  it('問57 記載例: tax-included ¥60,000 at 10 % and ¥40,000 at 8 %, floor → ¥5,454 + ¥2,962', () => {
    const s = computeSlipTax({ priceMode: 'inclusive', rounding: 'floor', lines: [line(60000, 10), line(40000, 8)] });
    expect(taxOf(s, 10)?.tax).toBe(5454);
    expect(taxOf(s, 8)?.tax).toBe(2962);
    expect(s.tax).toBe(8416);
    expect(s.gross).toBe(100000);
  });

  it('問57 参考 (媒介者交付特例): ¥23,894 at 10 % → ¥2,389; ¥22,332 at 8 % → ¥1,786 (floor, tax-excluded)', () => {
    const s = computeSlipTax({
      priceMode: 'exclusive', rounding: 'floor',
      lines: [line(11345, 10), line(12549, 10), line(9987, 8), line(12345, 8)],
    });
    expect(taxOf(s, 10)).toMatchObject({ net: 23894, tax: 2389, gross: 26283 });
    expect(taxOf(s, 8)).toMatchObject({ net: 22332, tax: 1786, gross: 24118 });
  });

  it('問54 記載例: tax-included ¥88,000 (10 %) and ¥43,200 (8 %) → ¥8,000 and ¥3,200 in any mode', () => {
    for (const rounding of ['floor', 'round', 'ceil'] as const) {
      const s = computeSlipTax({ priceMode: 'inclusive', rounding, lines: [line(88000, 10), line(43200, 8)] });
      expect([taxOf(s, 10)?.tax, taxOf(s, 8)?.tax, s.gross]).toEqual([8000, 3200, 131200]);
    }
  });

  it('the rounding direction is the store setting', () => {
    const incl = (rounding: 'floor' | 'round' | 'ceil') => computeSlipTax({ priceMode: 'inclusive', rounding, lines: [line(1000, 10)] }).tax;
    expect([incl('floor'), incl('round'), incl('ceil')]).toEqual([90, 91, 91]); // 90.909…
    const excl = (rounding: 'floor' | 'round' | 'ceil') => computeSlipTax({ priceMode: 'exclusive', rounding, lines: [line(105, 10, 3)] }).tax;
    expect([excl('floor'), excl('round'), excl('ceil')]).toEqual([31, 32, 32]); // 31.5
    const low = computeSlipTax({ priceMode: 'exclusive', rounding: 'round', lines: [line(104, 10, 3)] }).tax;
    expect(low).toBe(31); // 31.2
  });
});

describe('discounts', () => {
  it('line 値引 and 割引 reduce the line before tax', () => {
    const s = computeSlipTax({
      priceMode: 'inclusive', rounding: 'floor',
      lines: [line(1100, 10, 2, { discounts: [{ kind: 'amount', yen: 200 }] }), line(540, 8, 1, { discounts: [{ kind: 'percent', percent: 10 }] })],
    });
    expect(s.lines.map((l) => [l.amount, l.discount, l.subtotal])).toEqual([[2200, 200, 2000], [540, 54, 486]]);
    expect(taxOf(s, 10)?.tax).toBe(181); // 2000 × 10/110 = 181.8
    expect(taxOf(s, 8)?.tax).toBe(36); // 486 × 8/108 = 36
  });

  it('a slip 値引 is apportioned by amount, the remainder going to the largest rate', () => {
    const s = computeSlipTax({
      priceMode: 'inclusive', rounding: 'floor',
      lines: [line(3000, 10), line(1000, 8)], slipDiscounts: [{ kind: 'amount', yen: 101 }],
    });
    // 101 × 3000/4000 = 75.75 → 75, 101 × 1000/4000 = 25.25 → 25, 1 yen left → 10 %.
    expect(s.byRate.map((t) => [t.rate, t.slipDiscount, t.gross, t.tax])).toEqual([[10, 76, 2924, 265], [8, 25, 975, 72]]);
    expect(s.slipDiscount).toBe(101);
    expect(s.gross).toBe(3899);
  });

  it('a slip 割引 % becomes one yen amount on the subtotal, then is apportioned', () => {
    const s = computeSlipTax({
      priceMode: 'exclusive', rounding: 'floor',
      lines: [line(999, 10), line(500, 8)], slipDiscounts: [{ kind: 'percent', percent: 10 }],
    });
    // 1,499 × 10 % = 149.9 → 149 off (floor); 149 × 999/1499 = 99.3 → 99, 149 × 500/1499 = 49.7 → 49, +1 to 10 %.
    expect(s.slipDiscount).toBe(149);
    expect(s.byRate.map((t) => [t.slipDiscount, t.net, t.tax])).toEqual([[100, 899, 89], [49, 451, 36]]);
  });

  it('a tie in amounts gives the remainder to 10 %', () => {
    const s = computeSlipTax({ priceMode: 'inclusive', rounding: 'floor', lines: [line(500, 8), line(500, 10)], slipDiscounts: [{ kind: 'amount', yen: 1 }] });
    expect(s.byRate.map((t) => [t.rate, t.slipDiscount])).toEqual([[10, 1], [8, 0]]);
  });
});

describe('rateFor', () => {
  it('eat-in food 10 %, takeout food 8 %, alcohol always 10 %', () => {
    expect(rateFor({ taxClass: 'reduced', takeout: false })).toBe(10);
    expect(rateFor({ taxClass: 'reduced', takeout: true })).toBe(8);
    expect(rateFor({ taxClass: 'alcohol', takeout: true })).toBe(10);
    expect(rateFor({ taxClass: 'alcohol', takeout: false })).toBe(10);
    expect(rateFor({ taxClass: 'standard', takeout: true })).toBe(10);
    expect(() => rateFor({ taxClass: 'food' as never, takeout: true })).toThrow('商品の税区分が正しくありません。');
  });
});

describe('invalid input', () => {
  const base: SlipInput = { priceMode: 'inclusive', rounding: 'floor', lines: [] };
  const errorOf = (input: SlipInput): TaxInputError => {
    try {
      computeSlipTax(input);
    } catch (e) {
      if (e instanceof TaxInputError) return e;
      throw e;
    }
    throw new Error('expected a TaxInputError');
  };

  it('negative quantity', () => {
    const e = errorOf({ ...base, lines: [line(100, 10), line(100, 10, -1)] });
    expect([e.code, e.message, e.where]).toEqual(['NEGATIVE_QUANTITY', '2行目: 数量にマイナスは指定できません。', { line: 1 }]);
  });
  it('discount above the amount (line and slip)', () => {
    expect(errorOf({ ...base, lines: [line(100, 10, 1, { discounts: [{ kind: 'amount', yen: 101 }] })] }).code).toBe('DISCOUNT_EXCEEDS');
    const e = errorOf({ ...base, lines: [line(100, 10)], slipDiscounts: [{ kind: 'amount', yen: 50 }, { kind: 'amount', yen: 51 }] });
    expect([e.code, e.where, e.message]).toEqual(['DISCOUNT_EXCEEDS', { discount: 1 }, '値引・割引の額が対象金額を超えています。']);
  });
  it('non-integer yen and quantity', () => {
    expect(errorOf({ ...base, lines: [line(100.5, 10)] }).code).toBe('NOT_INTEGER');
    expect(errorOf({ ...base, lines: [line(100, 10, 1.5)] }).code).toBe('NOT_INTEGER');
    expect(errorOf({ ...base, lines: [line(Number.NaN, 10)] }).staffMessage).toBe('金額・数量は整数（円単位）で入力してください。');
    expect(errorOf({ ...base, lines: [line(100, 10, 1, { discounts: [{ kind: 'amount', yen: 0.5 }] })] }).code).toBe('NOT_INTEGER');
  });
  it('negative price, bad percent, bad rate, bad options, too large', () => {
    expect(errorOf({ ...base, lines: [line(-1, 10)] }).code).toBe('NEGATIVE_PRICE');
    expect(errorOf({ ...base, lines: [line(100, 10)], slipDiscounts: [{ kind: 'percent', percent: 101 }] }).code).toBe('BAD_PERCENT');
    expect(errorOf({ ...base, lines: [line(100, 10)], slipDiscounts: [{ kind: 'percent', percent: 2.5 }] }).code).toBe('BAD_PERCENT');
    expect(errorOf({ ...base, lines: [line(100, 5 as 8)] }).code).toBe('BAD_RATE');
    expect(errorOf({ ...base, rounding: 'up' as 'ceil', lines: [line(100, 10)] }).code).toBe('BAD_OPTION');
    expect(errorOf({ ...base, lines: [line(1_000_000_000, 10, 1001)] }).code).toBe('TOO_LARGE');
  });
  it('an empty slip is valid and all zero', () => {
    expect(computeSlipTax(base)).toMatchObject({ byRate: [], gross: 0, net: 0, tax: 0 });
  });
});
