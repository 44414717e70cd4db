// Property tests of the ECR-link framing: 105,000 generated cases in total (see RUNS).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ACK, ETX, FrameDecoder, MAX_BODY, NAK, STX, encodeAck, encodeFrame, encodeMessage, encodeNak, frameSize,
  type Decoded,
} from './codec.ts';

const RUNS = { roundTrip: 30_000, chunking: 20_000, garbage: 20_000, mutation: 20_000, bounded: 15_000 };

const seqArb = fc.integer({ min: 0, max: 255 });
const bodyArb = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null');
const frameArb = fc.record({ seq: seqArb, body: bodyArb });
const framesArb = fc.array(frameArb, { minLength: 1, maxLength: 4 });

function decodeAll(decoder: FrameDecoder, chunks: Uint8Array[]): Decoded[] {
  return chunks.flatMap((c) => decoder.push(c));
}
function framesOf(items: Decoded[]): Array<{ seq: number; body: string }> {
  return items.flatMap((d) => (d.kind === 'frame' ? [{ seq: d.seq, body: d.body }] : []));
}
/** Cuts `bytes` at the given fractions into chunks (possibly empty). */
function cut(bytes: Buffer, cuts: number[]): Uint8Array[] {
  const points = cuts.map((c) => Math.floor(c * bytes.length)).sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of points) { out.push(bytes.subarray(from, p)); from = p; }
  out.push(bytes.subarray(from));
  return out;
}
const cutsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 });

