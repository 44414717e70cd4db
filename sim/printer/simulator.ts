// Receipt printer simulator: a TCP "port 9100" server and/or a serial endpoint that accept
// ESC/POS, answer real-time status (DLE EOT) and GS r like an Epson TM, split the stream into
// jobs (until a cut, an idle gap or the connection closing) and decode each job into text.
import { EventEmitter } from 'node:events';
import net from 'node:net';
import { SerialPort } from 'serialport';
import { EscPosStream, type PrintedLine } from './decode.ts';
import type { Token } from './tokenize.ts';
import type { RenderEvent } from './render.ts';

export interface SimFaults {
  /** Printer switched offline (no paper/cover problem): DLE EOT 1 bit 3. */
  offline: boolean;
  /** Roll paper end: offline, DLE EOT 2 bit 5, DLE EOT 4 bits 5–6. */
  paperOut: boolean;
  /** Cover open: offline, DLE EOT 2 bit 2. */
  coverOpen: boolean;
  /** Roll near end: still prints, DLE EOT 4 bits 2–3. */
  paperNearEnd: boolean;
  /** Hung printer: keeps the connection, answers nothing, prints nothing. */
  unresponsive: boolean;
  /** Drawer open sensor (connector pin 3 high). */
  drawerOpen: boolean;
}

export type JobEnd = 'cut' | 'idle' | 'close';

export interface SimJob {
  readonly id: number;
  readonly channel: 'tcp' | 'serial';
  readonly startedAt: string;
  readonly endedAt: string;
  readonly ended: JobEnd;
  readonly bytes: Uint8Array;
  readonly lines: readonly PrintedLine[];
  readonly text: string;
  readonly drawerKicks: number;
  readonly images: number;
  readonly barcodes: readonly string[];
  readonly unknownCommands: readonly string[];
}

export interface PrinterSimulatorOptions {
  /** A job without a cut ends after this much silence (default 300 ms). */
  readonly idleGapMs?: number;
  /** Paper width in dots for alignment when the host sets no print area (default 576, 80 mm). */
  readonly paperDots?: number;
}

class JobBuilder {
  readonly id: number;
  readonly channel: 'tcp' | 'serial';
  readonly startedAt = new Date().toISOString();
  endedAt = '';
  ended: JobEnd | null = null;
  chunks: Uint8Array[] = [];
  lines: PrintedLine[] = [];
  kicks = 0;
  images = 0;
  barcodes: string[] = [];
  unknown: string[] = [];
  constructor(id: number, channel: 'tcp' | 'serial') { this.id = id; this.channel = channel; }

  snapshot(): SimJob {
    return {
      id: this.id, channel: this.channel, startedAt: this.startedAt, endedAt: this.endedAt, ended: this.ended ?? 'idle',
      bytes: new Uint8Array(Buffer.concat(this.chunks)), lines: [...this.lines], text: this.lines.map((l) => l.text).join('\n'),
      drawerKicks: this.kicks, images: this.images, barcodes: [...this.barcodes], unknownCommands: [...new Set(this.unknown)],
    };
  }
}

interface Channel {
  readonly kind: 'tcp' | 'serial';
  readonly send: (bytes: Uint8Array) => void;
  readonly stream: EscPosStream;
  job: JobBuilder | null;
  held: Uint8Array[];
  carry: Uint8Array;
  idle: NodeJS.Timeout | null;
}

/** Tokens that begin printing; after a cut they start the next job (status queries do not). */
const startsJob = (tok: Token, events: RenderEvent[]) =>
  tok.t === 'text' || (tok.t === 'ctl' && tok.code === 0x0a) || (tok.t === 'cmd' && tok.name === 'ESC @')
  || events.some((e) => e.e === 'image' || e.e === 'barcode' || e.e === 'line');

export class PrinterSimulator {
  private readonly idleGapMs: number;
  private readonly paperDots: number;
  private readonly state: SimFaults = { offline: false, paperOut: false, coverOpen: false, paperNearEnd: false, unresponsive: false, drawerOpen: false };
  private readonly listed: JobBuilder[] = [];
  private readonly channels = new Set<Channel>();
  private readonly sockets = new Set<net.Socket>();
  private readonly events = new EventEmitter();
  private nextId = 1;
  private kicks = 0;
  private server: net.Server | null = null;
  private serial: SerialPort | null = null;

