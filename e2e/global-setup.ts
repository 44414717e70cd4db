import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const NODE = join(root, 'node_modules/.bin/node');
const INDEX = join(root, 'dist/renderer/index.html');

/** Newest modification time under a folder (sources only; tests do not change the bundle). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (!/\.test\.tsx?$/.test(entry.name)) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/** Build the renderer once if the station would otherwise serve a missing or stale bundle. */
export default function globalSetup(): void {
  const sources = Math.max(newest(join(root, 'src-renderer')), newest(join(root, 'src-shared')));
  if (existsSync(INDEX) && statSync(INDEX).mtimeMs >= sources) return;
  console.log('e2e: building the renderer (dist/renderer is missing or older than the sources)…');
  execFileSync(NODE, [join(root, 'node_modules/.bin/vite'), 'build', '--config', 'src-renderer/vite.config.ts', '--logLevel', 'error'],
    { cwd: root, stdio: 'inherit' });
}
