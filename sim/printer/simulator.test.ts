// The simulator over real TCP on 127.0.0.1, driven by the app's transport (native/printer).
import net from 'node:net';
import receiptline from 'receiptline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPrinter, openTcpLink, printJob, PrinterError, ReceiptPrinter, type PrinterTarget } from '../../native/printer/index.ts';
import { listenHttp } from './http.ts';
import { PrinterSimulator } from './simulator.ts';

const job = (doc: string) => new Uint8Array(Buffer.from(receiptline.transform(doc, { cpl: 42, encoding: 'cp932', command: 'escpos' }), 'latin1'));
const RECEIPT = job('^^USEN食堂\n{width:*,12}\n※のり弁当 | ¥648\n{command:\\x1bp\\x00\\x19\\xfa}\n');
const fast = { statusTimeoutMs: 300, pollIntervalMs: 50, jobTimeoutMs: 2000 };

let sim: PrinterSimulator;
let target: PrinterTarget;
beforeEach(async () => {
  sim = new PrinterSimulator({ idleGapMs: 80 });
  const { port } = await sim.listenTcp(0);
  target = { kind: 'tcp', host: '127.0.0.1', port };
});
afterEach(() => sim.stop());

/** Sends raw bytes and collects whatever the printer answers within `ms`. */
async function raw(port: number, data: number[], ms = 100): Promise<number[]> {
  const socket = net.createConnection({ host: '127.0.0.1', port });
  const got: number[] = [];
  socket.on('data', (c) => got.push(...c));
  await new Promise((r) => socket.once('connect', r));
  socket.write(Uint8Array.from(data));
  await new Promise((r) => setTimeout(r, ms));
  socket.destroy();
  return got;
}

describe('printing over TCP', () => {
  it('records the job byte for byte, decoded, with the drawer kick', async () => {
    const result = await printJob(target, RECEIPT, fast);
    expect(result).toMatchObject({ bytes: RECEIPT.length, confirmed: true, warnings: [] });
    const last = sim.lastJob();
    expect(last?.bytes).toEqual(RECEIPT);
    expect(last?.text).toContain('USEN食堂');
    expect(last?.lines.find((l) => l.text.startsWith('※のり弁当'))?.text).toMatch(/^※のり弁当 +¥648$/);
    expect([last?.ended, last?.channel, last?.drawerKicks, sim.drawerKicks()]).toEqual(['cut', 'tcp', 1, 1]);
  });

  it('splits jobs at cuts on one connection and at idle gaps', async () => {
    const printer = await openPrinter(target, fast);
    await printer.print(job('first\n'));
    await printer.print(job('second\n'));
    await printer.close();
    const port = target.kind === 'tcp' ? target.port ?? 0 : 0;
    await raw(port, [...Buffer.from('no cut\n')]);
    const jobs = await sim.waitForJobs(3, 2000);
    expect(jobs.map((j) => [j.text.trim(), j.ended])).toEqual([['first', 'cut'], ['second', 'cut'], ['no cut', 'idle']]);
  });

  it('answers DLE EOT with the Epson status bits of each fault', async () => {
    const port = target.kind === 'tcp' ? target.port ?? 0 : 0;
    const ask = () => raw(port, [0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 3, 0x10, 4, 4]);
    expect(await ask()).toEqual([0x12, 0x12, 0x12, 0x12]);
    sim.setFaults({ paperOut: true });
    expect(await ask()).toEqual([0x1a, 0x32, 0x12, 0x72]);
    sim.setFaults({ paperOut: false, coverOpen: true });
    expect(await ask()).toEqual([0x1a, 0x16, 0x12, 0x12]);
    sim.setFaults({ coverOpen: false, paperNearEnd: true, drawerOpen: true });
    expect(await ask()).toEqual([0x16, 0x12, 0x12, 0x1e]);
  });
});

