// Fault injection between the simulated terminal and its transport: what it writes can be garbled,
// split, delayed or muted; what it reads can be muted. Protocol-step link drops are the terminal's.
import { Duplex } from 'node:stream';
import { STX } from '../../native/ecr/codec.ts';

/** Where the terminal drops the link once (docs/simulators/terminal.md). */
export const DROP_STEPS = ['beforeAck', 'afterAccepted', 'beforeResult', 'afterResult'] as const;
export type DropStep = (typeof DROP_STEPS)[number];

export interface Faults {
  /** One shot: drop the link at this protocol step of the next sale/void/refund. */
  dropLinkAt: DropStep | null;
  /** Corrupt this many of the next outgoing frames (one byte each), so the register NAKs them. */
  garbleNext: number;
  /** Write outgoing bytes in pieces of this size, one event-loop turn apart (0: whole writes). */
  splitFrames: number;
  /** Delay every outgoing write (frames and ACKs) by this much. */
  latencyMs: number;
  /** Time the acquirer takes to authorise. */
  authoriseMs: number;
  /** On a serial line, a "drop" mutes both directions for this long (there is no connection to close). */
  serialDropMs: number;
}
export const NO_FAULTS: Faults = { dropLinkAt: null, garbleNext: 0, splitFrames: 0, latencyMs: 0, authoriseMs: 10, serialDropMs: 2000 };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const turn = () => new Promise<void>((r) => setImmediate(r));

/** A Duplex in front of the real transport that applies the current faults. */
export class FaultyWire extends Duplex {
  private readonly inner: Duplex;
  private readonly faults: () => Faults;
  private mutedUntil = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(inner: Duplex, faults: () => Faults) {
    super();
    this.inner = inner;
    this.faults = faults;
    inner.on('data', (d: Buffer) => { if (!this.muted()) this.push(d); });
    inner.on('end', () => this.push(null));
    inner.on('close', () => this.destroy());
    inner.on('error', (e: Error) => this.destroy(e));
  }

  /** Silence both directions for `ms`, like a pulled serial cable. */
  mute(ms: number): void { this.mutedUntil = Date.now() + ms; }
  muted(): boolean { return Date.now() < this.mutedUntil; }

  override _read(): void {}

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    if (this.muted()) { done(); return; }
    const f = this.faults();
    let bytes = chunk;
    if (f.garbleNext > 0 && bytes[0] === STX && bytes.length > 12) {
      f.garbleNext--;
      bytes = Buffer.from(bytes);
      bytes[9] = bytes[9]! ^ 0x01; // inside the JSON body: printable stays printable, the CRC fails
    }
    if (f.latencyMs === 0 && f.splitFrames === 0) {
      this.chain = this.chain.then(() => this.out(bytes));
      done();
      return;
    }
    const { splitFrames } = f;
    const due = Date.now() + f.latencyMs; // latency, not bandwidth: each write waits from its own start
    this.chain = this.chain.then(async () => {
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      const size = splitFrames > 0 ? splitFrames : bytes.length;
      for (let i = 0; i < bytes.length; i += size) {
        this.out(bytes.subarray(i, i + size));
        if (size < bytes.length) await turn();
      }
    });
    done();
  }

  override _destroy(err: Error | null, done: (e?: Error | null) => void): void {
    if (!this.inner.destroyed) this.inner.destroy();
    done(err);
  }

  private out(bytes: Buffer): void {
    if (!this.inner.destroyed && this.inner.writable && !this.muted()) this.inner.write(bytes);
  }
}
