// Link layer in memory: two Links over duplex pairs joined by a controllable "wire", with fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { duplexPair } from 'node:stream';
import { Link, LinkDownError } from './link.ts';
import { ACK, STX, encodeFrame } from './codec.ts';

type Tap = (chunk: Buffer) => Buffer | null;
/** A: Link A's stream, B: Link B's stream; taps may drop (null) or alter what crosses the wire. */
function wire() {
  const [a, aEnd] = duplexPair();
  const [b, bEnd] = duplexPair();
  const ctl = { aToB: ((c) => c) as Tap, bToA: ((c) => c) as Tap, cut: false, log: [] as string[] };
  aEnd.on('data', (c: Buffer) => { ctl.log.push(`A>${c[0]}`); const o = ctl.cut ? null : ctl.aToB(c); if (o) bEnd.write(o); });
  bEnd.on('data', (c: Buffer) => { ctl.log.push(`B>${c[0]}`); const o = ctl.cut ? null : ctl.bToA(c); if (o) aEnd.write(o); });
  return { a, b, aEnd, bEnd, ctl };
}
const fast = { ackTimeoutMs: 100, maxTries: 3, heartbeatMs: 1000, interByteTimeoutMs: 50 };
function collect(link: Link): unknown[] {
  const got: unknown[] = [];
  link.on('message', (m) => { if ((m as { type?: string }).type !== 'ping') got.push(m); });
  return got;
}
const tick = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('link', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('comes up on the sync ping and delivers messages in order, once', async () => {
    const w = wire();
    const A = new Link(w.a, fast), B = new Link(w.b, fast);
    const got = collect(B);
    const sends = [1, 2, 3].map((n) => A.send({ n }));
    await tick(1);
    await Promise.all(sends);
    expect(A.state).toBe('up');
    expect(B.state).toBe('up');
    expect(got).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    A.close();
  });

  it('resends after a NAK for a corrupted frame', async () => {
    const w = wire();
    const A = new Link(w.a, fast), B = new Link(w.b, fast);
    const got = collect(B);
    await tick(1);
    let corrupted = 0;
    w.ctl.aToB = (c) => {
      if (c[0] === STX && corrupted === 0) { corrupted++; const x = Buffer.from(c); x[12] = x[12]! ^ 1; return x; }
      return c;
    };
    await Promise.all([A.send({ n: 1 }), tick(1)]);
    expect(got).toEqual([{ n: 1 }]);
    expect(B.stats.naksSent).toBe(1);
    expect(A.stats.resent).toBe(1);
    A.close();
  });

  it('resends after an ACK timeout when the frame is lost', async () => {
    const w = wire();
    const A = new Link(w.a, fast), B = new Link(w.b, fast);
    const got = collect(B);
    await tick(1);
    let dropped = false;
    w.ctl.aToB = (c) => (c[0] === STX && !dropped ? ((dropped = true), null) : c);
    const sent = A.send({ n: 1 });
    await tick(99);
    expect(got).toEqual([]);
    await tick(2);
    await sent;
    expect(got).toEqual([{ n: 1 }]);
    A.close();
  });

  it('re-ACKs and drops a duplicate when the ACK was lost', async () => {
    const w = wire();
    const A = new Link(w.a, fast), B = new Link(w.b, fast);
    const got = collect(B);
    await tick(1);
    let droppedAck = false;
    w.ctl.bToA = (c) => (c[0] === ACK && !droppedAck ? ((droppedAck = true), null) : c);
    await Promise.all([A.send({ n: 1 }), tick(150)]);
    expect(got).toEqual([{ n: 1 }]);
    expect(B.stats.duplicates).toBe(1);
    A.close();
  });

  it('notices a silent dead line within heartbeat + tries × ACK timeout, and recovers', async () => {
    const w = wire();
    const A = new Link(w.a, fast), B = new Link(w.b, fast);
    await tick(1);
    const downs: string[] = [];
    A.on('down', () => downs.push('A'));
    B.on('down', () => downs.push('B'));
    w.ctl.cut = true; // a pulled cable on a serial line: no close, no bytes
    await tick(fast.heartbeatMs);
    expect(downs).toEqual([]); // the heartbeat pings have just gone out
    await tick(fast.maxTries * fast.ackTimeoutMs + 1);
    expect(downs.sort()).toEqual(['A', 'B']);
    await expect(A.send({ n: 1 })).rejects.toBeInstanceOf(LinkDownError);
    const ups: string[] = [];
    const resets: string[] = [];
    A.on('up', () => ups.push('A'));
    B.on('reset', () => resets.push('B'));
    w.ctl.cut = false;
    await tick(fast.heartbeatMs + fast.ackTimeoutMs);
    expect(ups).toEqual(['A']);
    expect(A.state).toBe('up');
    // A's probe was a new SEQ 00 sync: B learns that frames may have been lost meanwhile.
    expect(resets).toEqual(['B']);
    A.close();
  });

  it('goes down after a NAK storm and rejects the pending send', async () => {
    const w = wire();
    const A = new Link(w.a, fast), B = new Link(w.b, fast);
    await tick(1);
    w.ctl.aToB = (c) => { if (c[0] !== STX) return c; const x = Buffer.from(c); x[x.length - 1] = x[x.length - 1] === 0x30 ? 0x31 : 0x30; return x; };
    const sent = A.send({ n: 1 }).catch((e: unknown) => e);
    await tick(1);
    expect(await sent).toBeInstanceOf(LinkDownError);
    expect(A.state).toBe('down');
    expect(B.stats.naksSent).toBe(3);
    A.close();
  });

  it('rejects pending sends when the stream closes', async () => {
    const w = wire();
    const A = new Link(w.a, fast);
    new Link(w.b, fast);
    await tick(1);
    w.ctl.cut = true;
    const sent = A.send({ n: 1 }).catch((e: unknown) => e);
    w.aEnd.end(); // the peer closes its end, as a TCP FIN does
    await tick(1);
    expect(await sent).toBeInstanceOf(LinkDownError);
    expect(A.state).toBe('closed');
  });

  it('drops a partial frame after the inter-byte timeout, NAKs it, and still takes the resend', async () => {
    const w = wire();
    const A = new Link(w.a, fast), B = new Link(w.b, fast);
    const got = collect(B);
    await tick(1);
    let halved = false;
    w.ctl.aToB = (c) => (c[0] === STX && !halved ? ((halved = true), c.subarray(0, 10)) : c);
    const sent = A.send({ n: 1 });
    await tick(fast.interByteTimeoutMs + 1);
    expect(B.stats.naksSent).toBe(1); // NAK "??" makes A resend before its own ACK timeout
    await sent;
    expect(got).toEqual([{ n: 1 }]);
    A.close();
  });

  it('skips garbage on the line and reports a restarted peer', async () => {
    const w = wire();
    const A = new Link(w.a, fast);
    let B = new Link(w.b, fast);
    await tick(1);
    w.bEnd.write(Buffer.from('noise\x02junk\x06Z'));
    const got = collect(B);
    await Promise.all([A.send({ n: 1 }), B.send({ n: 'b' }), tick(1)]);
    expect(got).toEqual([{ n: 1 }]);
    const resets: number[] = [];
    A.on('reset', () => resets.push(1));
    B.release();
    // The peer process restarts on the same line: its new link opens with a SEQ 00 sync.
    B = new Link(w.b, fast);
    await tick(1);
    expect(resets).toEqual([1]);
    const got2 = collect(B);
    await Promise.all([A.send({ n: 2 }), tick(1)]);
    expect(got2).toEqual([{ n: 2 }]);
    A.close();
  });

  it('keeps order and exactly-once delivery under random loss in both directions', async () => {
    const w = wire();
    const A = new Link(w.a, { ...fast, maxTries: 10 }), B = new Link(w.b, { ...fast, maxTries: 10 });
    const got = collect(B);
    await tick(1);
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    w.ctl.aToB = (c) => (rnd() < 0.15 ? null : c);
    w.ctl.bToA = (c) => (rnd() < 0.15 ? null : c);
    const sends = Array.from({ length: 200 }, (_, n) => A.send({ n }).then(() => 'ok', (e: Error) => `${n}: ${e.message}`));
    for (let i = 0; i < 400 && got.length < 200; i++) await tick(50);
    expect((await Promise.all(sends)).filter((r) => r !== 'ok')).toEqual([]);
    expect(got).toEqual(Array.from({ length: 200 }, (_, n) => ({ n })));
    expect(A.stats.resent).toBeGreaterThan(20);
    A.close();
  });

  it('ACKs but does not deliver a valid frame whose body is not JSON', async () => {
    const w = wire();
    const B = new Link(w.b, fast);
    const invalid: string[] = [];
    const delivered: unknown[] = [];
    B.on('invalid', (b) => invalid.push(b));
    B.on('message', (m) => delivered.push(m));
    const fromB: string[] = [];
    w.bEnd.on('data', (c: Buffer) => fromB.push(c.toString('latin1')));
    w.bEnd.write(encodeFrame(5, 'not json'));
    await tick(1);
    expect(invalid).toEqual(['not json']);
    expect(delivered).toEqual([]);
    expect(fromB).toContain('\x0605');
    B.close();
  });
});
