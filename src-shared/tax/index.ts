/**
 * Consumption tax (消費税) of a receipt or slip, in integer yen. Pure: runs in the renderer,
 * on handhelds and in the core.
 *
 * Rules implemented here, and where they come from:
 *
 * 1. Rates. Standard 10 %, reduced 8 % for food and non-alcoholic drinks (飲食料品). Eating in
 *    (外食) is not a reduced-rate sale and alcohol (酒類) never is, so the rate belongs to the
 *    order line at sale time: eat-in food 10 %, takeout/delivery food 8 %, alcohol 10 %
 *    (rateFor). Sources: 平成28年改正法附則34条; NTA 「消費税の軽減税率制度に関するQ&A」.
 *
 * 2. One rounding per rate per receipt. The tax shown on a qualified (simplified) invoice is
 *    computed from the per-rate total and rounded once per rate per invoice; the direction
 *    (切捨て floor / 四捨五入 round / 切上げ ceil) is the issuer's choice. Rounding each line and
 *    adding the results is NOT allowed. Sources: 消費税法施行令70条の10, 消費税法基本通達1-8-15,
 *    NTA インボイスQ&A 問57 (nta.go.jp/taxes/shiraberu/zeimokubetsu/shohi/keigenzeiritsu/pdf/qa/57.pdf).
 *    Example: 3 × ¥105 tax-excluded at 10 %, floor → 315 × 10 % = 31.5 → ¥31 (per line: ¥30).
 *
 * 3. Tax-included prices (内税): tax = R(T × r / (100 + r)); tax-excluded (外税):
 *    tax = R(B × r / 100), R being the store's rounding; net = gross − tax. Computed with bigint
 *    so that no floating point ever touches money (e.g. ¥1,080 at 8 % → exactly ¥80).
 *
 * 4. Discounts. Line discounts (値引 yen, 割引 %) reduce their line before anything else. Slip
 *    discounts are turned into yen against the slip subtotal (a percent with `discountRounding`,
 *    default floor, so the receipt shows one discount amount) and then APPORTIONED across the
 *    rates before tax, in proportion to each rate's amount: share = floor(D × S_rate / S), and
 *    the yen left over by flooring go to the rate with the largest amount (10 % on a tie).
 *    Several slip discounts are applied in order, each against what is left. A discount larger
 *    than what it applies to is an input error. Splitting a discount that covers both rates in
 *    proportion to the amounts before discount is the method the NTA 軽減税率Q&A describes for
 *    一括値引き; the flooring and the remainder-to-largest tie rule are ours (deterministic, and
 *    the shares always add up to the discount printed on the receipt).
 *
 * 5. A simplified invoice (適格簡易請求書) shows per rate the total (tax-included or excluded)
 *    and the tax or the rate (消費税法57条の4第2項); receipts print both (src-main/receipts).
 *    The per-rate totals computed here should be stored with the sale and reused for reprints
 *    and reports rather than recomputed.
 *
 * Invalid input (negative quantity or price, non-integer yen, a discount above its amount, an
 * unknown rate) throws TaxInputError with a Japanese staff message.
 */
export type {
  Discount, LineResult, PriceMode, RateTotal, RoundingMode, SlipInput, SlipTax, TaxClass, TaxLineInput, TaxRate,
} from './types.ts';
export { TaxInputError, TAX_ERROR_MESSAGES, type TaxErrorCode, type TaxErrorWhere } from './errors.ts';
export { rateFor, isReducedRate } from './rate.ts';
export { computeSlipTax, apportion, divRound, rateAmounts, MAX_YEN } from './compute.ts';
