import { randomUUID } from 'node:crypto';
import type { Result } from '../../../src-shared/result.ts';

export type Envelope = { method: string; input: unknown; sessionId?: string; commandId?: string };

/** POST /api/rpc on the station; a dead station rejects (the caller decides whether that is expected). */
export async function rpc(url: string, envelope: Envelope, timeoutMs = 10_000): Promise<Result<unknown>> {
  const res = await fetch(`${url}/api/rpc`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope), signal: AbortSignal.timeout(timeoutMs),
  });
  return (await res.json()) as Result<unknown>;
}

export function unwrap<T>(result: Result<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what} refused: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

export async function login(url: string, staffId: string, pin: string): Promise<string> {
  return unwrap<{ sessionId: string }>(await rpc(url, { method: 'auth.login', input: { staffId, pin } }), `login ${staffId}`).sessionId;
}

export const commandId = (seed: number, n: number | string): string => `fault-${seed}-${n}-${randomUUID()}`;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Poll until `fn` returns a truthy value or the time is up (then null): every wait is bounded. */
export async function poll<T>(fn: () => T | Promise<T>, timeoutMs: number, stepMs: number): Promise<T | null> {
  const deadline = performance.now() + timeoutMs;
  for (let i = 0; i < 1_000_000; i++) {
    const v = await fn();
    if (v) return v;
    if (performance.now() > deadline) return null;
    await sleep(stepMs);
  }
  return null;
}
