// ECR-link v1 framing (docs/ecr-link.md): the same bytes on TCP and serial.
//
//   STX | '1' | SEQ 2 hex | LEN 4 hex | UTF-8 JSON (LEN bytes) | ETX | CRC-32 8 hex
//   ACK = 0x06 SEQ(2 hex)      NAK = 0x15 SEQ(2 hex) or "??"
//
// The CRC covers the version byte through ETX (as PAX POSLink's LRC does). JSON escapes every
// byte below 0x20, so STX, ETX, ACK and NAK appear only as delimiters: any STX restarts the
// parser, which is how it resynchronises after garbage without DLE stuffing (unlike ZVT).
import { crc32 } from 'node:zlib';

export const STX = 0x02;
export const ETX = 0x03;
export const ACK = 0x06;
export const NAK = 0x15;
export const FRAME_VERSION = 0x31; // '1'
/** Largest JSON body a frame may carry (16 KiB); larger LEN fields are rejected at the header. */
export const MAX_BODY = 16 * 1024;
const HEADER = 7; // version + SEQ + LEN
const TRAILER = 9; // ETX + CRC

/** Bytes a frame with a body of `bodyBytes` occupies on the wire. */
export function frameSize(bodyBytes: number): number {
  return 1 + HEADER + bodyBytes + TRAILER;
}

const HEX = '0123456789ABCDEF';
function hex(value: number, digits: number): string {
  let out = '';
  for (let i = digits - 1; i >= 0; i--) out += HEX[(value >>> (i * 4)) & 0xf];
  return out;
}
/** Value of one ASCII hex digit (either case), or -1. */
function hexVal(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  return -1;
}

/** One frame carrying `body` (a JSON text) with sequence number `seq` (0..255). */
export function encodeFrame(seq: number, body: string): Buffer {
  const json = Buffer.from(body, 'utf8');
  if (json.length > MAX_BODY) throw new RangeError(`frame body ${json.length} bytes exceeds ${MAX_BODY}`);
  if (!Number.isInteger(seq) || seq < 0 || seq > 255) throw new RangeError(`bad sequence number ${seq}`);
  const out = Buffer.allocUnsafe(frameSize(json.length));
  out[0] = STX;
  out.write(`1${hex(seq, 2)}${hex(json.length, 4)}`, 1, 'latin1');
  for (let i = 0; i < json.length; i++) {
    // JSON.stringify never emits raw control bytes; a hand-made body that does would desynchronise peers.
    if (json[i]! < 0x20) throw new RangeError('frame body contains a control byte');
  }
  json.copy(out, 1 + HEADER);
  const etxAt = 1 + HEADER + json.length;
  out[etxAt] = ETX;
  out.write(hex(crc32(out.subarray(1, etxAt + 1)), 8), etxAt + 1, 'latin1');
  return out;
}

/** A frame whose body is `message` serialised as JSON. */
export function encodeMessage(seq: number, message: unknown): Buffer {
  return encodeFrame(seq, JSON.stringify(message));
}

export function encodeAck(seq: number): Buffer {
  return Buffer.from([ACK, HEX.charCodeAt(seq >> 4), HEX.charCodeAt(seq & 0xf)]);
}

/** NAK for a frame whose SEQ could be read, or `null` for "??" (resend whatever is outstanding). */
export function encodeNak(seq: number | null): Buffer {
  if (seq === null) return Buffer.from([NAK, 0x3f, 0x3f]);
  return Buffer.from([NAK, HEX.charCodeAt(seq >> 4), HEX.charCodeAt(seq & 0xf)]);
}

export type BadReason = 'header' | 'version' | 'length' | 'control' | 'etx' | 'crc' | 'timeout';
export type Decoded =
  | { kind: 'frame'; seq: number; body: string }
  | { kind: 'ack'; seq: number }
  | { kind: 'nak'; seq: number | null }
  /** A frame that started (STX seen) but was broken; `seq` when its header was readable. */
  | { kind: 'bad'; reason: BadReason; seq: number | null };

export interface DecoderOptions {
  /** Largest body accepted; default MAX_BODY. */
  maxBody?: number;
  /** A partial frame older than this (ms without a byte) is dropped on the next push/expire. */
  interByteTimeoutMs?: number;
}

const IDLE = 0, HEAD = 1, BODY = 2, TAIL = 3, CTRL = 4;

/**
 * Streaming decoder. Never throws on input, never returns a frame whose CRC does not match,
 * and never holds more than one frame's worth of bytes (see `pending`).
 */
export class FrameDecoder {
  readonly maxBody: number;
  readonly interByteTimeoutMs: number;
  /** Bytes dropped outside frames (line noise), for diagnostics. */
  skipped = 0;
  private state = IDLE;
  private readonly head = Buffer.alloc(HEADER);
  private readonly body: Buffer;
  private readonly tail = Buffer.alloc(TRAILER);
  private fill = 0; // bytes filled in the current part (head, body, tail or control token)
  private seq = 0;
  private len = 0;
  private ctrl = 0; // ACK or NAK being read
  private ctrlFirst = 0;
  private lastByteAt = 0;

  constructor(options: DecoderOptions = {}) {
    this.maxBody = Math.min(options.maxBody ?? MAX_BODY, 0xffff);
    this.interByteTimeoutMs = options.interByteTimeoutMs ?? 500;
    this.body = Buffer.alloc(this.maxBody);
  }

