// The register's driver for the payment terminal over ECR-link v1 (docs/ecr-link.md).
// The driver keeps no payment state of its own: exactly-once belongs to the register's payment
// intents, which recover unknown outcomes with status(ref).
import { EventEmitter, once } from 'node:events';
import type { Duplex } from 'node:stream';
import { Link, LinkDownError, type LinkTimings } from './link.ts';
import { Flow, type FlowHandlers, type PaymentFlow } from './flow.ts';
import {
  PROTOCOL_VERSION, makeMessage, parseMessage, type BodyOf, type ErrorCode, type Message, type MessageType,
  type Method, type Receipts, type TxResult,
} from './messages.ts';
import type { Transport } from './transports.ts';

export type HelloInfo = BodyOf<'hello.ok'>;
export type StatusInfo = BodyOf<'status.ok'>;
export type TerminalState = BodyOf<'pong'>;
export type JournalInfo = BodyOf<'journal.ok'>;
export interface SaleRequest { ref: string; amount: number; method: Method; slip: { no: string; part: number } }
export interface RefundRequest { ref: string; originalRef: string }

/** The terminal refused a request; `display` is the Japanese text for staff. */
export class TerminalError extends Error {
  readonly code: ErrorCode;
  readonly display: string;
  readonly ref: string | undefined;
  readonly currentRef: string | undefined;
  constructor(body: BodyOf<'error'>) {
    super(`terminal error ${body.code}: ${body.message}`);
    this.name = 'TerminalError';
    this.code = body.code;
    this.display = body.display;
    this.ref = body.ref;
    this.currentRef = body.currentRef;
  }
}
/** The link dropped while a request or transaction was open: its outcome is unknown; ask status(ref). */
export class LinkLostError extends Error {
  readonly code = 'LINK_LOST';
  readonly ref: string | undefined;
  constructor(ref?: string, cause?: Error) {
    super(`link lost${ref ? ` during ${ref}` : ''}${cause ? `: ${cause.message}` : ''}`);
    this.name = 'LinkLostError';
    this.ref = ref;
  }
}
/** Not connected: nothing was sent, so the outcome is known (nothing happened). */
export class NotConnectedError extends Error {
  readonly code = 'NOT_CONNECTED';
  constructor() { super('not connected to the terminal'); this.name = 'NotConnectedError'; }
}
export class TimeoutError extends Error {
  readonly code = 'TIMEOUT';
  constructor(what: string) { super(`no answer to ${what}`); this.name = 'TimeoutError'; }
}

export interface DriverOptions {
  /** Sent in hello; the terminal serves one register (U1). */
  registerId?: string;
  /** Refuse a terminal with another serial number (one terminal per register). */
  expectSerial?: string;
  /** Link timings; defaults per docs/ecr-link.md (1.5 s ACK, 3 tries, 5 s heartbeat). */
  link?: Partial<LinkTimings>;
  /** How long to wait for the answer to a request (not for the guest). Default 5000 ms. */
  requestTimeoutMs?: number;
  log?: (event: string, detail?: Record<string, unknown>) => void;
}

type DriverEvents = {
  /** Link up and hello answered; again after the link recovers or the terminal restarts. */
  up: [info: HelloInfo];
  down: [reason: Error];
  /** A result outside an open flow (resent after a reconnect): apply by ref, idempotently. */
  result: [result: TxResult];
  /** Battery and busy state from the heartbeat. */
  state: [state: TerminalState];
};

interface Pending { reply: MessageType; resolve: (body: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout; ref?: string }

export class EcrDriver extends EventEmitter<DriverEvents> {
  private readonly opts: Required<Omit<DriverOptions, 'expectSerial'>> & { expectSerial?: string };
  private link: Link | null = null;
  private stream: Duplex | null = null;
  private hello: HelloInfo | null = null;
  private readonly pending = new Map<string, Pending>();
  private readonly flows = new Map<string, Flow>();
  private seq = 0;

  constructor(options: DriverOptions = {}) {
    super();
    this.opts = { registerId: 'register-1', link: {}, requestTimeoutMs: 5000, log: () => {}, ...options };
  }

  /** The terminal's last hello.ok, or null while not connected. */
  get info(): HelloInfo | null { return this.hello; }
  get connected(): boolean { return this.link?.state === 'up' && this.hello !== null; }

