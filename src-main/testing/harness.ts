import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../src-shared/contract/index.ts';
import type { Result } from '../../src-shared/result.ts';
import { Core } from '../core.ts';
import { createLogger } from '../logging/logger.ts';
import { Station } from '../station/station.ts';

/** One way to call the core, so the same contract suite runs over every transport. */
export type Call = (envelope: Envelope) => Promise<Result<unknown>>;

export type TestRegister = { core: Core; dir: string; call: Call; close: () => Promise<void> };

export const tempDir = (prefix = 'pos-test-'): string => mkdtempSync(join(tmpdir(), prefix));

export async function openCore(dir = tempDir()): Promise<Core> {
  return Core.open({ dataDir: dir, demo: true, logger: await createLogger(dir, 'debug') });
}

/** In-process transport: what Electron's IPC handler does, minus Electron. */
export async function inprocRegister(): Promise<TestRegister> {
  const dir = tempDir();
  const core = await openCore(dir);
  return {
    core, dir,
    call: (envelope) => core.dispatch(envelope, { transport: 'inproc', local: true }),
    close: async () => { await core.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

/** HTTP transport: a real station on a free loopback port. */
export async function httpRegister(): Promise<TestRegister & { url: string; station: Station }> {
  const dir = tempDir();
  const core = await openCore(dir);
  const station = new Station(core, { port: 0, rendererDir: null, lanHost: '127.0.0.1' });
  const { url } = await station.start();
  return {
    core, dir, url, station,
    call: async (envelope) => (await (await fetch(`${url}/api/rpc`, { method: 'POST', body: JSON.stringify(envelope), signal: AbortSignal.timeout(10_000) })).json()) as Result<unknown>,
    close: async () => { await station.stop(); core.close(); rmSync(dir, { recursive: true, force: true }); },
  };
}

/** Unwrap an ok result or fail the test with the error. */
export function value<T = unknown>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

export async function login(call: Call, staffId = 'staff-cashier1', pin = '1111'): Promise<string> {
  return value<{ sessionId: string }>(await call({ method: 'auth.login', input: { staffId, pin } })).sessionId;
}

let seq = 0;
export const cmdId = (): string => `test-cmd-${process.pid}-${Date.now()}-${++seq}`;
