import type { Notice, ParsedInput } from '../../src-shared/contract/index.ts';
import { AppError } from '../../src-shared/errors.ts';
import {
  apportion, computeSlipTax, rateAmounts, TaxInputError, type Discount, type PriceMode, type RateTotal, type RoundingMode, type TaxRate,
} from '../../src-shared/tax/index.ts';
import type { DB } from '../store/db.ts';
import { partsSoFar, type LineRow } from '../orders/lines.ts';
import type { Bill } from './bill.ts';
import { stmt } from '../store/stmt.ts';

type Input = ParsedInput<'checkout.commit'>;
export type SplitMode = 'none' | 'items' | 'amount' | 'equal';
export type PartLine = { row: LineRow; quantity: number };
export type PartDiscount = { scope: 'line' | 'slip'; lineId: string | null; kind: 'amount' | 'percent'; value: number; yen: number; label: string };
export type BillRate = { rate: TaxRate; gross: number };

/** One payment transaction of a slip, before payments: what it charges, per rate, rounded once per rate. */
export type PartPlan = {
  splitMode: SplitMode; partNo: number; splitParts: number | null;
  /** Lines this part pays (none/items), or the lines frozen into an amount/equal bill at its first part. */
  lines: PartLine[]; freeze: boolean; bill: BillRate[] | null;
  byRate: RateTotal[]; subtotal: number; lineDiscount: number; slipDiscount: number; gross: number; net: number; tax: number;
  discounts: PartDiscount[];
  /** Tax-included total still owed before this part, and after it. */
  billTotal: number; remainingAfter: number; closes: boolean;
};

const label = (d: Discount) => (d.kind === 'amount' ? '値引' : `割引${d.percent}%`);
const valueOf = (d: Discount) => (d.kind === 'amount' ? d.yen : d.percent);

function taxError(error: unknown): never {
  if (error instanceof TaxInputError) throw new AppError(error.code, `tax input: ${error.code}`, error.message);
  throw error;
}

/** The price mode of the lines: a store that changed 内税/外税 mid-visit must not mix them on one receipt. */
export function priceModeOf(lines: readonly LineRow[], fallback: PriceMode, refusals: Notice[]): PriceMode {
  const modes = new Set(lines.map((l) => l.price_mode));
  if (modes.size > 1) refusals.push({ code: 'PRICE_MODE_MIXED', message: '内税・外税の設定が変更される前後の注文が混在しています。店長に連絡してください。' });
  return lines[0]?.price_mode ?? fallback;
}

