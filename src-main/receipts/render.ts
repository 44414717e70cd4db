// renderReceipt: receipt document → receiptline markup → ESC/POS bytes (cp932), SVG preview or
// plain text.
import receiptline from 'receiptline';
import { validateRegistrationNumber } from '../../src-shared/invoice/index.ts';
import { ReceiptError, noRegistrationWarning, unencodableWarning, type ReceiptWarning } from './errors.ts';
import { escapeMarkup, normalizeForCp932, unencodableInCp932 } from './text.ts';
import type { LayoutContext } from './layout-common.ts';
import { formalMarkup, saleMarkup } from './layout-sale.ts';
import { settlementMarkup, terminalMarkup } from './layout-other.ts';
import type { ReceiptDoc, SaleReceiptDoc, FormalReceiptDoc } from './model.ts';

export type ReceiptFormat = 'escpos' | 'svg' | 'text';

export interface RenderOptions {
  readonly format: ReceiptFormat;
  /** Characters per line: 42 (58/80 mm font A at 42) or 48 (80 mm). Default 42. */
  readonly width?: 42 | 48;
  /** Time zone of printed times (default Asia/Tokyo, whatever the host's). */
  readonly timeZone?: string;
  /** Drawer kick at the end (ESC/POS only). Default: a sale receipt, not a reprint, with a cash payment. */
  readonly openDrawer?: boolean;
}

interface Rendered { readonly markup: string; readonly warnings: readonly ReceiptWarning[] }
export interface RenderedBytes extends Rendered { readonly format: 'escpos'; readonly data: Uint8Array }
export interface RenderedText extends Rendered { readonly format: 'svg' | 'text'; readonly data: string }

const SLIP_NO = /^\d{13}$/;

function checkTotals(doc: SaleReceiptDoc | FormalReceiptDoc): void {
  const paid = doc.payments.reduce((a, p) => a + p.amount, 0) - (doc.kind === 'sale' ? doc.change : 0);
  if (paid !== doc.tax.gross) throw new ReceiptError('INCONSISTENT', `支払 ${paid} / 合計 ${doc.tax.gross}`);
  if (doc.kind !== 'sale') return;
  const wrong = doc.items.find((i) => i.amount !== i.quantity * i.unitPrice);
  if (wrong) throw new ReceiptError('INCONSISTENT', wrong.name);
  const lines = doc.items.reduce((a, i) => a + i.amount - (i.discounts ?? []).reduce((s, d) => s + d.yen, 0), 0);
  const afterDiscounts = lines - (doc.slipDiscounts ?? []).reduce((a, d) => a + d.yen, 0);
  const expected = doc.tax.priceMode === 'inclusive' ? doc.tax.gross : doc.tax.net;
  if (afterDiscounts !== expected) throw new ReceiptError('INCONSISTENT', `明細 ${afterDiscounts} / 合計 ${expected}`);
}

/** Throws what must never be printed; returns what staff should be told. */
function validate(doc: ReceiptDoc): ReceiptWarning[] {
  const warnings: ReceiptWarning[] = [];
  if (doc.kind === 'terminal') {
    if (doc.method === 'qr') throw new ReceiptError('QR_NO_COPY');
    if (!/^\d{4}$/.test(doc.last4)) throw new ReceiptError('BAD_CARD_DIGITS');
    return warnings;
  }
  if (doc.kind === 'settlement') return warnings;
  if (doc.payments.some((p) => p.kind === 'prepaid')) throw new ReceiptError('PREPAID_NO_RECEIPT');
  if (!SLIP_NO.test(doc.meta.slipNo)) throw new ReceiptError('BAD_SLIP_NO');
  const reg = doc.store.registrationNumber;
  if (reg === undefined || reg === '') warnings.push(noRegistrationWarning);
  else {
    const result = validateRegistrationNumber(reg, { issuer: doc.store.issuer ?? 'corporation' });
    // Print only the normalised form; anything else on an invoice would mislead the customer.
    if (!result.ok || result.value !== reg) throw new ReceiptError('BAD_REGISTRATION_NUMBER');
  }
  checkTotals(doc);
  return warnings;
}

/** The receiptline markup of a document (for debugging and the designer). */
export function receiptMarkup(doc: ReceiptDoc, options: Omit<RenderOptions, 'format'> & { format?: ReceiptFormat } = {}): { markup: string; unencodable: string[] } {
  const cols = options.width ?? 42;
  if (cols !== 42 && cols !== 48) throw new ReceiptError('BAD_WIDTH');
  const bad = new Set<string>();
  const ctx: LayoutContext = {
    cols,
    timeZone: options.timeZone ?? 'Asia/Tokyo',
    t: (text) => {
      for (const c of unencodableInCp932(text)) bad.add(c);
      return escapeMarkup(normalizeForCp932(text));
    },
  };
  const format = options.format ?? 'escpos';
  const drawer = format === 'escpos' && (options.openDrawer
    ?? (doc.kind === 'sale' && !doc.reprint && doc.payments.some((p) => p.kind === 'cash')));
  const lines = doc.kind === 'sale' ? saleMarkup(doc, ctx, drawer)
    : doc.kind === 'formal' ? formalMarkup(doc, ctx)
    : doc.kind === 'terminal' ? terminalMarkup(doc, ctx)
    : settlementMarkup(doc, ctx);
  if (drawer && doc.kind !== 'sale') lines.push('{command:\\x1bp\\x00\\x19\\xfa}');
  return { markup: `${lines.join('\n')}\n`, unencodable: [...bad] };
}

export function renderReceipt(doc: ReceiptDoc, options: RenderOptions & { format: 'escpos' }): RenderedBytes;
export function renderReceipt(doc: ReceiptDoc, options: RenderOptions & { format: 'svg' | 'text' }): RenderedText;
export function renderReceipt(doc: ReceiptDoc, options: RenderOptions): RenderedBytes | RenderedText;
export function renderReceipt(doc: ReceiptDoc, options: RenderOptions): RenderedBytes | RenderedText {
  const warnings = validate(doc);
  const { markup, unencodable } = receiptMarkup(doc, options);
  if (unencodable.length > 0) warnings.push(unencodableWarning(unencodable));
  const cpl = options.width ?? 42;
  if (options.format === 'escpos') {
    const out = receiptline.transform(markup, { cpl, encoding: 'cp932', command: 'escpos', cutting: true });
    // receiptline returns commands as a binary string: one char per byte.
    return { format: 'escpos', data: new Uint8Array(Buffer.from(out, 'latin1')), markup, warnings };
  }
  if (options.format === 'svg') {
    const svg = receiptline.transform(markup, { cpl, encoding: 'cp932', command: 'svg' });
    // Offline register: drop the Google Fonts import; the UI loads the bundled BIZ UDGothic.
    return { format: 'svg', data: svg.replace(/@import url\([^)]*\);?/g, ''), markup, warnings };
  }
  return { format: 'text', data: receiptline.transform(markup, { cpl, encoding: 'cp932', command: 'text' }), markup, warnings };
}
