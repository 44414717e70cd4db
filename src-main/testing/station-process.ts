import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Result } from '../../src-shared/result.ts';

const ROOT = join(import.meta.dirname, '..', '..');

export type StationProcess = { child: ChildProcess; url: string; call: (envelope: unknown) => Promise<Result<unknown>>; kill: (signal?: NodeJS.Signals) => Promise<void> };

/** Start the station as a child process on a free port; resolves when it prints its ready line. */
export function startStation(dataDir: string, env: Record<string, string> = {}, timeoutMs = 30_000): Promise<StationProcess> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'node'), ['src-main/station/cli.ts', '--port', '0', '--data-dir', dataDir],
    { cwd: ROOT, env: { ...process.env, POS_DEMO_SERVICES: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`station did not start in ${timeoutMs} ms: ${out}`)); }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /station ready: (http:\/\/\S+)/.exec(out)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({
        child, url,
        call: async (envelope) => (await (await fetch(`${url}/api/rpc`, { method: 'POST', body: JSON.stringify(envelope), signal: AbortSignal.timeout(15_000) })).json()) as Result<unknown>,
        kill: (signal = 'SIGKILL') => new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill(signal);
        }),
      });
    });
    child.stderr!.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`station exited (${code}) before it was ready: ${out}`)); });
  });
}
