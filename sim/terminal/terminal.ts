// The simulated USEN PAY terminal (PAX A920 MAX) speaking ECR-link v1 as the device.
// Transports attach streams here; control.ts (TerminalSim) adds the control API and control-http.ts serves it.
import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import { Link, type LinkTimings } from '../../native/ecr/link.ts';
import {
  makeMessage, parseMessage, type BodyOf, type ErrorCode, type Message, type MessageOf, type MessageType,
  type Method, type Step, type TxResult,
} from '../../native/ecr/messages.ts';
import { FaultyWire, NO_FAULTS, type DropStep, type Faults } from './faults.ts';
import { Journal, type TxRecord } from './journal.ts';
import { DEFAULT_MERCHANT, markReprint, type Merchant } from './receipts.ts';
import { QR_REFUND_WINDOWS, businessDateOf, decideRefund, isDuplicate, type QrWindow } from './rules.ts';
import { ERROR_DISPLAY } from './texts.ts';
import { Transaction, type NextOutcome, type TxHost } from './transaction.ts';

export interface TerminalConfig {
  serial: string;
  battery: number;
  contracts: Method[];
  merchant: Merchant;
  qrRefundWindows: Record<string, QrWindow>;
  /** Link timings of the terminal's side (tests shorten them). */
  link: Partial<LinkTimings>;
  /** Auto mode: the guest acts instantly. */
  auto: boolean;
  log: (event: string, detail?: Record<string, unknown>) => void;
}
export const DEFAULT_CONFIG: TerminalConfig = {
  serial: 'A920MAX-SIM-0001', battery: 80, contracts: ['credit', 'emoney', 'qr'], merchant: DEFAULT_MERCHANT,
  qrRefundWindows: QR_REFUND_WINDOWS, link: {}, auto: false, log: () => {},
};

export interface Conn { kind: 'tcp' | 'serial'; wire: FaultyWire; link: Link }


type TerminalEvents = {
  step: [info: { ref: string; step: Step }];
  result: [result: TxResult];
  link: [info: { kind: Conn['kind']; state: string }];
};

export class Terminal extends EventEmitter<TerminalEvents> {
  readonly config: TerminalConfig;
  readonly journal = new Journal();
  faults: Faults = { ...NO_FAULTS };
  battery: number;
  auto: boolean;
  contracts: Method[];
  sessionOpen = false;
  /** U11: a transaction started on the terminal itself is running. */
  standaloneBusy = false;
  protected current: Transaction | null = null;
  protected readonly conns = new Set<Conn>();
  private active: Conn | null = null;
  private clockOffsetMs = 0;
  private nextOutcome: NextOutcome = 'approve';
  private msgSeq = 0;
  private autoSeq = 0;
  private dropOnAckOf: string | null = null;
  private restarting = false;
  protected readonly host: TxHost;

  constructor(config: Partial<TerminalConfig> = {}) {
    super();
    this.config = { ...DEFAULT_CONFIG, ...config };
    this.battery = this.config.battery;
    this.auto = this.config.auto;
    this.contracts = [...this.config.contracts];
    this.host = {
      now: () => this.now(),
      authoriseMs: () => this.faults.authoriseMs,
      takeOutcome: () => { const o = this.nextOutcome; this.nextOutcome = 'approve'; return o; },
      isDuplicate: (card) => isDuplicate(this.journal.history(), card, this.now()),
      numbers: () => this.journal.nextNumbers(),
      merchant: () => this.config.merchant,
      auto: () => (this.auto ? {
        card: { entry: 'ic', brand: 'VISA', last4: String(1000 + (this.autoSeq++ % 9000)), chip: true },
        emoneyBrand: 'iD', qrBrand: 'PayPay', memberLast4: '3028',
      } : null),
      onStep: (rec, step, display, notice) => {
        this.emit('step', { ref: rec.ref, step });
        this.post('progress', notice ? { ref: rec.ref, step, display, notice } : { ref: rec.ref, step, display });
      },
      onPrompt: (rec, promptId) => this.post('prompt', {
        ref: rec.ref, promptId, kind: 'duplicate', display: '重複決済の可能性があります。取引を続けますか？',
        options: [{ answer: 'stop', label: '取引中止' }, { answer: 'continue', label: '続ける' }],
      }),
      onPromptClosed: (rec, promptId, answer, chosenOn) => this.post('prompt.closed', { ref: rec.ref, promptId, answer, chosenOn }),
      onDone: (rec, result) => this.done(rec, result),
    };
  }

