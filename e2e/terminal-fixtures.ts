import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { test as base } from './fixtures.ts';
import { startStation } from './station.ts';

const root = join(import.meta.dirname, '..');

export type TerminalSim = {
  tcpPort: number; controlUrl: string; process: ChildProcess;
  /** POST a control action (docs/simulators/terminal.md), e.g. act('/card', {entry: 'ic', brand: 'VISA', last4: '4242'}). */
  act: (path: string, body?: unknown) => Promise<unknown>;
  /** Long-poll until the terminal reaches a step ('awaitingCard', 'signature' …) or 'idle'. */
  waitStep: (step: string) => Promise<void>;
  stop: () => Promise<void>;
};

/** The USEN PAY terminal simulator as a child process on free ports (it prints where it listens). */
export async function startTerminalSim(timeoutMs = 15_000): Promise<TerminalSim> {
  const child = spawn(join(root, 'node_modules/.bin/node'),
    ['--import', './e2e/exit-with-parent.ts', 'sim/terminal/main.ts', '--tcp-port', '0', '--control-port', '0'],
    { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const info = await new Promise<{ tcpPort: number; controlUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`terminal simulator not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const tcp = /ECR-link TCP:\s+127\.0\.0\.1:(\d+)/.exec(output);
      const control = /control API:\s+(http:\/\/\S+)/.exec(output);
      if (tcp && control) {
        clearTimeout(timer);
        resolve({ tcpPort: Number(tcp[1]), controlUrl: control[1]! });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`terminal simulator exited (${code}) before ready:\n${output}`));
    });
  });
  const act = async (path: string, body: unknown = {}) => {
    const res = await fetch(`${info.controlUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = (await res.json()) as { ok: boolean; error?: string };
    if (!json.ok) throw new Error(`terminal ${path}: ${res.status} ${json.error}`);
    return json;
  };
  const waitStep = async (step: string) => {
    const res = await fetch(`${info.controlUrl}/state?wait=${step}&timeoutMs=10000`);
    if (!res.ok) throw new Error(`terminal did not reach ${step}: ${res.status} ${await res.text()}`);
  };
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return { ...info, process: child, act, waitStep, stop };
}

type Api = <T = unknown>(method: string, input?: unknown) => Promise<T>;

export const test = base.extend<{ terminal: TerminalSim; asManager: Api }>({
  terminal: async ({}, use) => {
    const sim = await startTerminalSim();
    try {
      await use(sim);
    } finally {
      await sim.stop();
    }
  },
  // Unsettled payments are asked about every 0.5 s instead of 3 s.
  station: async ({}, use) => {
    const station = await startStation({ env: { POS_TERMINAL_OPTIONS: JSON.stringify({ pollMs: 500 }) } });
    try {
      await use(station);
    } finally {
      await station.stop();
    }
  },
  asManager: async ({ api }, use) => {
    const { sessionId } = await api<{ sessionId: string }>('auth.login', { staffId: 'staff-manager', pin: '1234' });
    await use(<T,>(method: string, input: unknown = {}) => api<T>(method, input, sessionId));
  },
});

export { expect };

/** Point the register at the simulator, open the till (U1 connects it) and wait for 接続中. */
export async function connectTerminal(asManager: Api, terminal: TerminalSim, opts: { openTill?: boolean; wait?: boolean } = {}): Promise<void> {
  await asManager('settings.update', { terminal: { connection: { kind: 'tcp', host: '127.0.0.1', port: terminal.tcpPort }, autoPrintCopies: false } });
  if (opts.openTill !== false) await asManager('till.open', { total: 30000 });
  if (opts.wait === false) return;
  await expect.poll(async () => (await asManager<{ state: string }>('terminal.status')).state, { timeout: 10_000 }).toBe('connected');
}

/** 決済端末 → method → amount → 会計 → confirm → 決済端末連携: the waiting screen is up. */
export async function payOnTerminal(page: Page, method: 'クレジット' | '電子マネー' | 'QRコード', amount?: number): Promise<void> {
  await page.getByRole('group', { name: '支払方法' }).getByRole('button', { name: '決済端末' }).click();
  const dialog = page.getByTestId('terminal-dialog');
  await expect(dialog.getByTestId('terminal-status')).toContainText('決済端末 接続中');
  await dialog.getByRole('button', { name: `USEN PAY ${method}` }).click();
  if (amount !== undefined) {
    const pad = dialog.getByRole('group', { name: '決済金額のテンキー' });
    await pad.getByRole('button', { name: 'クリア' }).click();
    for (const d of String(amount)) await pad.getByRole('button', { name: d, exact: true }).click();
  }
  await dialog.getByRole('group', { name: '決済金額のテンキー' }).getByRole('button', { name: '会計' }).click();
  await page.getByTestId('terminal-confirm').getByRole('button', { name: '決済端末連携' }).click();
  await expect(page.getByTestId('terminal-waiting')).toBeVisible();
}
