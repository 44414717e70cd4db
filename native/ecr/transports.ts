// Transports for the ECR link: both hand the driver a plain Duplex, so one link layer serves all.
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { SerialPort } from 'serialport';

/** Opens a fresh byte stream to the terminal; called by EcrDriver.connect() (again on each reconnect). */
export interface Transport {
  /** For logs: "tcp 192.168.1.20:10009", "serial /dev/ttyUSB0@115200". */
  readonly label: string;
  open(): Promise<Duplex>;
}

/** The terminal listens on LAN; one connection at a time (a new one replaces the old on the terminal). */
export function tcpTransport(host: string, port: number, options: { connectTimeoutMs?: number } = {}): Transport {
  const timeout = options.connectTimeoutMs ?? 5000;
  return {
    label: `tcp ${host}:${port}`,
    open: () => new Promise<Duplex>((resolve, reject) => {
      const socket = connect({ host, port, noDelay: true });
      const timer = setTimeout(() => { socket.destroy(); reject(new Error(`connect ${host}:${port} timed out after ${timeout} ms`)); }, timeout);
      socket.once('error', (err) => { clearTimeout(timer); reject(err); });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        // Half-open sockets are silent; keepalive helps, the link heartbeat decides.
        socket.setKeepAlive(true, 5000);
        resolve(socket);
      });
    }),
  };
}

/** A serial line, 8N1 at `baudRate` (115200 by default); no connection state, the heartbeat tells. */
export function serialTransport(path: string, baudRate = 115_200): Transport {
  return { label: `serial ${path}@${baudRate}`, open: () => openSerialPort(path, baudRate) };
}

/** Opens a serial port 8N1 whose destroy() also releases the device (shared with the simulator). */
export function openSerialPort(path: string, baudRate = 115_200): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate, dataBits: 8, parity: 'none', stopBits: 1, autoOpen: false });
    // SerialPort 13 has no _destroy: destroy() would leave the device open and locked, so that the
    // next open fails with "Cannot lock port". Close it for real.
    port._destroy = (err, done) => { if (port.isOpen) port.close(() => done(err)); else done(err); };
    port.open((err) => (err ? reject(err) : resolve(port)));
  });
}