  /** The terminal's clock: real time plus the offset set through the control API. */
  now(): number { return Date.now() + this.clockOffsetMs; }
  setClock(at: number | string): void { this.clockOffsetMs = (typeof at === 'number' ? at : Date.parse(at)) - Date.now(); }
  advanceClock(ms: number): void { this.clockOffsetMs += ms; }
  /** The acquirer's answer to the next authorisation (one shot). */
  setNextOutcome(outcome: NextOutcome): void { this.nextOutcome = outcome; }
  get busy(): boolean { return this.standaloneBusy || this.current !== null; }
  get currentTransaction(): Transaction | null { return this.current; }

  /** Takes a transport stream (a TCP socket or a serial port). A new TCP connection replaces the old one. */
  attach(stream: Duplex, kind: Conn['kind']): Conn {
    if (kind === 'tcp') for (const c of this.conns) if (c.kind === 'tcp') c.wire.destroy();
    const wire = new FaultyWire(stream, () => this.faults);
    return this.linkUp(wire, kind);
  }

  private linkUp(wire: FaultyWire, kind: Conn['kind']): Conn {
    const link = new Link(wire, { ...this.config.link, log: (e, d) => this.config.log(`link ${e}`, d) });
    const conn: Conn = { kind, wire, link };
    this.conns.add(conn);
    link.on('message', (m) => this.onMessage(conn, m));
    for (const state of ['up', 'down', 'closed'] as const) link.on(state, () => this.emit('link', { kind, state }));
    link.on('closed', () => { this.conns.delete(conn); if (this.active === conn) this.active = null; });
    this.active = conn;
    return conn;
  }

  /** Drops every connection (TCP) and re-links serial lines; the journal is kept or lost. */
  restart(keepJournal: boolean): void {
    this.restarting = true;
    this.current?.abortForRestart();
    this.restarting = false;
    this.current = null;
    if (!keepJournal) this.journal.clear();
    this.sessionOpen = false;
    this.standaloneBusy = false;
    for (const c of [...this.conns]) {
      if (c.kind === 'tcp') { c.wire.destroy(); continue; }
      this.conns.delete(c);
      c.link.release();
      this.linkUp(c.wire, 'serial'); // a fresh link opens with a SEQ 00 sync
    }
  }

  close(): void {
    for (const c of [...this.conns]) c.wire.destroy();
  }

  protected send<T extends MessageType>(conn: Conn | null, type: T, body: BodyOf<T>, re?: string): Promise<void> {
    if (!conn || conn.link.state === 'closed') return Promise.resolve();
    return conn.link.send(makeMessage(type, `t${++this.msgSeq}`, body, re)).catch(() => {});
  }
  /** Unsolicited message to the register currently attached. */
  private post<T extends MessageType>(type: T, body: BodyOf<T>): Promise<void> { return this.send(this.active, type, body); }

  private fail(conn: Conn, re: string | undefined, code: ErrorCode, message: string, extra: { ref?: string; currentRef?: string; display?: string } = {}): void {
    const { display, ...refs } = extra;
    this.send(conn, 'error', { code, message, display: display ?? ERROR_DISPLAY[code] ?? '', ...refs }, re);
  }

  private dropIf(step: DropStep, conn: Conn | null): boolean {
    if (this.faults.dropLinkAt !== step || !conn) return false;
    this.faults.dropLinkAt = null;
    this.config.log('fault: dropping link', { step, kind: conn.kind });
    if (conn.kind === 'tcp') conn.wire.destroy();
    else conn.wire.mute(this.faults.serialDropMs);
    return true;
  }

