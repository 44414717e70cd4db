import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { businessDayOf } from '../../../src-shared/business-day.ts';
import type { QueueRow, ReservationRow, SyncStatus, TableTile } from '../../../src-shared/contract/index.ts';
import type { Result } from '../../../src-shared/result.ts';
import { jstTime } from '../../../sim/smart-reserve/clock.ts';
import { SmartReserveSim } from '../../../sim/smart-reserve/sim.ts';
import { checkSeed, type ReservationSeed } from './checks.ts';
import { commandId, login, poll, rpc, sleep, unwrap, type Envelope } from './rpc.ts';
import { describeSchedule, makeSchedule, type ScheduleOptions } from './schedule.ts';
import { StationProcess } from './station-process.ts';
import { seedDataDir, type Template } from './template.ts';
import type { FaultInput, Op, SeedReport, Step } from './types.ts';

export const STORE_ID = 'store-fault';
export const LINK_CODE = 'LINK-FAULT';
/** The ledger's seats: every demo table but C8 (unmapped, L5) and the waiting tables (never pushed). */
export const SEAT_NAMES: readonly string[] = [
  ...Array.from({ length: 12 }, (_, i) => `T${i + 1}`), ...Array.from({ length: 7 }, (_, i) => `C${i + 1}`),
  ...Array.from({ length: 8 }, (_, i) => `${201 + i}`),
];
const seatNameOf = (tableId: string) => tableId.split('-').slice(2).join('-');

export type RunOptions = {
  template: Template;
  /** Each line of progress (the CLI prints them; the test keeps them for a failing seed). */
  log?: (line: string) => void;
  keepDir?: boolean;
  convergenceTimeoutMs?: number;
  schedule?: ScheduleOptions;
};

class HarnessError extends Error {}

/**
 * Runs one seed: the simulator in-process, the station as a child process killed and restarted
 * on the same data directory, the scripted day over HTTP, then the network's return and the checks.
 */
