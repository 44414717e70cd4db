import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sampleCardCopy, sampleFormal, sampleSale, sampleSettlement, sampleStore } from './fixtures.ts';
import { ReceiptError, renderReceipt, unencodableInCp932, normalizeForCp932, type ReceiptDoc } from './index.ts';

const KICK = [0x1b, 0x70, 0x00, 0x19, 0xfa];
const has = (hay: Uint8Array, needle: ArrayLike<number>) => Buffer.from(hay).indexOf(Buffer.from(needle as number[])) >= 0;
const sjis = (s: string) => iconv.encode(s, 'cp932');
const errorCode = (doc: ReceiptDoc, width?: 42 | 48) => {
  try {
    renderReceipt(doc, { format: 'text', ...(width ? { width } : {}) });
  } catch (e) {
    if (e instanceof ReceiptError) return e.code;
    throw e;
  }
  return 'ok';
};

describe('sale receipt (適格簡易請求書)', () => {
  it('carries the invoice items: registration number, ※ on reduced items with the legend, per-rate totals', () => {
    const { data, warnings, markup } = renderReceipt(sampleSale(), { format: 'escpos' });
    expect(warnings).toEqual([]);
    for (const text of ['登録番号 T7000012050002', '※のり弁当', '※は軽減税率対象商品', '10%対象 ¥3,020 (内消費税 ¥274)', '8%対象 ¥1,906 (内消費税 ¥141)', '伝票No.1002600001480', '2024年12月27日(金) 14:26']) {
      expect(has(data, sjis(text)), text).toBe(true);
    }
    expect(has(data, sjis('※唐揚げ定食'))).toBe(false);
    expect(markup).toContain('生ビール～中～'); // 〜 normalised to ～ (cp932 0x8160), no '?'
    expect(has(data, [0x81, 0x60])).toBe(true);
    expect(data.subarray(0, 2)).toEqual(Uint8Array.of(0x1b, 0x40));
    expect([...data.subarray(-3)]).toEqual([0x1d, 0x72, 0x31]);
  });

  it('kicks the drawer for cash, not for card payments or reprints', () => {
    expect(has(renderReceipt(sampleSale(), { format: 'escpos' }).data, KICK)).toBe(true);
    const card = { ...sampleSale(), payments: [{ label: 'USEN PAY クレジット', amount: sampleSale().tax.gross, kind: 'card' as const }], change: 0 };
    expect(has(renderReceipt(card, { format: 'escpos' }).data, KICK)).toBe(false);
    expect(has(renderReceipt({ ...sampleSale(), reprint: true }, { format: 'escpos' }).data, KICK)).toBe(false);
    expect(has(renderReceipt(card, { format: 'escpos', openDrawer: true }).data, KICK)).toBe(true);
  });

  it('reprints carry the 再発行 header', () => {
    expect(renderReceipt({ ...sampleSale(), reprint: true }, { format: 'text' }).data.split('\n')[0]).toMatch(/再\s*発\s*行/);
    expect(renderReceipt(sampleSale(), { format: 'text' }).data).not.toMatch(/再\s*発\s*行/);
  });

  it('no legend without reduced-rate items; exclusive prices show 消費税等', () => {
    const doc = sampleSale();
    const tenOnly: ReceiptDoc = {
      ...doc, items: doc.items.filter((i) => i.rate === 10), slipDiscounts: [],
      tax: { priceMode: 'exclusive', byRate: [{ rate: 10, net: 3082, tax: 308, gross: 3390 }], net: 3082, tax: 308, gross: 3390 },
      payments: [{ label: '現金', amount: 3390, kind: 'cash' }], change: 0,
    };
    const text = renderReceipt(tenOnly, { format: 'text' }).data;
    expect(text).not.toContain('軽減税率');
    expect(text).toMatch(/消費税等 +¥308/);
  });

  it('48 columns set a 576-dot print area; other widths are refused', () => {
    expect(has(renderReceipt(sampleSale(), { format: 'escpos', width: 48 }).data, [0x1d, 0x57, 0x40, 0x02])).toBe(true);
    expect(has(renderReceipt(sampleSale(), { format: 'escpos', width: 42 }).data, [0x1d, 0x57, 0xf8, 0x01])).toBe(true);
    expect(errorCode(sampleSale(), 40 as 42)).toBe('BAD_WIDTH');
  });

  it('prints markup characters in names literally', () => {
    const doc = sampleSale();
    const odd = { ...doc, items: doc.items.map((i, k) => (k === 0 ? { ...i, name: 'A|B{C}_"^~`-=' } : i)) };
    expect(renderReceipt(odd, { format: 'text' }).data).toContain('A|B{C}_"^~`-=');
  });
});

