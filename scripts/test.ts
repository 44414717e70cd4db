import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildRendererIfStale } from './build.ts';
import { ensureSystemDeps } from './system-deps.ts';

/**
 * `npm test`: type-check, lint, unit and integration tests (vitest), Playwright e2e in Chromium
 * against the station. Ends with one line "N passed, N failed, N skipped" over all test runners.
 */
const root = join(import.meta.dirname, '..');
// Not Playwright's test-results/: Playwright empties that folder when it starts.
const reports = join(root, '.tmp', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
ensureSystemDeps();

type Step = { name: string; cmd: string; args: string[]; env?: Record<string, string> };
const steps: Step[] = [
  { name: 'type-check (core)', cmd: 'tsc', args: ['-p', 'tsconfig.json', '--noEmit'] },
  { name: 'type-check (renderer)', cmd: 'tsc', args: ['-p', 'src-renderer/tsconfig.json', '--noEmit'] },
  { name: 'type-check (e2e)', cmd: 'tsc', args: ['-p', 'e2e/tsconfig.json', '--noEmit'] },
  { name: 'type-check (electron shell)', cmd: 'tsc', args: ['-p', 'tsconfig.electron.json', '--noEmit'] },
  { name: 'lint', cmd: 'eslint', args: ['--max-warnings', '0', '.'] },
  { name: 'unit + integration (vitest)', cmd: 'vitest', args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'vitest.json')}`] },
  { name: 'e2e (playwright, chromium)', cmd: 'playwright', args: ['test', '--reporter=list,json'], env: { PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'playwright.json') } },
];

const only = process.argv.slice(2);
const failed: string[] = [];
for (const step of steps) {
  if (only.length && !only.some((o) => step.name.includes(o))) continue;
  const started = Date.now();
  console.log(`\n=== ${step.name}`);
  if (step.cmd === 'playwright') {
    try {
      buildRendererIfStale();
    } catch (error) {
      console.log(`=== ${step.name}: FAILED (${(error as Error).message})`);
      failed.push(step.name);
      continue;
    }
  }
  const res = spawnSync(step.cmd, step.args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...step.env } });
  console.log(`=== ${step.name}: ${res.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (res.status !== 0) failed.push(step.name);
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>('vitest.json');
if (vitest) {
  counts.passed += vitest.numPassedTests;
  counts.failed += vitest.numFailedTests;
  counts.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
const pw = readJson<{ stats: { expected: number; unexpected: number; skipped: number; flaky: number } }>('playwright.json');
if (pw) {
  counts.passed += pw.stats.expected + pw.stats.flaky;
  counts.failed += pw.stats.unexpected;
  counts.skipped += pw.stats.skipped;
}
if (failed.length) console.log(`\nfailed steps: ${failed.join(', ')}`);
console.log(`\n${counts.passed} passed, ${counts.failed + (failed.length && !counts.failed ? failed.length : 0)} failed, ${counts.skipped} skipped`);
process.exit(failed.length ? 1 : 0);

function readJson<T>(name: string): T | null {
  const file = join(reports, name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}