  /** Opens the transport (closing any previous link), waits for the link, says hello. */
  async connect(transport: Transport): Promise<HelloInfo> {
    await this.close();
    const stream = await transport.open();
    this.stream = stream;
    const link = new Link(stream, { ...this.opts.link, log: (e, d) => this.opts.log(`link ${e}`, { ...d, transport: transport.label }) });
    this.link = link;
    link.on('message', (m) => this.onMessage(m));
    link.on('down', (err) => this.onDown(err));
    try {
      await new Promise<void>((resolve, reject) => {
        link.once('up', resolve);
        link.once('down', (err) => reject(new LinkLostError(undefined, err)));
      });
    } catch (err) {
      await this.close(); // no terminal answered: release the port instead of probing on
      throw err;
    }
    // A serial link that recovers, or a terminal that restarts on the same line, gets a new hello:
    // the terminal then resends results the register has not acknowledged.
    link.on('up', () => void this.helloAgain(link));
    link.on('reset', () => { // frames may have been lost: same as a drop, then hello again
      this.onDown(new LinkDownError('terminal link reset'));
      void this.helloAgain(link);
    });
    return this.sayHello();
  }

  /** Till open (開局): refused with BATTERY_LOW at ≤10% or BUSY (U1, U11). */
  openSession(): Promise<BodyOf<'session.ok'>> { return this.request('session.open', {}, 'session.ok'); }

  /** Starts a payment; the terminal never starts a second one for a ref it has seen. */
  sale(req: SaleRequest, handlers: FlowHandlers = {}): PaymentFlow {
    return this.start('sale', { ref: req.ref, amount: req.amount, method: req.method, slip: req.slip }, handlers);
  }
  /** Same-day cancellation (取消) of `originalRef`; EXPIRED from the next business day (use refund). */
  void(req: RefundRequest, handlers: FlowHandlers = {}): PaymentFlow { return this.start('void', req, handlers); }
  /** Refund of `originalRef`: the terminal makes it a void (same day) or a return (later), per U9. */
  refund(req: RefundRequest, handlers: FlowHandlers = {}): PaymentFlow { return this.start('refund', req, handlers); }

  /** Asks the terminal to cancel `ref` (the register's 切断する): 'tooLate' once authorising. */
  async cancel(ref: string): Promise<'cancelled' | 'tooLate'> {
    return (await this.request('cancel', { ref }, 'cancel.ok')).outcome;
  }
  /** The terminal's record of `ref`: notFound, inProgress (with step) or completed (result + acquirer status, U12). */
  status(ref: string): Promise<StatusInfo> { return this.request('status', { ref }, 'status.ok'); }
  /** Receipt copies again, marked (再); NO_RECEIPT for QR (U7). */
  async reprint(ref: string): Promise<Receipts> { return (await this.request('reprint', { ref }, 'reprint.ok')).receipts; }
  /** The terminal's journal of one business day (default: its today), for reconciliation. */
  journal(date?: string): Promise<JournalInfo> { return this.request('journal', date ? { date } : {}, 'journal.ok'); }

  /** Closes the link and waits until the transport is released (a serial port is unlocked). */
  async close(): Promise<void> {
    const stream = this.stream;
    this.link?.close();
    this.link = null;
    this.stream = null;
    if (stream && !stream.closed) await once(stream, 'close').catch(() => {});
  }

  private async sayHello(): Promise<HelloInfo> {
    const info = await this.request('hello', { protocol: PROTOCOL_VERSION, registerId: this.opts.registerId }, 'hello.ok');
    if (this.opts.expectSerial && info.terminalSerial !== this.opts.expectSerial) {
      this.link?.close();
      throw new Error(`terminal ${info.terminalSerial} is not the paired ${this.opts.expectSerial}`);
    }
    this.hello = info;
    this.emit('up', info);
    return info;
  }

  /** Hello after a recovery, retried while the link stays up (its answer can be lost like any frame). */
  private async helloAgain(link: Link): Promise<void> {
    for (let attempt = 1; attempt <= 3 && this.link === link && link.state === 'up'; attempt++) {
      try { await this.sayHello(); return; } catch (err) { this.opts.log('hello failed', { attempt, error: String(err) }); }
    }
  }

