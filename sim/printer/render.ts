// Interprets ESC/POS tokens like a Japanese-model thermal printer and turns them into printed
// text lines for tests: cp932 text (Shift_JIS by lead byte under FS C 1; JIS pairs in FS & kanji
// mode under FS C 0), code pages (ESC t), the Japan international set (ESC R 8: 0x5C is ¥),
// character sizes (ESC ! / GS ! / FS !), alignment (ESC a), margins and positions (GS L, GS W,
// ESC $, ESC \, HT), cut, drawer kick, and skips images and barcodes.
import iconv from 'iconv-lite';
import type { Token } from './tokenize.ts';

export interface PrintedLine {
  readonly text: string;
  readonly align: 'left' | 'center' | 'right';
  /** Largest character width / height multiplier used on the line (1–8). */
  readonly width: number;
  readonly height: number;
}

export type RenderEvent =
  | { readonly e: 'line'; readonly line: PrintedLine }
  | { readonly e: 'cut' }
  | { readonly e: 'kick'; readonly pin: 2 | 5 }
  /** GS r n: the printer answers (n = 1 paper sensor, 2 drawer); the simulator builds the byte. */
  | { readonly e: 'reply'; readonly query: number }
  | { readonly e: 'image' }
  | { readonly e: 'barcode'; readonly data: string }
  | { readonly e: 'init' }
  | { readonly e: 'unknown'; readonly name: string };

// Epson code page numbers (ESC t n) that iconv-lite can decode.
const CODEPAGES: Record<number, string> = { 0: 'cp437', 2: 'cp850', 3: 'cp860', 4: 'cp863', 5: 'cp865', 16: 'windows1252', 17: 'cp866', 18: 'cp852', 19: 'cp858' };
// Line graphics of the Katakana page as receiptline draws rules with them.
const KATAKANA_GRAPHICS: Record<number, string> = {
  0x8f: '┼', 0x90: '┴', 0x91: '┬', 0x92: '┤', 0x93: '├', 0x95: '─', 0x96: '│', 0x98: '├',
  0x99: '┤', 0x9a: '├', 0x9b: '┤', 0x9c: '┌', 0x9d: '┐', 0x9e: '└', 0x9f: '┘',
};
const ALIGN = ['left', 'center', 'right'] as const;
const isSjisLead = (b: number) => (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);

export class EscPosRenderer {
  /** Paper width in dots when no print area (GS W) is set. */
  private readonly paperDots: number;
  private sjis = false;
  private kanji = false;
  private codepage = 0;
  private intl = 0;
  private escBang = 0;
  private gsSize = 0;
  private fsBang = 0;
  private align = 0;
  private left = 0;
  private area = 0;
  private x = 0;
  private lead: number | null = null;
  private cells: string[] = [];
  private lineW = 1;
  private lineH = 1;
  private tabs: number[] = [];
  private fontB = false;
  private qrData = '';

  constructor(paperDots: number) {
    this.paperDots = paperDots;
    this.reset();
  }

  private reset(): void {
    this.sjis = false; this.kanji = false; this.codepage = 0; this.intl = 0; this.escBang = 0; this.gsSize = 0;
    this.fsBang = 0; this.align = 0; this.left = 0; this.area = this.paperDots; this.tabs = [];
    this.fontB = false; this.qrData = '';
    this.clearLine();
  }

  private clearLine(): void {
    this.x = 0; this.cells = []; this.lineW = 1; this.lineH = 1; this.lead = null;
  }

  private get fontDots(): number { return (this.escBang & 1) === 1 || this.fontB ? 9 : 12; }
  private sizeOf(kanji: boolean): [number, number] {
    const gw = ((this.gsSize >> 4) & 7) + 1, gh = (this.gsSize & 7) + 1;
    const wide = kanji ? (this.fsBang & 0x04) !== 0 : (this.escBang & 0x20) !== 0;
    const tall = kanji ? (this.fsBang & 0x08) !== 0 : (this.escBang & 0x10) !== 0;
    return [Math.max(gw, wide ? 2 : 1), Math.max(gh, tall ? 2 : 1)];
  }

  private put(ch: string, kanji: boolean): void {
    const [w, h] = this.sizeOf(kanji);
    const dots = (kanji ? 24 : this.fontDots) * w;
    const cell = Math.round(this.x / 12);
    const span = Math.max(1, Math.round(dots / 12));
    this.cells[cell] = ch;
    // Continuation cells of a wide character print nothing, so "合計" stays searchable.
    for (let k = 1; k < span; k++) this.cells[cell + k] = '';
    this.x += dots;
    this.lineW = Math.max(this.lineW, w);
    this.lineH = Math.max(this.lineH, h);
  }

  private single(b: number): string {
    if (b < 0x80) {
      if (this.intl === 8 && b === 0x5c) return '¥';
      if (this.intl === 8 && b === 0x7e) return '‾';
      return String.fromCharCode(b);
    }
    if (this.codepage === 1) {
      if (b >= 0xa1 && b <= 0xdf) return iconv.decode(Buffer.of(b), 'cp932');
      return KATAKANA_GRAPHICS[b] ?? '?';
    }
    const cp = CODEPAGES[this.codepage];
    return cp ? iconv.decode(Buffer.of(b), cp) : '?';
  }

