/**
 * Switchable faults of the REST API (never of the control API): down (refused / reset), 5xx,
 * 429 with Retry-After, slow, timeout (hold past the client's timeout, then apply or not), reset,
 * and "applied but the response is lost". All but `down` can target endpoints by a glob.
 */
import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { mulberry32 } from '../../src-shared/prng.ts';
import { errorBody } from './errors.ts';
import type { ApiEnv, Ctx } from './http.ts';

const targeted = {
  /** "METHOD /path/glob": `*` one path segment, `**` any rest; method `*` any. Default: every endpoint. */
  match: z.string().min(1).max(200).optional(),
  /** Affect this many matching requests, then stop. Default: until cleared. */
  count: z.number().int().min(1).optional(),
  /** Probability per matching request (seeded, reproducible). */
  rate: z.number().min(0).max(1).default(1),
};

export const faultSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('down'), mode: z.enum(['refused', 'reset']).default('refused') }),
  z.object({ kind: z.literal('error'), status: z.number().int().min(500).max(599).default(503), ...targeted }),
  z.object({ kind: z.literal('rateLimit'), retryAfterSec: z.number().int().min(0).max(3600).default(1), ...targeted }),
  z.object({ kind: z.literal('slow'), delayMs: z.number().int().min(0).max(600_000), ...targeted }),
  z.object({ kind: z.literal('timeout'), holdMs: z.number().int().min(0).max(600_000).default(30_000), apply: z.boolean().default(false), ...targeted }),
  z.object({ kind: z.literal('lostResponse'), ...targeted }),
  z.object({ kind: z.literal('reset'), ...targeted }),
]);
export type FaultSpec = z.output<typeof faultSpec>;
export type FaultInput = z.input<typeof faultSpec>;

export interface ActiveFault {
  id: string;
  spec: FaultSpec;
  hits: number;
  remaining: number | null;
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

export function matches(match: string | undefined, method: string, path: string): boolean {
  if (match === undefined) return true;
  const [m, p] = match.includes(' ') ? (match.split(/\s+/, 2) as [string, string]) : ['*', match];
  return (m === '*' || m.toUpperCase() === method) && globToRegExp(p).test(path);
}

/** Seeded so `rate` faults replay the same way. */
const seeded = mulberry32;

export class Faults {
  #list: ActiveFault[] = [];
  #next = 0;
  #random: () => number;
  readonly #seed: number;

  constructor(seed = 1) {
    this.#seed = seed;
    this.#random = seeded(seed);
  }

  add(input: FaultInput): ActiveFault {
    const spec = faultSpec.parse(input);
    this.#next += 1;
    const fault: ActiveFault = { id: `F${this.#next}`, spec, hits: 0, remaining: 'count' in spec ? (spec.count ?? null) : null };
    this.#list.push(fault);
    return fault;
  }

  remove(id: string): boolean {
    const before = this.#list.length;
    this.#list = this.#list.filter((f) => f.id !== id);
    return this.#list.length !== before;
  }

  clear(): void {
    this.#list = [];
    this.#random = seeded(this.#seed);
  }

  list(): ActiveFault[] {
    return this.#list.map((f) => ({ ...f }));
  }

  down(): 'refused' | 'reset' | null {
    const fault = this.#list.find((f) => f.spec.kind === 'down');
    return fault?.spec.kind === 'down' ? fault.spec.mode : null;
  }

  /** The first live fault for this request, counted as a hit; null when none fires. */
  pick(method: string, path: string): ActiveFault | null {
    for (const fault of this.#list) {
      const spec = fault.spec;
      if (spec.kind === 'down' || fault.remaining === 0 || !matches(spec.match, method, path)) continue;
      if (spec.rate < 1 && this.#random() >= spec.rate) continue;
      fault.hits += 1;
      if (fault.remaining !== null) fault.remaining -= 1;
      return fault;
    }
    return null;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

/** Drops the connection with a TCP reset: the client sees ECONNRESET / "other side closed". */
function cut(c: Ctx): Response {
  const socket = c.env.incoming.socket;
  if (!socket.destroyed) socket.resetAndDestroy();
  return new Response(null, { status: 500 });
}

/**
 * First in the chain: picks this request's fault. Refusals (5xx, 429, reset) answer before
 * anything runs; lostResponse lets the request apply, then drops the answer.
 */
export function faultGate(faults: Faults): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const fault = faults.pick(c.req.method, c.req.path);
    if (!fault) return next();
    const spec = fault.spec;
    switch (spec.kind) {
      case 'error':
        return c.json(errorBody('UNEXPECTED_ERROR', { injected: true }), spec.status as ContentfulStatusCode);
      case 'rateLimit':
        c.header('Retry-After', String(spec.retryAfterSec));
        return c.json(errorBody('RATE_LIMITED', { retryAfterSec: spec.retryAfterSec }), 429);
      case 'reset':
        return cut(c);
      case 'lostResponse':
        await next();
        return cut(c);
      default:
        c.set('fault', fault);
        return next();
    }
  };
}

/**
 * Just before the handler, after the Idempotency-Key is taken (so a repeat meanwhile gets 409
 * IDEMPOTENCY_IN_PROGRESS): `slow` waits then answers; `timeout` holds, then applies or not, and
 * drops the connection. `signal` aborts holds when the simulator closes.
 */
export function faultHold(signal: AbortSignal): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const spec = c.get('fault')?.spec;
    if (spec?.kind === 'slow') {
      await sleep(spec.delayMs, signal);
    } else if (spec?.kind === 'timeout') {
      await sleep(spec.holdMs, signal);
      if (spec.apply && !signal.aborted) await next();
      return cut(c);
    }
    return next();
  };
}
