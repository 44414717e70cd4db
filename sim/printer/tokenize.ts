// ESC/POS tokenizer for the printer simulator: splits a byte stream into text runs, control
// characters and commands with their parameters. It knows the parameter lengths of the Epson
// TM command set (incl. raster images, barcodes, 2D codes and kanji commands) so data inside a
// command is never mistaken for text. Returns null when a command is not complete yet.

export type Token =
  | { readonly t: 'text'; readonly bytes: Uint8Array }
  | { readonly t: 'ctl'; readonly code: number }
  | { readonly t: 'cmd'; readonly name: string; readonly args: Uint8Array; readonly length: number };

/** Parameter length after the command bytes, or null if more bytes are needed. */
type ParamLength = (b: Uint8Array, i: number) => number | null;

const ESC = 0x1b, GS = 0x1d, FS = 0x1c, DLE = 0x10;
const need = (b: Uint8Array, i: number, n: number) => (b.length - i >= n ? n : null);
const fixed = (n: number): ParamLength => (b, i) => need(b, i, n);
const u16 = (b: Uint8Array, i: number) => (b[i] ?? 0) + (b[i + 1] ?? 0) * 256;
/** n header bytes, then a data length computed from them. */
const withData = (n: number, data: (b: Uint8Array, i: number) => number): ParamLength => (b, i) => {
  if (need(b, i, n) === null) return null;
  return need(b, i, n + data(b, i));
};
const untilNul = (start: number): ParamLength => (b, i) => {
  const end = b.indexOf(0, i + start);
  return end < 0 ? null : end - i + 1;
};

const escTable: Record<string, ParamLength> = {
  '@': fixed(0), '!': fixed(1), '$': fixed(2), '-': fixed(1), '2': fixed(0), '3': fixed(1), a: fixed(1),
  E: fixed(1), G: fixed(1), M: fixed(1), R: fixed(1), t: fixed(1), '{': fixed(1), ' ': fixed(1), '\\': fixed(2),
  d: fixed(1), e: fixed(1), J: fixed(1), K: fixed(1), p: fixed(3), i: fixed(0), m: fixed(0), c: fixed(2), '=': fixed(1),
  V: fixed(1), r: fixed(1), U: fixed(1), '%': fixed(1), '?': fixed(1), L: fixed(0), S: fixed(0), T: fixed(1),
  W: fixed(8), '\f': fixed(0), D: untilNul(0),
  // ESC * m nL nH d…: 8-dot modes take n bytes, 24-dot modes 3n.
  '*': withData(3, (b, i) => u16(b, i + 1) * ((b[i] ?? 0) >= 32 ? 3 : 1)),
  '(': withData(3, (b, i) => u16(b, i + 1)),
  // ESC & y c1 c2 [x d1…d(y×x)]…: user-defined characters, one block per character code.
  '&': (b, i) => {
    if (need(b, i, 3) === null) return null;
    const y = b[i] ?? 0;
    let p = i + 3;
    for (let c = b[i + 1] ?? 0; c <= (b[i + 2] ?? 0); c++) {
      if (p >= b.length) return null;
      p += 1 + y * (b[p] ?? 0);
    }
    return p <= b.length ? p - i : null;
  },
};

