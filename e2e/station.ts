import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const READY = /station ready: (http:\/\/\S+)/;

export type Station = { url: string; dataDir: string; process: ChildProcess; stop: () => Promise<void> };

/**
 * A fresh station (demo data, empty database) on a free port, run with the repository's Node 22.
 * Resolves once it prints its ready line; fails with its output if it does not within the timeout.
 * `prepare` may put files into the data directory first (e.g. a damaged database); `env` adds
 * environment variables (e.g. faster sync timings: POS_BACKOFF_CAP_MS …).
 */
export async function startStation(opts: { prepare?: (dataDir: string) => void; timeoutMs?: number; env?: Record<string, string> } = {}): Promise<Station> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'pos-e2e-'));
  opts.prepare?.(dataDir);
  const child = spawn(join(root, 'node_modules/.bin/node'),
    ['--import', './e2e/exit-with-parent.ts', 'src-main/station/cli.ts', '--port', '0', '--data-dir', dataDir], {
      cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, POS_LAN_HOST: '127.0.0.1', ...opts.env },
    });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`station not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`station exited (${code}) before ready:\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, dataDir, process: child, stop };
}
