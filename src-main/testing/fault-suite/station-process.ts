import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The station as a child process: `node src-main/station/cli.ts --port 0 --data-dir DIR`. */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const CLI = join(ROOT, 'src-main', 'station', 'cli.ts');
const WARM = join(import.meta.dirname, 'warm.ts');

/**
 * Fast sync timings, about 100–150 times production's (2 s base, 5 min cap, 30 s breaker, 1 s
 * relay, 3 s pull, 15 s timeout). The station logs warnings only, unless a replay keeps its data.
 */
export const FAST_SYNC_ENV: Record<string, string> = {
  POS_BACKOFF_BASE_MS: '20', POS_BACKOFF_CAP_MS: '300', POS_BREAKER_OPEN_MS: '200',
  POS_RELAY_INTERVAL_MS: '50', POS_PULL_INTERVAL_MS: '1000', POS_REQUEST_TIMEOUT_MS: '500', POS_LOG_LEVEL: 'warn',
};

const READY = /station ready: (http:\/\/127\.0\.0\.1:\d+)/;

/**
 * One station process. It is spawned in standby (modules loaded, data dir untouched) and
 * `release()`d when it is needed: right away for the first, after a SIGKILL for the next.
 */
export class StationProcess {
  readonly child: ChildProcess;
  readonly spawnedAt = Date.now();
  url: string | null = null;
  private output = '';
  private exited: Promise<number | null>;
  private readyWait: Promise<string>;

  constructor(dataDir: string, env: Record<string, string> = {}) {
    this.child = spawn(NODE, ['--import', WARM, CLI, '--port', '0', '--data-dir', dataDir, '--lan-host', '127.0.0.1'], {
      cwd: ROOT, env: { ...process.env, ...FAST_SYNC_ENV, ...env, POS_PORT: '0' }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.readyWait = new Promise((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.output = (this.output + chunk.toString()).slice(-20_000);
        const m = READY.exec(this.output);
        if (m && !this.url) {
          this.url = m[1]!;
          resolve(this.url);
        }
      };
      this.child.stdout!.on('data', onData);
      this.child.stderr!.on('data', onData);
      void this.exited.then((code) => reject(new Error(`station exited (${String(code)}) before ready: ${this.output.slice(-2000)}`)));
    });
    this.readyWait.catch(() => {});
  }

  /** Let the standby run cli.ts, and wait (bounded) for its ready line. */
  async release(timeoutMs = 30_000): Promise<string> {
    this.child.stdin!.write('go\n');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`station not ready after ${timeoutMs} ms: ${this.output.slice(-2000)}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.readyWait, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGKILL: no shutdown code runs, exactly like a crash or a power cut of the process. */
  async kill(): Promise<void> {
    if (this.alive) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM (the station closes its database), SIGKILL after `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  log(): string {
    return this.output;
  }
}