describe('printer errors reach the register as codes', () => {
  it.each([
    [{ paperOut: true }, 'PAPER_OUT', 'プリンターの用紙がありません。用紙を補充して再印刷してください。'],
    [{ coverOpen: true }, 'COVER_OPEN', 'プリンターのカバーが開いています。カバーを閉じて再印刷してください。'],
    [{ offline: true }, 'OFFLINE', 'プリンターに接続できないか、オフラインです。電源・ケーブル・エラーランプを確認して再印刷してください。'],
    [{ unresponsive: true }, 'TIMEOUT', 'プリンターから応答がありません。プリンターの状態を確認して再印刷してください。'],
  ])('%o → %s, nothing printed', async (fault, code, message) => {
    sim.setFaults(fault);
    const error = await printJob(target, RECEIPT, fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterError);
    expect([(error as PrinterError).code, (error as PrinterError).message]).toEqual([code, message]);
    expect(sim.jobs()).toEqual([]);
  });

  it('no printer listening → OFFLINE', async () => {
    await sim.stop();
    const error = await printJob(target, RECEIPT, fast).catch((e: unknown) => e);
    expect((error as PrinterError).code).toBe('OFFLINE');
  });

  it('paper running out during the job fails fast; the held job prints after the roll is replaced', async () => {
    if (target.kind !== 'tcp') throw new Error('tcp target expected');
    const link = await openTcpLink(target.host, target.port ?? 9100, 1000);
    // The fault hits between the status check and the job, as when the roll ends mid-receipt.
    const printer = new ReceiptPrinter({ ...link, write: (data, ms) => { if (data.length > 3) sim.setFaults({ paperOut: true }); return link.write(data, ms); } }, fast);
    const started = Date.now();
    const error = await printer.print(RECEIPT).catch((e: unknown) => e);
    expect((error as PrinterError).code).toBe('PAPER_OUT');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(sim.jobs()).toHaveLength(0);
    sim.setFaults({ paperOut: false });
    expect((await sim.waitForJobs(1, 1000))[0]?.text).toContain('※のり弁当');
    await printer.close();
  });

  it('near end prints and warns', async () => {
    sim.setFaults({ paperNearEnd: true });
    expect((await printJob(target, RECEIPT, fast)).warnings).toEqual(['PAPER_NEAR_END']);
  });
});

describe('HTTP control API', () => {
  it('sets faults, lists jobs, returns text and bytes, counts kicks, clears', async () => {
    const http = await listenHttp(sim, 0);
    const base = `http://127.0.0.1:${http.port}`;
    try {
      const post = (path: string, body?: unknown) => fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
      expect((await post('/faults', { coverOpen: true })).status).toBe(200);
      expect((await printJob(target, RECEIPT, fast).catch((e: PrinterError) => e.code))).toBe('COVER_OPEN');
      expect((await post('/faults', { coverOpen: 'yes' })).status).toBe(400);
      await post('/faults', { coverOpen: false });
      await printJob(target, RECEIPT, fast);
      expect(await (await fetch(`${base}/jobs`)).json()).toMatchObject([{ id: 1, channel: 'tcp', ended: 'cut', bytes: RECEIPT.length, drawerKicks: 1 }]);
      expect(await (await fetch(`${base}/jobs/last/text`)).text()).toContain('※のり弁当');
      expect(new Uint8Array(await (await fetch(`${base}/jobs/1/bytes`)).arrayBuffer())).toEqual(RECEIPT);
      expect(await (await fetch(`${base}/drawer`)).json()).toEqual({ kicks: 1 });
      expect(await (await fetch(`${base}/status`)).json()).toMatchObject({ jobs: 1, drawerKicks: 1, faults: { coverOpen: false } });
      await post('/clear');
      expect((await fetch(`${base}/jobs/last`)).status).toBe(404);
      expect(await (await fetch(`${base}/drawer`)).json()).toEqual({ kicks: 0 });
    } finally {
      await http.close();
    }
  });
});