  private stateBody(): BodyOf<'pong'> {
    return { battery: this.battery, busy: this.busy, currentRef: this.current?.rec.ref ?? null };
  }

  private onMessage(conn: Conn, raw: unknown): void {
    this.active = conn;
    const parsed = parseMessage(raw);
    if (!parsed.ok) { this.fail(conn, parsed.id, parsed.code, parsed.detail); return; }
    const m = parsed.message;
    this.handle(conn, m);
  }

  private handle(conn: Conn, m: Message): void {
    switch (m.type) {
      case 'ping': this.send(conn, 'pong', this.stateBody()); return;
      case 'hello':
        this.send(conn, 'hello.ok', {
          ...this.stateBody(), protocol: 1, terminalSerial: this.config.serial, model: 'PAX A920 MAX', sessionOpen: this.sessionOpen,
          contracts: this.contracts, businessDate: businessDateOf(this.now()), pendingResults: this.journal.unacked().map((r) => r.ref),
        }, m.id).then(() => { for (const r of this.journal.unacked()) this.sendResult(conn, r); });
        return;
      case 'session.open':
        if (this.battery <= 10) this.fail(conn, m.id, 'BATTERY_LOW', `battery ${this.battery}% ≤ 10%`);
        else if (this.busy) this.fail(conn, m.id, 'BUSY', 'terminal is running another transaction', this.currentRefOpt());
        else { this.sessionOpen = true; this.send(conn, 'session.ok', { battery: this.battery }, m.id); }
        return;
      case 'sale': case 'void': case 'refund': this.onStart(conn, m); return;
      case 'cancel': {
        const rec = this.journal.get(m.body.ref);
        if (!rec) { this.fail(conn, m.id, 'NOT_FOUND', 'unknown ref', { ref: m.body.ref }); return; }
        const tx = this.current?.rec.ref === m.body.ref ? this.current : null;
        const outcome = tx?.cancellable() ? 'cancelled' : 'tooLate';
        this.send(conn, 'cancel.ok', { ref: m.body.ref, outcome }, m.id);
        if (tx && outcome === 'cancelled') tx.cancel('register');
        return;
      }
      case 'prompt.reply':
        if (this.current?.rec.ref === m.body.ref && this.current.step === 'duplicateAlert') this.current.answerDuplicate(m.body.answer, 'register');
        return;
      case 'result.ack': {
        const rec = this.journal.get(m.body.ref);
        if (this.dropOnAckOf === m.body.ref) { this.dropOnAckOf = null; this.dropIf('afterResult', conn); return; }
        if (rec) rec.resultAcked = true;
        return;
      }
      case 'status': {
        const rec = this.journal.get(m.body.ref);
        const body: BodyOf<'status.ok'> = !rec ? { ref: m.body.ref, state: 'notFound' }
          : rec.state === 'inProgress' ? { ref: rec.ref, state: 'inProgress', ...(rec.step ? { step: rec.step } : {}) }
            : { ref: rec.ref, state: 'completed', result: rec.result!, acquirerStatus: rec.acquirerStatus };
        this.send(conn, 'status.ok', body, m.id);
        return;
      }
      case 'reprint': {
        const rec = this.journal.get(m.body.ref);
        if (!rec?.result) this.fail(conn, m.id, 'NOT_FOUND', 'unknown ref', { ref: m.body.ref });
        else if (!rec.result.receipts) this.fail(conn, m.id, 'NO_RECEIPT', `no receipts for ${rec.method} ${rec.result.outcome}`, rec.method === 'qr' ? { ref: rec.ref } : { ref: rec.ref, display: '控えはありません' });
        else this.send(conn, 'reprint.ok', { ref: rec.ref, receipts: markReprint(rec.result.receipts) }, m.id);
        return;
      }
      case 'journal': {
        const date = m.body.date ?? businessDateOf(this.now());
        this.send(conn, 'journal.ok', { businessDate: date, entries: this.journal.forDate(date) }, m.id);
        return;
      }
      default: this.fail(conn, m.id, 'INVALID', `${m.type} is not a request to the terminal`);
    }
  }