  private text(bytes: Uint8Array): void {
    for (const b of bytes) {
      if (this.lead !== null) {
        const lead = this.lead;
        this.lead = null;
        // Shift_JIS pairs decode as cp932; JIS X 0208 pairs are EUC-JP minus the high bits.
        const ch = lead >= 0x80 ? iconv.decode(Buffer.of(lead, b), 'cp932') : iconv.decode(Buffer.of(lead | 0x80, b | 0x80), 'euc-jp');
        this.put(ch, true);
      } else if ((this.sjis && isSjisLead(b)) || (this.kanji && !this.sjis && b >= 0x21 && b <= 0x7e)) {
        this.lead = b;
      } else {
        this.put(this.single(b), false);
      }
    }
  }

  /** Ends the current line as printed; alignment applies to the whole line, as on Epson TMs. */
  private flush(): PrintedLine {
    const width = this.cells.length;
    const areaCells = Math.floor(this.area / 12);
    const used = Math.ceil(this.x / 12);
    const shift = Math.floor(this.left / 12) + (this.align === 1 ? Math.max(0, Math.floor((areaCells - used) / 2)) : this.align === 2 ? Math.max(0, areaCells - used) : 0);
    const body = Array.from({ length: width }, (_, i) => this.cells[i] ?? ' ').join('');
    const line: PrintedLine = { text: (' '.repeat(shift) + body).trimEnd(), align: ALIGN[this.align] ?? 'left', width: this.lineW, height: this.lineH };
    this.clearLine();
    return line;
  }

  private lines(n: number): RenderEvent[] {
    const out: RenderEvent[] = [{ e: 'line', line: this.flush() }];
    for (let k = 1; k < n; k++) out.push({ e: 'line', line: this.flush() });
    return out;
  }

  private pending(): RenderEvent[] {
    return this.cells.length > 0 ? [{ e: 'line', line: this.flush() }] : [];
  }

  /** Applies one token; returns what the printer did. */
  apply(tok: Token): RenderEvent[] {
    if (tok.t === 'text') { this.text(tok.bytes); return []; }
    if (tok.t === 'ctl') {
      if (tok.code === 0x0a) return this.lines(1);
      if (tok.code === 0x09) {
        const col = Math.floor(this.x / this.fontDots);
        const stop = this.tabs.find((t) => t > col) ?? (Math.floor(col / 8) + 1) * 8;
        this.x = stop * this.fontDots;
      }
      return [];
    }
    const a = tok.args;
    const a0 = a[0] ?? 0;
    const u16 = a0 + (a[1] ?? 0) * 256;
    switch (tok.name) {
      case 'ESC @': this.reset(); return [{ e: 'init' }];
      case 'ESC !': this.escBang = a0; return [];
      case 'GS !': this.gsSize = a0; return [];
      case 'FS !': this.fsBang = a0; return [];
      case 'ESC a': this.align = a0 % 48; return [];
      case 'ESC t': this.codepage = a0; return [];
      case 'ESC R': this.intl = a0; return [];
      case 'FS C': this.sjis = a0 === 1 || a0 === 49; return [];
      case 'FS &': this.kanji = true; return [];
      case 'FS .': this.kanji = false; return [];
      case 'ESC $': this.x = u16; return [];
      case 'ESC \\': this.x = Math.max(0, this.x + (u16 >= 0x8000 ? u16 - 0x10000 : u16)); return [];
      case 'GS L': this.left = u16; return [];
      case 'GS W': this.area = u16; return [];
      case 'ESC D': this.tabs = [...a].filter((v) => v > 0); return [];
      case 'ESC d': return this.lines(Math.max(1, a0));
      case 'ESC J': return this.lines(1);
      case 'GS V': case 'ESC i': case 'ESC m': return [...this.pending(), { e: 'cut' }];
      case 'ESC p': return [{ e: 'kick', pin: (a0 & 1) === 1 ? 5 : 2 }];
      case 'GS r': return [{ e: 'reply', query: a0 % 48 }];
      case 'ESC M': this.fontB = a0 % 48 === 1; return [];
      case 'GS v': case 'ESC *': case 'GS 8': case 'FS p': case 'GS /': return [{ e: 'image' }];
      case 'GS (': return this.gsParen(a);
      case 'GS k': {
        const data = a0 <= 6 ? a.subarray(1, a.length - 1) : a.subarray(2);
        return [{ e: 'barcode', data: Buffer.from(data).toString('latin1') }];
      }
      default:
        return tok.name.startsWith('?') ? [{ e: 'unknown', name: tok.name.slice(2) }] : [];
    }
  }

  /** GS ( L prints graphics (fn 2/50); GS ( k stores (fn 80) and prints (fn 81) a 2D code. */
  private gsParen(a: Uint8Array): RenderEvent[] {
    const [cls, fn] = [a[0], a[4]];
    if (cls === 0x4c && (fn === 0x32 || fn === 0x02)) return [{ e: 'image' }];
    if (cls === 0x6b && fn === 0x50) this.qrData = Buffer.from(a.subarray(6)).toString('latin1');
    if (cls === 0x6b && fn === 0x51) return [{ e: 'barcode', data: this.qrData }];
    return [];
  }

  /** Text printed so far on the unfinished line (a job that ends without LF). */
  takePending(): PrintedLine | null {
    return this.cells.length > 0 ? this.flush() : null;
  }
}
