import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Core } from '../src-main/core.ts';
import { silentLogger } from '../src-main/logging/logger.ts';
import { startStation } from '../src-main/testing/station-process.ts';
import { tempDir } from '../src-main/testing/harness.ts';
import type { BenchResult } from './run.ts';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

/**
 * Issue 2 benchmarks: station cold start, command round trip over HTTP, and one till command's
 * commit (validation, transaction, command log) against a bare insert with the same durability.
 */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];

  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const dir = tempDir('pos-bench-');
    const t0 = process.hrtime.bigint();
    const station = await startStation(dir);
    starts.push(ms(t0));
    await station.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
  results.push({ name: 'station cold start to API ready (median of 5)', unit: 'ms', value: pct(starts, 0.5), note: 'new data dir: migrations + demo seed included' });

  const dir = tempDir('pos-bench-');
  const station = await startStation(dir);
  try {
    const login = await station.call({ method: 'auth.login', input: { staffId: 'staff-cashier1', pin: '1111' } });
    const sessionId = (login as { value: { sessionId: string } }).value.sessionId;
    await station.call({ method: 'till.open', input: { total: 10_000 }, sessionId, commandId: crypto.randomUUID() });
    const rtt: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const t0 = process.hrtime.bigint();
      await station.call({ method: 'till.cashMove', input: { kind: 'in', amount: 1, reason: 'bench' }, sessionId, commandId: crypto.randomUUID() });
      rtt.push(ms(t0));
    }
    results.push({ name: 'command round trip over HTTP (till.cashMove, 1,000)', unit: 'ms', p50: pct(rtt, 0.5), p99: pct(rtt, 0.99) });
  } finally {
    await station.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }

  // In-process: the till command's commit against a bare single-row insert, same file settings.
  const coreDir = tempDir('pos-bench-');
  const core = await Core.open({ dataDir: coreDir, demo: true, logger: silentLogger(), sync: false });
  const local = { transport: 'inproc', local: true } as const;
  const commits = timeTransactions(core.store().db);
  const sessionId = ((await core.dispatch({ method: 'auth.login', input: { staffId: 'staff-cashier1', pin: '1111' } }, local)) as { value: { sessionId: string } }).value.sessionId;
  await core.dispatch({ method: 'till.open', input: { total: 10_000 }, sessionId, commandId: crypto.randomUUID() }, local);
  const bare = new Database(join(coreDir, 'bare.sqlite'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE t (id TEXT PRIMARY KEY, amount INTEGER, at INTEGER)');
  const insert = bare.prepare('INSERT INTO t VALUES (?, ?, ?)');
  const till: number[] = [];
  const base: number[] = [];
  const floor: number[] = [];
  const sameWrites = rawTillWrites(join(coreDir, 'raw.sqlite'));
  // The first rounds warm both paths up (JIT, page cache) and are not counted; then 2,000 pairs.
  const WARM_UP = 300;
  for (let i = 0; i < WARM_UP + 2_000; i++) {
    if (i === WARM_UP) commits.length = 0; // also drops the till's opening
    const counted = i >= WARM_UP;
    let t0 = process.hrtime.bigint();
    insert.run(crypto.randomUUID(), i, Date.now());
    if (counted) base.push(ms(t0));
    t0 = process.hrtime.bigint();
    sameWrites(i);
    if (counted) floor.push(ms(t0));
    t0 = process.hrtime.bigint();
    const moved = await core.dispatch({ method: 'till.cashMove', input: { kind: 'in', amount: 1, reason: 'bench' }, sessionId, commandId: crypto.randomUUID() }, local);
    if (counted) till.push(ms(t0));
    if (!moved.ok) throw new Error(`till.cashMove failed: ${moved.error.code}`);
    // Commands arrive in turns of the event loop (IPC, HTTP): what a command leaves for after its
    // answer (the sync badge refresh) runs here, between samples, as it would between requests.
    await new Promise((resolve) => setImmediate(resolve));
  }
  bare.close();
  await core.close();
  rmSync(coreDir, { recursive: true, force: true });
  results.push({ name: 'bare single-row insert, WAL + synchronous=FULL (baseline)', unit: 'ms', p50: pct(base, 0.5), p99: pct(base, 0.99) });
  results.push({ name: 'the same three writes as bare SQL in one transaction (movement, session totals, command log): the floor for any till command', unit: 'ms',
    p50: pct(floor, 0.5), p99: pct(floor, 0.99), baseline: pct(base, 0.5), ratio: pct(floor, 0.5) / pct(base, 0.5) });
  results.push({ name: 'till command commit (dispatch: validate, transaction, command log)', unit: 'ms', p50: pct(till, 0.5), p99: pct(till, 0.99),
    baseline: pct(base, 0.5), ratio: pct(till, 0.5) / pct(base, 0.5), note: 'goal ≤ 1.5× (fsync dominates both)' });
  results.push({ name: 'the same command\'s transaction alone (BEGIN IMMEDIATE: handler, output check, command log; COMMIT)', unit: 'ms',
    p50: pct(commits, 0.5), p99: pct(commits, 0.99), baseline: pct(base, 0.5), ratio: pct(commits, 0.5) / pct(base, 0.5) });
  return results;
}

/**
 * What a till command must write whatever the code around it (a movement with its indexes, the
 * session's running totals, the command log), as bare SQL in one transaction, same settings: shows
 * how much of the ratio is the write itself.
 */
function rawTillWrites(file: string): (i: number) => void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE s (id TEXT PRIMARY KEY, cash_in INTEGER NOT NULL); INSERT INTO s VALUES ('s', 0);
    CREATE TABLE m (id TEXT PRIMARY KEY, session_id TEXT, kind TEXT, amount INTEGER, reason TEXT, staff_id TEXT, at INTEGER, business_day TEXT);
    CREATE INDEX m_session ON m(session_id, at);
    CREATE TABLE c (command_id TEXT PRIMARY KEY, method TEXT, staff_id TEXT, result TEXT, at INTEGER);`);
  const move = db.prepare(`INSERT INTO m VALUES (?, 's', 'in', 1, 'bench', 'staff', ?, '2026-11-21')`);
  const total = db.prepare(`UPDATE s SET cash_in = cash_in + 1 WHERE id = 's'`);
  const log = db.prepare(`INSERT INTO c VALUES (?, 'till.cashMove', 'staff', ?, ?)`);
  const tx = db.transaction((i: number) => {
    move.run(crypto.randomUUID(), Date.now());
    total.run();
    log.run(crypto.randomUUID(), JSON.stringify({ sessionId: 's', cashIn: i, cashOut: 0, cashSales: 0, expectedCash: i }), Date.now());
  });
  return (i) => tx.immediate(i);
}

/**
 * Times every `immediate` run of a transaction on the database (the only form dispatch uses): dispatch
 * makes one runner per database at its first command, so this is installed before any command.
 */
function timeTransactions(db: Database.Database): number[] {
  const times: number[] = [];
  const make = db.transaction.bind(db);
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const tx = make(fn);
    return Object.assign((...args: unknown[]) => tx(...args), {
      immediate: (...args: unknown[]) => {
        const t0 = process.hrtime.bigint();
        try {
          return tx.immediate(...args);
        } finally {
          times.push(ms(t0));
        }
      },
    });
  }) as typeof db.transaction;
  return times;
}

if (import.meta.main) for (const r of await run()) console.log(JSON.stringify(r));
