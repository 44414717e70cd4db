// SIGKILL of the station mid-payment (docs/payments.md §recovery): the station runs as a child
// process (`node src-main/station/cli.ts --port 0 --data-dir DIR`), the terminal simulator in this
// process; the terminal is configured through the API. After a restart on the same data each visit
// is paid exactly once or not at all, and the terminal's journal agrees with the register's intents.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTerminalSim, type RunningSim } from '../../sim/terminal/server.ts';
import { FAST_LINK } from '../../sim/terminal/test-rig.ts';
import type { TerminalPayment } from '../../src-shared/contract/index.ts';
import type { Result } from '../../src-shared/result.ts';
import { tempDir } from '../testing/harness.ts';
import { card, FAST_TERMINAL, until } from '../testing/terminal.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');

/** One station process; `kill()` is SIGKILL: no shutdown code runs. */
async function startStation(dataDir: string): Promise<{ url: string; child: ChildProcess; kill: () => Promise<void> }> {
  const child = spawn(NODE, ['src-main/station/cli.ts', '--port', '0', '--data-dir', dataDir, '--lan-host', '127.0.0.1'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, POS_TERMINAL_OPTIONS: JSON.stringify(FAST_TERMINAL), POS_LOG_LEVEL: 'info', POS_PORT: '0' },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); await exited; };
  let out = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`station not ready: ${out.slice(-1500)}`)), 30_000);
      const onData = (d: Buffer) => {
        out = (out + d.toString()).slice(-10_000);
        const m = /station ready: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) { clearTimeout(timer); resolve(m[1]!); }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      void exited.then(() => { clearTimeout(timer); reject(new Error(`station exited: ${out.slice(-1500)}`)); });
    });
    return { url, child, kill };
  } catch (error) {
    await kill();
    throw error;
  }
}

