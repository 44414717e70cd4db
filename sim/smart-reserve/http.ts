/** HTTP plumbing shared by the REST and control apps: env type, parsing, errors, auth, idempotency. */
import { createHash } from 'node:crypto';
import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { errorBody, LedgerError } from './errors.ts';
import type { ActiveFault } from './faults.ts';
import type { Ledger } from './ledger.ts';
import type { StoreState } from './store.ts';

export interface ApiEnv {
  Bindings: HttpBindings;
  Variables: { store: StoreState; idempotencyKey: string | null; fault: ActiveFault | undefined };
}

export type Ctx = Context<ApiEnv>;

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function issuesOf(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/** Parses the JSON body with a zod schema; bad input → 400 {code, message, issues}. */
export async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let raw: unknown;
  try {
    const text = await c.req.text();
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new LedgerError('INVALID_JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new LedgerError('VALIDATION_ERROR', { issues: issuesOf(parsed.error) });
  return parsed.data;
}

export function query<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new LedgerError('VALIDATION_ERROR', { issues: issuesOf(parsed.error) });
  return parsed.data;
}

export function param(c: Context, name: string): string {
  return c.req.param(name) ?? '';
}

/** Every refusal is JSON {code, message} with a Japanese message; anything else is 予期せぬエラー. */
export function onError(err: Error, c: Context): Response {
  if (err instanceof LedgerError) return c.json(err.body(), err.status as ContentfulStatusCode);
  console.error('[smart-reserve] unexpected', err);
  return c.json(errorBody('UNEXPECTED_ERROR'), 500);
}

export function notFound(c: Context): Response {
  return c.json(errorBody('NOT_FOUND', { path: c.req.path }), 404);
}

/** `Authorization: Bearer <apiKey>` issued by POST /api/v1/link (RULES.md#L3). */
export function auth(ledger: Ledger, isPublic: (method: string, path: string) => boolean): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (isPublic(c.req.method, c.req.path)) return next();
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    const store = match?.[1] === undefined ? undefined : ledger.storeByApiKey(match[1]);
    if (!store) throw new LedgerError('UNAUTHORIZED');
    c.set('store', store);
    return next();
  };
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Exactly-once effects for an outbox that retries. Every mutating request needs an
 * `Idempotency-Key` (1–255 chars). The first 2xx response per (store, key) is stored and replayed
 * for a repeat with `Idempotent-Replayed: true`; the same key with another method, path or body
 * → 422 IDEMPOTENCY_KEY_REUSED; the same key while the first is still running → 409
 * IDEMPOTENCY_IN_PROGRESS. Refusals (4xx) applied nothing and are not stored: after fixing the
 * cause (e.g. mapping a table), the same key may be sent again and runs for real.
 */
export function idempotency(ledger: Ledger): MiddlewareHandler<ApiEnv> {
  const inFlight = new Set<string>();
  return async (c, next) => {
    if (!MUTATING.has(c.req.method)) return next();
    const key = c.req.header('idempotency-key');
    if (key === undefined || key.length < 1 || key.length > 255) throw new LedgerError('IDEMPOTENCY_KEY_REQUIRED');
    let parsed: unknown;
    try {
      const text = await c.req.text();
      parsed = text.trim() === '' ? null : JSON.parse(text);
    } catch {
      throw new LedgerError('INVALID_JSON');
    }
    const slot = `${c.get('store')?.id ?? '-'}\u0000${key}`;
    const fingerprint = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${canonical(parsed)}`).digest('hex');
    const stored = ledger.idempotency.get(slot);
    if (stored) {
      if (stored.fingerprint !== fingerprint) throw new LedgerError('IDEMPOTENCY_KEY_REUSED', { idempotencyKey: key });
      return new Response(stored.body, { status: stored.status, headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' } });
    }
    if (inFlight.has(slot)) throw new LedgerError('IDEMPOTENCY_IN_PROGRESS', { idempotencyKey: key });
    inFlight.add(slot);
    c.set('idempotencyKey', key);
    try {
      await next();
      if (c.res.status >= 200 && c.res.status < 300) {
        ledger.idempotency.set(slot, { fingerprint, status: c.res.status, body: await c.res.clone().text(), at: ledger.clock.now() });
      }
    } finally {
      inFlight.delete(slot);
    }
  };
}