const gsTable: Record<string, ParamLength> = {
  '!': fixed(1), B: fixed(1), H: fixed(1), f: fixed(1), h: fixed(1), w: fixed(1), a: fixed(1), r: fixed(1),
  I: fixed(1), j: fixed(1), b: fixed(1), T: fixed(1), '/': fixed(1), L: fixed(2), W: fixed(2), P: fixed(2),
  '$': fixed(2), '\\': fixed(2), ':': fixed(0), '^': fixed(3), z: fixed(3), g: fixed(4),
  // GS V m [n]: function A (0,1,48,49) has no n; functions B–D take one.
  V: (b, i) => (need(b, i, 1) === null ? null : [0, 1, 48, 49].includes(b[i] ?? 0) ? 1 : need(b, i, 2)),
  // GS k m d… NUL (m 0–6) or GS k m n d1…dn (m 65–79).
  k: (b, i) => {
    if (need(b, i, 2) === null) return null;
    const m = b[i] ?? 0;
    return m <= 6 ? untilNul(1)(b, i) : need(b, i, 2 + (b[i + 1] ?? 0));
  },
  '(': withData(3, (b, i) => u16(b, i + 1)),
  // GS v 0 m xL xH yL yH d…: raster image of x bytes × y dots.
  v: withData(6, (b, i) => u16(b, i + 2) * u16(b, i + 4)),
  // GS 8 L p1 p2 p3 p4 …: graphics data with a 4-byte length.
  '8': withData(5, (b, i) => (b[i + 1] ?? 0) + (b[i + 2] ?? 0) * 256 + (b[i + 3] ?? 0) * 65536 + (b[i + 4] ?? 0) * 16777216),
  '*': withData(2, (b, i) => (b[i] ?? 0) * (b[i + 1] ?? 0) * 8),
};

const fsTable: Record<string, ParamLength> = {
  '&': fixed(0), '.': fixed(0), C: fixed(1), '!': fixed(1), '-': fixed(1), S: fixed(2), W: fixed(1), p: fixed(2),
  '2': fixed(74), '(': withData(3, (b, i) => u16(b, i + 1)),
};

const dleTable: Record<number, ParamLength> = {
  // DLE EOT n (n = 7 and 8 carry one more byte).
  0x04: (b, i) => (need(b, i, 1) === null ? null : [7, 8].includes(b[i] ?? 0) ? need(b, i, 2) : 1),
  0x05: fixed(1),
  // DLE DC4 fn …: fn 1 (pulse) and 2 (power off) take two more bytes, fn 8 (clear buffer) seven.
  0x14: (b, i) => (need(b, i, 1) === null ? null : need(b, i, [1, 2].includes(b[i] ?? 0) ? 3 : b[i] === 8 ? 8 : 1)),
};

const PREFIX: Record<number, [string, Record<string, ParamLength>]> = {
  [ESC]: ['ESC', escTable], [GS]: ['GS', gsTable], [FS]: ['FS', fsTable],
};

/** Reads one token at `pos`; null when the bytes end inside it. */
export function nextToken(b: Uint8Array, pos: number): Token | null {
  const c = b[pos];
  if (c === undefined) return null;
  if (c >= 0x20) {
    let end = pos;
    while (end < b.length && (b[end] ?? 0) >= 0x20) end++;
    return { t: 'text', bytes: b.subarray(pos, end) };
  }
  const prefix = PREFIX[c];
  if (prefix) {
    const id = b[pos + 1];
    if (id === undefined) return null;
    const key = String.fromCharCode(id);
    const params = prefix[1][key];
    const name = `${prefix[0]} ${id >= 0x21 && id < 0x7f ? key : `0x${id.toString(16).padStart(2, '0')}`}`;
    // Unknown commands are taken as parameterless: the best guess a real printer also makes.
    const n = params ? params(b, pos + 2) : 0;
    if (n === null) return null;
    return { t: 'cmd', name: params ? name : `? ${name}`, args: b.subarray(pos + 2, pos + 2 + n), length: 2 + n };
  }
  if (c === DLE) {
    const id = b[pos + 1];
    if (id === undefined) return null;
    const params = dleTable[id];
    if (!params) return { t: 'ctl', code: c };
    const n = params(b, pos + 2);
    if (n === null) return null;
    const name = id === 0x04 ? 'DLE EOT' : id === 0x05 ? 'DLE ENQ' : 'DLE DC4';
    return { t: 'cmd', name, args: b.subarray(pos + 2, pos + 2 + n), length: 2 + n };
  }
  return { t: 'ctl', code: c };
}

export const tokenLength = (tok: Token): number => (tok.t === 'text' ? tok.bytes.length : tok.t === 'ctl' ? 1 : tok.length);
