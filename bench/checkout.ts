// Benchmark: the checkout commit (slip number, slip, part, lines, per-rate figures, payments,
// outbox row for the linked ledger, command log: one transaction, WAL + synchronous=FULL) against
// a bare one-row insert with the same durability in the same run; and the settlement report
// (閉局) over a business day of 2,000 slips.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../src-shared/contract/index.ts';
import type { Result } from '../src-shared/result.ts';
import { Core } from '../src-main/core.ts';
import { saveLedgerConfig } from '../src-main/ledger/config.ts';
import { silentLogger } from '../src-main/logging/logger.ts';

export interface BenchResult {
  name: string; unit: string; p50?: number; p99?: number; value?: number; baseline?: number; ratio?: number; note?: string;
}

const COMMITS = Number(process.env.BENCH_COMMITS ?? 300);
const DAY_SLIPS = Number(process.env.BENCH_DAY_SLIPS ?? 2000);
const REPORTS = 40;

const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(4));
  return { p50: at(0.5), p99: at(0.99) };
};

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** Bare baseline: one small row per transaction, WAL + synchronous=FULL, like the register's store. */
function bareInserts(dir: string, n: number): number[] {
  const db = new Database(join(dir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO t (payload) VALUES (?)');
  const tx = db.transaction((p: string) => insert.run(p));
  const times: number[] = [];
  for (let i = 0; i < n + 20; i++) {
    const t0 = performance.now();
    tx.immediate(`row ${i}`);
    if (i >= 20) times.push(performance.now() - t0);
  }
  db.close();
  return times;
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-checkout-'));
  const core = await Core.open({ dataDir: dir, demo: true, sync: false, logger: silentLogger() });
  try {
    const db = core.liveDb();
    // A linked ledger with mapped tables, so every checkout also writes its outbox row (C1).
    saveLedgerConfig(db, { kind: 'smart-reserve', baseUrl: 'http://127.0.0.1:9', storeId: 'bench', linkState: '連携中', lastMasterSyncAt: null, tablesPushedAt: null });
    const map = db.prepare('INSERT INTO ledger_table_map (table_id, remote_seat_id, remote_name) VALUES (?, ?, ?)');
    for (let i = 1; i <= 12; i++) map.run(`floor-1-T${i}`, `S${i}`, `T${i}`);
    let seq = 0;
    const call = (method: string, input: unknown, sessionId?: string) =>
      core.dispatch({ method, input, sessionId, commandId: `bench-cmd-${++seq}` } as Envelope, { transport: 'inproc', local: true });
    const sessionId = value<{ sessionId: string }>(await call('auth.login', { staffId: 'staff-cashier1', pin: '1111' })).sessionId;
    value(await call('till.open', { total: 50_000 }, sessionId));
    const prepare = async (i: number) => {
      const visit = value<{ visit: { id: string } }>(await call('seating.seat', { tableId: `floor-1-T${1 + (i % 12)}`, party: 2 }, sessionId)).visit.id;
      const orders = value<{ total: { gross: number } }>(await call('orders.add', { visitId: visit, lines: [
        { productId: 'cat-food-1', quantity: 2 }, { productId: 'cat-side-1', quantity: 1, takeout: true }, { productId: 'cat-alcohol-1', quantity: 3 },
      ] }, sessionId));
      return { visitId: visit, payments: [{ kind: 'cash', amount: orders.total.gross + 1000 }] };
    };
    const commits: number[] = [];
    for (let i = 0; i < COMMITS + 20; i++) {
      const input = await prepare(i);
      const t0 = performance.now();
      value(await call('checkout.commit', input, sessionId));
      if (i >= 20) commits.push(performance.now() - t0);
    }
    const outboxRows = (db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE event_type = 'visit.checkedOut'`).get() as { n: number }).n;
    const bare = stats(bareInserts(dir, COMMITS));
    const commit = stats(commits);

    // A day of 2,000 slips through the real checkout path; durability relaxed only to build it quickly.
    db.pragma('synchronous = OFF');
    const have = COMMITS + 20;
    for (let i = have; i < DAY_SLIPS; i++) value(await call('checkout.commit', await prepare(i), sessionId));
    db.pragma('synchronous = FULL');
    const slips = (db.prepare(`SELECT COUNT(*) AS n FROM slips`).get() as { n: number }).n;
    const reports: number[] = [];
    for (let i = 0; i < REPORTS; i++) {
      const t0 = performance.now();
      value(await core.dispatch({ method: 'till.report', input: {}, sessionId }, { transport: 'inproc', local: true }));
      reports.push(performance.now() - t0);
    }
    const report = stats(reports);
    const ratio = (p: number) => Number((p / Math.max(bare.p50, 1e-6)).toFixed(2));
    return [
      { name: 'checkout.bare_insert_wal_full (baseline)', unit: 'ms', ...bare, note: 'one-row INSERT per transaction, WAL + synchronous=FULL' },
      { name: 'checkout.commit', unit: 'ms', ...commit, baseline: bare.p50, ratio: ratio(commit.p50),
        note: `${COMMITS} checkouts via dispatch: slip no., slip, part, 3 lines (2 rates), payment, discounts none, outbox row (${outboxRows} written), command log; print none` },
      { name: 'checkout.settlement_report', unit: 'ms', ...report, note: `till.report over one session of ${slips} slips` },
    ];
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) console.table(await run());
