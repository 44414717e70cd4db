import type { AnyEvent, Envelope, MethodName, Output } from '../../../src-shared/contract/index.ts';
import { fail, ok, type ApiError, type Result } from '../../../src-shared/result.ts';
import { ApiClient } from '../../api/client.ts';
import type { Transport } from '../../api/transport.ts';
import { createAppStore } from '../index.ts';
import type { KeyValueStore } from '../types.ts';

type Reply<M extends MethodName> = Output<M> | { error: ApiError };
export type FakeHandlers = { [M in MethodName]?: (input: never, envelope: Envelope) => Reply<M> | Promise<Reply<M>> };

/**
 * An in-memory Transport for slice tests: canned answers per method, a log of every call, and
 * `emit`/`setConnected` to play the core's pushed events. Unhandled methods answer NOT_FOUND.
 */
export function fakeTransport(handlers: FakeHandlers = {}) {
  const calls: Envelope[] = [];
  const listeners = new Set<{ onEvent: (e: AnyEvent) => void; onConnection?: (c: boolean) => void }>();
  const transport: Transport = {
    async call(envelope): Promise<Result<unknown>> {
      calls.push(envelope);
      const handler = handlers[envelope.method as MethodName] as ((input: unknown, env: Envelope) => unknown) | undefined;
      if (!handler) return fail('NOT_FOUND', `fake: no handler for ${envelope.method}`);
      const reply = await handler(envelope.input, envelope);
      if (reply && typeof reply === 'object' && 'error' in reply) return { ok: false, error: (reply as { error: ApiError }).error };
      return ok(reply);
    },
    subscribe(onEvent, onConnection) {
      const l = { onEvent, onConnection };
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return {
    transport,
    calls,
    /** Calls of one method, in order. */
    callsOf: (method: MethodName) => calls.filter((c) => c.method === method),
    emit: (event: AnyEvent) => listeners.forEach((l) => l.onEvent(event)),
    setConnected: (connected: boolean) => listeners.forEach((l) => l.onConnection?.(connected)),
    handlers,
  };
}

export const memoryStorage = (): KeyValueStore & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
};

/** A store wired to a fake transport, plus the pieces tests look at. */
export function testStore(handlers: FakeHandlers = {}, init: { session?: Record<string, string>; local?: Record<string, string> } = {}) {
  const fake = fakeTransport(handlers);
  const client = new ApiClient(fake.transport);
  const session = memoryStorage();
  const local = memoryStorage();
  Object.entries(init.session ?? {}).forEach(([k, v]) => session.setItem(k, v));
  Object.entries(init.local ?? {}).forEach(([k, v]) => local.setItem(k, v));
  const store = createAppStore({ client, session, local });
  return { store, fake, client, session, local };
}
