// Test harness for USEN PAY payments: a register core (in-process) with short terminal timings and
// the terminal simulator on 127.0.0.1 (TCP) or one end of a socat pty pair (serial).
import { rmSync } from 'node:fs';
import type { RunningSim } from '../../sim/terminal/server.ts';
import { startTerminalSim } from '../../sim/terminal/server.ts';
import { FAST_LINK } from '../../sim/terminal/test-rig.ts';
import type { TerminalConfig } from '../../sim/terminal/terminal.ts';
import type { AnyEvent, TerminalConnection, TerminalPayment, TerminalStatus } from '../../src-shared/contract/index.ts';
import { rig, type Rig } from '../checkout/test-rig.ts';
import { Core } from '../core.ts';
import { createLogger } from '../logging/logger.ts';
import type { TerminalOptions } from '../terminal/service.ts';
import { tempDir, type TestRegister } from './harness.ts';

/** Register side of FAST_LINK: a dead line shows within about 1.5 s; reconnects within 0.5 s. */
export const FAST_TERMINAL: TerminalOptions = {
  link: FAST_LINK, requestTimeoutMs: 2000, connectTimeoutMs: 2000, reconnectMinMs: 100, reconnectMaxMs: 500, reconnectTries: 100, pollMs: 300,
};

export const card = (last4 = '4242', entry: 'ic' | 'swipe' | 'contactless' = 'ic', brand = 'VISA') => ({ entry, brand, last4, chip: entry === 'ic' });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value (bounded in time and count). */
export async function until<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = 8000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (let i = 0; i < 2000; i++) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) break;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

export type TerminalRig = Rig & {
  reg: TestRegister; sim: RunningSim['terminal']; run: RunningSim | null; events: AnyEvent[];
  status: () => Promise<TerminalStatus>;
  payment: (ref: string) => TerminalPayment;
  waitState: (ref: string, states: TerminalPayment['state'][], timeoutMs?: number) => Promise<TerminalPayment>;
  /** Seat at `table`, order, and return the visit with what the checkout charges. */
  visitWithBill: (table: string, lines?: Array<{ productId: string; quantity: number }>) => Promise<{ visitId: string; total: number }>;
  close: () => Promise<void>;
};

export interface TerminalRigOptions {
  /** Where the register reaches the terminal; default the simulator's TCP port. */
  connection?: (run: RunningSim) => TerminalConnection;
  /** The simulator's serial end (the other end is the register's). */
  serialPath?: string;
  terminal?: Partial<TerminalConfig>;
  register?: TerminalOptions;
  /** Open the till (and so connect) at once; default true. */
  openTill?: boolean;
  dataDir?: string;
}

export async function terminalRig(options: TerminalRigOptions = {}): Promise<TerminalRig> {
  const run = await startTerminalSim({ tcpPort: options.serialPath ? null : 0, serialPath: options.serialPath ?? null, terminal: { link: FAST_LINK, ...options.terminal } });
  const dir = options.dataDir ?? tempDir('pos-terminal-');
  try {
    return await withCore(run, dir, options);
  } catch (error) {
    await run.close();
    throw error;
  }
}

async function withCore(run: RunningSim, dir: string, options: TerminalRigOptions): Promise<TerminalRig> {
  const core = await Core.open({ dataDir: dir, demo: true, logger: await createLogger(dir, 'debug'), terminal: { ...FAST_TERMINAL, ...options.register }, sync: false });
  const reg: TestRegister = {
    core, dir, call: (envelope) => core.dispatch(envelope, { transport: 'inproc', local: true }),
    close: async () => { await core.close(); rmSync(dir, { recursive: true, force: true }); },
  };
  const r = await rig(reg);
  const events: AnyEvent[] = [];
  core.subscribe((e) => events.push(e));
  const connection = options.connection?.(run) ?? { kind: 'tcp' as const, host: '127.0.0.1', port: run.tcpPort! };
  await r.settings({ terminal: { connection, autoPrintCopies: false } });
  const status = () => r.ok<TerminalStatus>('terminal.status', {});
  const payment = (ref: string) => core.terminal!.view(ref)!;
  const t: TerminalRig = {
    ...r, reg, sim: run.terminal, run, events, status, payment,
    waitState: (ref, states, timeoutMs = 8000) => until(() => { const p = payment(ref); return states.includes(p.state) ? p : null; }, `${ref} in ${states.join('/')}`, timeoutMs),
    visitWithBill: async (table, lines = [{ productId: 'cat-food-1', quantity: 2 }]) => {
      const visitId = await r.seat(table);
      await r.order(visitId, lines);
      return { visitId, total: (await r.quote({ visitId })).total };
    },
    close: async () => {
      try { await reg.close(); } finally { await run.close(); }
    },
  };
  if (options.openTill !== false) {
    try {
      await r.openTill();
      await until(async () => (await status()).state === 'connected', 'terminal connected at till open');
    } catch (error) {
      await reg.close();
      throw error;
    }
  }
  return t;
}