  /** Bytes of the partial frame or token held now; at most frameSize(maxBody) - 1. */
  get pending(): number {
    switch (this.state) {
      case HEAD: return 1 + this.fill;
      case BODY: return 1 + HEADER + this.fill;
      case TAIL: return 1 + HEADER + this.len + this.fill;
      case CTRL: return 1 + this.fill;
      default: return 0;
    }
  }

  /** Drops a partial frame that has waited longer than the inter-byte timeout. */
  expire(now: number): Decoded | null {
    if (this.state === IDLE || now - this.lastByteAt <= this.interByteTimeoutMs) return null;
    if (this.state === CTRL) { this.state = IDLE; return null; }
    return this.bad('timeout');
  }

  /** Feeds bytes; `now` (ms) enables the inter-byte timeout. Returns what completed. */
  push(chunk: Uint8Array, now?: number): Decoded[] {
    const out: Decoded[] = [];
    if (now !== undefined) {
      const expired = this.expire(now);
      if (expired) out.push(expired);
      this.lastByteAt = now;
    }
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === STX) { // any STX restarts: a partial frame or token before it is broken
        if (this.state !== IDLE && this.state !== CTRL) out.push(this.bad('header'));
        this.state = HEAD;
        this.fill = 0;
        continue;
      }
      switch (this.state) {
        case IDLE:
          if (b === ACK || b === NAK) this.restartOn(b);
          else this.skipped++;
          break;
        case CTRL: this.ctrlByte(b, out); break;
        case HEAD: this.headByte(b, out); break;
        case BODY: {
          // Fast path: copy the run of body bytes up to the declared length.
          let j = i;
          const end = Math.min(chunk.length, i + (this.len - this.fill));
          while (j < end && chunk[j]! >= 0x20) j++;
          if (j > i) {
            this.body.set(chunk.subarray(i, j), this.fill);
            this.fill += j - i;
            i = j - 1;
            if (this.fill === this.len) { this.state = TAIL; this.fill = 0; }
            break;
          }
          // A control byte inside the body: the frame is broken; ACK/NAK may start a token.
          out.push(this.bad('control'));
          this.restartOn(b);
          break;
        }
        case TAIL: this.tailByte(b, out); break;
      }
    }
    return out;
  }

  private bad(reason: BadReason): Decoded {
    const seq = this.state === HEAD && this.fill <= 3 ? null : this.seq;
    this.state = IDLE;
    return { kind: 'bad', reason, seq };
  }

  private restartOn(b: number): void {
    if (b === ACK || b === NAK) { this.state = CTRL; this.ctrl = b; this.fill = 0; }
  }

  private ctrlByte(b: number, out: Decoded[]): void {
    const okFirst = (x: number) => hexVal(x) >= 0 || (this.ctrl === NAK && x === 0x3f);
    if (this.fill === 0) {
      if (!okFirst(b)) { this.skipped += 1; this.state = IDLE; this.restartOn(b); return; }
      this.ctrlFirst = b;
      this.fill = 1;
      return;
    }
    const a = this.ctrlFirst;
    this.state = IDLE;
    if (this.ctrl === NAK && a === 0x3f && b === 0x3f) out.push({ kind: 'nak', seq: null });
    else if (hexVal(a) >= 0 && hexVal(b) >= 0) {
      const seq = (hexVal(a) << 4) | hexVal(b);
      out.push(this.ctrl === ACK ? { kind: 'ack', seq } : { kind: 'nak', seq });
    } else { this.skipped += 2; this.restartOn(b); }
  }

  private headByte(b: number, out: Decoded[]): void {
    this.head[this.fill++] = b;
    if (this.fill === 1 && b !== FRAME_VERSION) { out.push(this.bad('version')); this.restartOn(b); return; }
    if (this.fill > 1 && hexVal(b) < 0) { out.push(this.bad('header')); this.restartOn(b); return; }
    if (this.fill === 3) this.seq = (hexVal(this.head[1]!) << 4) | hexVal(this.head[2]!);
    if (this.fill < HEADER) return;
    let len = 0;
    for (let k = 3; k < HEADER; k++) len = (len << 4) | hexVal(this.head[k]!);
    if (len > this.maxBody) { out.push(this.bad('length')); return; }
    this.len = len;
    this.fill = 0;
    this.state = len === 0 ? TAIL : BODY;
  }

  private tailByte(b: number, out: Decoded[]): void {
    this.tail[this.fill++] = b;
    if (this.fill === 1 && b !== ETX) { out.push(this.bad('etx')); this.restartOn(b); return; }
    if (this.fill > 1 && hexVal(b) < 0) { out.push(this.bad('crc')); this.restartOn(b); return; }
    if (this.fill < TRAILER) return;
    let sent = 0;
    for (let k = 1; k < TRAILER; k++) sent = ((sent << 4) | hexVal(this.tail[k]!)) >>> 0;
    const body = this.body.subarray(0, this.len);
    const crc = crc32(this.tail.subarray(0, 1), crc32(body, crc32(this.head)));
    if (crc !== sent) { out.push(this.bad('crc')); return; }
    this.state = IDLE;
    out.push({ kind: 'frame', seq: this.seq, body: body.toString('utf8') });
  }
}
