// Benchmark of the payment-terminal link: codec throughput and the sale round trip with instant
// approval, over TCP loopback and over a socat pty pair at 115,200 baud, against the wire time.
// The simulator runs as its own process (sim/terminal/main.ts --auto), as the real terminal would.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Duplex } from 'node:stream';
import { FrameDecoder, encodeMessage } from '../native/ecr/codec.ts';
import { EcrDriver } from '../native/ecr/driver.ts';
import { serialTransport, tcpTransport, type Transport } from '../native/ecr/transports.ts';

export interface BenchRow { name: string; unit: string; p50?: number; p99?: number; value?: number; baseline?: number; ratio?: number; note?: string }

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BAUD = 115_200;
const BITS_PER_BYTE = 10; // 8N1: start bit, 8 data bits, stop bit
const SLIP = { no: '1002600001480', part: 1 };

/** Starts the simulator CLI and resolves with the ports it prints. */
async function startSim(args: string[]): Promise<{ child: ChildProcess; tcpPort: number | null; control: string }> {
  const child = spawn(process.execPath, ['sim/terminal/main.ts', '--control-port', '0', '--auto', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`simulator did not start: ${out}`)), 10_000);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`simulator exited with ${code}: ${out}`)); });
    child.stdout!.on('data', (d: string) => {
      out += d;
      const control = /control API:\s+(http:\/\/\S+)/.exec(out);
      if (!control) return;
      clearTimeout(timer);
      const tcp = /TCP:\s+127\.0\.0\.1:(\d+)/.exec(out);
      resolve({ child, tcpPort: tcp ? Number(tcp[1]) : null, control: control[1]! });
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** Counts the bytes both ways on the register's stream. */
function counting(transport: Transport, counter: { bytes: number }): Transport {
  return {
    label: transport.label,
    open: async (): Promise<Duplex> => {
      const s = await transport.open();
      s.on('data', (d: Buffer) => { counter.bytes += d.length; });
      const write = s.write.bind(s) as (chunk: Buffer, ...rest: unknown[]) => boolean;
      s.write = ((chunk: Buffer, ...rest: unknown[]) => { counter.bytes += chunk.length; return write(chunk, ...rest); }) as typeof s.write;
      return s;
    },
  };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** N sequential sales with instant approval; p50/p99 in ms against the 115,200-baud wire time. */
async function saleRoundTrip(name: string, tag: string, transport: Transport, control: string, sales: number): Promise<BenchRow> {
  await fetch(`${control}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ authoriseMs: 0 }) });
  const counter = { bytes: 0 };
  const driver = new EcrDriver();
  await driver.connect(counting(transport, counter));
  await driver.openSession();
  const times: number[] = [];
  let bytes = 0;
  try {
    for (let i = 0; i < sales + 10; i++) {
      const ref = `bench-${process.pid}-${tag}-${i}`;
      const before = counter.bytes;
      const t0 = performance.now();
      const res = await driver.sale({ ref, amount: 1000 + (i % 7), method: 'credit', slip: SLIP }).result;
      if (res.outcome !== 'approved') throw new Error(`sale ${ref}: ${res.outcome}`);
      if (i < 10) continue; // warm-up
      times.push(performance.now() - t0);
      // result.ack and the last ACKs may still be in flight: let the line settle before the next sale
      await new Promise((r) => setTimeout(r, 2));
      bytes += counter.bytes - before;
    }
  } finally {
    await driver.close();
  }
  times.sort((a, b) => a - b);
  const perSale = bytes / sales;
  const wireMs = (perSale * BITS_PER_BYTE * 1000) / BAUD;
  return {
    name, unit: 'ms', p50: round(pct(times, 50)), p99: round(pct(times, 99)), baseline: round(wireMs), ratio: round(pct(times, 50) / wireMs),
    note: `${sales} sales, ${Math.round(perSale)} bytes per sale in both directions (frames + ACKs); baseline = their wire time at 115,200 baud 8N1`,
  };
}

function codecThroughput(): BenchRow[] {
  const result = { v: 1, type: 'result', id: 't1', body: { ref: '01JDRV6T1S7B4C2X9ZQ8Y5W3M0', kind: 'sale', method: 'credit', amount: 880, outcome: 'approved', acquirerStatus: '売上予定', maskedCard: '****1012', receipts: { customer: { title: 'クレジットカード売上票', merchantName: 'USEN PAY シミュレータ店', orderCode: 'TSU3-0003377' }, merchant: { title: 'クレジットカード売上票', copy: '加盟店控' } } } };
  const n = 50_000;
  const t0 = performance.now();
  const frames: Buffer[] = [];
  for (let i = 0; i < n; i++) frames.push(encodeMessage(i % 255 + 1, result));
  const encodeS = (performance.now() - t0) / 1000;
  const stream = Buffer.concat(frames);
  const decoder = new FrameDecoder();
  let decoded = 0;
  const t1 = performance.now();
  for (let off = 0; off < stream.length; off += 65_536) decoded += decoder.push(stream.subarray(off, off + 65_536)).length;
  const decodeS = (performance.now() - t1) / 1000;
  if (decoded !== n) throw new Error(`decoded ${decoded} of ${n} frames`);
  const lineFramesPerS = BAUD / BITS_PER_BYTE / frames[0]!.length; // what a 115,200-baud line can carry
  return [
    { name: 'ecr codec encode', unit: 'frames/s', value: Math.round(n / encodeS), baseline: round(lineFramesPerS, 1), ratio: Math.round(n / encodeS / lineFramesPerS), note: `${frames[0]!.length}-byte result frames; baseline = frames/s of a 115,200-baud line` },
    { name: 'ecr codec decode', unit: 'frames/s', value: Math.round(n / decodeS), baseline: round(lineFramesPerS, 1), ratio: Math.round(n / decodeS / lineFramesPerS), note: `${Math.round(stream.length / decodeS / 1e6)} MB/s in 64 KiB chunks` },
  ];
}

export async function run(): Promise<BenchRow[]> {
  const rows = codecThroughput();
  const tcp = await startSim(['--tcp-port', '0']);
  try {
    rows.push(await saleRoundTrip('ecr sale round trip, TCP loopback', 'tcp', tcpTransport('127.0.0.1', tcp.tcpPort!), tcp.control, 300));
  } finally { await stop(tcp.child); }

  const socatPath = ['/usr/bin/socat', '/usr/local/bin/socat'].find((p) => existsSync(p));
  if (!socatPath) {
    rows.push({ name: 'ecr sale round trip, serial 115200', unit: 'ms', note: 'skipped: socat is not installed' });
    return rows;
  }
  const a = `/tmp/ecr-bench-${process.pid}-a`, b = `/tmp/ecr-bench-${process.pid}-b`;
  const socat = spawn(socatPath, [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  try {
    for (const until = Date.now() + 5000; !(existsSync(a) && existsSync(b));) {
      if (Date.now() > until) throw new Error('socat did not create the pty pair');
      await new Promise((r) => setTimeout(r, 20));
    }
    const sim = await startSim(['--tcp-port=none', '--serial', b]);
    try {
      const row = await saleRoundTrip('ecr sale round trip, serial 115200 (pty)', 'serial', serialTransport(a, BAUD), sim.control, 200);
      row.note += '; a pty pair is not rate-limited, so a real line adds about the baseline';
      rows.push(row);
    } finally { await stop(sim.child); }
  } finally { await stop(socat); }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await run()) console.log(JSON.stringify(row));
}
