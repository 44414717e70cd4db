import type { Settings } from '../../src-shared/contract/index.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { PriceMode, TaxRate } from '../../src-shared/tax/index.ts';
import { linesByPart } from '../orders/lines.ts';
import type { FormalReceiptDoc, Payment, ReceiptItem, SaleReceiptDoc, SlipMeta, StoreInfo, TaxSummary } from '../receipts/index.ts';
import type { DB } from '../store/db.ts';
import { stmt } from '../store/stmt.ts';

export type PartRow = {
  id: string; slip_id: string; part_no: number; at: number; staff_id: string | null; staff_name: string | null; business_day: string;
  subtotal: number; line_discount: number; slip_discount: number; gross: number; net: number; tax: number; paid: number; change: number;
  prepaid: number; receipt_prints: number; formal_prints: number; print_status: 'queued' | 'printed' | 'failed' | 'skipped' | 'none'; print_message: string | null;
};
export type SlipRowDb = {
  id: string; slip_no: string; register_no: number; kind: 'sale' | 'combined'; parent_slip_id: string | null; visit_id: string; till_session_id: string;
  business_day: string; status: 'open' | 'closed' | 'cancelled'; split_mode: 'none' | 'items' | 'amount' | 'equal'; split_parts: number | null;
  bill: string | null; price_mode: PriceMode; rounding: 'floor' | 'round' | 'ceil'; party: number; segment_id: string | null;
  gross: number; net: number; tax: number; discount: number; staff_id: string | null; opened_at: number; closed_at: number | null;
};

export function slipById(db: DB, slipId: string): SlipRowDb {
  const slip = stmt(db, 'SELECT * FROM slips WHERE id = ?').get(slipId) as SlipRowDb | undefined;
  if (!slip) throw new AppError('NOT_FOUND', `slip ${slipId} not found`, '伝票が見つかりません。');
  return slip;
}

export function partsOf(db: DB, slipId: string): PartRow[] {
  return stmt(db, `SELECT p.*, s.name AS staff_name FROM slip_parts p LEFT JOIN staff s ON s.id = p.staff_id WHERE p.slip_id = ? ORDER BY p.part_no`).all(slipId) as PartRow[];
}

export function partOf(db: DB, slipId: string, partNo?: number): PartRow {
  const parts = partsOf(db, slipId);
  const part = partNo === undefined ? parts.at(-1) : parts.find((p) => p.part_no === partNo);
  if (!part) throw new AppError('NOT_FOUND', `part ${partNo ?? 'last'} of slip ${slipId} not found`, '指定の会計（分割）が見つかりません。');
  return part;
}

export const ratesOf = (db: DB, partId: string) =>
  stmt(db, 'SELECT rate, subtotal, slip_discount AS slipDiscount, gross, net, tax FROM part_rates WHERE part_id = ? ORDER BY rate DESC').all(partId) as Array<{
    rate: TaxRate; subtotal: number; slipDiscount: number; gross: number; net: number; tax: number }>;

export const paymentsOf = (db: DB, partId: string) =>
  stmt(db, 'SELECT kind, label, tendered, amount FROM payments WHERE part_id = ? ORDER BY seq').all(partId) as Array<{ kind: string; label: string; tendered: number; amount: number }>;

export const discountsOf = (db: DB, partId: string) =>
  stmt(db, 'SELECT scope, line_id AS lineId, label, yen FROM part_discounts WHERE part_id = ? ORDER BY seq').all(partId) as Array<{
    scope: 'line' | 'slip'; lineId: string | null; label: string; yen: number }>;

const RECEIPT_KIND: Record<string, Payment['kind']> = {
  cash: 'cash', credit: 'credit', points: 'points', sitePoints: 'points', prepaid: 'prepaid', terminal: 'card',
};

export function storeInfo(settings: Settings): StoreInfo {
  return {
    name: settings.storeName, address: settings.receipt.address || undefined, phone: settings.receipt.phone || undefined,
    registrationNumber: settings.invoice.registrationNumber || undefined, issuer: settings.invoice.issuer,
  };
}

function meta(slip: SlipRowDb, part: PartRow): SlipMeta {
  return { issuedAt: new Date(part.at), businessDay: part.business_day, slipNo: slip.slip_no, registerNo: String(slip.register_no).padStart(2, '0'), staff: part.staff_name ?? undefined };
}

const amountSplit = (slip: SlipRowDb) => slip.split_mode === 'amount' || slip.split_mode === 'equal';

/** Per-rate figures as stored with the part: reprints show exactly what the first print showed. */
function taxSummary(db: DB, slip: SlipRowDb, part: PartRow): TaxSummary {
  return { priceMode: amountSplit(slip) ? 'inclusive' : slip.price_mode, byRate: ratesOf(db, part.id), gross: part.gross, net: part.net, tax: part.tax };
}

const paymentLines = (db: DB, partId: string): Payment[] =>
  paymentsOf(db, partId).map((p) => ({ label: p.label, amount: p.tendered, kind: RECEIPT_KIND[p.kind] ?? 'other' }));

/** The レシート (適格簡易請求書) of one part, rebuilt from what was stored at checkout. */
export function saleDoc(db: DB, settings: Settings, slip: SlipRowDb, part: PartRow, opts: { reprint: boolean; training: boolean }): SaleReceiptDoc {
  const discounts = discountsOf(db, part.id);
  let items: ReceiptItem[];
  if (amountSplit(slip)) {
    // An amount/equal part pays a share of the frozen bill: one line per rate (※ for 8 %).
    const of = slip.split_parts ? `${part.part_no}/${slip.split_parts}` : `${part.part_no}回目`;
    items = ratesOf(db, part.id).map((r) => ({ name: `ご飲食代（分割 ${of}）`, quantity: 1, unitPrice: r.gross, amount: r.gross, rate: r.rate }));
  } else {
    items = linesByPart(db, part.id).map((l) => ({
      name: l.takeout ? `${l.name}（持帰）` : l.name, quantity: l.quantity, unitPrice: l.unitPrice, amount: l.amount, rate: l.rate,
      discounts: discounts.filter((d) => d.lineId === l.id).map((d) => ({ label: d.label, yen: d.yen })),
    }));
  }
  const footer = [...settings.receipt.footer];
  if (slip.split_mode !== 'none') footer.push(`分割会計 ${part.part_no}回目`);
  if (opts.training) footer.push('*** トレーニング ***');
  return {
    kind: 'sale', store: storeInfo(settings), meta: meta(slip, part), items,
    slipDiscounts: amountSplit(slip) ? [] : discounts.filter((d) => d.scope === 'slip').map((d) => ({ label: d.label, yen: d.yen })),
    tax: taxSummary(db, slip, part), payments: paymentLines(db, part.id), change: part.change, footer, reprint: opts.reprint,
  };
}

/** 領収書 with 宛名 and 但し書き for one part. */
export function formalDoc(db: DB, settings: Settings, slip: SlipRowDb, part: PartRow, opts: { reprint: boolean; addressee?: string; proviso?: string }): FormalReceiptDoc {
  return {
    kind: 'formal', store: storeInfo(settings), meta: meta(slip, part), tax: taxSummary(db, slip, part),
    payments: paymentsOf(db, part.id).map((p) => ({ label: p.label, amount: p.amount, kind: RECEIPT_KIND[p.kind] ?? 'other' })),
    addressee: opts.addressee || undefined, proviso: opts.proviso || settings.receipt.defaultProviso || undefined, reprint: opts.reprint,
  };
}