  private start(type: 'sale' | 'void' | 'refund', body: BodyOf<'sale'> | RefundRequest, handlers: FlowHandlers): PaymentFlow {
    const ref = body.ref;
    const flow = new Flow(ref, handlers, () => this.cancel(ref));
    if (this.flows.get(ref) && !this.flows.get(ref)!.done) {
      flow.reject(new Error(`a flow for ${ref} is already open`));
      return flow;
    }
    this.flows.set(ref, flow);
    this.request(type, body as never, 'accepted', ref).then(
      () => flow.push({ type: 'accepted', ref }),
      (err: Error) => { flow.reject(err); this.flows.delete(ref); },
    );
    return flow;
  }

  private request<R extends MessageType>(type: MessageType, body: BodyOf<MessageType>, reply: R, ref?: string): Promise<BodyOf<R>> {
    const link = this.link;
    if (!link || link.state === 'closed' || link.state === 'down') return Promise.reject(new NotConnectedError());
    const id = `p${++this.seq}`;
    const message = makeMessage(type, id, body as never);
    const valid = parseMessage(message); // refuse locally what the terminal would refuse as INVALID
    if (!valid.ok) return Promise.reject(new TypeError(`invalid ${type} request: ${valid.detail}`));
    return new Promise<BodyOf<R>>((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(id); reject(new TimeoutError(`${type} ${id}`)); }, this.opts.requestTimeoutMs);
      this.pending.set(id, { reply, resolve: resolve as (b: unknown) => void, reject, timer, ref });
      link.send(message).catch((err: Error) => {
        if (!this.pending.delete(id)) return;
        clearTimeout(timer);
        reject(err instanceof LinkDownError ? new LinkLostError(ref, err) : err);
      });
    });
  }

  private onMessage(raw: unknown): void {
    const parsed = parseMessage(raw);
    if (!parsed.ok) { this.opts.log('invalid message from terminal', { code: parsed.code, detail: parsed.detail }); return; }
    const m = parsed.message;
    if (m.re !== undefined && this.answer(m)) return;
    const ref = (m.body as { ref?: string }).ref;
    const flow = ref === undefined ? undefined : this.flows.get(ref);
    switch (m.type) {
      case 'ping': return; // the link has ACKed it: that is the answer
      case 'pong': this.emit('state', m.body); return;
      case 'progress': flow?.push({ type: 'progress', ...m.body }); return;
      case 'prompt': if (flow) this.onPrompt(flow, m.body).catch((err: unknown) => this.opts.log('prompt handler failed', { error: String(err) })); return;
      case 'prompt.closed': flow?.push({ type: 'promptClosed', ...m.body }); return;
      case 'result':
        // Acknowledge after handing the result on; until then the terminal resends it.
        if (flow && !flow.done) { this.flows.delete(m.body.ref); flow.resolve(m.body); } else this.emit('result', m.body);
        this.link?.send(makeMessage('result.ack', `p${++this.seq}`, { ref: m.body.ref })).catch(() => {});
        return;
      case 'error': if (flow) { this.flows.delete(flow.ref); flow.reject(new TerminalError(m.body)); } return;
      default: this.opts.log('unexpected message', { type: m.type });
    }
  }

  /** Settles the request `m` answers; false when no request is waiting for it. */
  private answer(m: Message): boolean {
    const p = this.pending.get(m.re!);
    if (!p) return false;
    this.pending.delete(m.re!);
    clearTimeout(p.timer);
    if (m.type === 'error') p.reject(new TerminalError(m.body));
    else if (m.type === p.reply) p.resolve(m.body);
    else p.reject(new Error(`expected ${p.reply}, got ${m.type}`));
    return true;
  }

  private async onPrompt(flow: Flow, prompt: BodyOf<'prompt'>): Promise<void> {
    flow.push({ type: 'prompt', ...prompt });
    const answer = await flow.handlers.onPrompt?.(prompt);
    if (answer && !flow.done) {
      await this.link?.send(makeMessage('prompt.reply', `p${++this.seq}`, { ref: prompt.ref, promptId: prompt.promptId, answer })).catch(() => {});
    }
  }

  private onDown(err: Error): void {
    this.hello = null;
    for (const [id, p] of this.pending) { clearTimeout(p.timer); p.reject(new LinkLostError(p.ref, err)); this.pending.delete(id); }
    for (const [ref, f] of this.flows) { f.reject(new LinkLostError(ref, err)); this.flows.delete(ref); }
    this.emit('down', err);
  }
}
