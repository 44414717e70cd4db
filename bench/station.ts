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
 * commit against a bare insert with the same durability; the transaction around the commit and
 * the whole dispatch are reported against the same baseline beside it.
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
  const { whole, commits } = timeTransactions(core.store().db);
  const sessionId = ((await core.dispatch({ method: 'auth.login', input: { staffId: 'staff-cashier1', pin: '1111' } }, local)) as { value: { sessionId: string } }).value.sessionId;
  await core.dispatch({ method: 'till.open', input: { total: 10_000 }, sessionId, commandId: crypto.randomUUID() }, local);
  const bare = new Database(join(coreDir, 'bare.sqlite'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE t (id TEXT PRIMARY KEY, amount INTEGER, at INTEGER)');
  const insert = bare.prepare('INSERT INTO t VALUES (?, ?, ?)');
  const bareTx = commitTimed(bare, (i: number) => insert.run(crypto.randomUUID(), i, Date.now()));
  const till: number[] = [];
  const base: number[] = [];
  const baseCommit: number[] = [];
  const floor: number[] = [];
  const sameWrites = rawTillWrites(join(coreDir, 'raw.sqlite'));
  // The first rounds warm both paths up (JIT, page cache) and are not counted; then 2,000 rounds.
  const WARM_UP = 300;
  for (let i = 0; i < WARM_UP + 2_000; i++) {
    if (i === WARM_UP) whole.length = commits.length = 0; // also drops the till's opening
    const counted = i >= WARM_UP;
    let t0 = process.hrtime.bigint();
    insert.run(crypto.randomUUID(), i, Date.now());
    if (counted) base.push(ms(t0));
    const commit = bareTx(i);
    if (counted) baseCommit.push(commit);
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
  const b = pct(base, 0.5);
  const line = (name: string, xs: number[], baseline = b, note?: string): BenchResult =>
    ({ name, unit: 'ms', p50: pct(xs, 0.5), p99: pct(xs, 0.99), baseline, ratio: pct(xs, 0.5) / baseline, ...(note ? { note } : {}) });
  results.push({ name: 'bare single-row insert, WAL + synchronous=FULL (baseline)', unit: 'ms', p50: b, p99: pct(base, 0.99) });
  results.push({ name: 'the bare insert\'s commit (the same insert in BEGIN IMMEDIATE … COMMIT: COMMIT alone)', unit: 'ms', p50: pct(baseCommit, 0.5), p99: pct(baseCommit, 0.99) });
  results.push(line('till command commit (COMMIT of till.cashMove\'s transaction: WAL frames + fsync) against the bare insert\'s commit', commits, pct(baseCommit, 0.5), 'goal ≤ 1.5×'));
  results.push(line('till command commit against the whole bare insert', commits));
  results.push(line('till.cashMove\'s transaction (BEGIN IMMEDIATE, handler, output check, command log, COMMIT)', whole));
  results.push(line('till.cashMove through dispatch (validation, session and role, idempotency look-up, transaction, event)', till));
  results.push(line('what a till command writes, as bare SQL in one transaction (cash-book line, command log)', floor));
  return results;
}

/**
 * What a till command must write whatever the code around it (the session's next cash-book line,
 * migration 008, and the command log), as bare SQL in one transaction, same settings.
 */
function rawTillWrites(file: string): (i: number) => void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE m (session_id TEXT, seq INTEGER, id TEXT, kind TEXT, amount INTEGER, reason TEXT, staff_id TEXT, at INTEGER, business_day TEXT,
      total_in INTEGER, total_out INTEGER, PRIMARY KEY (session_id, seq)) WITHOUT ROWID;
    CREATE TABLE c (command_id TEXT PRIMARY KEY, method TEXT, staff_id TEXT, result TEXT, at INTEGER);`);
  const move = db.prepare(`INSERT INTO m VALUES ('s', ?, ?, 'in', 1, 'bench', 'staff', ?, '2026-11-21', ?, 0)`);
  const log = db.prepare(`INSERT INTO c VALUES (?, 'till.cashMove', 'staff', ?, ?)`);
  const tx = db.transaction((i: number) => {
    move.run(i + 1, crypto.randomUUID(), Date.now(), i + 1);
    log.run(crypto.randomUUID(), JSON.stringify({ sessionId: 's', cashIn: i, cashOut: 0, cashSales: 0, expectedCash: i }), Date.now());
  });
  return (i) => tx.immediate(i);
}

/** A transaction whose run answers how long its COMMIT took (from the end of its statements). */
function commitTimed(db: Database.Database, fn: (i: number) => unknown): (i: number) => number {
  let written = 0n;
  const tx = db.transaction((i: number) => { fn(i); written = process.hrtime.bigint(); });
  return (i) => { tx.immediate(i); return ms(written); };
}

/**
 * Times every `immediate` run of a transaction on the database (the only form dispatch uses), whole
 * and its COMMIT alone (from the end of the transaction's function): dispatch makes one runner per
 * database at its first command, so this is installed before any command.
 */
function timeTransactions(db: Database.Database): { whole: number[]; commits: number[] } {
  const whole: number[] = [];
  const commits: number[] = [];
  const make = db.transaction.bind(db);
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    let written = 0n;
    const tx = make((...args: unknown[]) => {
      try {
        return fn(...args);
      } finally {
        written = process.hrtime.bigint();
      }
    });
    return Object.assign((...args: unknown[]) => tx(...args), {
      immediate: (...args: unknown[]) => {
        const t0 = process.hrtime.bigint();
        try {
          return tx.immediate(...args);
        } finally {
          whole.push(ms(t0));
          commits.push(ms(written));
        }
      },
    });
  }) as typeof db.transaction;
  return { whole, commits };
}

if (import.meta.main) for (const r of await run()) console.log(JSON.stringify(r));