describe('codec', () => {
  it('encodes the documented bytes (known CRC-32 vector)', () => {
    const f = encodeFrame(0x1a, '{}');
    expect(f.toString('latin1')).toBe('\x021' + '1A' + '0002' + '{}' + '\x03' + f.subarray(-8).toString('latin1'));
    // CRC-32 of "11A0002{}\x03" (version through ETX), checked against an independent table-driven CRC.
    let crc = 0xffffffff;
    for (const byte of Buffer.from('11A0002{}\x03', 'latin1')) {
      crc ^= byte;
      for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
    }
    expect(f.subarray(-8).toString('latin1')).toBe(((crc ^ 0xffffffff) >>> 0).toString(16).toUpperCase().padStart(8, '0'));
    expect([...encodeAck(0xa5)]).toEqual([ACK, 0x41, 0x35]);
    expect([...encodeNak(null)]).toEqual([NAK, 0x3f, 0x3f]);
  });

  it('refuses to encode oversized or control-byte bodies', () => {
    expect(() => encodeFrame(1, 'x'.repeat(MAX_BODY + 1))).toThrow(RangeError);
    expect(() => encodeFrame(1, '"\x02"')).toThrow(RangeError);
    expect(() => encodeFrame(256, '{}')).toThrow(RangeError);
  });

  it('round-trips any JSON body and sequence number', () => {
    fc.assert(fc.property(frameArb, ({ seq, body }) => {
      const d = new FrameDecoder();
      expect(d.push(encodeFrame(seq, body))).toEqual([{ kind: 'frame', seq, body }]);
      expect(d.pending).toBe(0);
    }), { numRuns: RUNS.roundTrip });
  });

  it('decodes the same under any chunking, ACK and NAK tokens included', () => {
    fc.assert(fc.property(framesArb, seqArb, cutsArb, (frames, ackSeq, cuts) => {
      const stream = Buffer.concat([...frames.map((f) => encodeFrame(f.seq, f.body)), encodeAck(ackSeq), encodeNak(null), encodeNak(ackSeq)]);
      const expected: Decoded[] = [...frames.map((f) => ({ kind: 'frame' as const, ...f })),
        { kind: 'ack', seq: ackSeq }, { kind: 'nak', seq: null }, { kind: 'nak', seq: ackSeq }];
      expect(decodeAll(new FrameDecoder(), cut(stream, cuts))).toEqual(expected);
    }), { numRuns: RUNS.chunking });
  });

  it('recovers every frame when garbage lies between frames', () => {
    const junk = fc.uint8Array({ maxLength: 40 });
    fc.assert(fc.property(framesArb, fc.array(junk, { minLength: 5, maxLength: 5 }), cutsArb, (frames, junks, cuts) => {
      const parts: Buffer[] = [];
      frames.forEach((f, i) => parts.push(Buffer.from(junks[i]!), encodeFrame(f.seq, f.body)));
      parts.push(Buffer.from(junks[4]!));
      expect(framesOf(decodeAll(new FrameDecoder(), cut(Buffer.concat(parts), cuts)))).toEqual(frames);
    }), { numRuns: RUNS.garbage });
  });

  it('never throws and never passes a frame that was not sent under random mutations', () => {
    const mutation = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), op: fc.constantFrom('flip', 'set', 'drop', 'insert'), byte: fc.integer({ min: 0, max: 255 }) });
    fc.assert(fc.property(framesArb, fc.array(mutation, { minLength: 1, maxLength: 4 }), cutsArb, (frames, mutations, cuts) => {
      const bytes = [...Buffer.concat(frames.map((f) => encodeFrame(f.seq, f.body)))];
      for (const m of mutations) {
        const i = Math.min(bytes.length - 1, Math.floor(m.at * bytes.length));
        if (m.op === 'flip') bytes[i] = bytes[i]! ^ (1 << (m.byte & 7));
        else if (m.op === 'set') bytes[i] = m.byte;
        else if (m.op === 'drop') bytes.splice(i, 1);
        else bytes.splice(i, 0, m.byte);
      }
      const sent = new Set(frames.map((f) => `${f.seq}:${f.body}`));
      const d = new FrameDecoder();
      for (const chunk of cut(Buffer.from(bytes), cuts)) {
        for (const item of d.push(chunk)) {
          if (item.kind === 'frame') expect(sent.has(`${item.seq}:${item.body}`)).toBe(true);
        }
        expect(d.pending).toBeLessThan(frameSize(d.maxBody));
      }
    }), { numRuns: RUNS.mutation });
  });

  it('keeps its buffer bounded on adversarial bytes', () => {
    // Bytes biased towards delimiters and header characters, so that frames actually start.
    const byte = fc.oneof(fc.constantFrom(STX, ETX, ACK, NAK, 0x31, 0x30, 0x34, 0x3f), fc.integer({ min: 0, max: 255 }));
    fc.assert(fc.property(fc.array(fc.array(byte, { maxLength: 120 }), { maxLength: 6 }), (chunks) => {
      const d = new FrameDecoder({ maxBody: 32 });
      for (const c of chunks) {
        d.push(Uint8Array.from(c));
        expect(d.pending).toBeLessThan(frameSize(32));
      }
    }), { numRuns: RUNS.bounded });
  });

  it('rejects a declared length above the cap at the header, before reading the body', () => {
    const d = new FrameDecoder({ maxBody: 16 });
    const out = d.push(Buffer.from('\x021050011', 'latin1'));
    expect(out).toEqual([{ kind: 'bad', reason: 'length', seq: 5 }]);
    expect(d.pending).toBe(0);
  });

  it('reports a bad CRC with the sequence number so the sender can be NAKed', () => {
    const f = encodeMessage(7, { type: 'ping' });
    f[f.length - 1] = f[f.length - 1] === 0x30 ? 0x31 : 0x30;
    expect(new FrameDecoder().push(f)).toEqual([{ kind: 'bad', reason: 'crc', seq: 7 }]);
  });

  it('drops a partial frame after the inter-byte timeout and decodes the next one', () => {
    const d = new FrameDecoder({ interByteTimeoutMs: 500 });
    const f = encodeFrame(3, '{"a":1}');
    expect(d.push(f.subarray(0, 10), 1000)).toEqual([]);
    expect(d.expire(1400)).toBeNull();
    expect(d.push(f.subarray(10), 1400)).toEqual([{ kind: 'frame', seq: 3, body: '{"a":1}' }]);
    expect(d.push(f.subarray(0, 10), 2000)).toEqual([]);
    expect(d.expire(2501)).toEqual({ kind: 'bad', reason: 'timeout', seq: 3 });
    expect(d.pending).toBe(0);
    // The tail of the expired frame is then line noise; the next frame still decodes.
    expect(d.push(Buffer.concat([f.subarray(10), f]), 2600)).toEqual([{ kind: 'frame', seq: 3, body: '{"a":1}' }]);
  });

  it('decodes UTF-8 bodies split inside a multi-byte character', () => {
    const body = JSON.stringify({ display: '処理中エラー', brand: '楽天Edy' });
    const f = encodeFrame(9, body);
    const d = new FrameDecoder();
    const out = [...f].flatMap((b) => d.push(Uint8Array.of(b)));
    expect(out).toEqual([{ kind: 'frame', seq: 9, body }]);
  });
});