  private currentRefOpt(): { currentRef?: string } {
    return this.current ? { currentRef: this.current.rec.ref } : {};
  }

  /** sale, void and refund: journal the ref before `accepted`; a known ref never starts anything again. */
  private onStart(conn: Conn, m: MessageOf<'sale'> | MessageOf<'void'> | MessageOf<'refund'>): void {
    if (this.dropIf('beforeAck', conn)) return;
    const known = this.journal.get(m.body.ref);
    if (known) { this.repeat(conn, m, known); return; }
    if (!this.sessionOpen) { this.fail(conn, m.id, 'NO_SESSION', 'session.open first', { ref: m.body.ref }); return; }
    if (this.busy) { this.fail(conn, m.id, 'BUSY', 'terminal is running another transaction', { ref: m.body.ref, ...this.currentRefOpt() }); return; }
    const base = { ref: m.body.ref, state: 'inProgress' as const, startedAt: this.now(), acquirerStatus: null, resultAcked: false };
    if (m.type === 'sale') {
      const { amount, method, slip } = m.body;
      if (!this.contracts.includes(method)) { this.fail(conn, m.id, 'NOT_CONTRACTED', `${method} is not contracted`, { ref: m.body.ref }); return; }
      this.begin(conn, m.id, { ...base, kind: 'sale', method, amount, slip });
      return;
    }
    const orig = this.journal.get(m.body.originalRef);
    if (!orig?.result) { this.fail(conn, m.id, 'NOT_FOUND', 'original payment not found', { ref: m.body.ref }); return; }
    if (!this.contracts.includes(orig.method)) { this.fail(conn, m.id, 'NOT_CONTRACTED', `${orig.method} is not contracted`, { ref: m.body.ref }); return; }
    const d = decideRefund({
      method: orig.method, brand: orig.means?.brand ?? '', at: Date.parse(orig.result.at), kind: orig.kind,
      approved: orig.result.outcome === 'approved', refunded: orig.refundedBy !== undefined,
    }, this.now(), m.type === 'void', this.config.qrRefundWindows);
    if (!d.ok) { this.fail(conn, m.id, d.code, d.message, { ref: m.body.ref, display: d.display }); return; }
    this.begin(conn, m.id, { ...base, kind: d.kind, originalRef: orig.ref, method: orig.method, amount: orig.amount, slip: orig.slip }, orig);
  }

  private begin(conn: Conn, re: string, rec: TxRecord, original?: TxRecord): void {
    this.journal.add(rec);
    const tx = new Transaction(rec, this.host, original);
    this.current = tx;
    this.send(conn, 'accepted', { ref: rec.ref }, re).then(() => this.dropIf('afterAccepted', conn));
    tx.start();
  }

  private repeat(conn: Conn, m: MessageOf<'sale'> | MessageOf<'void'> | MessageOf<'refund'>, known: TxRecord): void {
    const same = m.type === 'sale'
      ? known.kind === 'sale' && known.amount === m.body.amount && known.method === m.body.method
      : known.originalRef === m.body.originalRef;
    if (!same) { this.fail(conn, m.id, 'REF_CONFLICT', 'ref already used for another request', { ref: known.ref }); return; }
    this.send(conn, 'accepted', { ref: known.ref }, m.id);
    if (known.state === 'completed') { known.resultAcked = false; this.sendResult(conn, known); }
    else if (known.step) this.send(conn, 'progress', { ref: known.ref, step: known.step, display: '決済処理中' });
  }

  private done(rec: TxRecord, result: TxResult): void {
    if (this.current?.rec === rec) this.current = null;
    this.emit('result', result);
    if (this.restarting || this.dropIf('beforeResult', this.active)) return; // stays unacked: resent after hello
    this.sendResult(this.active, rec);
  }

  private sendResult(conn: Conn | null, rec: TxRecord): void {
    if (this.faults.dropLinkAt === 'afterResult') this.dropOnAckOf = rec.ref;
    this.send(conn, 'result', rec.result!);
  }
}
