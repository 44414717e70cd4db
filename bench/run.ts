import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run bench`: runs every bench/*.ts that exports `run()`. Each benchmark measures against
 * a baseline in the same process and reports the ratio, so results compare across machines;
 * nothing here asserts a time. Results also go to .tmp/bench.json.
 */
export type BenchResult = { name: string; unit: string; p50?: number; p99?: number; value?: number; baseline?: number; ratio?: number; note?: string };

const only = process.argv.slice(2);
const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts') && (!only.length || only.some((o) => f.includes(o))));
const all: Array<BenchResult & { file: string }> = [];
for (const file of files) {
  const mod = (await import(join(dir, file))) as { run?: () => Promise<BenchResult[]> };
  if (!mod.run) continue;
  const started = Date.now();
  console.log(`\n## ${file}`);
  const results = await mod.run();
  for (const r of results) {
    all.push({ ...r, file });
    const fmt = (n?: number) => (n === undefined ? '' : n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toPrecision(3));
    const parts = [r.p50 !== undefined ? `p50 ${fmt(r.p50)}` : '', r.p99 !== undefined ? `p99 ${fmt(r.p99)}` : '', r.value !== undefined ? `${fmt(r.value)}` : '',
      r.baseline !== undefined ? `baseline ${fmt(r.baseline)}` : '', r.ratio !== undefined ? `ratio ×${fmt(r.ratio)}` : ''].filter(Boolean);
    console.log(`- ${r.name}: ${parts.join(', ')} ${r.unit}${r.note ? ` — ${r.note}` : ''}`);
  }
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
mkdirSync(join(dir, '..', '.tmp'), { recursive: true });
writeFileSync(join(dir, '..', '.tmp', 'bench.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, results: all }, null, 2));
console.log('\nresults written to .tmp/bench.json');
