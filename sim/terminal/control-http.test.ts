// The HTTP control API, as browser e2e tests and the demo use it, plus the CLI entry.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EcrDriver } from '../../native/ecr/driver.ts';
import { tcpTransport } from '../../native/ecr/transports.ts';
import { startTerminalSim, type RunningSim } from './server.ts';
import { FAST_LINK, SLIP, newRef } from './test-rig.ts';

let run: RunningSim;
let driver: EcrDriver;
beforeEach(async () => {
  run = await startTerminalSim({ tcpPort: 0, controlPort: 0, terminal: { link: FAST_LINK } });
  driver = new EcrDriver({ link: FAST_LINK });
  await driver.connect(tcpTransport('127.0.0.1', run.tcpPort!));
  await driver.openSession();
});
afterEach(async () => { await driver.close(); await run.close(); });

const post = async (path: string, body: unknown = {}) => {
  const res = await fetch(`${run.controlUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() as { ok: boolean; error?: string; state?: Record<string, unknown> } };
};
const get = async (path: string) => (await fetch(`${run.controlUrl}${path}`)).json() as Promise<Record<string, unknown>>;

describe('control API over HTTP', () => {
  it('plays the guest through a contactless payment with signature', async () => {
    const flow = driver.sale({ ref: newRef(), amount: 20_000, method: 'credit', slip: SLIP });
    expect(await get('/state?wait=awaitingCard&timeoutMs=2000')).toMatchObject({ ok: true, state: { step: 'awaitingCard', busy: true } });
    const card = await post('/card', { entry: 'contactless', brand: 'VISA', last4: '4242' });
    expect(card.status).toBe(200);
    await get('/state?wait=signature');
    expect((await post('/sign')).json.ok).toBe(true);
    expect(await flow.result).toMatchObject({ outcome: 'approved', signed: true, maskedCard: '****4242' });
    expect(await get('/journal')).toMatchObject({ ok: true, entries: [{ amount: 20_000, outcome: 'approved' }] });
  });

  it('answers 409 for an action out of turn and 400 for a bad body', async () => {
    expect(await post('/sign')).toMatchObject({ status: 409, json: { ok: false, error: 'no transaction in progress' } });
    expect((await post('/card', { entry: 'ic', brand: 'VISA', last4: '4111111111111111' })).status).toBe(400);
    expect((await post('/battery', { percent: 101 })).status).toBe(400);
    expect((await post('/faults', { dropLinkAt: 'never' })).status).toBe(400);
  });

  it('sets battery, clock, busy, faults, auto mode and restarts', async () => {
    expect((await post('/battery', { percent: 9 })).json.state).toMatchObject({ battery: 9 });
    await expect(driver.openSession()).rejects.toMatchObject({ code: 'BATTERY_LOW' });
    expect((await post('/clock', { at: '2025-01-01T23:59:00+09:00' })).json.state!.businessDate).toBe('2025-01-01');
    expect((await post('/clock', { advanceMs: 120_000 })).json.state!.businessDate).toBe('2025-01-02');
    expect((await post('/busy', { busy: true })).json.state).toMatchObject({ busy: true, standaloneBusy: true });
    await post('/busy', { busy: false });
    expect((await post('/faults', { latencyMs: 5, garbleNext: 1 })).json.state!.faults).toMatchObject({ latencyMs: 5, garbleNext: 1 });
    expect((await post('/faults/reset')).json.state!.faults).toMatchObject({ latencyMs: 0, garbleNext: 0 });
    await post('/auto', { auto: true });
    await post('/battery', { percent: 50 });
    await driver.openSession();
    expect(await driver.sale({ ref: newRef(), amount: 300, method: 'emoney', slip: SLIP }).result).toMatchObject({ outcome: 'approved', brand: 'iD' });
    expect((await post('/restart', { keepJournal: false })).json.state).toMatchObject({ journalSize: 0, sessionOpen: false });
  });
});

describe('CLI', () => {
  it('starts, prints where it listens, and serves a sale in auto mode', async () => {
    const node = process.execPath;
    const child = spawn(node, ['sim/terminal/main.ts', '--tcp-port', '0', '--control-port', '0', '--auto'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no port in: ${out}`)), 10_000);
        child.stdout.on('data', (d: string) => {
          out += d;
          const m = /TCP:\s+127\.0\.0\.1:(\d+)/.exec(out);
          if (m && out.includes('control API')) { clearTimeout(timer); resolve(Number(m[1])); }
        });
      });
      const d = new EcrDriver({ link: FAST_LINK });
      await d.connect(tcpTransport('127.0.0.1', port));
      await d.openSession();
      expect(await d.sale({ ref: newRef(), amount: 1000, method: 'credit', slip: SLIP }).result).toMatchObject({ outcome: 'approved' });
      await d.close();
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
