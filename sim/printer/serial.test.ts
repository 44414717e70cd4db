// The simulator's serial endpoint, through a socat pty pair (skipped with a reason when socat is missing).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import receiptline from 'receiptline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printJob, PrinterError } from '../../native/printer/index.ts';
import { PrinterSimulator } from './simulator.ts';

const hasSocat = spawnSync('socat', ['-V'], { stdio: 'ignore' }).status === 0;
if (!hasSocat) console.warn('[sim/printer serial] skipped: socat is not installed (apt-get install socat)');

describe.skipIf(!hasSocat)('printing over a serial line (socat pty pair)', () => {
  const host = join(tmpdir(), `prsim-${process.pid}-host`);
  const device = join(tmpdir(), `prsim-${process.pid}-printer`);
  let socat: ChildProcess;
  let sim: PrinterSimulator;

  beforeAll(async () => {
    socat = spawn('socat', [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${device}`], { stdio: 'ignore' });
    for (let i = 0; i < 50 && !(existsSync(host) && existsSync(device)); i++) await new Promise((r) => setTimeout(r, 50));
    sim = new PrinterSimulator({ idleGapMs: 80 });
    await sim.openSerial(device, 38400);
  });
  afterAll(async () => {
    await sim?.stop();
    socat?.kill();
  });

  it('prints a cp932 receipt and reports paper out', async () => {
    const doc = '^^USEN食堂\n{width:*,12}\n※のり弁当 | ¥648\n';
    const bytes = new Uint8Array(Buffer.from(receiptline.transform(doc, { cpl: 42, encoding: 'cp932', command: 'escpos' }), 'latin1'));
    const opts = { statusTimeoutMs: 500, pollIntervalMs: 50, jobTimeoutMs: 3000 };
    const result = await printJob({ kind: 'serial', path: host, baudRate: 38400 }, bytes, opts);
    expect(result.confirmed).toBe(true);
    const [job] = await sim.waitForJobs(1, 2000);
    expect([job?.channel, job?.ended]).toEqual(['serial', 'cut']);
    expect(job?.bytes).toEqual(bytes);
    expect(job?.text).toMatch(/※のり弁当 +¥648/);

    sim.setFaults({ paperOut: true });
    const error = await printJob({ kind: 'serial', path: host }, bytes, opts).catch((e: unknown) => e);
    expect((error as PrinterError).code).toBe('PAPER_OUT');
  });

  it('a missing serial device is OFFLINE', async () => {
    const error = await printJob({ kind: 'serial', path: join(tmpdir(), 'no-such-printer-tty') }, new Uint8Array([0x0a])).catch((e: unknown) => e);
    expect((error as PrinterError).code).toBe('OFFLINE');
  });
});