describe('previews and warnings', () => {
  it('SVG without the Google Fonts import, text output', () => {
    const svg = renderReceipt(sampleSale(), { format: 'svg' }).data;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toContain('fonts.googleapis.com');
    expect(svg).toContain('BIZ UDGothic');
    expect(renderReceipt(sampleSale(), { format: 'text' }).data).toContain('※は軽減税率対象商品');
  });

  it('reports characters cp932 cannot print', () => {
    const doc = sampleSale();
    const r = renderReceipt({ ...doc, items: doc.items.map((i, k) => (k === 1 ? { ...i, name: '麵と𠮷野菜😀' } : i)) }, { format: 'escpos' });
    expect(r.warnings).toEqual([{ code: 'UNENCODABLE', chars: ['麵', '𠮷', '😀'], message: 'プリンターで印字できない文字があります（?で印字されます）: 麵 𠮷 😀' }]);
    expect(unencodableInCp932('髙橋〜①ｱ¥')).toEqual([]);
    expect(normalizeForCp932('〜−—')).toBe('～－―');
  });

  it('warns when the store has no registration number', () => {
    const r = renderReceipt({ ...sampleSale(), store: { ...sampleStore, registrationNumber: '' } }, { format: 'text' });
    expect(r.warnings.map((w) => w.code)).toEqual(['NO_REGISTRATION_NUMBER']);
  });
});

describe('other documents', () => {
  it('領収書: 宛名, amount, 但し書き, per-rate breakdown with ※', () => {
    const text = renderReceipt({ ...sampleFormal(), reprint: true }, { format: 'text' }).data;
    expect(text).toMatch(/領\s*収\s*書/);
    expect(text).toContain('株式会社テスト 様');
    expect(text).toContain('但し 飲食代として');
    expect(text).toContain('※8%対象 ¥1,906 (内消費税 ¥141)');
    expect(text).toContain('登録番号 T7000012050002');
  });

  it('USEN PAY card copy: masked card, order code, approval, copy label; (再) on reprints; none for QR', () => {
    const text = renderReceipt({ ...sampleCardCopy(), reprint: true, copy: 'merchant' }, { format: 'text' }).data;
    for (const s of ['クレジットカード売上票', 'TSU3-0003377', '****1012 JCB IC', '999999', '加盟店控', '(再)', '2024/12/27 14:26:55']) expect(text).toContain(s);
    expect(errorCode({ ...sampleCardCopy(), method: 'qr' })).toBe('QR_NO_COPY');
    expect(errorCode({ ...sampleCardCopy(), last4: '4111111111111111' })).toBe('BAD_CARD_DIGITS');
  });

  it('settlement report: sections of label / count / amount rows', () => {
    const text = renderReceipt(sampleSettlement(), { format: 'text' }).data;
    expect(text).toMatch(/現金 +20件 +¥98,000/);
    expect(text).toContain('精算レポート');
    expect(text).toContain('2024/12/28 00:05:00');
  });
});

describe('refused documents', () => {
  it('prepaid checkouts, bad slip numbers, bad registration numbers, totals that do not add up', () => {
    const doc = sampleSale();
    expect(errorCode({ ...doc, payments: [{ label: 'SMART RESERVE事前決済', amount: doc.tax.gross + doc.change, kind: 'prepaid' }] })).toBe('PREPAID_NO_RECEIPT');
    expect(errorCode({ ...doc, meta: { ...doc.meta, slipNo: '123' } })).toBe('BAD_SLIP_NO');
    expect(errorCode({ ...doc, store: { ...sampleStore, registrationNumber: 'T8000012050002' } })).toBe('BAD_REGISTRATION_NUMBER');
    expect(errorCode({ ...doc, change: doc.change + 1 })).toBe('INCONSISTENT');
    expect(errorCode({ ...doc, slipDiscounts: [] })).toBe('INCONSISTENT');
    expect(errorCode({ ...doc, items: doc.items.map((i, k) => (k === 0 ? { ...i, quantity: 3 } : i)) })).toBe('INCONSISTENT');
    expect(errorCode({ ...sampleFormal(), payments: [{ label: '現金', amount: 1, kind: 'cash' }] })).toBe('INCONSISTENT');
  });
});
