// Transport logic against a scripted in-memory link and a real TCP server that stops reading.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  decodeStatus, openTcpLink, printJob, PrinterError, ReceiptPrinter, statusError, type PrinterLink,
} from './index.ts';

/** A printer on a wire: answers DLE EOT from `status`, GS r 1 when `confirm`, plus noise bytes. */
class ScriptedLink implements PrinterLink {
  status: Record<number, number> = { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 };
  confirm = true;
  silent = false;
  written: number[] = [];
  private data: Array<(c: Uint8Array) => void> = [];
  private closes: Array<(e?: Error) => void> = [];

  write(data: Uint8Array): Promise<void> {
    this.written.push(...data);
    const replies: number[] = [];
    for (let i = 0; i < data.length; i++) {
      if (data[i] === 0x10 && data[i + 1] === 0x04) replies.push(this.status[data[i + 2] ?? 0] ?? 0);
      if (data[i] === 0x1d && data[i + 1] === 0x72 && this.confirm) replies.push(0xff, 0x00); // 0xff: unsolicited noise
    }
    if (!this.silent && replies.length > 0) setImmediate(() => this.data.forEach((l) => l(Uint8Array.from(replies))));
    return Promise.resolve();
  }
  onData(l: (c: Uint8Array) => void): void { this.data.push(l); }
  onClose(l: (e?: Error) => void): void { this.closes.push(l); }
  drop(): void { this.closes.forEach((l) => l(new Error('cable out'))); }
  close(): Promise<void> { return Promise.resolve(); }
}

const JOB = Uint8Array.of(0x1b, 0x40, 0x41, 0x0a, 0x1d, 0x56, 0x42, 0x00, 0x1d, 0x72, 0x31);
const fast = { statusTimeoutMs: 100, pollIntervalMs: 20, jobTimeoutMs: 300 };

describe('status decoding', () => {
  it('maps DLE EOT bits to errors, cover before paper before offline', () => {
    expect(statusError(decodeStatus(0x12, 0x12, 0x12, 0x12))).toBeNull();
    expect(statusError(decodeStatus(0x1a, 0x32, 0x12, 0x72))).toBe('PAPER_OUT');
    expect(statusError(decodeStatus(0x1a, 0x36, 0x12, 0x72))).toBe('COVER_OPEN');
    expect(statusError(decodeStatus(0x1a, 0x12, 0x12, 0x12))).toBe('OFFLINE');
    expect(statusError(decodeStatus(0x12, 0x52, 0x1a, 0x12))).toBe('OFFLINE'); // autocutter error
    expect(decodeStatus(0x16, 0x12, 0x12, 0x1e)).toMatchObject({ paperNearEnd: true, drawerSignal: true, online: true });
  });
});

describe('ReceiptPrinter', () => {
  it('checks, writes, waits for GS r 1 among other bytes, checks again', async () => {
    const link = new ScriptedLink();
    const result = await new ReceiptPrinter(link, fast).print(JOB);
    expect(result).toMatchObject({ bytes: JOB.length, confirmed: true, warnings: [] });
    const queries = [0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 3, 0x10, 4, 4];
    expect(link.written).toEqual([...queries, ...JOB, ...queries]);
  });

  it('refuses to print with the status error and sends nothing but the queries', async () => {
    const link = new ScriptedLink();
    link.status = { 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x72 };
    const e = await new ReceiptPrinter(link, fast).print(JOB).catch((x: unknown) => x);
    expect([(e as PrinterError).code, (e as PrinterError).status?.paperOut]).toEqual(['PAPER_OUT', true]);
    expect(link.written).toHaveLength(12);
  });

  it('no status reply → TIMEOUT; no job confirmation → TIMEOUT after jobTimeoutMs', async () => {
    const silent = new ScriptedLink();
    silent.silent = true;
    expect(await new ReceiptPrinter(silent, fast).status().catch((x: PrinterError) => x.code)).toBe('TIMEOUT');
    const stuck = new ScriptedLink();
    stuck.confirm = false;
    const started = Date.now();
    expect(await new ReceiptPrinter(stuck, fast).print(JOB).catch((x: PrinterError) => x.code)).toBe('TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('a dropped link fails pending replies at once with OFFLINE', async () => {
    const link = new ScriptedLink();
    link.silent = true;
    const printer = new ReceiptPrinter(link, { ...fast, statusTimeoutMs: 5000 });
    const pending = printer.status().catch((x: PrinterError) => x.code);
    setTimeout(() => link.drop(), 20);
    const started = Date.now();
    expect(await pending).toBe('OFFLINE');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await printer.status().catch((x: PrinterError) => x.code)).toBe('OFFLINE');
  });

  it('operations do not interleave: concurrent calls are serialised', async () => {
    const link = new ScriptedLink();
    const printer = new ReceiptPrinter(link, fast);
    await Promise.all([printer.print(JOB), printer.status(), printer.print(JOB)]);
    const q = [0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 3, 0x10, 4, 4];
    expect(link.written).toEqual([...q, ...JOB, ...q, ...q, ...q, ...JOB, ...q]);
  });
});

describe('TCP link', () => {
  it('a printer that stops reading makes the write time out', async () => {
    const peers: net.Socket[] = [];
    const server = net.createServer((s) => { s.pause(); peers.push(s); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    const link = await openTcpLink('127.0.0.1', port, 1000);
    const big = new Uint8Array(64 * 1024 * 1024);
    const e = await link.write(big, 300).catch((x: unknown) => x);
    expect((e as PrinterError).code).toBe('TIMEOUT');
    await link.close();
    peers.forEach((p) => p.destroy());
    await new Promise((r) => server.close(r));
  });

  it('connection refused is OFFLINE with the staff message', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((r) => server.close(r));
    const e = await printJob({ kind: 'tcp', host: '127.0.0.1', port }, JOB).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PrinterError);
    expect((e as PrinterError).message).toBe('プリンターに接続できないか、オフラインです。電源・ケーブル・エラーランプを確認して再印刷してください。');
  });
});
