// End to end: render a receipt, send it through native/printer to the printer simulator
// (started as its own process, sim/printer/main.ts), read back what it printed over its HTTP API.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printJob, type PrinterError, type PrinterTarget } from '../../native/printer/index.ts';
import { sampleSale } from './fixtures.ts';
import { renderReceipt } from './index.ts';

const root = join(import.meta.dirname, '..', '..');
const hasSocat = spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
if (!hasSocat) console.warn('[receipts print] serial case skipped: socat is not installed');
const serialHost = join(tmpdir(), `rcpt-${process.pid}-host`);
const serialDevice = join(tmpdir(), `rcpt-${process.pid}-printer`);

let sim: ChildProcess;
let socat: ChildProcess | undefined;
let tcp: PrinterTarget;
let api = '';

beforeAll(async () => {
  if (hasSocat) {
    socat = spawn('socat', [`pty,raw,echo=0,link=${serialHost}`, `pty,raw,echo=0,link=${serialDevice}`], { stdio: 'ignore' });
    for (let i = 0; i < 50 && !(existsSync(serialHost) && existsSync(serialDevice)); i++) await new Promise((r) => setTimeout(r, 50));
  }
  const args = ['sim/printer/main.ts', '--tcp-port', '0', '--http-port', '0', '--idle-gap', '100', ...(hasSocat ? ['--serial', serialDevice] : [])];
  sim = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: sim.stdout! }).once('line', resolve);
    sim.once('exit', (code) => reject(new Error(`printer simulator exited (${code})`)));
  });
  const info = JSON.parse(first).printerSimulator as { tcp: { host: string; port: number }; http: { host: string; port: number } };
  tcp = { kind: 'tcp', host: '127.0.0.1', port: info.tcp.port };
  api = `http://127.0.0.1:${info.http.port}`;
});

afterAll(() => {
  sim?.kill('SIGTERM');
  socat?.kill();
});

const post = (path: string, body: unknown = {}) => fetch(api + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const lastText = async () => (await fetch(`${api}/jobs/last/text`)).text();
const fast = { statusTimeoutMs: 500, pollIntervalMs: 50, jobTimeoutMs: 3000 };

describe('receipt → native/printer → printer simulator', () => {
  it('TCP: the printed receipt has the invoice items, ※ marks and opens the drawer', async () => {
    await post('/reset');
    const { data } = renderReceipt(sampleSale(), { format: 'escpos', width: 42 });
    expect((await printJob(tcp, data, fast)).confirmed).toBe(true);
    const lines = (await lastText()).split('\n');
    expect(lines).toContain('          登録番号 T7000012050002');
    expect(lines.some((l) => /^※のり弁当 +¥1,944$/.test(l))).toBe(true);
    expect(lines.some((l) => /^生ビール～中～ +¥2,200$/.test(l))).toBe(true);
    expect(lines).toContain('10%対象 ¥3,020 (内消費税 ¥274)');
    expect(lines).toContain('8%対象 ¥1,906 (内消費税 ¥141)');
    expect(lines).toContain('※は軽減税率対象商品');
    expect(lines.some((l) => l.includes('再発行'))).toBe(false);
    expect(await (await fetch(`${api}/drawer`)).json()).toEqual({ kicks: 1 });
    const bytes = new Uint8Array(await (await fetch(`${api}/jobs/last/bytes`)).arrayBuffer());
    expect(bytes).toEqual(data);
  });

  it('TCP: a reprint starts with 再発行 and does not open the drawer', async () => {
    await post('/reset');
    await printJob(tcp, renderReceipt({ ...sampleSale(), reprint: true }, { format: 'escpos', width: 48 }).data, fast);
    const text = await lastText();
    expect(text.split('\n')[0]?.trim()).toBe('再発行');
    expect(text).toContain('登録番号 T7000012050002');
    expect(await (await fetch(`${api}/drawer`)).json()).toEqual({ kicks: 0 });
  });

  it('paper out and offline reach the register as error codes', async () => {
    const { data } = renderReceipt(sampleSale(), { format: 'escpos' });
    await post('/reset');
    await post('/faults', { paperOut: true });
    expect(await printJob(tcp, data, fast).catch((e: PrinterError) => e.code)).toBe('PAPER_OUT');
    await post('/faults', { paperOut: false, offline: true });
    expect(await printJob(tcp, data, fast).catch((e: PrinterError) => e.code)).toBe('OFFLINE');
    await post('/reset');
    expect(await (await fetch(`${api}/jobs`)).json()).toEqual([]);
  });

  it.skipIf(!hasSocat)('serial (socat pty pair): same receipt, same result', async () => {
    await post('/reset');
    const { data } = renderReceipt(sampleSale(), { format: 'escpos' });
    await printJob({ kind: 'serial', path: serialHost, baudRate: 38400 }, data, fast);
    const job = await (await fetch(`${api}/jobs/last`)).json() as { channel: string; text: string };
    expect(job.channel).toBe('serial');
    expect(job.text).toContain('8%対象 ¥1,906 (内消費税 ¥141)');
    expect(job.text).toMatch(/※のり弁当 +¥1,944/);
  });
});
