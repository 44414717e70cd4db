// ECR-link v1 link layer over any Duplex (node:net socket, serialport, in-memory pair).
// Stop-and-wait with one unacknowledged frame per direction, resend on NAK or ACK timeout,
// duplicate SEQ re-ACKed and dropped, heartbeat so a silent serial line is noticed (docs/ecr-link.md).
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { FrameDecoder, encodeAck, encodeMessage, encodeNak, type Decoded } from './codec.ts';

export interface LinkTimings {
  /** Wait for an ACK before resending (ZVT T2 / POSLink). Default 1500 ms. */
  ackTimeoutMs: number;
  /** Transmissions of one frame before the link is declared down. Default 3. */
  maxTries: number;
  /** Idle time after which a ping frame is sent; its ACK proves the line alive. Default 5000 ms; 0 disables. */
  heartbeatMs: number;
  /** A partial frame is dropped after this long without bytes (ZVT T1). Default 500 ms. */
  interByteTimeoutMs: number;
}
export const DEFAULT_TIMINGS: LinkTimings = { ackTimeoutMs: 1500, maxTries: 3, heartbeatMs: 5000, interByteTimeoutMs: 500 };

export interface LinkOptions extends Partial<LinkTimings> {
  /** The heartbeat message; default the ECR-link ping `{v: 1, type: 'ping', id: 'hb', body: {}}`. */
  ping?: () => unknown;
  /** Diagnostics sink (English, structured). */
  log?: (event: string, detail?: Record<string, unknown>) => void;
}

/** The link went down (tries exhausted or the stream closed) before the frame was acknowledged. */
export class LinkDownError extends Error {
  readonly code = 'LINK_DOWN';
  constructor(message = 'ECR link is down') { super(message); this.name = 'LinkDownError'; }
}

/** connecting: the sync ping is not yet ACKed; down: pings fail but the stream is open (serial). */
export type LinkState = 'connecting' | 'up' | 'down' | 'closed';

type LinkEvents = {
  message: [message: unknown];
  up: [];
  down: [reason: Error];
  closed: [];
  /** The peer restarted or recovered its link (a new SEQ 00 sync after other frames): frames may have been lost. */
  reset: [];
  /** A frame with a valid CRC whose body is not JSON (a peer bug, logged and dropped). */
  invalid: [body: string];
};

interface Outgoing { message: unknown; seq: number; bytes: Buffer | null; tries: number;
  resolve: () => void; reject: (e: Error) => void }

export interface LinkStats { framesSent: number; resent: number; framesReceived: number; duplicates: number; naksSent: number; bad: number }

export class Link extends EventEmitter<LinkEvents> {
  readonly timings: LinkTimings;
  readonly stats: LinkStats = { framesSent: 0, resent: 0, framesReceived: 0, duplicates: 0, naksSent: 0, bad: 0 };
  private linkState: LinkState = 'connecting';
  private readonly stream: Duplex;
  private readonly decoder: FrameDecoder;
  private readonly ping: () => unknown;
  private readonly log: NonNullable<LinkOptions['log']>;
  private readonly queue: Outgoing[] = [];
  private nextSeq = 0; // SEQ 00 only for sync pings (start, recovery); otherwise 01..FF wrapping to 01
  private lastDelivered: number | null = null;
  private lastSync: string | null = null; // body of the last SEQ 00 frame, to tell a resend from a new sync
  private ackTimer: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private byteTimer: NodeJS.Timeout | undefined;
  private readonly onDataBound = (chunk: Buffer) => this.onData(chunk);
  private readonly onErrorBound = (err: Error) => this.shutdown(err);
  private readonly onEndBound = () => this.shutdown(new LinkDownError('peer closed the stream'));
  private readonly onCloseBound = () => this.shutdown(new LinkDownError('stream closed'));