/** none / items: the part pays chosen lines (all for none) with their discounts. */
function linePart(bill: Bill, input: Input, priceMode: PriceMode, rounding: RoundingMode, partNo: number, refusals: Notice[]): PartPlan {
  const byId = new Map(bill.lines.map((l) => [l.id, l]));
  const chosen: PartLine[] = [];
  if (input.split.mode === 'items') {
    const seen = new Set<string>();
    for (const pick of input.split.lines) {
      const row = byId.get(pick.lineId);
      if (!row || seen.has(pick.lineId)) throw new AppError('LINE_NOT_OPEN', `line ${pick.lineId} not open on this bill`, '選択された商品はこの会計の未会計の注文ではありません。画面を更新してください。');
      seen.add(pick.lineId);
      const quantity = pick.quantity ?? row.quantity;
      if (quantity > row.quantity) throw new AppError('SPLIT_QUANTITY', 'split quantity above line', `「${row.name}」の分割数量が注文数（${row.quantity}）を超えています。`);
      chosen.push({ row, quantity });
    }
  } else {
    chosen.push(...bill.lines.map((row) => ({ row, quantity: row.quantity })));
  }
  const index = new Map(chosen.map((c, i) => [c.row.id, i]));
  const lineDiscounts = chosen.map((): Discount[] => []);
  const discounts: PartDiscount[] = [];
  for (const d of input.lineDiscounts) {
    const i = index.get(d.lineId);
    if (i === undefined) throw new AppError('DISCOUNT_LINE', 'discount on a line outside this part', '値引・割引の対象商品がこの会計に含まれていません。');
    lineDiscounts[i]!.push(d.discount);
  }
  let tax;
  try {
    tax = computeSlipTax({
      priceMode, rounding, discountRounding: 'floor', slipDiscounts: input.slipDiscounts,
      lines: chosen.map((c, i) => ({ unitPrice: c.row.unit_price, quantity: c.quantity, rate: c.row.rate, discounts: lineDiscounts[i] })),
    });
  } catch (error) {
    taxError(error);
  }
  // The yen each discount took off, as the receipt prints them.
  chosen.forEach((c, i) => {
    let left = c.row.unit_price * c.quantity;
    for (const d of lineDiscounts[i]!) {
      const yen = d.kind === 'amount' ? d.yen : Math.floor((left * d.percent) / 100);
      discounts.push({ scope: 'line', lineId: c.row.id, kind: d.kind, value: valueOf(d), yen, label: label(d) });
      left -= yen;
    }
  });
  let base = tax.subtotal;
  for (const d of input.slipDiscounts) {
    const yen = d.kind === 'amount' ? d.yen : Math.floor((base * d.percent) / 100);
    discounts.push({ scope: 'slip', lineId: null, kind: d.kind, value: valueOf(d), yen, label: label(d) });
    base -= yen;
  }
  const chosenQty = new Map(chosen.map((c) => [c.row.id, c.quantity]));
  const closes = bill.lines.every((l) => chosenQty.get(l.id) === l.quantity);
  const all = computeSlipTax({ priceMode, rounding, lines: bill.lines.map((l) => ({ unitPrice: l.unit_price, quantity: l.quantity, rate: l.rate })) }).gross;
  const rest = bill.lines.map((l) => ({ unitPrice: l.unit_price, quantity: l.quantity - (chosenQty.get(l.id) ?? 0), rate: l.rate }));
  const remainingAfter = closes ? 0 : computeSlipTax({ priceMode, rounding, lines: rest }).gross;
  if (input.split.mode === 'items' && chosen.length === 0) refusals.push({ code: 'SPLIT_EMPTY', message: '分割する商品を選択してください。' });
  return {
    splitMode: input.split.mode === 'items' || bill.openSlip?.split_mode === 'items' ? 'items' : 'none', partNo, splitParts: null,
    lines: chosen, freeze: false, bill: null, byRate: [...tax.byRate], subtotal: tax.subtotal,
    lineDiscount: tax.lines.reduce((a, l) => a + l.discount, 0), slipDiscount: tax.slipDiscount,
    gross: tax.gross, net: tax.net, tax: tax.tax, discounts, billTotal: all, remainingAfter, closes,
  };
}

/**
 * amount / equal: the bill (all open lines with their discounts) is frozen at the first part;
 * each part pays a share of it, split across the rates in proportion to what each rate still
 * owes, and its tax is rounded once per rate on that share (each part is its own receipt).
 */
