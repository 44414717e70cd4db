import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MSG_UNEXPECTED } from './errors.ts';
import { matches } from './faults.ts';
import { countEffects, startHarness, type Harness } from './testing.ts';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

/** How a fetch failed: the cause's code (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET) or the error name. */
async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    const e = error as { name?: string; cause?: { code?: string } };
    return e.cause?.code ?? e.name ?? 'unknown';
  }
  throw new Error('expected the request to fail');
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const walkIn = (ref: string, table = 'T1') => ({ visitRef: ref, posTableId: h.pos(table), party: 2 });

/** What an outbox does: repeat with the same key while the first attempt still holds it (bounded). */
async function retry(body: Record<string, unknown>, key: string) {
  for (let i = 0; i < 40; i += 1) {
    const res = await h.api.post<Body>('/visits', body, { key });
    if (res.body.code !== 'IDEMPOTENCY_IN_PROGRESS') return res;
    await wait(50);
  }
  throw new Error('still in progress');
}

/** Polls a condition every 50 ms, at most `tries` times. */
async function eventually(check: () => boolean | Promise<boolean>, tries = 40): Promise<void> {
  for (let i = 0; i < tries; i += 1) {
    if (await check()) return;
    await wait(50);
  }
  throw new Error('condition not reached');
}

describe('fault: down', () => {
  it('refused: the port is closed; the control API still answers; clearing reopens the same URL', async () => {
    await h.sim.addFault({ kind: 'down', mode: 'refused' });
    // a pooled keep-alive connection may be the first to notice (reset); new connections are refused
    expect(await failure(h.api.get('/health'))).toMatch(/ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET/);
    expect(await failure(h.api.get('/health'))).toBe('ECONNREFUSED');
    const faults = await h.control.get<Body>('/faults');
    expect(faults.body.faults[0].spec).toMatchObject({ kind: 'down', mode: 'refused' });
    expect((await h.control.send('DELETE', '/faults')).status).toBe(200);
    expect((await h.api.get('/health')).status).toBe(200);
  });

  it('reset: connections are accepted and reset; nothing is applied', async () => {
    await h.control.post('/faults', { kind: 'down', mode: 'reset' });
    expect(await failure(h.api.post('/visits', walkIn('d1')))).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    await h.sim.clearFaults();
    expect(countEffects(h.sim, 'visit_created')).toBe(0);
    expect((await h.api.post('/visits', walkIn('d1'))).status).toBe(201);
  });
});

describe('fault: 5xx', () => {
  it('count: the first n requests get 503 予期せぬエラー and apply nothing', async () => {
    await h.sim.addFault({ kind: 'error', status: 503, count: 2, match: 'POST /api/v1/visits' });
    const tries = [];
    for (let i = 0; i < 3; i += 1) tries.push(await h.api.post<Body>('/visits', walkIn('e1'), { key: 'evt-e1' }));
    expect(tries.map((t) => t.status)).toEqual([503, 503, 201]);
    expect(tries[0]?.body).toMatchObject({ code: 'UNEXPECTED_ERROR', message: MSG_UNEXPECTED });
    expect(tries[2]?.headers.get('idempotent-replayed')).toBeNull();
    expect(countEffects(h.sim, 'visit_created', 'e1')).toBe(1);
  });

  it('rate: a seeded share of requests fails, the same way after a reset of the faults', async () => {
    const run = async () => {
      await h.sim.setFaults([{ kind: 'error', status: 500, rate: 0.5, match: 'GET /api/v1/health' }]);
      const statuses: number[] = [];
      for (let i = 0; i < 30; i += 1) statuses.push((await h.api.get('/health')).status);
      return statuses;
    };
    const first = await run();
    const failed = first.filter((s) => s === 500).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(25);
    expect(h.sim.faults()[0]?.hits).toBe(failed);
    await h.sim.clearFaults();
    expect(await run()).toEqual(first);
  });
});

