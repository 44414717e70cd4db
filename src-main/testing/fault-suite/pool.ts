import { runSeed, type RunOptions } from './runner.ts';
import { makeTemplate } from './template.ts';
import type { SeedReport } from './types.ts';

export type PoolOptions = Omit<RunOptions, 'template' | 'log'> & {
  concurrency?: number;
  log?: (seed: number, line: string) => void;
  /** Each seed's report with its progress lines (kept when `log` is not given). */
  onReport?: (report: SeedReport, lines: string[]) => void;
};

/** Runs seeds `concurrency` at a time (each has its own simulator, station and data dir). */
export async function runSeeds(seeds: number[], opts: PoolOptions = {}): Promise<SeedReport[]> {
  const template = await makeTemplate();
  const reports: SeedReport[] = [];
  let next = 0;
  try {
    const worker = async () => {
      while (next < seeds.length) {
        const seed = seeds[next++]!;
        const lines: string[] = [];
        const report = await runSeed(seed, { ...opts, template, log: (line) => (opts.log ? opts.log(seed, line) : lines.push(line)) });
        reports.push(report);
        opts.onReport?.(report, lines);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 2, seeds.length)) }, worker));
  } finally {
    template.cleanup();
  }
  return reports.sort((a, b) => a.seed - b.seed);
}
