import type { AnyEvent, Envelope } from '../../src-shared/contract/index.ts';
import { fail, type Result } from '../../src-shared/result.ts';
import type { Transport } from './transport.ts';

const NETWORK_MESSAGE = 'レジ本体と通信できません。ネットワークを確認してください。';

/**
 * HTTP to the station: POST /api/rpc for calls, a server-sent event stream for pushes. The stream
 * is read with fetch (not EventSource) so the device token travels in a header, and it reconnects
 * with capped backoff for as long as the page lives.
 */
export function httpTransport(baseUrl = '', getToken: () => string | null = () => null): Transport {
  const headers = (): Record<string, string> => {
    const token = getToken();
    return token ? { 'content-type': 'application/json', authorization: `Bearer ${token}` } : { 'content-type': 'application/json' };
  };
  return {
    async call(envelope: Envelope): Promise<Result<unknown>> {
      try {
        const res = await fetch(`${baseUrl}/api/rpc`, { method: 'POST', headers: headers(), body: JSON.stringify(envelope) });
        return (await res.json()) as Result<unknown>;
      } catch {
        return fail('NETWORK', NETWORK_MESSAGE);
      }
    },
    subscribe(onEvent, onConnection) {
      const abort = new AbortController();
      void (async () => {
        let delay = 500;
        while (!abort.signal.aborted) {
          try {
            const res = await fetch(`${baseUrl}/api/events`, { headers: headers(), signal: abort.signal });
            if (!res.ok || !res.body) throw new Error(`events ${res.status}`);
            onConnection?.(true);
            delay = 500;
            await readEvents(res.body, onEvent);
          } catch {
            if (abort.signal.aborted) return;
          }
          onConnection?.(false);
          await new Promise((r) => setTimeout(r, delay));
          delay = Math.min(delay * 2, 5000);
        }
      })();
      return () => abort.abort();
    },
  };
}

async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (event: AnyEvent) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const name = /^event: ?(.*)$/m.exec(block)?.[1];
      const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.replace(/^data: ?/, '')).join('\n');
      if (name && name !== 'hello' && data) onEvent({ name, payload: JSON.parse(data) } as AnyEvent);
    }
  }
}
