import type { Transaction } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { AppError, staffMessages } from '../../src-shared/errors.ts';
import { envelope, isMethodName, methods, type AnyEvent, type MethodName, type Staff } from '../../src-shared/contract/index.ts';
import { fail, ok, type Result } from '../../src-shared/result.ts';
import { validate } from '../../src-shared/validate.ts';
import type { Core } from '../core.ts';
import { stmt } from '../store/stmt.ts';
import { OutboxWriter } from '../outbox/outbox.ts';
import type { Caller, HandlerCtx, Handlers } from './context.ts';

/**
 * The single entry of every call, whatever the transport: validate the envelope and input
 * against the contract, check access, run the handler, check the output. A command runs in one
 * SQLite transaction together with its command-log row, so a retried command id is applied once.
 */
export async function dispatch(core: Core, registry: Handlers, raw: unknown, caller: Caller): Promise<Result<unknown>> {
  const env = validate(envelope, raw);
  if (!env.ok) return fail('BAD_REQUEST', staffMessages.BAD_REQUEST, env.error.fields);
  const { method, commandId, sessionId } = env.value;
  if (!isMethodName(method)) return fail('UNKNOWN_METHOD', staffMessages.UNKNOWN_METHOD);
  const def = methods[method];
  const started = performance.now();
  let staff: Staff | null = null;
  try {
    const health = core.health();
    if (!health.ok && method !== 'system.status') throw new AppError(health.code, health.detail);
    const session = core.sessions.get(sessionId);
    staff = session ? core.staffById(session.staffId) : null;
    if (def.access !== 'public') {
      if (!staff || !staff.active) throw new AppError('UNAUTHENTICATED', `no valid session for ${method}`);
      if (def.access !== 'staff' && staff.role !== 'manager' && !def.access.includes(staff.role)) {
        throw new AppError('FORBIDDEN', `${staff.role} may not call ${method}`);
      }
    }
    const input = validate(def.input, env.value.input ?? {});
    if (!input.ok) return logged(core, method, commandId, staff, started, input);
    if (def.kind === 'command' && !commandId) {
      return logged(core, method, commandId, staff, started, fail('VALIDATION', `${staffMessages.VALIDATION} commandId`, { commandId: 'commandId is required for commands' }));
    }
    const value = await run(core, registry, method, input.value, { staff, sessionId: session?.id ?? null, commandId: commandId ?? null, caller });
    return logged(core, method, commandId, staff, started, ok(value));
  } catch (error) {
    if (error instanceof AppError) {
      return logged(core, method, commandId, staff, started, fail(error.code, error.staffMessage, error.fields), error.message);
    }
    core.log.error({ method, commandId, err: error }, 'handler failed');
    return logged(core, method, commandId, staff, started, fail('INTERNAL', staffMessages.INTERNAL), (error as Error).message);
  }
}

type RunMeta = { staff: Staff | null; sessionId: string | null; commandId: string | null; caller: Caller };

async function run(core: Core, registry: Handlers, method: MethodName, input: unknown, meta: RunMeta): Promise<unknown> {
  // A broken store is never handed out; only system.status runs then, and it does not touch it.
  const db = core.health().ok ? core.store().db : (null as unknown as HandlerCtx['db']);
  const queued: AnyEvent[] = [];
  const after: Array<() => Promise<void> | void> = [];
  const ctx: HandlerCtx = {
    db, core, ...meta, now: core.now, log: core.log, outbox: new OutboxWriter(db, core.now, core.mode === 'live'),
    emit: (name, payload) => queued.push({ name, payload } as AnyEvent),
    afterCommit: (fn) => after.push(fn),
  };
  const raw = registry[method] as (input: unknown, ctx: HandlerCtx) => unknown;
  // The output is checked against the contract before a command commits: a broken answer rolls back.
  const handler = (i: unknown, c: HandlerCtx): unknown => {
    const out = raw(i, c);
    return out instanceof Promise ? out.then((o) => checkOutput(method, o)) : checkOutput(method, out);
  };
  let value: unknown;
  const def = methods[method] as { kind: string; async?: boolean };
  if (def.kind === 'command') {
    const seen = stmt(db, 'SELECT result FROM command_log WHERE command_id = ?').get(meta.commandId) as { result: string } | undefined;
    if (seen) return JSON.parse(seen.result) as unknown;
    const record = (out: unknown) => stmt(db, 'INSERT INTO command_log (command_id, method, staff_id, result, at) VALUES (?, ?, ?, ?, ?)')
      .run(meta.commandId, method, meta.staff?.id ?? null, JSON.stringify(out ?? null), core.now());
    if (def.async) {
      // Two copies of the same command at once: the second waits for the first's answer.
      const running = core.runningCommands.get(meta.commandId!);
      if (running) return running;
      const promise = Promise.resolve(handler(input, ctx)).then((out) => { record(out); return out; });
      core.runningCommands.set(meta.commandId!, promise);
      try {
        value = await promise;
      } finally {
        core.runningCommands.delete(meta.commandId!);
      }
    } else {
      value = immediate(db, () => {
        const out = handler(input, ctx);
        if (out instanceof Promise) throw new Error(`command ${method} must be synchronous to run in one transaction (or be marked async)`);
        record(out);
        return out;
      });
    }
  } else {
    value = await handler(input, ctx);
  }
  for (const fn of after) await fn();
  for (const ev of queued) core.publish(ev);
  if (methods[method].kind === 'command') core.afterCommand();
  return value;
}

/** One transaction runner per database: better-sqlite3 builds a new wrapper at every db.transaction() (#2). */
const runners = new WeakMap<HandlerCtx['db'], Transaction<(fn: () => unknown) => unknown>>();
function immediate(db: HandlerCtx['db'], fn: () => unknown): unknown {
  let tx = runners.get(db);
  if (!tx) runners.set(db, (tx = db.transaction((f: () => unknown) => f())));
  return tx.immediate(fn);
}

function checkOutput(method: MethodName, value: unknown): unknown {
  const checked = validate(methods[method].output, value);
  if (!checked.ok) throw new Error(`output of ${method} breaks the contract: ${JSON.stringify(checked.error.fields)}`);
  return checked.value;
}

function logged(core: Core, method: string, commandId: string | undefined, staff: Staff | null, started: number,
  result: Result<unknown>, detail?: string): Result<unknown> {
  const entry = {
    method, commandId, staff: staff?.name, staffId: staff?.id, ms: Math.round(performance.now() - started),
    ok: result.ok, ...(result.ok ? {} : { code: result.error.code, detail }),
  };
  const kind = methods[method as MethodName]?.kind;
  if (!result.ok) core.log.warn(entry, `${method} refused: ${result.error.code}`);
  else if (kind === 'command') core.log.info(entry, `${method} applied`);
  else core.log.debug(entry, `${method}`);
  return result;
}

export const newCommandId = (): string => randomUUID();