describe('fault: 429', () => {
  it('answers 429 with Retry-After and applies nothing', async () => {
    await h.sim.addFault({ kind: 'rateLimit', retryAfterSec: 7, count: 1 });
    const res = await h.api.post<Body>('/visits', walkIn('q1'));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(countEffects(h.sim, 'visit_created')).toBe(0);
  });
});

describe('fault: slow and timeout', () => {
  it('slow: answers after the delay', async () => {
    await h.sim.addFault({ kind: 'slow', delayMs: 300, count: 1 });
    const started = performance.now();
    const res = await h.api.get('/health');
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('timeout without apply: the client gives up, nothing is applied, the retry applies once', async () => {
    await h.sim.addFault({ kind: 'timeout', holdMs: 600, apply: false, count: 1 });
    expect(await failure(h.api.post('/visits', walkIn('t1'), { key: 'evt-t1', timeoutMs: 200 }))).toBe('TimeoutError');
    await eventually(() => h.sim.faults()[0]?.hits === 1);
    await wait(650);
    expect((await h.api.get('/visits/by-ref/t1')).status).toBe(404);
    const again = await retry(walkIn('t1'), 'evt-t1');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(countEffects(h.sim, 'visit_created', 't1')).toBe(1);
  });

  it('timeout with apply: the client gives up, the ledger applies later; look-up finds it, the retry replays', async () => {
    await h.sim.addFault({ kind: 'timeout', holdMs: 400, apply: true, count: 1 });
    expect(await failure(h.api.post('/visits', walkIn('t2'), { key: 'evt-t2', timeoutMs: 150 }))).toBe('TimeoutError');
    await eventually(async () => (await h.api.get('/visits/by-ref/t2')).status === 200);
    const again = await retry(walkIn('t2'), 'evt-t2');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(countEffects(h.sim, 'visit_created', 't2')).toBe(1);
  });
});

describe('fault: lost response and reset', () => {
  it('lostResponse: applied, then the connection drops; the retry with the same key replays', async () => {
    await h.sim.addFault({ kind: 'lostResponse', count: 1, match: 'POST /api/v1/visits' });
    expect(await failure(h.api.post('/visits', walkIn('l1'), { key: 'evt-l1' }))).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect(countEffects(h.sim, 'visit_created', 'l1')).toBe(1);
    const retry = await h.api.post<Body>('/visits', walkIn('l1'), { key: 'evt-l1' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(countEffects(h.sim, 'visit_created', 'l1')).toBe(1);
  });

  it('reset: the connection drops before anything is applied', async () => {
    await h.sim.addFault({ kind: 'reset', count: 1 });
    expect(await failure(h.api.post('/visits', walkIn('x1')))).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect(countEffects(h.sim, 'visit_created')).toBe(0);
  });
});

describe('fault targeting', () => {
  it('hits only the matching endpoint; the control API is never faulted', async () => {
    await h.sim.addFault({ kind: 'error', match: 'POST /api/v1/visits/*/checkout' });
    const seated = await h.api.post<Body>('/visits', walkIn('m1'));
    expect(seated.status).toBe(201);
    const paid = await h.api.post<Body>(`/visits/${seated.body.visit.id}/checkout`, { slipNo: '1002600001480', amount: 100, party: 2 });
    expect(paid.status).toBe(503);
    await h.sim.setFaults([{ kind: 'error', match: '**' }]);
    expect((await h.control.get('/state')).status).toBe(200);
  });

  it('globs: * is one segment, ** any rest, method optional', () => {
    expect(matches('POST /api/v1/visits/*/checkout', 'POST', '/api/v1/visits/V1/checkout')).toBe(true);
    expect(matches('POST /api/v1/visits/*/checkout', 'GET', '/api/v1/visits/V1/checkout')).toBe(false);
    expect(matches('POST /api/v1/visits/*', 'POST', '/api/v1/visits/V1/checkout')).toBe(false);
    expect(matches('/api/v1/**', 'PATCH', '/api/v1/visits/V1')).toBe(true);
    expect(matches('* /api/v1/health', 'GET', '/api/v1/health')).toBe(true);
  });
});
