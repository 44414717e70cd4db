/**
 * Fault suite from the command line (docs/fault-suite.md):
 *   node scripts/fault-suite.ts --seed 42          replay one seed: schedule, operations, report
 *   node scripts/fault-suite.ts --seeds 1-100      a range, with the summary table
 * Options: --concurrency N (default 2), --repeat N (run each seed N times: the schedule is fixed by
 * the seed, the interleaving with real processes is not), --keep (keep the station data dirs and
 * info logs), --quiet (one line per seed; the progress lines only for failing seeds).
 */
import { parseArgs } from 'node:util';
import { runSeeds } from '../src-main/testing/fault-suite/pool.ts';
import { describeSchedule, makeSchedule } from '../src-main/testing/fault-suite/schedule.ts';
import { failed, formatSeedLine, formatSummary, parseSeeds, summarize } from '../src-main/testing/fault-suite/summary.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' }, seeds: { type: 'string' }, concurrency: { type: 'string', default: '2' }, repeat: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false },
  },
});
const listed = parseSeeds(values.seed ?? values.seeds ?? process.env.FAULT_SEEDS ?? '1-100');
const seeds = Array.from({ length: Math.max(1, Math.min(100, Number(values.repeat) || 1)) }, () => listed).flat();
const single = seeds.length === 1;
if (single) {
  const schedule = makeSchedule(seeds[0]!);
  console.log(`seed ${schedule.seed}: ${schedule.counts.ops} operations, ${schedule.counts.faults} fault windows, ${schedule.counts.kills} SIGKILLs`);
  for (const line of describeSchedule(schedule)) console.log(`  ${line}`);
  console.log('run:');
}
const started = performance.now();
const reports = await runSeeds(seeds, {
  concurrency: single ? 1 : Number(values.concurrency), keepDir: values.keep,
  log: single || !values.quiet ? (seed, line) => console.log(single ? line : `[${seed}] ${line}`) : undefined,
  onReport: (r, lines) => {
    console.log(formatSeedLine(r));
    if (failed(r) || single) for (const note of r.notes) console.log(`    ${note}`);
    if (failed(r) && values.quiet) for (const line of lines) console.log(`    ${line}`);
  },
});
console.log('');
console.log(formatSummary(summarize(reports), Math.round(performance.now() - started)));
process.exit(reports.some(failed) ? 1 : 0);
