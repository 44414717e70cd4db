import { availableParallelism } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSeeds } from '../testing/fault-suite/pool.ts';
import { failed, formatSeedLine, formatSummary, parseSeeds, summarize } from '../testing/fault-suite/summary.ts';
import type { SeedReport } from '../testing/fault-suite/types.ts';

/**
 * The fault suite of the floor issue (docs/fault-suite.md): seeded random fault schedules (ledger
 * down, 5xx, timeouts, applied-then-lost answers, slow answers, SIGKILLs of the station) over a
 * scripted service day. Every seed must end with no event lost, no effect duplicated, the
 * per-aggregate order kept, the ledger equal to the register, and the queue empty by itself
 * once the network returns. FAULT_SEEDS="1-1000" or "42" picks the seeds; a failing seed
 * replays with `node scripts/fault-suite.ts --seed N`.
 */
const seeds = parseSeeds(process.env.FAULT_SEEDS ?? '1-100');
const concurrency = Number(process.env.FAULT_CONCURRENCY ?? Math.min(4, availableParallelism() + 1));
const reports = new Map<number, { report: SeedReport; lines: string[] }>();
let wallMs = 0;

describe('fault suite: the outbox under seeded fault schedules and station kills', () => {
  beforeAll(async () => {
    const started = performance.now();
    await runSeeds(seeds, { concurrency, onReport: (report, lines) => reports.set(report.seed, { report, lines }) });
    wallMs = Math.round(performance.now() - started);
  }, Math.max(10 * 60_000, seeds.length * 20_000));

  afterAll(() => {
    const all = [...reports.values()].map((r) => r.report).sort((a, b) => a.seed - b.seed);
    console.log([...all.map(formatSeedLine), '', formatSummary(summarize(all), wallMs)].join('\n'));
  });

  it.each(seeds)('seed %i: lost 0, duplicated 0, order violations 0, ledger = register, queue drains', (seed) => {
    const entry = reports.get(seed);
    expect(entry, `seed ${seed} did not run`).toBeDefined();
    const { report, lines } = entry!;
    const detail = [formatSeedLine(report), ...report.notes, ...lines, `replay: node scripts/fault-suite.ts --seed ${seed}`].join('\n');
    expect(report.harnessError, detail).toBeNull();
    expect({ lost: report.lost, dup: report.dup, order: report.order, mismatches: report.mismatches }, detail)
      .toEqual({ lost: 0, dup: 0, order: 0, mismatches: 0 });
    expect(report.convergenceMs, detail).not.toBeNull();
    expect(failed(report)).toBe(false);
  });
});
