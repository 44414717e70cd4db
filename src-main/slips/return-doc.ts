// 適格返還請求書 (return document) of a cancelled slip, rendered like the other receipts.
// Contents required by 消費税法57条の4第3項: issuer and registration number, the date of the
// return and of the original sale, what was returned (※ for reduced-rate items), and per rate
// the amount returned and its tax. Since 2023 a return below ¥10,000 (tax included) needs none
// (同項ただし書, 令和5年度改正 少額な返還); staff may still ask for one.
import receiptline from 'receiptline';
import type { Settings } from '../../src-shared/contract/index.ts';
import type { TaxRate } from '../../src-shared/tax/index.ts';
import { linesByPart } from '../orders/lines.ts';
import { DRAWER_KICK_MARKUP } from '../receipts/index.ts';
import { escapeMarkup, jpDateTime, localTime, normalizeForCp932, slashDay, unencodableInCp932, yen } from '../receipts/text.ts';
import type { DB } from '../store/db.ts';
import { partsOf, ratesOf, storeInfo, type SlipRowDb } from './documents.ts';

export const RETURN_DOCUMENT_THRESHOLD = 10_000;

export type ReturnFigures = { gross: number; byRate: Array<{ rate: TaxRate; gross: number; tax: number }>; items: Array<{ name: string; amount: number; rate: TaxRate }> };

/** What the register refunds and documents: every part it issued a receipt for (not the prepaid ones, P6). */
export function returnFigures(db: DB, slip: SlipRowDb): ReturnFigures {
  const byRate = new Map<TaxRate, { gross: number; tax: number }>();
  const items: ReturnFigures['items'] = [];
  for (const part of partsOf(db, slip.id).filter((p) => p.prepaid === 0)) {
    for (const r of ratesOf(db, part.id)) {
      const acc = byRate.get(r.rate) ?? { gross: 0, tax: 0 };
      byRate.set(r.rate, { gross: acc.gross + r.gross, tax: acc.tax + r.tax });
    }
    const lines = linesByPart(db, part.id);
    if (lines.length) items.push(...lines.map((l) => ({ name: `${l.name} ×${l.quantity}`, amount: l.amount, rate: l.rate })));
    else items.push(...ratesOf(db, part.id).map((r) => ({ name: `ご飲食代（分割 ${part.part_no}回目）`, amount: r.gross, rate: r.rate })));
  }
  const rates = [...byRate.entries()].sort((a, b) => b[0] - a[0]).map(([rate, v]) => ({ rate, ...v }));
  return { gross: rates.reduce((a, r) => a + r.gross, 0), byRate: rates, items };
}

export type ReturnDocInput = { slip: SlipRowDb; cancelledAt: number; reason: string; reprint: boolean; training: boolean; openDrawer?: boolean };

function markup(db: DB, settings: Settings, input: ReturnDocInput, t: (s: string) => string): string {
  const store = storeInfo(settings);
  const figures = returnFigures(db, input.slip);
  const when = (ms: number) => jpDateTime(localTime(new Date(ms), 'Asia/Tokyo'));
  const out: string[] = input.reprint ? ['{width:auto; align:center}', '^^^`再発行`', ''] : [];
  out.push('{width:auto; align:center}', `^^${t(store.name)}`);
  if (store.address) out.push(t(store.address));
  if (store.phone) out.push(t(`TEL ${store.phone}`));
  if (store.registrationNumber) out.push(t(`登録番号 ${store.registrationNumber}`));
  out.push('', '^^適格返還請求書', t('（返品・伝票取消）'), '', '{width:auto; align:left}',
    `|${t(`返還日 ${when(input.cancelledAt)}`)}`,
    `|${t(`元の売上日 ${slashDay(input.slip.business_day)}`)}`, `|${t(`伝票No.${input.slip.slip_no}`)}`,
    `|${t(`理由 ${input.reason}`)}`, '-', '{width:*,12}');
  for (const item of figures.items) out.push(`${t(`${item.rate === 8 ? '※' : ''}${item.name}`)} | ${t(yen(-item.amount))}`);
  out.push('-', `^^${t('返還額合計')} | ^^${t(yen(-figures.gross))}`, '{width:auto; align:left}');
  for (const r of figures.byRate) out.push(`|${t(`${r.rate}%対象 ${yen(-r.gross)} (内消費税 ${yen(-r.tax)})`)}`);
  if (figures.byRate.some((r) => r.rate === 8)) out.push('|※は軽減税率対象商品');
  if (input.training) out.push('', '{align:center}', t('*** トレーニング ***'));
  if (input.openDrawer) out.push(DRAWER_KICK_MARKUP); // a cash refund leaves the drawer
  return `${out.join('\n')}\n`;
}

export function renderReturnDoc(db: DB, settings: Settings, input: ReturnDocInput, format: 'escpos'): { data: Uint8Array; warnings: string[] };
export function renderReturnDoc(db: DB, settings: Settings, input: ReturnDocInput, format: 'svg' | 'text'): { data: string; warnings: string[] };
export function renderReturnDoc(db: DB, settings: Settings, input: ReturnDocInput, format: 'escpos' | 'svg' | 'text'): { data: Uint8Array | string; warnings: string[] } {
  const bad = new Set<string>();
  const t = (s: string) => {
    for (const c of unencodableInCp932(s)) bad.add(c);
    return escapeMarkup(normalizeForCp932(s));
  };
  const text = markup(db, settings, input, t);
  const warnings = bad.size ? [`プリンターで印字できない文字があります（?で印字されます）: ${[...bad].join(' ')}`] : [];
  const cpl = settings.receipt.width;
  if (format === 'escpos') {
    const out = receiptline.transform(text, { cpl, encoding: 'cp932', command: 'escpos', cutting: true });
    return { data: new Uint8Array(Buffer.from(out, 'latin1')), warnings };
  }
  const data = receiptline.transform(text, { cpl, encoding: 'cp932', command: format });
  return { data: format === 'svg' ? data.replace(/@import url\([^)]*\);?/g, '') : data, warnings };
}
