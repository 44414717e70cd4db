import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core.ts';
import { getSettings } from '../store/settings-repo.ts';
import { createHttpApp } from './http-app.ts';

export type StationOptions = {
  port: number;
  /** Interface used once LAN is switched on in settings (default all interfaces). */
  lanHost?: string;
  rendererDir: string | null;
};

/**
 * The station: the core served over HTTP + server-sent events. It listens on loopback only
 * until LAN is switched on in settings, then on `lanHost`, and follows the setting live.
 */
export class Station {
  private server: ServerType | null = null;
  private host = '127.0.0.1';
  private readonly core: Core;
  private readonly opts: StationOptions;
  private unsubscribe: (() => void) | null = null;
  port = 0;

  constructor(core: Core, opts: StationOptions) {
    this.core = core;
    this.opts = opts;
  }

  async start(): Promise<{ url: string }> {
    await this.listen(this.wantedHost(), this.opts.port);
    this.unsubscribe = this.core.subscribe((event) => {
      if (event.name === 'settings.changed' || event.name === 'mode.changed') {
        const host = this.wantedHost();
        if (host !== this.host) void this.relisten(host);
      }
    });
    return { url: this.url() };
  }

  url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private wantedHost(): string {
    const lan = this.core.health().ok && getSettings(this.core.liveDb()).lanEnabled;
    return lan ? (this.opts.lanHost ?? '0.0.0.0') : '127.0.0.1';
  }

  private async relisten(host: string): Promise<void> {
    await this.closeServer();
    await this.listen(host, this.port);
    this.core.log.info({ host, port: this.port }, 'station listening address changed');
  }

  private listen(host: string, port: number): Promise<void> {
    const app = createHttpApp(this.core, this.opts.rendererDir);
    return new Promise((resolve, reject) => {
      const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
        this.port = info.port;
        this.host = host;
        resolve();
      });
      server.once('error', reject);
      this.server = server;
    });
  }

  private closeServer(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    await this.closeServer();
  }
}
