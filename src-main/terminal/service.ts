// The register's USEN PAY service (docs/payments.md): one terminal per register (U1), its session
// at till open, events for the UI, and recovery of every open payment intent (U12).
import { TerminalError, type HelloInfo } from '../../native/ecr/driver.ts';
import type { Flow } from '../../native/ecr/flow.ts';
import type { BodyOf } from '../../native/ecr/messages.ts';
import { TERMINAL_METHOD_LABELS, terminalMethod, type AnyEvent, type TerminalMethod, type TerminalPayment, type TerminalStatus } from '../../src-shared/contract/index.ts';
import type { Core } from '../core.ts';
import { openSessionRow } from '../services/till.ts';
import { getSettings, getValue, setValue } from '../store/settings-repo.ts';
import type { DB } from '../store/db.ts';
import { TerminalLink, labelOf, type ConnectionOptions, type Problem } from './connection.ts';
import { getIntent, openIntents, toView, type IntentRow } from './intents.ts';
import { applyResult, recoverAll } from './recovery.ts';
import { TEXT } from './u12.ts';

export interface TerminalOptions extends ConnectionOptions {
  /** How often unsettled intents are asked about while the link is up (default 3000 ms). */
  pollMs?: number;
}

/** Where this register last opened a session: a later hello without one means the terminal restarted. */
const SESSION_KEY = 'terminal.session';

/** The sale or refund whose flow is open on the terminal right now (one at a time). */
export class LiveFlow {
  readonly ref: string;
  flow: Flow | null = null;
  error: Error | null = null;
  prompt: BodyOf<'prompt'> | null = null;
  private answer: ((a: 'stop' | 'continue' | undefined) => void) | null = null;
  private accepted!: () => void;
  readonly acceptedOrEnded: Promise<void>;
  constructor(ref: string) {
    this.ref = ref;
    this.acceptedOrEnded = new Promise((resolve) => { this.accepted = resolve; });
  }
  markAccepted(): void { this.accepted(); }
  waitAnswer(prompt: BodyOf<'prompt'>): Promise<'stop' | 'continue' | undefined> {
    this.prompt = prompt;
    return new Promise((resolve) => { this.answer = resolve; });
  }
  /** Hands staff's answer to the driver; false when no prompt is open. */
  settlePrompt(a: 'stop' | 'continue' | undefined): boolean {
    const fn = this.answer;
    this.answer = null;
    this.prompt = null;
    fn?.(a);
    return fn !== null;
  }
  end(): void { this.settlePrompt(undefined); this.accepted(); }
}

/**
 * Options from the environment (the station as a child process in tests):
 * POS_TERMINAL_OPTIONS='{"link":{"ackTimeoutMs":150},"pollMs":500}'.
 */
export function terminalOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): TerminalOptions {
  if (!env.POS_TERMINAL_OPTIONS) return {};
  const parsed = JSON.parse(env.POS_TERMINAL_OPTIONS) as unknown;
  return parsed && typeof parsed === 'object' ? (parsed as TerminalOptions) : {};
}

export class TerminalService {
  readonly core: Core;
  readonly options: TerminalOptions;
  readonly link: TerminalLink;
  live: LiveFlow | null = null;
  sessionOpen = false;
  private sessionProblem: Problem | null = null;
  private lastHello: HelloInfo | null = null;
  private upWork: Promise<void> | null = null;
  private recovering: Promise<void> | null = null;
  private poller: NodeJS.Timeout | null = null;
  private readonly pollMs: number;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;

  constructor(core: Core, options: TerminalOptions = {}) {
    this.core = core;
    this.options = options;
    this.pollMs = options.pollMs ?? 3000;
    this.link = new TerminalLink(core.log, { registerId: `register-${getSettings(core.liveDb()).registerNo}`, ...options });
    this.link.on('change', () => this.publishStatus());
    this.link.on('up', (info) => { this.lastHello = info; void this.afterUp(info); });
    this.link.on('down', () => { this.sessionOpen = false; });
    this.link.driver.on('result', (r) => { applyResult(this, r, 'resent'); });
  }

  db(): DB { return this.core.liveDb(); }
  now(): number { return this.core.now(); }