export async function runSeed(seed: number, opts: RunOptions): Promise<SeedReport> {
  const started = performance.now();
  const schedule = makeSchedule(seed, opts.schedule);
  const log = opts.log ?? (() => {});
  const dir = seedDataDir(opts.template, seed);
  const sim = new SmartReserveSim({ seed });
  const procs: StationProcess[] = [];
  const report: SeedReport = {
    seed, ops: schedule.counts.ops, faults: schedule.counts.faults, kills: schedule.counts.kills, events: 0, retries: 0,
    lost: 0, dup: 0, order: 0, mismatches: 0, refused: 0, convergenceMs: null, durationMs: 0, notes: [], harnessError: null,
  };
  let station: StationProcess | null = null;
  let standby: StationProcess | null = null;
  let session = '';
  let killsLeft = schedule.counts.kills;
  const spawn = () => {
    const p = new StationProcess(dir, { FAULT_STRIP_CACHE: opts.template.stripCache, ...(opts.keepDir ? { POS_LOG_LEVEL: 'info' } : {}) });
    procs.push(p);
    return p;
  };
  const url = () => station?.url ?? '';
  const call = (env: Envelope) => rpc(url(), { ...env, sessionId: session });
  const restart = async (why: string) => {
    await station?.kill();
    killsLeft -= 1;
    station = standby ?? spawn();
    standby = null;
    const t = performance.now();
    await station.release();
    session = await login(url(), 'staff-cashier1', '1111'); // sessions live in memory: log in again
    log(`  station killed (${why}) and restarted in ${Math.round(performance.now() - t)} ms`);
    if (killsLeft > 0) standby = spawn();
  };

  try {
    const running = await sim.start({ port: 0 });
    sim.addStore({ storeId: STORE_ID, linkCode: LINK_CODE, settings: { autoMapByName: true } });
    sim.setSeats(STORE_ID, SEAT_NAMES.map((name) => ({ name, capacity: 4 })));
    const now0 = Date.now();
    const businessDay = businessDayOf(now0);
    // Reservations as ledger staff make them; their ids, in the order of the day's plan, for the replay.
    const reservations: ReservationSeed[] = [];
    const remoteIds: string[] = [];
    const addReservation = (index: number, afterSeq?: number) => {
      const r = schedule.reservations[index]!;
      const input = {
        businessDay, startTime: jstTime(now0 + r.startOffsetMin * 60_000), durationMin: r.durationMin, party: r.party, guestName: r.guestName,
        ...(r.designated ? { seatName: seatNameOf(r.designated) } : {}),
      };
      remoteIds[index] = sim.addReservation(STORE_ID, input).id;
      reservations.push({ ...input, id: remoteIds[index]!, ...(afterSeq === undefined ? {} : { afterSeq }) });
    };
    for (const r of schedule.reservations) if (r.addedBeforeOp === null) addReservation(r.index);

    station = spawn();
    await station.release();
    const manager = await login(url(), 'staff-manager', '1234');
    const managerCall = async (method: string, input: unknown) =>
      unwrap(await rpc(url(), { method, input, sessionId: manager, commandId: commandId(seed, method) }), method);
    // Settings actions are not queued: under a loaded CPU the 500 ms timeout may cut one, so retry
    // (a link whose answer was lost left the store linked: unlink it on the ledger side first).
    for (let attempt = 1; ; attempt++) {
      try {
        await managerCall('ledger.link', { kind: 'smart-reserve', baseUrl: running.url, storeId: STORE_ID, linkCode: LINK_CODE });
        await managerCall('ledger.pushTables', {});
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
        log(`  setup: ${(error as Error).message}; again`);
        if (sim.stores().find((st) => st.storeId === STORE_ID)?.linked) sim.unlinkStore(STORE_ID);
      }
    }
    session = await login(url(), 'staff-cashier1', '1111');
    if (killsLeft > 0) standby = spawn();
    const local = new Map<string, string>(); // ledger reservation id → the register's
    const pull = async (ids: string[]) => {
      const rows = await poll(async () => {
        await call({ method: 'reservations.refresh', input: {} });
        const list = unwrap<{ rows: ReservationRow[] }>(await call({ method: 'reservations.list', input: {} }), 'reservations.list').rows;
        return ids.every((id) => list.some((r) => r.remoteId === id)) ? list : null;
      }, 10_000, 100);
      if (!rows) fail(`the register did not pull reservations ${ids.join(', ')} within 10 s`);
      for (const r of rows!) local.set(r.remoteId, r.id);
    };
    const localReservation = (index: number) => local.get(remoteIds[index] ?? '') ?? fail(`reservation #${index} not pulled`);
    await pull([...remoteIds].filter(Boolean));

    for (const step of schedule.steps) await runStep(step);

    // The network returns: every fault is cleared; recovery must come by itself (no 再送).
    await sim.clearFaults();
    const returned = performance.now();
    const drained = await poll(async () => {
      const s = unwrap<SyncStatus>(await call({ method: 'sync.status', input: {} }), 'sync.status');
      return s.unsent - s.parked === 0 ? s : null;
    }, opts.convergenceTimeoutMs ?? 20_000, 25);
    report.convergenceMs = drained ? Math.round(performance.now() - returned) : null;
    log(`  network returned: ${drained ? `queue empty after ${report.convergenceMs} ms${drained.parked ? `, ${drained.parked} parked` : ''}` : 'queue NOT empty in time'}`);
    await station.stop();
    await standby?.kill();

    Object.assign(report, await checkSeed({
      dbFile: join(dir, 'register.sqlite'), sim, storeId: STORE_ID, linkCode: LINK_CODE, seatNames: SEAT_NAMES, reservations,
    }));
    if (report.convergenceMs === null) report.notes.push('queue not empty 20 s after the network returned (stuck)');

    async function runStep(step: Step): Promise<void> {
      if (step.kind === 'pause') return sleep(step.ms);
      if (step.kind === 'faults') {
        log(`  faults: ${step.label}`);
        await sim.setFaults(step.active);
        return;
      }
      if (step.kind === 'kill') return restart('idle, between operations');
      if (step.kind === 'reservation') {
        // The replay adds it at the same point of the outbox: after the newest row at this moment.
        const newest = unwrap<QueueRow[]>(await call({ method: 'sync.queue', input: { status: 'all', limit: 1 } }), 'sync.queue')[0];
        addReservation(step.index, newest?.seq ?? 0);
        await pull([remoteIds[step.index]!]); // the puller brings it by itself (R3); refresh only shortens the wait
        log(`  reservation #${step.index} added on the ledger and pulled`);
        return;
      }
      const input = await resolve(step.op);
      const env: Envelope = { ...input, commandId: commandId(seed, step.n) };
      const kill = step.kill;
      let result: Result<unknown>;
      if (kill?.mode === 'mid-command') {
        const inFlight = call(env).catch((error: unknown) => ({ ok: false as const, error: { code: 'STATION_DIED', message: String(error) } }));
        await sleep(kill.afterMs);
        await restart(`mid-command, op ${step.n}`);
        const first = await inFlight;
        result = await call(env); // the same commandId: applied once whatever the first copy did
        log(`  op ${step.n} ${step.op.kind}: first copy ${first.ok ? 'answered' : first.error.code}, retry ${result.ok ? 'ok' : result.error.code}`);
      } else if (kill?.mode === 'mid-delivery') {
        // Hold this operation's delivery at the ledger (it applies after the hold) and kill meanwhile.
        const active = sim.faults().map((f) => f.spec as FaultInput);
        await sim.setFaults([{ kind: 'slow', delayMs: 1500, count: 1, match: 'POST /api/v1/**' }, ...active]);
        result = await call(env);
        const held = await poll(() => (sim.faults()[0]?.hits ?? 0) > 0, 1500, 5);
        await restart(`mid-delivery, op ${step.n}${held ? '' : ', nothing reached the ledger'}`);
        await sim.setFaults(active);
      } else if (kill?.mode === 'after-apply') {
        const before = sim.ledger.effects.length;
        result = await call(env);
        const applied = await poll(() => sim.ledger.effects.length > before, 1500, 2);
        await restart(`after-apply, op ${step.n}${applied ? '' : ', nothing was applied'}`);
      } else {
        result = await call(env);
      }
      if (!result.ok) throw new HarnessError(`op ${step.n} ${JSON.stringify(step.op)} refused by the register: ${result.error.code} ${result.error.message}`);
    }

    async function resolve(op: Op): Promise<Envelope> {
      const tiles = async () => new Map(unwrap<{ floors: Array<{ tables: TableTile[] }> }>(await call({ method: 'floor.view', input: {} }), 'floor.view')
        .floors.flatMap((f) => f.tables).map((t) => [t.id, t]));
      const visitAt = async (table: string) => (await tiles()).get(table)?.visit?.id ?? fail(`no visit at ${table}`);
      switch (op.kind) {
        case 'walkIn':
          return { method: 'seating.seat', input: { tableId: op.table, party: op.party, confirmOverReservation: true } };
        case 'seatReservation':
          return { method: 'seating.seat', input: { tableId: op.table, party: op.party, reservationId: localReservation(op.reservation) } };
        case 'seatGroup':
          return {
            method: 'seating.seat',
            input: { tableId: op.table, party: op.party, ...(op.reservation === null ? { confirmOverReservation: true } : { reservationId: localReservation(op.reservation) }) },
          };
        case 'partyChange':
          return { method: 'visit.update', input: { visitId: await visitAt(op.table), party: op.party } };
        case 'move':
          return { method: 'table.move', input: { fromTableId: op.from, toTableId: op.to } };
        case 'merge':
          return { method: 'table.merge', input: { fromTableId: op.from, toTableId: op.to } };
        case 'cancel':
          return { method: 'seating.cancel', input: { visitId: await visitAt(op.table) } };
        case 'group':
          return { method: 'table.group', input: { tableIds: op.tables, representativeTableId: op.rep } };
        case 'ungroup':
          return { method: 'table.ungroup', input: { groupId: (await tiles()).get(op.table)?.groupId ?? fail(`no group at ${op.table}`) } };
      }
    }
  } catch (error) {
    report.harnessError = (error as Error).message;
    log(`  harness error: ${report.harnessError}`);
    for (const p of procs) if (p.log()) log(`  station ${p.child.pid} output: ${p.log().slice(-600)}`);
  } finally {
    for (const p of procs) await p.kill();
    await sim.close();
    if (opts.keepDir) log(`  data dir kept: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  report.durationMs = Math.round(performance.now() - started);
  if (report.harnessError === null && (report.lost || report.dup || report.order || report.mismatches || report.convergenceMs === null)) {
    for (const line of describeSchedule(schedule)) log(`  | ${line}`);
  }
  return report;
}

const fail = (message: string): never => {
  throw new HarnessError(message);
};