  /** Starts at once: a sync ping (SEQ 00) goes out, and its ACK brings the link up. */
  constructor(stream: Duplex, options: LinkOptions = {}) {
    super();
    this.stream = stream;
    this.timings = {
      ackTimeoutMs: options.ackTimeoutMs ?? DEFAULT_TIMINGS.ackTimeoutMs,
      maxTries: options.maxTries ?? DEFAULT_TIMINGS.maxTries,
      heartbeatMs: options.heartbeatMs ?? DEFAULT_TIMINGS.heartbeatMs,
      interByteTimeoutMs: options.interByteTimeoutMs ?? DEFAULT_TIMINGS.interByteTimeoutMs,
    };
    this.decoder = new FrameDecoder({ interByteTimeoutMs: this.timings.interByteTimeoutMs });
    this.ping = options.ping ?? (() => ({ v: 1, type: 'ping', id: 'hb', body: {} }));
    this.log = options.log ?? (() => {});
    stream.on('data', this.onDataBound);
    stream.on('error', this.onErrorBound);
    stream.on('end', this.onEndBound);
    stream.on('close', this.onCloseBound);
    if (stream.destroyed) queueMicrotask(() => this.shutdown(new LinkDownError('stream closed')));
    else this.sync();
  }

  get state(): LinkState { return this.linkState; }

  /** Sends one message; resolves when the peer has ACKed it, rejects with LinkDownError. */
  send(message: unknown): Promise<void> {
    if (this.linkState === 'down' || this.linkState === 'closed') return Promise.reject(new LinkDownError());
    return this.enqueue(message);
  }

  /** Closes the stream; pending sends reject. */
  close(): void { this.shutdown(new LinkDownError('link closed')); }

  /**
   * Stops using the stream without closing it, so that a new Link can take the same serial
   * line (a terminal restart on a port that stays open). Pending sends reject.
   */
  release(): void {
    this.stream.off('data', this.onDataBound);
    this.stream.off('error', this.onErrorBound);
    this.stream.off('end', this.onEndBound);
    this.stream.off('close', this.onCloseBound);
    this.shutdown(new LinkDownError('link released'), false);
  }

  /**
   * A sync ping: SEQ 00 and a fresh nonce. Sent at start and by every probe after the link went
   * down, so the peer learns that frames may have been lost in between (its 'reset' event).
   */
  private sync(): void {
    const ping = this.ping();
    const message = ping && typeof ping === 'object' ? { ...ping, id: `sync-${randomUUID().slice(0, 8)}` } : ping;
    this.nextSeq = 0;
    this.enqueue(message).catch(() => {}); // its failure shows as 'down'
  }