describe('SIGKILL of the station mid-payment', () => {
  let run: RunningSim;
  const dirs: string[] = [];
  const kills: Array<() => Promise<void>> = [];
  beforeAll(async () => { run = await startTerminalSim({ tcpPort: 0, terminal: { link: FAST_LINK } }); });
  afterAll(async () => {
    for (const k of kills) await k();
    await run.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** A register on its own data dir: start, log in, terminal configured through the API, till open. */
  async function register() {
    // One terminal per register (U1): the previous test's station must not fight for the terminal.
    for (const k of kills.splice(0)) await k();
    const dir = tempDir('pos-crash-');
    dirs.push(dir);
    let station = await startStation(dir);
    kills.push(() => station.kill());
    const rpc = async <T>(method: string, input: unknown, sessionId?: string, command = true): Promise<Result<T>> => {
      const body = { method, input, sessionId, ...(command ? { commandId: `crash-${Date.now()}-${Math.random().toString(36).slice(2)}` } : {}) };
      const res = await fetch(`${station.url}/api/rpc`, { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
      return (await res.json()) as Result<T>;
    };
    const ok = async <T>(method: string, input: unknown, sessionId?: string, command = true): Promise<T> => {
      const r = await rpc<T>(method, input, sessionId, command);
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.value;
    };
    const login = async () => ({
      cashier: (await ok<{ sessionId: string }>('auth.login', { staffId: 'staff-cashier1', pin: '1111' }, undefined, false)).sessionId,
      manager: (await ok<{ sessionId: string }>('auth.login', { staffId: 'staff-manager', pin: '1234' }, undefined, false)).sessionId,
    });
    let s = await login();
    await ok('settings.update', { terminal: { connection: { kind: 'tcp', host: '127.0.0.1', port: run.tcpPort }, autoPrintCopies: false } }, s.manager);
    await ok('till.open', { total: 30_000 }, s.cashier);
    const connected = () => until(async () => (await ok<{ state: string }>('terminal.status', {}, s.cashier, false)).state === 'connected', 'terminal connected', 15_000);
    await connected();
    const r = {
      ok: <T>(method: string, input: unknown, command = true) => ok<T>(method, input, s.cashier, command),
      visit: async (table: string) => {
        const { visit } = await ok<{ visit: { id: string } }>('seating.seat', { tableId: `floor-1-${table}`, party: 2 }, s.cashier);
        await ok('orders.add', { visitId: visit.id, lines: [{ productId: 'cat-food-1', quantity: 2 }] }, s.cashier);
        const total = (await ok<{ total: number }>('checkout.quote', { visitId: visit.id }, s.cashier, false)).total;
        return { visitId: visit.id, total };
      },
      payment: async (ref: string) => (await ok<TerminalPayment[]>('terminal.payments', {}, s.cashier, false)).find((p) => p.ref === ref)!,
      /** SIGKILL, then a new station on the same data; sessions are in memory, so log in again. */
      crashAndRestart: async (whileDown: () => Promise<void> | void = () => {}) => {
        await station.kill();
        await whileDown();
        station = await startStation(dir);
        kills.push(() => station.kill());
        s = await login();
        await connected();
      },
      approvedOnTerminal: () => run.terminal.journalEntries().filter((e) => e.kind === 'sale' && e.outcome === 'approved'),
    };
    return r;
  }

  it('killed while the guest pays: the approval made while the register was dead is applied after restart, once', async () => {
    const r = await register();
    const { visitId, total } = await r.visit('T1');
    const p = await r.ok<TerminalPayment>('terminal.pay', { visitId, method: 'credit', amount: total });
    await run.terminal.waitForStep('awaitingCard');
    await r.crashAndRestart(async () => {
      run.terminal.presentCard(card('8080'));
      await until(() => run.terminal.snapshot().pendingResults.includes(p.ref), 'approved while the register is down');
    });
    const done = await until(async () => { const x = await r.payment(p.ref); return x.state === 'done' ? x : null; }, 'applied after restart');
    expect(done).toMatchObject({ amount: total, maskedCard: '****8080' });
    expect(await r.ok<TerminalPayment[]>('terminal.payments', { visitId }, false)).toHaveLength(1);
    expect(r.approvedOnTerminal().filter((e) => e.ref === p.ref).map((e) => e.amount)).toEqual([total]);
  });

  it('killed after the intent, with the sale lost on the way: notFound after restart → 未完了, then paid once', async () => {
    const r = await register();
    const { visitId, total } = await r.visit('T2');
    run.terminal.setFaults({ dropLinkAt: 'beforeAck' });
    const p = await r.ok<TerminalPayment>('terminal.pay', { visitId, method: 'qr', amount: total });
    expect(p.state).toBe('unknown');
    await r.crashAndRestart();
    expect(await until(async () => { const x = await r.payment(p.ref); return x.state === 'failed' ? x : null; }, 'settled as not sent')).toMatchObject({ reason: 'NOT_FOUND' });
    const q = await r.ok<TerminalPayment>('terminal.pay', { visitId, method: 'qr', amount: total });
    await run.terminal.waitForStep('awaitingQr');
    run.terminal.scanQr('PayPay');
    await until(async () => (await r.payment(q.ref)).state === 'done', 'paid');
    const mine = r.approvedOnTerminal().filter((e) => e.ref === p.ref || e.ref === q.ref);
    expect(mine.map((e) => [e.ref, e.amount])).toEqual([[q.ref, total]]);
  });

  it('killed, then the guest cancels on the terminal: not paid; the visit can be paid again, once', async () => {
    const r = await register();
    const { visitId, total } = await r.visit('T3');
    const p = await r.ok<TerminalPayment>('terminal.pay', { visitId, method: 'emoney', amount: total });
    await run.terminal.waitForStep('brandSelect');
    await r.crashAndRestart(() => run.terminal.cancelOnTerminal());
    await until(async () => (await r.payment(p.ref)).state === 'failed', 'cancelled while down');
    const q = await r.ok<TerminalPayment>('terminal.pay', { visitId, method: 'emoney', amount: total });
    await run.terminal.waitForStep('brandSelect');
    run.terminal.chooseEmoneyBrand('iD');
    await until(async () => (await r.payment(q.ref)).state === 'done', 'paid');
    const paid = (await r.ok<TerminalPayment[]>('terminal.payments', { visitId }, false)).filter((x) => x.state === 'done');
    expect(paid.map((x) => x.amount)).toEqual([total]);
  });
});
