// Test harness: a simulated terminal on 127.0.0.1:0 and a connected EcrDriver, with short timings.
import type { Duplex } from 'node:stream';
import { EcrDriver } from '../../native/ecr/driver.ts';
import type { FlowEvent, FlowHandlers } from '../../native/ecr/flow.ts';
import type { LinkTimings } from '../../native/ecr/link.ts';
import { tcpTransport, type Transport } from '../../native/ecr/transports.ts';
import { startTerminalSim, type RunningSim } from './server.ts';
import type { TerminalConfig } from './terminal.ts';

/** Link timings for tests: a dead line shows within 1 s + 3 × 150 ms. */
export const FAST_LINK = { ackTimeoutMs: 150, maxTries: 3, heartbeatMs: 1000, interByteTimeoutMs: 100 };
export const SLIP = { no: '1002600001480', part: 1 };

let counter = 0;
/** A fresh register reference (the register would use a ULID). */
export function newRef(prefix = 'r'): string { return `${prefix}-${process.pid}-${++counter}`; }

/** Wraps a transport so that every byte the register receives is also copied to `sink`. */
export function tapped(transport: Transport, sink: Buffer[]): Transport {
  return {
    label: `${transport.label} (tapped)`,
    open: async (): Promise<Duplex> => {
      const stream = await transport.open();
      stream.on('data', (d: Buffer) => sink.push(d));
      return stream;
    },
  };
}

export interface Rig {
  run: RunningSim;
  sim: RunningSim['terminal'];
  driver: EcrDriver;
  transport: Transport;
  received: Buffer[];
  /** Connects again (after a link drop) and says hello. */
  reconnect(): Promise<void>;
  close(): Promise<void>;
}

/** `link` overrides FAST_LINK on both sides. */
export async function rig(options: { terminal?: Partial<TerminalConfig>; session?: boolean; link?: Partial<LinkTimings> } = {}): Promise<Rig> {
  const link = { ...FAST_LINK, ...options.link };
  const run = await startTerminalSim({ tcpPort: 0, terminal: { link, ...options.terminal } });
  const received: Buffer[] = [];
  const transport = tapped(tcpTransport('127.0.0.1', run.tcpPort!), received);
  const driver = new EcrDriver({ link, requestTimeoutMs: 2000 });
  await driver.connect(transport);
  if (options.session !== false) await driver.openSession();
  return {
    run, sim: run.terminal, driver, transport, received,
    reconnect: async () => { await driver.connect(transport); },
    close: async () => { await driver.close(); await run.close(); },
  };
}

/** Handlers that record every flow event, optionally answering the duplicate prompt. */
export function recorder(answer?: 'stop' | 'continue'): { events: FlowEvent[]; handlers: FlowHandlers } {
  const events: FlowEvent[] = [];
  return { events, handlers: { onEvent: (e) => events.push(e), ...(answer ? { onPrompt: () => answer } : {}) } };
}

/** Steps the register saw in progress events, in order. */
export function steps(events: FlowEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'progress' ? [e.step] : []));
}
