// Types of the tax calculation. All money is integer yen (number); see index.ts for the rules.

/** Consumption tax rate in percent. 8 = reduced (軽減税率), 10 = standard (標準税率). */
export type TaxRate = 8 | 10;

/** What the menu item is, for the rate decision at sale time (see rateFor). */
export type TaxClass = 'standard' | 'reduced' | 'alcohol';

/** One rounding per rate per receipt, in the store's chosen direction (切捨て / 四捨五入 / 切上げ). */
export type RoundingMode = 'floor' | 'round' | 'ceil';

/** Store setting: prices entered tax-included (内税) or tax-excluded (外税). */
export type PriceMode = 'inclusive' | 'exclusive';

/** 値引 (yen off) or 割引 (integer percent off). */
export type Discount =
  | { readonly kind: 'amount'; readonly yen: number }
  | { readonly kind: 'percent'; readonly percent: number };

export interface TaxLineInput {
  /** Unit price in yen, in the slip's price mode. */
  readonly unitPrice: number;
  readonly quantity: number;
  /** Decided at sale time (rateFor), stored on the order line. */
  readonly rate: TaxRate;
  /** Applied in order; a percent applies to what is left after the previous ones. */
  readonly discounts?: readonly Discount[];
}

export interface SlipInput {
  readonly priceMode: PriceMode;
  readonly rounding: RoundingMode;
  readonly lines: readonly TaxLineInput[];
  /** Whole-slip discounts, applied in order and apportioned across rates before tax. */
  readonly slipDiscounts?: readonly Discount[];
  /** How a percent discount is turned into yen (default 'floor': never more off than stated). */
  readonly discountRounding?: RoundingMode;
}

export interface LineResult {
  readonly index: number;
  readonly rate: TaxRate;
  /** unitPrice × quantity. */
  readonly amount: number;
  /** Yen taken off by the line's own discounts. */
  readonly discount: number;
  /** amount − discount, before slip discounts. */
  readonly subtotal: number;
}

export interface RateTotal {
  readonly rate: TaxRate;
  /** Sum of line subtotals of this rate (price mode), before slip discounts. */
  readonly subtotal: number;
  /** This rate's share of the slip discounts. */
  readonly slipDiscount: number;
  /** Tax-included amount (税込). */
  readonly gross: number;
  /** Tax-excluded amount (税抜). */
  readonly net: number;
  /** Consumption tax of this rate, rounded once. */
  readonly tax: number;
}

export interface SlipTax {
  readonly priceMode: PriceMode;
  readonly rounding: RoundingMode;
  readonly lines: readonly LineResult[];
  /** Rates present on the slip, 10 % first. */
  readonly byRate: readonly RateTotal[];
  /** Σ line subtotals (price mode), before slip discounts. */
  readonly subtotal: number;
  /** Σ slip discounts in yen. */
  readonly slipDiscount: number;
  readonly gross: number;
  readonly net: number;
  readonly tax: number;
}
