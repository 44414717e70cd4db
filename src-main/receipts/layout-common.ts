// Pieces shared by the receipt layouts. Layouts produce receiptline markup lines
// (https://github.com/receiptline/receiptline: `|` columns, `^` sizes, `` ` `` invert, `~` space).
import type { StoreInfo, TaxSummary } from './model.ts';
import { yen } from './text.ts';

export interface LayoutContext {
  readonly cols: number;
  readonly timeZone: string;
  /** Normalises user text for cp932, records unprintable characters and escapes markup. */
  readonly t: (text: string) => string;
}

/** Display width in columns: cp932 double-byte characters take two. */
export const displayWidth = (s: string): number =>
  [...s].reduce((w, c) => w + (/[\u0020-\u007e\u00a5\u203e\uff61-\uff9f]/u.test(c) ? 1 : 2), 0);

/** 再発行 in large inverted letters at the top of a reprint. */
export const reprintHeader = (): string[] => ['{width:auto; align:center}', '^^^`再発行`', ''];

export function storeHeader(store: StoreInfo, ctx: LayoutContext): string[] {
  // Double width only when the name fits on one line.
  const size = displayWidth(store.name) * 2 <= ctx.cols ? '^^^' : '^^';
  const out = ['{width:auto; align:center}', `${size}${ctx.t(store.name)}`];
  if (store.address) out.push(ctx.t(store.address));
  if (store.phone) out.push(ctx.t(`TEL ${store.phone}`));
  if (store.registrationNumber) out.push(ctx.t(`登録番号 ${store.registrationNumber}`));
  return out;
}

/**
 * Per-rate lines of a simplified invoice: 「10%対象 ¥x (内消費税 ¥y)」, the total per rate
 * (tax-included) with its tax, 10 % first. `markReduced` prefixes ※ to the 8 % line.
 */
export function rateLines(tax: TaxSummary, ctx: LayoutContext, markReduced = false): string[] {
  return tax.byRate.map((r) => `|${ctx.t(`${markReduced && r.rate === 8 ? '※' : ''}${r.rate}%対象 ${yen(r.gross)} (内消費税 ${yen(r.tax)})`)}`);
}

export const REDUCED_LEGEND = '|※は軽減税率対象商品';

/** Amount column width: fits -¥10,000,000. */
export const AMOUNT_COLS = 12;
