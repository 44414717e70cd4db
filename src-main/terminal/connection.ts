// The one USEN PAY terminal of this register (U1, manual 6-1): the ECR driver over TCP or serial,
// its connection state for staff, and bounded reconnection after a lost link.
import { EventEmitter } from 'node:events';
import { EcrDriver, TimeoutError, type HelloInfo, type TerminalState } from '../../native/ecr/driver.ts';
import type { LinkTimings } from '../../native/ecr/link.ts';
import { serialTransport, tcpTransport, type Transport } from '../../native/ecr/transports.ts';
import type { TerminalConnection } from '../../src-shared/contract/index.ts';
import type { Logger } from '../logging/logger.ts';
import { TEXT } from './u12.ts';

export interface ConnectionOptions {
  /** ECR link timings (docs/ecr-link.md §3); tests shorten them. */
  link?: Partial<LinkTimings>;
  /** Answer to one request (not the guest), default 5000 ms. */
  requestTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** After a lost link: first delay, longest delay and attempts before staff must tap 再接続. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  reconnectTries?: number;
  registerId?: string;
}

/** Hello attempts per connect when the terminal does not answer it. */
const CONNECT_ATTEMPTS = 3;

export type Phase = 'idle' | 'connecting' | 'up' | 'down';
export type Problem = { code: string; message: string; action: 'reconnect' | 'close' | null };

export function transportOf(c: TerminalConnection, connectTimeoutMs = 5000): Transport | null {
  if (c.kind === 'tcp') return tcpTransport(c.host, c.port, { connectTimeoutMs });
  if (c.kind === 'serial') return serialTransport(c.path, c.baudRate);
  return null;
}

export const labelOf = (c: TerminalConnection): string | null =>
  c.kind === 'tcp' ? `tcp ${c.host}:${c.port}` : c.kind === 'serial' ? `serial ${c.path}@${c.baudRate}` : null;

type Events = { change: []; up: [info: HelloInfo]; down: [reason: Error] };

export class TerminalLink extends EventEmitter<Events> {
  readonly driver: EcrDriver;
  private readonly opts: Required<Omit<ConnectionOptions, 'link' | 'registerId'>>;
  private readonly log: Logger;
  target: TerminalConnection = { kind: 'none' };
  phase: Phase = 'idle';
  problem: Problem | null = null;
  /** Battery and busy from the terminal's heartbeat answers (pong). */
  state: TerminalState | null = null;
  private keep = false;
  private closing = false;
  private tries = 0;
  private timer: NodeJS.Timeout | null = null;
  private connecting: Promise<HelloInfo | null> | null = null;

  constructor(log: Logger, options: ConnectionOptions = {}) {
    super();
    this.log = log;
    this.opts = {
      requestTimeoutMs: options.requestTimeoutMs ?? 5000, connectTimeoutMs: options.connectTimeoutMs ?? 5000,
      reconnectMinMs: options.reconnectMinMs ?? 500, reconnectMaxMs: options.reconnectMaxMs ?? 5000, reconnectTries: options.reconnectTries ?? 200,
    };
    this.driver = new EcrDriver({
      registerId: options.registerId ?? 'usen-register', link: options.link ?? {}, requestTimeoutMs: this.opts.requestTimeoutMs,
      // Only link events and message types reach the log: results carry masked card numbers at most.
      log: (event, detail) => this.log.debug({ terminal: event, detail }, 'terminal link'),
    });
    this.driver.on('up', (info) => { this.phase = 'up'; this.tries = 0; this.problem = null; this.emit('up', info); this.emit('change'); });
    this.driver.on('down', (err) => this.onDown(err));
    this.driver.on('state', (s) => { this.state = s; });
  }

  get connected(): boolean { return this.driver.connected; }
  get info(): HelloInfo | null { return this.driver.info; }
  get requestTimeoutMs(): number { return this.opts.requestTimeoutMs; }

  /** A new address or port from settings: drop the old link; connect again at till open or by 再接続. */
  async setTarget(target: TerminalConnection): Promise<boolean> {
    if (JSON.stringify(target) === JSON.stringify(this.target)) return false;
    await this.close();
    this.target = target;
    this.problem = null;
    this.emit('change');
    return true;
  }

  /** Connects (single flight) and says hello; null when the terminal cannot be reached. */
  connect(): Promise<HelloInfo | null> {
    this.connecting ??= this.doConnect().finally(() => { this.connecting = null; });
    return this.connecting;
  }

  private async doConnect(): Promise<HelloInfo | null> {
    const transport = transportOf(this.target, this.opts.connectTimeoutMs);
    if (!transport) {
      this.problem = { code: 'NOT_CONFIGURED', message: TEXT.NOT_CONFIGURED, action: null };
      this.emit('change');
      return null;
    }
    this.clearTimer();
    this.phase = 'connecting';
    this.emit('change');
    let last: Error | null = null;
    // A terminal that was powered on before the register opened the line may still be probing
    // its own side when our hello arrives: its answer is lost once, so hello is tried again.
    for (let attempt = 1; attempt <= CONNECT_ATTEMPTS; attempt++) {
      this.closing = true; // connect() closes the previous link first: that 'down' is ours
      try {
        const info = await this.driver.connect(transport);
        this.keep = true;
        return info;
      } catch (error) {
        last = error as Error;
        if (!(error instanceof TimeoutError)) break; // refused or unreachable: no point repeating now
      } finally {
        this.closing = false;
      }
    }
    await this.driver.close().catch(() => {});
    this.phase = 'down';
    this.problem = { code: 'NOT_CONNECTED', message: TEXT.NOT_CONNECTED, action: 'reconnect' };
    this.log.warn({ target: transport.label, err: last?.message }, 'terminal not reachable');
    this.emit('change');
    return null;
  }

  /** Stops reconnecting and releases the port or socket. */
  async close(): Promise<void> {
    this.keep = false;
    this.clearTimer();
    this.closing = true;
    try { await this.driver.close(); } finally { this.closing = false; }
    this.phase = 'idle';
    this.emit('change');
  }

  private onDown(err: Error): void {
    this.emit('down', err);
    if (this.closing) return;
    this.phase = 'down';
    this.problem = { code: 'LINK_LOST', message: TEXT.LINK_LOST, action: 'reconnect' };
    this.log.warn({ err: err.message, target: labelOf(this.target) }, 'terminal link down');
    this.emit('change');
    if (this.keep) this.scheduleReconnect();
  }

  /**
   * Bounded backoff: the serial link probes by itself (its sync ping); TCP needs a new socket.
   * After `reconnectTries` attempts staff reconnect by hand (U1: 更新ボタン / 再接続).
   */
  private scheduleReconnect(): void {
    if (this.timer || !this.keep) return;
    if (this.tries >= this.opts.reconnectTries) {
      this.keep = false;
      this.problem = { code: 'NOT_CONNECTED', message: TEXT.NOT_CONNECTED, action: 'reconnect' };
      this.emit('change');
      return;
    }
    const serialGrace = this.target.kind === 'serial' ? 2 : 1;
    const delay = Math.min(this.opts.reconnectMaxMs, this.opts.reconnectMinMs * serialGrace * 2 ** Math.min(this.tries, 8));
    this.tries++;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.keep || this.driver.connected) return;
      void this.connect().then((info) => { if (!info && this.keep) this.scheduleReconnect(); });
    }, Math.round(delay * (0.75 + Math.random() / 2)));
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
