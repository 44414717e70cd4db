/**
 * Test helpers (not a test file): start a simulator with a frozen clock and a linked store whose
 * register tables are pushed and mapped, and a small fetch client that sends Idempotency-Keys.
 */
import { randomUUID } from 'node:crypto';
import { SmartReserveSim, type RunningSim } from './sim.ts';
import { demoSeats } from './demo.ts';

/** Friday evening, business day 2026-05-01. */
export const T0 = '2026-05-01T17:00:00+09:00';
export const DAY = '2026-05-01';
export const STORE = 'S001';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface SendOptions {
  key?: string | null;
  timeoutMs?: number;
  apiKey?: string | null;
}

export class Client {
  readonly url: string;
  apiKey: string | null;

  constructor(url: string, apiKey: string | null = null) {
    this.url = url;
    this.apiKey = apiKey;
  }

  /** A fresh Idempotency-Key per call unless `key` is given (null: send none). */
  async send<T = Record<string, unknown>>(method: string, path: string, body?: unknown, options: SendOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    const apiKey = options.apiKey === undefined ? this.apiKey : options.apiKey;
    if (apiKey) headers.authorization = `Bearer ${apiKey}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const key = options.key === undefined ? (method === 'GET' ? null : randomUUID()) : options.key;
    if (key !== null) headers['idempotency-key'] = key;
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
    const text = await res.text();
    return { status: res.status, body: (text === '' ? {} : JSON.parse(text)) as T, headers: res.headers };
  }

  get<T = Record<string, unknown>>(path: string, options?: SendOptions) {
    return this.send<T>('GET', path, undefined, options);
  }

  post<T = Record<string, unknown>>(path: string, body: unknown = {}, options?: SendOptions) {
    return this.send<T>('POST', path, body, options);
  }
}

export interface Harness {
  sim: SmartReserveSim;
  running: RunningSim;
  api: Client;
  control: Client;
  /** posTableId of the register table named `name` ("T1" → "pos-T1"). */
  pos(name: string): string;
  seatId(name: string): string;
  close(): Promise<void>;
}

/**
 * A linked store with the demo seat list; the register pushes tables pos-T1.., pos-C1.., pos-201..
 * plus `pos-W1` (a waiting table never mapped) and the ledger maps every same-named one.
 */
export async function startHarness(options: { unmapped?: string[] } = {}): Promise<Harness> {
  const sim = new SmartReserveSim({ now: T0, frozen: true });
  sim.setSeats(STORE, demoSeats());
  const running = await sim.start({ port: 0 });
  const api = new Client(`${running.url}/api/v1`);
  const link = await api.post<{ apiKey: string }>('/link', { storeId: STORE, linkCode: 'LINK-S001' });
  if (link.status !== 201) throw new Error(`link failed: ${JSON.stringify(link.body)}`);
  api.apiKey = link.body.apiKey;
  const tables = [...demoSeats().map((s) => ({ posTableId: `pos-${s.name}`, name: s.name, floor: s.floor })), { posTableId: 'pos-W1', name: '待機1', floor: '1F' }];
  const pushed = await api.send('PUT', '/tables', { tables });
  if (pushed.status !== 200) throw new Error(`push failed: ${JSON.stringify(pushed.body)}`);
  const skip = new Set(options.unmapped ?? []);
  sim.setMappings(STORE, demoSeats().filter((s) => !skip.has(s.name)).map((s) => ({ posTableId: `pos-${s.name}`, seatId: s.id })));
  return {
    sim,
    running,
    api,
    control: new Client(`${running.controlUrl}/_control`),
    pos: (name) => `pos-${name}`,
    seatId: (name) => `seat-${name}`,
    close: () => running.close(),
  };
}

/** Count of applied effects of a kind for a natural key: the duplicate check of the outbox tests. */
export function countEffects(sim: SmartReserveSim, kind: string, naturalKey?: string): number {
  return sim.effects({ storeId: STORE, kind, ...(naturalKey === undefined ? {} : { naturalKey }) }).length;
}
