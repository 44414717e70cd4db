import type { SeedReport } from './types.ts';

/** Parses "1-100", "42", "1-10,57,90-92" into seed numbers (at most 100 000). */
export function parseSeeds(spec: string): number[] {
  const seeds: number[] = [];
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw new Error(`bad seed list "${spec}" (e.g. 1-100, 42, 1-10,57)`);
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    for (let s = from; s <= to && seeds.length < 100_000; s++) seeds.push(s);
  }
  return seeds;
}

export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

export type Summary = {
  seeds: number; ops: number; faults: number; kills: number; events: number; retries: number; lost: number; dup: number; order: number;
  mismatches: number; refused: number; stuck: number; harnessErrors: number;
  convergence: { p50: number | null; p95: number | null; max: number | null };
  failing: number[];
};

export const failed = (r: SeedReport): boolean =>
  r.harnessError !== null || r.lost > 0 || r.dup > 0 || r.order > 0 || r.mismatches > 0 || r.convergenceMs === null;

export function summarize(reports: SeedReport[]): Summary {
  const sum = (f: (r: SeedReport) => number) => reports.reduce((n, r) => n + f(r), 0);
  const conv = reports.map((r) => r.convergenceMs).filter((c): c is number => c !== null).sort((a, b) => a - b);
  return {
    seeds: reports.length, ops: sum((r) => r.ops), faults: sum((r) => r.faults), kills: sum((r) => r.kills), events: sum((r) => r.events), retries: sum((r) => r.retries),
    lost: sum((r) => r.lost), dup: sum((r) => r.dup), order: sum((r) => r.order), mismatches: sum((r) => r.mismatches),
    refused: sum((r) => r.refused), stuck: reports.filter((r) => r.harnessError === null && r.convergenceMs === null).length,
    harnessErrors: reports.filter((r) => r.harnessError !== null).length,
    convergence: { p50: percentile(conv, 50), p95: percentile(conv, 95), max: conv.at(-1) ?? null },
    failing: reports.filter(failed).map((r) => r.seed),
  };
}

const ms = (v: number | null) => (v === null ? '—' : `${v} ms`);

export function formatSummary(s: Summary, wallMs?: number): string {
  const rows: Array<[string, string]> = [
    ['seeds', String(s.seeds)], ['operations', String(s.ops)], ['fault windows', String(s.faults)], ['station SIGKILLs', String(s.kills)],
    ['outbox events', String(s.events)], ['delivery retries', String(s.retries)], ['events lost', String(s.lost)], ['effects duplicated', String(s.dup)],
    ['per-aggregate order violations', String(s.order)], ['state mismatches', String(s.mismatches)],
    ['refused by a ledger rule (explained)', String(s.refused)], ['stuck queues', String(s.stuck)], ['harness errors', String(s.harnessErrors)],
    ['convergence p50', ms(s.convergence.p50)], ['convergence p95', ms(s.convergence.p95)], ['convergence max', ms(s.convergence.max)],
    ...(wallMs === undefined ? [] : [['wall time', `${(wallMs / 1000).toFixed(1)} s`] as [string, string]]),
    ['failing seeds', s.failing.length ? s.failing.join(', ') : 'none'],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  return ['| fault suite | |', '|---|---|', ...rows.map(([k, v]) => `| ${k.padEnd(w)} | ${v} |`)].join('\n');
}

export function formatSeedLine(r: SeedReport): string {
  const verdict = r.harnessError ? `HARNESS ERROR ${r.harnessError}` : failed(r) ? 'FAIL' : 'ok';
  return `seed ${String(r.seed).padStart(4)}: ops ${r.ops} faults ${r.faults} kills ${r.kills} events ${r.events} retries ${r.retries} lost ${r.lost} dup ${r.dup} order ${r.order} mismatch ${r.mismatches} refused ${r.refused} converge ${ms(r.convergenceMs)} (${(r.durationMs / 1000).toFixed(1)} s) ${verdict}`;
}
