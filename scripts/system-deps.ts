import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian packages the tests need: Chromium for Playwright, socat for serial pseudo-terminals. */
export const SYSTEM_DEPS = [
  { pkg: 'chromium', path: '/usr/bin/chromium', why: 'browser tests (Playwright drives Debian\'s Chromium)' },
  { pkg: 'socat', path: '/usr/bin/socat', why: 'serial tests (a pair of pseudo-terminals acts as the cable)' },
] as const;

/**
 * Install what is missing with apt-get when we are root on a Debian-like system; otherwise say
 * exactly what to install. Returns the packages still missing.
 */
export function ensureSystemDeps(log = console.log): string[] {
  const missing = SYSTEM_DEPS.filter((d) => !existsSync(d.path));
  if (!missing.length) return [];
  const canApt = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canApt) {
    log(`[deps] installing ${missing.map((d) => d.pkg).join(', ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-q', ...missing.map((d) => d.pkg)], { stdio: 'inherit', env });
  }
  const still = SYSTEM_DEPS.filter((d) => !existsSync(d.path));
  for (const d of still) log(`[deps] ${d.pkg} is missing: needed for ${d.why}. Install it, e.g. \`sudo apt-get install -y ${d.pkg}\`.`);
  return still.map((d) => d.pkg);
}
