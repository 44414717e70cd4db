// Byte links to a receipt printer: raw TCP (port 9100) and serial (RS-232 / virtual COM).
// A link only moves bytes; ReceiptPrinter (printer.ts) adds the ESC/POS status protocol.
import net from 'node:net';
import { SerialPort } from 'serialport';
import { PrinterError } from './status.ts';

export interface PrinterLink {
  /** Resolves once the bytes are handed to the OS; rejects with TIMEOUT when they cannot be. */
  write(data: Uint8Array, timeoutMs: number): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Called once when the link drops (printer off, cable out, closed). */
  onClose(listener: (cause?: Error) => void): void;
  close(): Promise<void>;
}

export type PrinterTarget =
  | { readonly kind: 'tcp'; readonly host: string; readonly port?: number }
  | { readonly kind: 'serial'; readonly path: string; readonly baudRate?: number };

/** Rejects with TIMEOUT after ms unless the promise settles first. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout?: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout?.();
      reject(new PrinterError('TIMEOUT'));
    }, ms);
    promise.then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e: unknown) => { clearTimeout(timer); reject(e); },
    );
  });
}

export async function openTcpLink(host: string, port: number, connectTimeoutMs: number): Promise<PrinterLink> {
  const socket = net.createConnection({ host, port });
  socket.setNoDelay(true);
  try {
    await withTimeout(new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    }), connectTimeoutMs, () => socket.destroy());
  } catch (cause) {
    socket.destroy();
    // Refused, unreachable or no answer: to staff these all mean the printer is not there.
    throw new PrinterError('OFFLINE', { cause });
  }
  const closeListeners: Array<(cause?: Error) => void> = [];
  let closeCause: Error | undefined;
  socket.on('error', (e) => { closeCause = e; });
  socket.once('close', () => closeListeners.forEach((l) => l(closeCause)));
  return {
    write: (data, timeoutMs) => withTimeout(new Promise<void>((resolve, reject) => {
      if (socket.destroyed) { reject(new PrinterError('OFFLINE', { cause: closeCause })); return; }
      // The callback runs when the kernel took the bytes; a printer whose buffer is full stops
      // reading, the send window closes and the callback never comes: that is the write timeout.
      socket.write(data, (e) => (e ? reject(new PrinterError('OFFLINE', { cause: e })) : resolve()));
    }), timeoutMs, () => socket.destroy()),
    onData: (listener) => { socket.on('data', (chunk: Buffer) => listener(new Uint8Array(chunk))); },
    onClose: (listener) => { closeListeners.push(listener); },
    close: () => new Promise<void>((resolve) => {
      if (socket.destroyed) { resolve(); return; }
      socket.once('close', () => resolve());
      socket.end();
      setTimeout(() => socket.destroy(), 500).unref();
    }),
  };
}

export async function openSerialLink(path: string, baudRate: number, openTimeoutMs: number): Promise<PrinterLink> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  try {
    await withTimeout(new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve()))), openTimeoutMs);
  } catch (cause) {
    if (port.isOpen) port.close();
    throw cause instanceof PrinterError ? cause : new PrinterError('OFFLINE', { cause });
  }
  const closeListeners: Array<(cause?: Error) => void> = [];
  port.once('close', (e?: Error) => closeListeners.forEach((l) => l(e ?? undefined)));
  port.on('error', () => { /* surfaced through write/close */ });
  return {
    write: (data, timeoutMs) => withTimeout(new Promise<void>((resolve, reject) => {
      if (!port.isOpen) { reject(new PrinterError('OFFLINE')); return; }
      port.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength), (e) => {
        if (e) { reject(new PrinterError('OFFLINE', { cause: e })); return; }
        // drain: wait until the bytes left the OS buffer (with hardware flow control a busy
        // printer holds CTS and this is where a write blocks).
        port.drain((d) => (d ? reject(new PrinterError('OFFLINE', { cause: d })) : resolve()));
      });
    }), timeoutMs),
    onData: (listener) => { port.on('data', (chunk: Buffer) => listener(new Uint8Array(chunk))); },
    onClose: (listener) => { closeListeners.push(listener); },
    close: () => new Promise<void>((resolve) => {
      if (!port.isOpen) { resolve(); return; }
      port.close(() => resolve());
    }),
  };
}
