import { TaxInputError, type TaxErrorWhere } from './errors.ts';
import type {
  Discount, LineResult, PriceMode, RateTotal, RoundingMode, SlipInput, SlipTax, TaxLineInput, TaxRate,
} from './types.ts';

/** Upper bound for any yen amount on one slip (1 兆円): far above real use, keeps Number exact. */
export const MAX_YEN = 1_000_000_000_000;
/** Order of rates on receipts and reports. */
const RATE_ORDER: readonly TaxRate[] = [10, 8];
const MODES: readonly RoundingMode[] = ['floor', 'round', 'ceil'];
const PRICE_MODES: readonly PriceMode[] = ['inclusive', 'exclusive'];

/** num / den rounded by mode, for num ≥ 0 and den > 0; bigint so products never lose precision. */
export function divRound(num: bigint, den: bigint, mode: RoundingMode): bigint {
  const q = num / den;
  const r = num % den;
  if (r === 0n || mode === 'floor') return q;
  if (mode === 'ceil') return q + 1n;
  return 2n * r >= den ? q + 1n : q; // 四捨五入: half away from zero (amounts are never negative)
}

function checkYen(value: number, where: TaxErrorWhere): void {
  if (!Number.isSafeInteger(value)) throw new TaxInputError('NOT_INTEGER', where);
  if (value < 0) throw new TaxInputError('NEGATIVE_PRICE', where);
  if (value > MAX_YEN) throw new TaxInputError('TOO_LARGE', where);
}

/** Yen value of one discount against `base`; rejects a discount larger than what it applies to. */
function discountYen(d: Discount, base: number, rounding: RoundingMode, where: TaxErrorWhere): number {
  let yen: number;
  if (d.kind === 'amount') {
    checkYen(d.yen, where);
    yen = d.yen;
  } else if (d.kind === 'percent') {
    if (!Number.isInteger(d.percent) || d.percent < 0 || d.percent > 100) throw new TaxInputError('BAD_PERCENT', where);
    yen = Number(divRound(BigInt(base) * BigInt(d.percent), 100n, rounding));
  } else {
    throw new TaxInputError('BAD_OPTION', where);
  }
  if (yen > base) throw new TaxInputError('DISCOUNT_EXCEEDS', where);
  return yen;
}

function lineResult(line: TaxLineInput, index: number, rounding: RoundingMode): LineResult {
  const where = { line: index };
  if (line.rate !== 8 && line.rate !== 10) throw new TaxInputError('BAD_RATE', where);
  if (!Number.isSafeInteger(line.quantity)) throw new TaxInputError('NOT_INTEGER', where);
  if (line.quantity < 0) throw new TaxInputError('NEGATIVE_QUANTITY', where);
  checkYen(line.unitPrice, where);
  const product = BigInt(line.unitPrice) * BigInt(line.quantity);
  if (product > BigInt(MAX_YEN)) throw new TaxInputError('TOO_LARGE', where);
  const amount = Number(product);
  let left = amount;
  (line.discounts ?? []).forEach((d, i) => {
    left -= discountYen(d, left, rounding, { line: index, discount: i });
  });
  return { index, rate: line.rate, amount, discount: amount - left, subtotal: left };
}

/**
 * Splits `total` yen across buckets in proportion to `weights`: each gets floor(total × w / Σw),
 * and the few yen left by flooring go to the bucket with the largest weight (the first one on a
 * tie; callers list 10 % first). Every share stays within its bucket when total ≤ Σw.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  if (sum === 0) return weights.map(() => 0);
  const shares = weights.map((w) => Number((BigInt(total) * BigInt(w)) / BigInt(sum)));
  const rest = total - shares.reduce((a, s) => a + s, 0);
  let largest = 0;
  weights.forEach((w, i) => {
    if (w > (weights[largest] ?? 0)) largest = i;
  });
  shares[largest] = (shares[largest] ?? 0) + rest;
  return shares;
}

/** Gross, net and tax of one rate from its amount in the slip's price mode: the one rounding. */
export function rateAmounts(amount: number, rate: TaxRate, priceMode: PriceMode, rounding: RoundingMode) {
  const a = BigInt(amount);
  const r = BigInt(rate);
  if (priceMode === 'inclusive') {
    const tax = Number(divRound(a * r, 100n + r, rounding));
    return { gross: amount, net: amount - tax, tax };
  }
  const tax = Number(divRound(a * r, 100n, rounding));
  return { gross: amount + tax, net: amount, tax };
}

/** Tax of a receipt or slip: per-rate totals after discounts, each rounded once (index.ts). */
export function computeSlipTax(input: SlipInput): SlipTax {
  const discountRounding = input.discountRounding ?? 'floor';
  if (!PRICE_MODES.includes(input.priceMode) || !MODES.includes(input.rounding) || !MODES.includes(discountRounding)) {
    throw new TaxInputError('BAD_OPTION');
  }
  const lines = input.lines.map((l, i) => lineResult(l, i, discountRounding));
  const rates = RATE_ORDER.filter((r) => lines.some((l) => l.rate === r));
  const subtotals = rates.map((r) => lines.filter((l) => l.rate === r).reduce((a, l) => a + l.subtotal, 0));
  const subtotal = subtotals.reduce((a, s) => a + s, 0);
  if (subtotal > MAX_YEN) throw new TaxInputError('TOO_LARGE');

  const left = [...subtotals];
  const slipDiscounts = rates.map(() => 0);
  (input.slipDiscounts ?? []).forEach((d, i) => {
    const base = left.reduce((a, v) => a + v, 0);
    const yen = discountYen(d, base, discountRounding, { discount: i });
    apportion(yen, left).forEach((share, k) => {
      left[k] = (left[k] ?? 0) - share;
      slipDiscounts[k] = (slipDiscounts[k] ?? 0) + share;
    });
  });

  const byRate: RateTotal[] = rates.map((rate, k) => ({
    rate,
    subtotal: subtotals[k] ?? 0,
    slipDiscount: slipDiscounts[k] ?? 0,
    ...rateAmounts(left[k] ?? 0, rate, input.priceMode, input.rounding),
  }));
  const sum = (f: (t: RateTotal) => number) => byRate.reduce((a, t) => a + f(t), 0);
  return {
    priceMode: input.priceMode,
    rounding: input.rounding,
    lines,
    byRate,
    subtotal,
    slipDiscount: sum((t) => t.slipDiscount),
    gross: sum((t) => t.gross),
    net: sum((t) => t.net),
    tax: sum((t) => t.tax),
  };
}
