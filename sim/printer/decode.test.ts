import fc from 'fast-check';
import iconv from 'iconv-lite';
import receiptline from 'receiptline';
import { describe, expect, it } from 'vitest';
import { decodeEscPos, EscPosStream, type PrintedLine } from './decode.ts';

const bytes = (...parts: Array<number[] | string | Buffer>) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? iconv.encode(p, 'cp932') : Buffer.from(p)))));
const ESC = 0x1b, GS = 0x1d, FS = 0x1c;

describe('decodeEscPos', () => {
  it('prints Shift_JIS text under FS C 1 with sizes and alignment', () => {
    const d = decodeEscPos(bytes([ESC, 0x40, FS, 0x43, 1, ESC, 0x61, 1, GS, 0x21, 0x11], '※ビール', [0x0a, GS, 0x21, 0], 'ok', [0x0a]), 240);
    // 20 cells of paper, 4 kanji at double width take 16: centred with 2 cells each side.
    expect(d.lines[0]).toEqual({ text: '  ※ビール', align: 'center', width: 2, height: 2 });
    expect(d.lines[1]).toEqual({ text: `${' '.repeat(9)}ok`, align: 'center', width: 1, height: 1 });
  });

  it('prints JIS pairs in FS & kanji mode and single bytes after FS .', () => {
    const jis = [...iconv.encode('漢字', 'euc-jp')].map((b) => b & 0x7f);
    expect(decodeEscPos(bytes([FS, 0x43, 0, FS, 0x26, ...jis, FS, 0x2e], 'AB', [0x0a])).text).toBe('漢字AB');
  });

  it('maps 0x5C to ¥ only with the Japan character set (ESC R 8), and half-width kana on page 1', () => {
    expect(decodeEscPos(bytes('\\1', [0x0a, ESC, 0x52, 8], '\\1~', [0x0a, ESC, 0x74, 1, 0xb1, 0xdd, 0x0a])).text).toBe('\\1\n¥1‾\nｱﾝ');
  });

  it('positions text with ESC $, ESC \\ and the left margin', () => {
    const d = decodeEscPos(bytes([GS, 0x4c, 24, 0, ESC, 0x24, 48, 0], 'x', [ESC, 0x5c, 24, 0], 'y', [0x0a]));
    expect(d.text).toBe('      x  y'); // margin 2 cells + position 4 cells; x, then 2 cells further
  });

  it('counts cuts and drawer kicks, skips raster and barcode data, keeps barcode contents', () => {
    const raster = [GS, 0x76, 0x30, 0, 2, 0, 2, 0, 0x0a, 0x8a, 0xbf, 0x0a];
    const d = decodeEscPos(bytes('A', [0x0a], raster, [GS, 0x6b, 73, 3], 'abc', [GS, 0x6b, 4], '12', [0, ESC, 0x70, 0, 25, 250, GS, 0x56, 0x42, 0, ESC, 0x69]));
    expect([d.text, d.images, d.barcodes, d.drawerKicks, d.cuts]).toEqual(['A', 1, ['abc', '12'], 1, 2]);
  });

  it('reports unknown commands', () => {
    expect(decodeEscPos(bytes([ESC, 0x7c], 'x')).unknown).toEqual(['ESC |']);
  });

  it('decodes receiptline output: rules, columns and double-width characters', () => {
    const doc = '{width:*,10}\n※唐揚げ弁当 | ¥648\n-\n^^^合計 | ^¥648\n';
    const out = Buffer.from(receiptline.transform(doc, { cpl: 42, encoding: 'cp932', command: 'escpos' }), 'latin1');
    const d = decodeEscPos(new Uint8Array(out));
    expect(d.lines[0]!.text).toBe(`※唐揚げ弁当${' '.repeat(42 - 12 - 4)}¥648`);
    expect(d.lines[1]!.text).toBe('─'.repeat(42));
    expect(d.lines[2]!.text).toMatch(/^合計 +¥648$/);
    expect(d.lines[2]).toMatchObject({ height: 2, width: 2 });
    expect(d.cuts).toBe(1);
  });
});

describe('EscPosStream', () => {
  it('gives the same lines however the bytes are split into chunks', () => {
    const doc = '^^店名\n{width:*,12}\n※のり弁当 | ¥1,944\n~~~~3点 × @¥648\n{code:1234567890128; option:ean,hri}\n-\n^^^合計 | ¥1,944\n{command:\\x1bp\\x00\\x19\\xfa}\n';
    const all = new Uint8Array(Buffer.from(receiptline.transform(doc, { cpl: 48, encoding: 'cp932', command: 'escpos' }), 'latin1'));
    const whole = decodeEscPos(all).lines;
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: all.length - 1 }), { maxLength: 30 }), (cuts) => {
      const stream = new EscPosStream(576);
      const lines: PrintedLine[] = [];
      const points = [0, ...cuts.sort((a, b) => a - b), all.length];
      for (let i = 1; i < points.length; i++) {
        stream.push(all.slice(points[i - 1], points[i]), (_t, _r, events) => events.forEach((e) => { if (e.e === 'line') lines.push(e.line); }));
      }
      expect(lines).toEqual(whole);
    }), { numRuns: 60 });
  });
});