function amountPart(db: DB, bill: Bill, input: Input, priceMode: PriceMode, rounding: RoundingMode, refusals: Notice[]): PartPlan {
  const slip = bill.openSlip;
  let frozen: BillRate[];
  let first: PartPlan | null = null;
  if (slip?.bill) {
    frozen = JSON.parse(slip.bill) as BillRate[];
    if (input.lineDiscounts.length || input.slipDiscounts.length) {
      refusals.push({ code: 'SPLIT_NO_DISCOUNT', message: '金額分割・均等分割の2回目以降は値引・割引できません。' });
    }
  } else {
    first = linePart(bill, { ...input, split: { mode: 'none' } }, priceMode, rounding, 1, refusals);
    frozen = first.byRate.map((r) => ({ rate: r.rate, gross: r.gross }));
  }
  const sofar = slip ? partsSoFar(db, slip.id) : { count: 0, byRate: new Map<TaxRate, number>() };
  const remaining = frozen.map((r) => r.gross - (sofar.byRate.get(r.rate) ?? 0));
  const owed = remaining.reduce((a, g) => a + g, 0);
  const partNo = sofar.count + 1;
  const mode = slip ? (slip.split_mode as 'amount' | 'equal') : (input.split.mode as 'amount' | 'equal');
  let splitParts: number | null = slip?.split_parts ?? null;
  let amount = owed;
  if (input.split.mode === 'equal') {
    if (splitParts !== null && splitParts !== input.split.parts) refusals.push({ code: 'SPLIT_PARTS', message: `この伝票は${splitParts}等分で分割会計中です。` });
    splitParts ??= input.split.parts;
    const total = frozen.reduce((a, r) => a + r.gross, 0);
    const base = Math.floor(total / splitParts);
    if (partNo > splitParts) refusals.push({ code: 'SPLIT_PARTS', message: 'すべての分割が支払い済みです。' });
    amount = partNo >= splitParts ? owed : base + (partNo <= total - base * splitParts ? 1 : 0);
  } else if (input.split.mode === 'amount') {
    if (slip?.split_mode === 'equal') refusals.push({ code: 'SPLIT_MODE', message: 'この伝票は均等分割で会計中です。' });
    amount = input.split.amount;
    if (amount > owed) refusals.push({ code: 'SPLIT_AMOUNT_EXCEEDS', message: `分割金額が残りの請求金額（¥${owed.toLocaleString('ja-JP')}）を超えています。` });
    amount = Math.min(amount, owed);
  }
  const shares = amount === owed ? remaining : apportion(amount, remaining);
  const byRate: RateTotal[] = frozen.map((r, k) => ({ rate: r.rate, subtotal: shares[k] ?? 0, slipDiscount: 0, ...rateAmounts(shares[k] ?? 0, r.rate, 'inclusive', rounding) }))
    .filter((r) => r.gross > 0);
  const sum = (f: (r: RateTotal) => number) => byRate.reduce((a, r) => a + f(r), 0);
  return {
    splitMode: mode, partNo, splitParts: mode === 'equal' ? splitParts : null,
    lines: first ? first.lines : [], freeze: first !== null, bill: frozen,
    byRate, subtotal: sum((r) => r.gross), lineDiscount: first?.lineDiscount ?? 0, slipDiscount: first?.slipDiscount ?? 0,
    gross: sum((r) => r.gross), net: sum((r) => r.net), tax: sum((r) => r.tax),
    discounts: first?.discounts ?? [], billTotal: owed, remainingAfter: owed - amount, closes: amount === owed,
  };
}

export function planPart(db: DB, bill: Bill, input: Input, fallbackMode: PriceMode, rounding: RoundingMode, refusals: Notice[]): PartPlan {
  const slip = bill.openSlip;
  const billedAmount = slip && (slip.split_mode === 'amount' || slip.split_mode === 'equal');
  const lines = billedAmount ? (stmt(db, `SELECT * FROM order_lines WHERE slip_id = ? AND status = 'billed'`).all(slip.id) as LineRow[]) : bill.lines;
  const priceMode = priceModeOf(lines, fallbackMode, refusals);
  const wanted = input.split.mode;
  if (slip?.split_mode === 'items' && (wanted === 'amount' || wanted === 'equal')) {
    refusals.push({ code: 'SPLIT_MODE', message: 'この伝票は商品別の分割会計中です。残りも商品を選んで会計してください。' });
  }
  if (billedAmount && wanted === 'items') refusals.push({ code: 'SPLIT_MODE', message: 'この伝票は金額で分割会計中です。商品は選べません。' });
  if (billedAmount || (!slip && (wanted === 'amount' || wanted === 'equal'))) return amountPart(db, bill, input, priceMode, rounding, refusals);
  const partNo = slip ? partsSoFar(db, slip.id).count + 1 : 1;
  return linePart(bill, input, priceMode, rounding, partNo, refusals);
}
