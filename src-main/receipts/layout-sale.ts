// Layouts of the sale receipt (レシート, a 適格簡易請求書) and the 領収書.
import {
  AMOUNT_COLS, rateLines, REDUCED_LEGEND, reprintHeader, storeHeader, type LayoutContext,
} from './layout-common.ts';
import type { FormalReceiptDoc, SaleReceiptDoc, SlipMeta, StoreInfo } from './model.ts';
import { jpDateTime, localTime, slashDay, yen } from './text.ts';

/** ESC p 0 25 250: pulse drawer pin 2 for 50 ms on, 500 ms off. */
export const DRAWER_KICK_MARKUP = '{command:\\x1bp\\x00\\x19\\xfa}';
/** 印紙税: a receipt for ¥50,000 or more received in cash (tax excluded when shown) needs a stamp. */
const STAMP_THRESHOLD = 50_000;

function slipInfo(meta: SlipMeta, ctx: LayoutContext): string[] {
  const out = [
    '{width:auto; align:left}',
    `|${ctx.t(jpDateTime(localTime(meta.issuedAt, ctx.timeZone)))}`,
    `|${ctx.t(`営業日 ${slashDay(meta.businessDay)}  レジ${meta.registerNo}`)}`,
    `|${ctx.t(`伝票No.${meta.slipNo}`)}`,
  ];
  if (meta.staff) out.push(`|${ctx.t(`担当 ${meta.staff}`)}`);
  return out;
}

const row = (ctx: LayoutContext, label: string, amount: number, size = '') =>
  `${size}${ctx.t(label)} | ${size}${ctx.t(yen(amount))}`;

export function saleMarkup(doc: SaleReceiptDoc, ctx: LayoutContext, openDrawer: boolean): string[] {
  const out: string[] = doc.reprint ? reprintHeader() : [];
  out.push(...storeHeader(doc.store, ctx), '', ...slipInfo(doc.meta, ctx), '-', `{width:*,${AMOUNT_COLS}}`);
  let subtotal = 0;
  for (const item of doc.items) {
    out.push(row(ctx, `${item.rate === 8 ? '※' : ''}${item.name}`, item.amount));
    if (item.quantity !== 1) out.push(`|~~~~${ctx.t(`${item.quantity}点 × @${yen(item.unitPrice)}`)}`);
    for (const d of item.discounts ?? []) out.push(`~~~~${ctx.t(d.label)} | ${ctx.t(yen(-d.yen))}`);
    subtotal += item.amount - (item.discounts ?? []).reduce((a, d) => a + d.yen, 0);
  }
  out.push('-', row(ctx, `小計 ${doc.items.reduce((a, i) => a + i.quantity, 0)}点`, subtotal));
  for (const d of doc.slipDiscounts ?? []) out.push(row(ctx, d.label, -d.yen));
  if (doc.tax.priceMode === 'exclusive') out.push(row(ctx, '消費税等', doc.tax.tax));
  out.push(row(ctx, '合計', doc.tax.gross, '^^'), '{width:auto; align:left}', ...rateLines(doc.tax, ctx), `{width:*,${AMOUNT_COLS}}`);
  for (const p of doc.payments) out.push(row(ctx, p.label, p.amount));
  out.push(row(ctx, 'お釣り', doc.change), '{width:auto; align:left}');
  if (doc.items.some((i) => i.rate === 8)) out.push(REDUCED_LEGEND);
  if (doc.footer?.length) out.push('', '{align:center}', ...doc.footer.map((f) => ctx.t(f)));
  if (openDrawer) out.push(DRAWER_KICK_MARKUP);
  return out;
}

function storeFooter(store: StoreInfo, meta: SlipMeta, ctx: LayoutContext): string[] {
  const out = ['{width:auto; align:left}', `|${ctx.t(store.name)}`];
  if (store.address) out.push(`|${ctx.t(store.address)}`);
  if (store.phone) out.push(`|${ctx.t(`TEL ${store.phone}`)}`);
  if (store.registrationNumber) out.push(`|${ctx.t(`登録番号 ${store.registrationNumber}`)}`);
  return [...out, ...slipInfo(meta, ctx).slice(1)];
}

export function formalMarkup(doc: FormalReceiptDoc, ctx: LayoutContext): string[] {
  const out: string[] = doc.reprint ? reprintHeader() : [];
  const blank = '~'.repeat(Math.max(4, ctx.cols - 4));
  out.push(
    '{width:auto; align:center}', '^^^領~収~書', '', '{align:left}',
    // Underlined 宛名 line; left blank for handwriting when no name was given.
    doc.addressee ? `|_${ctx.t(doc.addressee)}~様_` : `|_${blank}様_`,
    '', '{align:center}', `^^^${ctx.t(`${yen(doc.tax.gross)}-`)}`, '{align:left}',
    `|${ctx.t(`但し ${doc.proviso ?? 'お品代'}として`)}`, '|上記正に領収いたしました', '',
    '|内訳', ...rateLines(doc.tax, ctx, true),
  );
  if (doc.tax.byRate.some((r) => r.rate === 8)) out.push(REDUCED_LEGEND);
  // Space for the revenue stamp only in the clear case (cash received); staff judge the rest.
  if (doc.tax.net >= STAMP_THRESHOLD && doc.payments.some((p) => p.kind === 'cash')) {
    out.push('', '{width:8; border:line; align:right}', '-', '~~収入~~', '~~印紙~~', '-', '{width:auto; border:space; align:left}');
  }
  out.push('-', ...storeFooter(doc.store, doc.meta, ctx));
  return out;
}