  constructor(options: PrinterSimulatorOptions = {}) {
    this.idleGapMs = options.idleGapMs ?? 300;
    this.paperDots = options.paperDots ?? 576;
  }

  // ---- control API -------------------------------------------------------------------------

  faults(): SimFaults { return { ...this.state }; }

  /** Sets some faults; when printing becomes possible again, held data is printed (as a real printer does). */
  setFaults(change: Partial<SimFaults>): SimFaults {
    Object.assign(this.state, change);
    if (this.canPrint()) for (const ch of this.channels) this.release(ch);
    return this.faults();
  }

  jobs(): SimJob[] { return this.listed.map((j) => j.snapshot()); }
  job(id: number): SimJob | undefined { return this.listed.find((j) => j.id === id)?.snapshot(); }
  lastJob(): SimJob | undefined { return this.listed.at(-1)?.snapshot(); }
  drawerKicks(): number { return this.kicks; }

  /** Forgets jobs and drawer kicks (faults stay). */
  clear(): void {
    this.listed.length = 0;
    this.kicks = 0;
    for (const ch of this.channels) ch.job = null;
  }

  /** Resolves when at least `count` jobs are listed. */
  waitForJobs(count: number, timeoutMs = 5000): Promise<SimJob[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.listed.length < count) return;
        cleanup();
        resolve(this.jobs());
      };
      const timer = setTimeout(() => { cleanup(); reject(new Error(`expected ${count} printer jobs, have ${this.listed.length}`)); }, timeoutMs);
      const cleanup = () => { clearTimeout(timer); this.events.off('job', check); };
      this.events.on('job', check);
      check();
    });
  }

  // ---- endpoints ---------------------------------------------------------------------------

  async listenTcp(port = 0, host = '127.0.0.1'): Promise<{ host: string; port: number }> {
    const server = net.createServer((socket) => {
      this.sockets.add(socket);
      const ch = this.channel('tcp', (b) => { if (!socket.destroyed) socket.write(b); });
      socket.on('data', (chunk: Buffer) => this.receive(ch, new Uint8Array(chunk)));
      socket.on('error', () => { /* a client vanishing is normal */ });
      socket.on('close', () => { this.sockets.delete(socket); this.endChannel(ch); });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const addr = server.address() as net.AddressInfo;
    return { host: addr.address, port: addr.port };
  }

  async openSerial(path: string, baudRate = 38400): Promise<void> {
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    const ch = this.channel('serial', (b) => { if (port.isOpen) port.write(Buffer.from(b)); });
    port.on('data', (chunk: Buffer) => this.receive(ch, new Uint8Array(chunk)));
    port.on('error', () => {});
    port.on('close', () => this.endChannel(ch));
    this.serial = port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    for (const ch of this.channels) if (ch.idle) clearTimeout(ch.idle);
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    const serial = this.serial;
    this.serial = null;
    if (serial?.isOpen) await new Promise<void>((resolve) => serial.close(() => resolve()));
  }

  // ---- printer behaviour -------------------------------------------------------------------

  private canPrint(): boolean {
    const s = this.state;
    return !(s.offline || s.paperOut || s.coverOpen || s.unresponsive);
  }

  private channel(kind: 'tcp' | 'serial', send: (b: Uint8Array) => void): Channel {
    const ch: Channel = { kind, send, stream: new EscPosStream(this.paperDots), job: null, held: [], carry: new Uint8Array(0), idle: null };
    this.channels.add(ch);
    return ch;
  }

  private receive(ch: Channel, chunk: Uint8Array): void {
    this.realtime(ch, chunk);
    // While offline a printer keeps receiving into its buffer and prints after recovery.
    if (!this.canPrint() || ch.held.length > 0) ch.held.push(chunk);
    else this.process(ch, chunk);
  }

  private release(ch: Channel): void {
    const held = ch.held;
    ch.held = [];
    for (const chunk of held) this.process(ch, chunk);
  }

  /** Real-time commands act on arrival, even offline: DLE EOT n (status) and DLE DC4 1 (pulse). */
  private realtime(ch: Channel, chunk: Uint8Array): void {
    const b = ch.carry.length > 0 ? Buffer.concat([ch.carry, chunk]) : chunk;
    ch.carry = new Uint8Array(0);
    for (let i = 0; i < b.length; i++) {
      if (b[i] !== 0x10) continue;
      const id = b[i + 1];
      const complete = id === 0x04 ? i + 2 < b.length : id === 0x14 ? i + 4 < b.length : true;
      if (id === undefined || !complete) { ch.carry = Uint8Array.from(b.subarray(i)); return; }
      if (id === 0x04) {
        const reply = this.statusByte(b[i + 2] ?? 0);
        if (reply !== null && !this.state.unresponsive) ch.send(Uint8Array.of(reply));
        i += 2;
      } else if (id === 0x14) {
        if (b[i + 2] === 1 && !this.state.unresponsive) this.kick(ch.job);
        i += 4;
      }
    }
  }

  /** DLE EOT n replies: fixed bits 1 and 4 (0x12) plus the state bits of the Epson reference. */
  private statusByte(n: number): number | null {
    const s = this.state;
    const stopped = s.offline || s.paperOut || s.coverOpen;
    switch (n) {
      case 1: return 0x12 | (s.drawerOpen ? 0x04 : 0) | (stopped ? 0x08 : 0);
      case 2: return 0x12 | (s.coverOpen ? 0x04 : 0) | (s.paperOut ? 0x20 : 0);
      case 3: return 0x12;
      case 4: return 0x12 | (s.paperNearEnd ? 0x0c : 0) | (s.paperOut ? 0x60 : 0);
      default: return null;
    }
  }

  private kick(job: JobBuilder | null): void {
    this.kicks++;
    if (job) job.kicks++;
  }

  private process(ch: Channel, chunk: Uint8Array): void {
    ch.stream.push(chunk, (tok, raw, events) => {
      // Status polling is link traffic, answered in realtime(): not part of any job.
      if (tok.t === 'cmd' && (tok.name === 'DLE EOT' || tok.name === 'DLE ENQ')) return;
      if (!ch.job || (ch.job.ended === 'cut' && startsJob(tok, events))) ch.job = new JobBuilder(this.nextId++, ch.kind);
      const job = ch.job;
      job.chunks.push(Uint8Array.from(raw));
      for (const ev of events) {
        if (ev.e === 'line') job.lines.push(ev.line);
        else if (ev.e === 'cut') this.finish(job, 'cut');
        else if (ev.e === 'kick') this.kick(job);
        else if (ev.e === 'image') job.images++;
        else if (ev.e === 'barcode') job.barcodes.push(ev.data);
        else if (ev.e === 'unknown') job.unknown.push(ev.name);
        // GS r 1: paper sensor (near end bits 0–1); GS r 2: drawer (pin 3 in bit 0).
        else if (ev.e === 'reply') ch.send(Uint8Array.of(ev.query === 2 ? (this.state.drawerOpen ? 1 : 0) : (this.state.paperNearEnd ? 0x03 : 0)));
      }
    });
    if (ch.idle) clearTimeout(ch.idle);
    ch.idle = setTimeout(() => this.endJob(ch, 'idle'), this.idleGapMs);
    ch.idle.unref();
  }

  private finish(job: JobBuilder, how: JobEnd): void {
    if (job.ended) return;
    job.ended = how;
    job.endedAt = new Date().toISOString();
    this.listed.push(job);
    this.events.emit('job');
  }

  private endJob(ch: Channel, how: JobEnd): void {
    const job = ch.job;
    ch.job = null;
    if (!job || job.ended) return;
    const rest = ch.stream.renderer.takePending();
    if (rest) job.lines.push(rest);
    // Bytes that printed nothing (e.g. a lone status query) are not a job.
    if (job.lines.length > 0 || job.kicks > 0 || job.images > 0 || job.barcodes.length > 0) this.finish(job, how);
  }

  private endChannel(ch: Channel): void {
    if (ch.idle) clearTimeout(ch.idle);
    this.endJob(ch, 'close');
    this.channels.delete(ch);
  }
}
