import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

/** Build the renderer bundle when it is missing or older than its sources (incl. the contract). */
export function buildRendererIfStale(force = false): void {
  const index = join(root, 'dist', 'renderer', 'index.html');
  const sources = Math.max(newest(join(root, 'src-renderer')), newest(join(root, 'src-shared')));
  if (!force && existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.log('[build] building the renderer (vite)');
  const res = spawnSync('vite', ['build', '--config', 'src-renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('renderer build failed');
}

/** Compile the Electron shell and the core to dist/ (Electron does not run .ts files). */
export function buildMain(): void {
  console.log('[build] compiling the main process (tsc)');
  const res = spawnSync('tsc', ['-p', 'tsconfig.electron.json'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('main process build failed');
}

if (import.meta.main) {
  buildRendererIfStale(true);
  buildMain();
}
