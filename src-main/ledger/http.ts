import { parseRetryAfter } from '../outbox/backoff.ts';
import type { Delivery } from '../outbox/types.ts';

/** S11 wording for staff when the ledger cannot be reached. */
export const NETWORK_ERROR = 'テーブル情報連携時にネットワークエラーが発生しました。';
export const UNEXPECTED = '予期せぬエラーが発生しました。';

export type HttpAnswer = { status: number; body: Record<string, unknown>; retryAfterMs?: number };

/** JSON over fetch with a hard timeout; network failures come back as status 0. */
export async function requestJson(url: string, init: { method?: string; token?: string | null; key?: string; body?: unknown; timeoutMs?: number }): Promise<HttpAnswer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.key) headers['idempotency-key'] = init.key;
  try {
    const res = await fetch(url, {
      method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(init.timeoutMs ?? 15_000),
    });
    const text = await res.text();
    let body: Record<string, unknown> = {};
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      body = { code: 'NOT_JSON', message: text.slice(0, 200) };
    }
    return { status: res.status, body, retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), Date.now()) };
  } catch (error) {
    return { status: 0, body: { code: 'NETWORK', message: (error as Error).message } };
  }
}

/**
 * What an answer means for the outbox: network faults, timeouts, 5xx, 429 and "in progress"
 * are retried; other 4xx are permanent (the ledger's own Japanese message is the cause).
 */
export function classify(answer: HttpAnswer): Delivery | null {
  const { status, body } = answer;
  if (status >= 200 && status < 300) return null;
  const code = typeof body.code === 'string' ? body.code : `HTTP_${status}`;
  const message = typeof body.message === 'string' ? body.message : UNEXPECTED;
  if (status === 0) return { kind: 'retry', code: 'NETWORK', message: NETWORK_ERROR };
  if (status >= 500 || status === 429 || status === 408 || code === 'IDEMPOTENCY_IN_PROGRESS') {
    return { kind: 'retry', code, message: status >= 500 ? UNEXPECTED : message, retryAfterMs: answer.retryAfterMs };
  }
  return { kind: 'permanent', code, message };
}
