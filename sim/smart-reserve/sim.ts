/**
 * USEN SMART RESERVE ledger simulator: a real HTTP server on 127.0.0.1 with the REST API the
 * register uses (/api/v1) and, on a second port, the control API (/_control).
 *
 *   const sim = new SmartReserveSim();
 *   const { url, controlUrl, close } = await sim.start({ port: 0 });
 */
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import { LedgerControl, type ControlOptions } from './control.ts';
import type { ApiEnv } from './http.ts';
import { createApiApp } from './routes-api.ts';
import { createControlApp } from './routes-control.ts';

export const HOST = '127.0.0.1';

export interface StartOptions {
  /** REST API port; 0 picks a free one. */
  port?: number;
  /** Control API port; 0 (default) picks a free one. */
  controlPort?: number;
}

export interface RunningSim {
  url: string;
  controlUrl: string;
  port: number;
  controlPort: number;
  close(): Promise<void>;
}

function listen(app: Hono<ApiEnv>, port: number): Promise<Server> {
  const server = createAdaptorServer({ fetch: app.fetch, hostname: HOST }) as Server;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function shut(server: Server | null): Promise<void> {
  if (!server) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export class SmartReserveSim extends LedgerControl {
  #api: Server | null = null;
  #control: Server | null = null;
  #apiApp: Hono<ApiEnv> | null = null;
  #port = 0;
  #abort = new AbortController();
  #sockets = new Set<Socket>();
  #applying: Promise<void> = Promise.resolve();

  constructor(options: ControlOptions = {}) {
    super(options);
  }

  async start(options: StartOptions = {}): Promise<RunningSim> {
    if (this.#apiApp) throw new Error('SmartReserveSim is already started');
    this.#abort = new AbortController();
    this.#apiApp = createApiApp(this.ledger, this.faultRegistry, this.#abort.signal);
    this.#port = options.port ?? 0;
    try {
      this.#control = await listen(createControlApp(this), options.controlPort ?? 0);
      await this.#openApi();
    } catch (error) {
      await this.close();
      throw error;
    }
    const controlPort = ((this.#control as Server).address() as AddressInfo).port;
    return {
      url: `http://${HOST}:${this.#port}`,
      controlUrl: `http://${HOST}:${controlPort}`,
      port: this.#port,
      controlPort,
      close: () => this.close(),
    };
  }

  async close(): Promise<void> {
    this.#abort.abort();
    await this.#applying.catch(() => undefined);
    const api = this.#api;
    const control = this.#control;
    this.#api = this.#control = this.#apiApp = null;
    await Promise.all([shut(api), shut(control)]);
  }

  async #openApi(): Promise<void> {
    if (this.#api || !this.#apiApp) return;
    const server = await listen(this.#apiApp, this.#port);
    this.#port = (server.address() as AddressInfo).port;
    server.on('connection', (socket: Socket) => {
      // Fault `down` / reset: accept, then answer every new connection with a TCP reset.
      if (this.faultRegistry.down() === 'reset') {
        socket.resetAndDestroy();
        return;
      }
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
    this.#api = server;
  }

  /**
   * Fault `down`: `refused` closes the listening port (connection refused) until cleared;
   * `reset` keeps it open but resets every connection. Either way open connections are cut.
   */
  protected override faultsChanged(): Promise<void> {
    // Serialised; a failed step (e.g. the port was taken while down) does not block later ones.
    this.#applying = this.#applying.catch(() => undefined).then(async () => {
      if (!this.#apiApp || this.#abort.signal.aborted) return;
      const down = this.faultRegistry.down();
      if (down !== null) for (const socket of this.#sockets) socket.resetAndDestroy();
      if (down === 'refused' && this.#api) {
        const server = this.#api;
        this.#api = null;
        await shut(server);
      } else if (down !== 'refused') {
        await this.#openApi();
      }
    });
    return this.#applying;
  }
}