  private enqueue(message: unknown): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ message, seq: -1, bytes: null, tries: 0, resolve, reject });
      if (this.queue.length === 1) this.transmit();
    });
  }

  private transmit(): void {
    const head = this.queue[0];
    if (!head || this.linkState === 'closed') return;
    clearTimeout(this.idleTimer);
    if (!head.bytes) {
      head.seq = this.nextSeq;
      this.nextSeq = this.nextSeq >= 255 ? 1 : this.nextSeq + 1;
      head.bytes = encodeMessage(head.seq, head.message);
    } else this.stats.resent++;
    head.tries++;
    this.stats.framesSent++;
    this.write(head.bytes);
    clearTimeout(this.ackTimer);
    this.ackTimer = setTimeout(() => this.retry('ack timeout'), this.timings.ackTimeoutMs);
  }

  private retry(why: string): void {
    const head = this.queue[0];
    if (!head) return;
    if (head.tries < this.timings.maxTries) {
      this.log('resend', { seq: head.seq, why, tries: head.tries });
      this.transmit();
      return;
    }
    clearTimeout(this.ackTimer);
    this.log('tries exhausted', { seq: head.seq, why });
    if (this.linkState === 'down') { // a probe ping failed again: stay down, keep probing
      this.queue.shift()!.reject(new LinkDownError());
      this.armIdle();
      return;
    }
    this.linkState = 'down';
    const err = new LinkDownError(`no ACK after ${head.tries} tries (${why})`);
    for (const item of this.queue.splice(0)) item.reject(err);
    this.emit('down', err);
    this.armIdle();
  }

  private onAck(seq: number): void {
    const head = this.queue[0];
    if (!head || head.seq !== seq || !head.bytes) return; // late or stray ACK
    clearTimeout(this.ackTimer);
    this.queue.shift();
    head.resolve();
    if (this.linkState !== 'up' && this.linkState !== 'closed') {
      this.linkState = 'up';
      this.emit('up');
    }
    if (this.queue.length > 0) this.transmit();
    else this.armIdle();
  }

  private armIdle(): void {
    clearTimeout(this.idleTimer);
    if (this.timings.heartbeatMs <= 0 || this.linkState === 'closed') return;
    this.idleTimer = setTimeout(() => {
      if (this.queue.length > 0) return;
      if (this.linkState === 'down') this.sync();
      else this.enqueue(this.ping()).catch(() => {});
    }, this.timings.heartbeatMs);
  }

  private onData(chunk: Buffer): void {
    for (const item of this.decoder.push(chunk)) this.handle(item);
    clearTimeout(this.byteTimer);
    if (this.decoder.pending > 0) {
      this.byteTimer = setTimeout(() => {
        // Timer re-armed on every chunk, so firing means no byte for interByteTimeoutMs.
        const dropped = this.decoder.expire(Number.POSITIVE_INFINITY);
        if (dropped) this.handle(dropped);
      }, this.timings.interByteTimeoutMs);
    }
  }

  private handle(item: Decoded): void {
    switch (item.kind) {
      case 'ack': this.onAck(item.seq); return;
      case 'nak': {
        const head = this.queue[0];
        if (head?.bytes && (item.seq === null || item.seq === head.seq)) this.retry('NAK');
        return;
      }
      case 'bad':
        this.stats.bad++;
        this.stats.naksSent++;
        this.log('bad frame', { reason: item.reason, seq: item.seq });
        this.write(encodeNak(item.reason === 'crc' ? item.seq : null));
        return;
      case 'frame': this.onFrame(item.seq, item.body);
    }
  }

  private onFrame(seq: number, body: string): void {
    const duplicate = seq === 0 ? body === this.lastSync : seq === this.lastDelivered;
    if (duplicate) { // our ACK was lost: the peer resent
      this.stats.duplicates++;
      this.write(encodeAck(seq));
      return;
    }
    // A new sync after other frames: the peer restarted, or recovered from 'down' and may have lost frames.
    const peerReset = seq === 0 && this.lastDelivered !== null;
    if (seq === 0) this.lastSync = body;
    this.lastDelivered = seq;
    this.stats.framesReceived++;
    if (peerReset) {
      // ACK the sync before anything else: the peer is 'down' until then and could not answer
      // what our 'reset' listeners send (a new hello).
      this.write(encodeAck(seq));
      this.emit('reset');
    }
    let message: unknown;
    try {
      message = JSON.parse(body);
    } catch {
      this.emit('invalid', body);
      this.write(encodeAck(seq));
      return;
    }
    // Deliver, then ACK: the ACK says the receiver has taken the frame. A handler that
    // destroys the stream (fault injection) thereby suppresses the ACK.
    try {
      this.emit('message', message);
    } catch (err) {
      this.log('message handler threw', { error: String(err) });
    }
    if (!peerReset) this.write(encodeAck(seq));
  }

  private write(bytes: Buffer): void {
    if (this.stream.destroyed || !this.stream.writable) return;
    this.stream.write(bytes);
  }

  private shutdown(reason: Error, destroyStream = true): void {
    if (this.linkState === 'closed') return;
    const wasLive = this.linkState !== 'down';
    this.linkState = 'closed';
    clearTimeout(this.ackTimer);
    clearTimeout(this.idleTimer);
    clearTimeout(this.byteTimer);
    const err = reason instanceof LinkDownError ? reason : new LinkDownError(`stream error: ${reason.message}`);
    for (const item of this.queue.splice(0)) item.reject(err);
    if (destroyStream && !this.stream.destroyed) this.stream.destroy();
    if (wasLive) this.emit('down', err);
    this.emit('closed');
  }
}
