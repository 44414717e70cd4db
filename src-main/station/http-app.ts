import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { staffMessages } from '../../src-shared/errors.ts';
import { fail, type Result } from '../../src-shared/result.ts';
import type { AnyEvent } from '../../src-shared/contract/index.ts';
import type { Core } from '../core.ts';
import type { Caller } from '../api/context.ts';
import { deviceForToken } from '../services/devices.ts';
import { getSettings } from '../store/settings-repo.ts';

/** The CSP of the station's pages: everything from the station itself, nothing remote. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** Only this machine itself counts as local; every other address needs a paired device token. */
export const isLoopback = (address: string | undefined): boolean =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

const HTTP_STATUS: Record<string, 400 | 401 | 403 | 404 | 413> = {
  BAD_REQUEST: 400, UNKNOWN_METHOD: 404, UNAUTHENTICATED: 401, DEVICE_NOT_PAIRED: 401, FORBIDDEN: 403, LAN_DISABLED: 403, PAYLOAD_TOO_LARGE: 413,
};

const json = (c: Context, result: Result<unknown>) => c.json(result, result.ok ? 200 : HTTP_STATUS[result.error.code] ?? 200);

/**
 * Who is calling. Loopback callers are the register itself. Others must come while LAN is on
 * and carry a paired device token (`Authorization: Bearer …`, or `?token=` for event streams).
 */
function identify(c: Context, core: Core, method?: string): Caller | Result<never> {
  const address = getConnInfo(c).remote.address;
  if (isLoopback(address)) return { transport: 'http', local: true };
  if (core.health().ok && !getSettings(core.liveDb()).lanEnabled) return fail('LAN_DISABLED', staffMessages.LAN_DISABLED);
  const token = c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? c.req.query('token');
  const deviceId = core.health().ok ? deviceForToken(core.liveDb(), token, core.now()) : null;
  if (deviceId) return { transport: 'http', local: false, deviceId };
  if (method === 'devices.pair') return { transport: 'http', local: false };
  core.log.warn({ address, method }, 'request without a valid device token refused');
  return fail('DEVICE_NOT_PAIRED', staffMessages.DEVICE_NOT_PAIRED);
}

export function createHttpApp(core: Core, rendererDir: string | null): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });

  app.post('/api/rpc', bodyLimit({ maxSize: 1024 * 1024, onError: (c) => json(c, fail('PAYLOAD_TOO_LARGE', staffMessages.BAD_REQUEST)) }), async (c) => {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return json(c, fail('BAD_REQUEST', staffMessages.BAD_REQUEST));
    }
    const method = typeof body === 'object' && body !== null ? (body as { method?: unknown }).method : undefined;
    const caller = identify(c, core, typeof method === 'string' ? method : undefined);
    if ('ok' in caller) return json(c, caller);
    return json(c, await core.dispatch(body, caller));
  });

  app.get('/api/events', (c) => {
    const caller = identify(c, core);
    if ('ok' in caller) return json(c, caller);
    return streamSSE(c, async (stream) => {
      const queue: AnyEvent[] = [];
      let wake: (() => void) | null = null;
      const unsubscribe = core.subscribe((event) => {
        queue.push(event);
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: 'hello', data: JSON.stringify({ mode: core.mode }) });
      // Bounded by the connection's life; a 15 s comment keeps proxies and dead-peer detection honest.
      while (!stream.aborted && !stream.closed) {
        const event = queue.shift();
        if (event) {
          await stream.writeSSE({ event: event.name, data: JSON.stringify(event.payload) });
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 15_000).unref();
        });
        wake = null;
        if (!queue.length && !stream.aborted) await stream.write(': keepalive\n\n');
      }
      unsubscribe();
    });
  });

  app.all('/api/*', (c) => json(c, fail('UNKNOWN_METHOD', staffMessages.UNKNOWN_METHOD)));

  if (rendererDir && existsSync(join(rendererDir, 'index.html'))) {
    const index = readFileSync(join(rendererDir, 'index.html'), 'utf8');
    app.use('/*', serveStatic({ root: rendererDir }));
    app.get('*', (c) => c.html(index));
  } else {
    app.get('*', (c) => c.text('The renderer is not built. Run `npm run build:renderer`.', 503));
  }
  return app;
}
