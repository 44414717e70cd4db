// Starts the simulated terminal on its transports: a TCP server (the terminal listens on LAN),
// a serial port (e.g. one end of a socat pty pair), and the HTTP control API.
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { SerialPort } from 'serialport';
import { openSerialPort } from '../../native/ecr/transports.ts';
import type { ServerType } from '@hono/node-server';
import { TerminalSim } from './control.ts';
import { startControlServer } from './control-http.ts';
import type { TerminalConfig } from './terminal.ts';

export interface SimOptions {
  /** TCP port on 127.0.0.1 (0: any free port; null/undefined: no TCP). */
  tcpPort?: number | null;
  /** Serial device path for the terminal's end of the line (null/undefined: none). */
  serialPath?: string | null;
  baudRate?: number;
  /** HTTP control API port on 127.0.0.1 (0: any; null/undefined: none). */
  controlPort?: number | null;
  terminal?: Partial<TerminalConfig>;
}

export interface RunningSim {
  terminal: TerminalSim;
  tcpPort: number | null;
  serialPath: string | null;
  controlUrl: string | null;
  close(): Promise<void>;
}

export async function startTerminalSim(options: SimOptions): Promise<RunningSim> {
  const terminal = new TerminalSim(options.terminal);
  let tcp: Server | null = null;
  const sockets = new Set<Socket>();
  let tcpPort: number | null = null;
  if (options.tcpPort !== undefined && options.tcpPort !== null) {
    const server = createServer((socket) => {
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      terminal.attach(socket, 'tcp');
    });
    tcp = server;
    tcpPort = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.tcpPort!, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  }
  let port: SerialPort | null = null;
  if (options.serialPath) {
    port = await openSerialPort(options.serialPath, options.baudRate ?? 115_200);
    terminal.attach(port, 'serial');
  }
  let control: ServerType | null = null;
  let controlUrl: string | null = null;
  if (options.controlPort !== undefined && options.controlPort !== null) {
    const started = await startControlServer(terminal, options.controlPort);
    control = started.server;
    controlUrl = started.url;
  }
  return {
    terminal, tcpPort, serialPath: options.serialPath ?? null, controlUrl,
    async close() {
      // Wait for the serial port's 'close': until then it stays locked for the next opener.
      const portClosed = port && !port.closed ? once(port, 'close').catch(() => {}) : null;
      terminal.close();
      for (const s of sockets) s.destroy();
      await Promise.all([
        tcp && new Promise<void>((r) => tcp.close(() => r())),
        control && new Promise<void>((r) => control.close(() => r())),
        portClosed,
      ]);
    },
  };
}