  /** At core start: the configured terminal; connect if the till is open or payments wait for an answer. */
  start(): void {
    const failed = (error: unknown) => { if (!this.stopped) this.core.log.error({ err: error }, 'terminal service task failed'); };
    this.link.setTarget(getSettings(this.db()).terminal.connection).then(() => {
      if (!this.stopped && this.link.target.kind !== 'none' && (this.tillOpen() || openIntents(this.db()).length > 0)) this.connectInBackground();
    }).catch(failed);
    this.unsubscribe = this.core.subscribe((e) => {
      // A new address while the till is open connects at once; otherwise at till open (U1).
      if (e.name === 'settings.changed') {
        this.link.setTarget(e.payload.terminal.connection).then((changed) => { if (changed && !this.stopped && this.tillOpen()) this.onTillOpen(); }).catch(failed);
      }
    });
    this.poller = setInterval(() => {
      if (this.link.connected && openIntents(this.db()).some((r) => r.ref !== this.live?.ref && r.state !== 'review')) this.kickRecovery();
    }, this.pollMs);
    this.poller.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poller) clearInterval(this.poller);
    this.unsubscribe?.();
    await this.link.close();
  }

  tillOpen(): boolean { return !!openSessionRow(this.db(), getSettings(this.db()).registerNo); }

  /** U1: till open connects the terminal (refused at battery ≤ 10 %; the till still opens). */
  onTillOpen(): void { if (this.link.target.kind !== 'none' && this.core.mode === 'live') this.connectInBackground(); }

  private connectInBackground(): void {
    this.connectNow().catch((error: unknown) => { if (!this.stopped) this.core.log.error({ err: error }, 'terminal connect failed'); });
  }

  /** 更新ボタン / 再接続 (U1, U11): link, hello, session while the till is open, then recovery. */
  async connectNow(fresh = false): Promise<TerminalStatus> {
    // The update button says hello again (contracts, battery), unless a payment is on the terminal.
    if (!this.link.connected || (fresh && !this.live)) await this.link.connect();
    await this.upWork;
    if (this.link.connected && !this.sessionOpen && this.tillOpen()) await this.openSession();
    return this.status();
  }

  /** After every hello (connect, recovered link, terminal restart): detect a lost journal, open the session, recover. */
  private afterUp(info: HelloInfo): Promise<void> {
    const work = (async () => {
      const db = this.db();
      const marker = getValue<{ serial: string } | null>(db, SESSION_KEY, null);
      if (marker && (marker.serial !== info.terminalSerial || !info.sessionOpen)) {
        // The session this register opened is gone: the terminal restarted (or another one answers).
        // A ref it never confirmed may then have been lost with its journal (U12, docs/payments.md).
        const n = db.prepare(`UPDATE payment_intents SET journal_suspect = 1 WHERE state IN ('pending', 'waiting', 'unknown')`).run().changes;
        setValue(db, SESSION_KEY, null);
        this.core.log.warn({ serial: info.terminalSerial, was: marker.serial, openIntents: n }, 'terminal restarted or replaced since its session was opened');
      }
      this.sessionOpen = info.sessionOpen;
      if (info.sessionOpen) setValue(db, SESSION_KEY, { serial: info.terminalSerial });
      else if (this.tillOpen() && this.core.mode === 'live') await this.openSession();
      this.publishStatus();
      await this.recover();
    })().catch((error: unknown) => this.core.log.error({ err: error }, 'terminal recovery after hello failed'));
    this.upWork = work;
    return work;
  }

  private async openSession(): Promise<void> {
    try {
      await this.link.driver.openSession();
      this.sessionOpen = true;
      this.sessionProblem = null;
      setValue(this.db(), SESSION_KEY, { serial: this.link.info?.terminalSerial ?? '' });
    } catch (error) {
      this.sessionOpen = false;
      const code = error instanceof TerminalError ? error.code : 'NOT_CONNECTED';
      this.sessionProblem = code === 'BATTERY_LOW' ? { code, message: TEXT.BATTERY_LOW, action: 'reconnect' }
        : code === 'BUSY' ? { code, message: TEXT.BUSY_TILL, action: 'reconnect' }
          : { code, message: error instanceof TerminalError ? error.display : TEXT.NOT_CONNECTED, action: 'reconnect' };
      this.core.log.warn({ code }, 'terminal session refused at till open');
    }
    this.publishStatus();
  }

  /** Asks about every open intent (single flight; called after hello, by the poller and by terminal.resolve). */
  recover(): Promise<void> {
    this.recovering ??= recoverAll(this).catch((error: unknown) => this.core.log.error({ err: error }, 'terminal recovery failed'))
      .finally(() => { this.recovering = null; });
    return this.recovering;
  }

  kickRecovery(): void { if (this.link.connected) void this.recover(); }

  contracts(): TerminalMethod[] { return (this.link.info ?? this.lastHello)?.contracts ?? []; }

  status(): TerminalStatus {
    const info = this.link.info ?? this.lastHello;
    const configured = this.link.target.kind !== 'none';
    let state: TerminalStatus['state'] = 'disconnected';
    let problem: Problem | null = this.link.problem;
    if (!configured) { state = 'notConfigured'; problem = null; }
    else if (this.link.phase === 'connecting') state = 'connecting';
    else if (this.link.connected) {
      if (this.sessionOpen) { state = 'connected'; problem = null; }
      else if (this.sessionProblem) { state = 'refused'; problem = this.sessionProblem; }
      else problem = { code: 'NO_SESSION', message: TEXT.NO_SESSION, action: 'reconnect' };
    }
    const battery = this.link.state?.battery ?? info?.battery ?? null;
    return {
      configured, target: labelOf(this.link.target), state, code: problem?.code ?? null, message: problem?.message ?? null, action: problem?.action ?? null,
      serial: info?.terminalSerial ?? null, model: info?.model ?? null, battery, busy: this.link.state?.busy ?? info?.busy ?? false,
      methods: terminalMethod.options.map((m) => ({ method: m, label: TERMINAL_METHOD_LABELS[m], enabled: (info?.contracts ?? []).includes(m) })),
      openPayments: openIntents(this.db()).length, at: this.now(),
    };
  }

  publish(event: AnyEvent): void { this.core.publish(event); }
  publishStatus(): void { if (!this.stopped) this.publish({ name: 'terminal.status', payload: this.status() }); }
  publishPayment(row: IntentRow | undefined | null): TerminalPayment | null {
    if (!row) return null;
    const view = toView(this.db(), row);
    this.publish({ name: 'terminal.payment', payload: view });
    return view;
  }

  view(ref: string): TerminalPayment | null {
    const row = getIntent(this.db(), ref);
    return row ? toView(this.db(), row) : null;
  }

  /** Resolves once the intent left `states` or `timeoutMs` passed (bounded wait for short answers). */
  async settleWithin(ref: string, states: readonly string[], timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (let i = 0; i < 1000 && Date.now() < until; i++) {
      const row = getIntent(this.db(), ref);
      if (!row || !states.includes(row.state)) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
