import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules', 'electron');

/** Path of the Electron binary when its runtime is present, else null. */
export function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

/**
 * The electron package's install script is denied in package.json (allowScripts) because it
 * downloads the runtime from outside the npm registry. Try that download here, bounded in time;
 * where the network does not allow it we fall back to the station.
 */
export function fetchElectronRuntime(timeoutMs = 120_000): { binary: string | null; reason: string } {
  const existing = electronBinary();
  if (existing) return { binary: existing, reason: 'present' };
  if (!existsSync(join(electronDir, 'install.js'))) return { binary: null, reason: 'the electron package is not installed' };
  const res = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, timeout: timeoutMs, encoding: 'utf8' });
  const binary = electronBinary();
  if (binary) return { binary, reason: 'downloaded' };
  const why = (res.stderr || res.stdout || res.error?.message || '').split('\n').find((l) => /error|ENOTFOUND|ECONN|timed out/i.test(l)) ?? `exit ${res.status}`;
  return { binary: null, reason: `the Electron runtime could not be downloaded (${why.trim().slice(0, 160)})` };
}
