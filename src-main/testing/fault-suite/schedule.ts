import { FloorModel } from './day.ts';
import { Rng } from './prng.ts';
import type { FaultInput, KillMode, OpKill, ReservationPlan, Schedule, Step } from './types.ts';

/**
 * The schedule of one seed: a scripted service day (reservations on the ledger, then 15–28 floor
 * operations), a few ledger faults switched on and off between operations, and 1–3 SIGKILLs of
 * the station. A pure function of the seed: `node scripts/fault-suite.ts --seed N` replays it.
 */
export type ScheduleOptions = { minOps?: number; maxOps?: number };

/** Endpoints a targeted fault may hit (the register's deliveries and its look-up before create). */
const MATCHES: ReadonlyArray<string | undefined> = [
  undefined, undefined, undefined, 'POST /api/v1/visits', 'POST /api/v1/visits/*/*', 'PATCH /api/v1/visits/*',
  'POST /api/v1/groups', 'DELETE /api/v1/groups/*', 'GET /api/v1/visits/by-ref/*', '* /api/v1/visits/**',
];

function withMatch(rng: Rng, spec: FaultInput): FaultInput {
  const match = rng.pick(MATCHES);
  return match === undefined || spec.kind === 'down' ? spec : { ...spec, match };
}

export function faultSpec(rng: Rng): FaultInput {
  const kind = rng.weighted({ down: 2, error: 3, timeout: 2.5, lostResponse: 3, slow: 1.5, rateLimit: 0.6, reset: 0.6 });
  switch (kind) {
    case 'down':
      return { kind: 'down', mode: rng.pick(['refused', 'reset'] as const) };
    case 'error':
      return withMatch(rng, { kind: 'error', status: rng.pick([500, 502, 503, 504]), rate: rng.pick([1, 1, 0.5, 0.3]) });
    case 'timeout':
      // Held past the register's request timeout; with apply the ledger applies it at the end of the hold.
      return withMatch(rng, { kind: 'timeout', holdMs: rng.int(600, 1500), apply: rng.chance(0.5), rate: rng.pick([1, 0.5]) });
    case 'lostResponse': {
      const spec: FaultInput = { kind: 'lostResponse', rate: rng.pick([1, 0.5, 0.3]) };
      return withMatch(rng, rng.chance(0.3) ? { ...spec, count: rng.int(1, 3) } : spec);
    }
    case 'slow':
      return withMatch(rng, { kind: 'slow', delayMs: rng.int(50, 900), rate: rng.pick([1, 0.5]) });
    case 'rateLimit':
      return withMatch(rng, { kind: 'rateLimit', retryAfterSec: 1, rate: 0.5 });
    default:
      return withMatch(rng, { kind: 'reset', rate: rng.pick([1, 0.5]) });
  }
}

type Window = { from: number; to: number; spec: FaultInput; gapMs: number };

export function describeFault(spec: FaultInput): string {
  const s = spec as Record<string, unknown>;
  const extra = Object.entries(s).filter(([k]) => k !== 'kind').map(([k, v]) => `${k}=${String(v)}`).join(' ');
  return extra ? `${spec.kind}(${extra})` : spec.kind;
}

export function makeSchedule(seed: number, opts: ScheduleOptions = {}): Schedule {
  const rng = new Rng(seed);
  const nOps = rng.int(opts.minOps ?? 15, opts.maxOps ?? 28);

  // Reservations made on the ledger before the day starts; designated tables are distinct.
  const designatable = rng.sample(['floor-1-T1', 'floor-1-T2', 'floor-1-T3', 'floor-1-T4', 'floor-1-T9', 'floor-1-T10', 'floor-2-205', 'floor-2-206'], 6);
  const reservations: ReservationPlan[] = Array.from({ length: rng.int(3, 6) }, (_, index) => ({
    index, guestName: `予約${index + 1} 様`, party: rng.int(2, 6),
    designated: rng.chance(0.6) ? designatable[index] ?? null : null, addedBeforeOp: null,
    // Four to five hours ahead (or, across the 05:00 day change, in the past): never overlapping a
    // walk-in's slot, so a ledger refusal can only come from the register sending out of order.
    startOffsetMin: rng.int(240, 300), durationMin: rng.pick([90, 120]),
  }));
  const model = new FloorModel(rng, reservations);

  // A few fault windows over operation indexes; an outage may hold the day for a while (gapMs).
  const windows: Window[] = Array.from({ length: rng.int(2, 4) }, () => {
    const from = rng.int(0, nOps - 1);
    const gapMs = rng.chance(0.35) ? (rng.chance(0.15) ? rng.int(2500, 5000) : rng.int(300, 1500)) : 0;
    return { from, to: Math.min(nOps, from + rng.int(1, 6)), spec: faultSpec(rng), gapMs };
  });
  // Most days end during an outage, so the network's return has a backlog to drain.
  if (rng.chance(0.7)) windows.push({ from: Math.max(0, nOps - rng.int(2, 5)), to: nOps, spec: faultSpec(rng), gapMs: 0 });

  const activeAt = (i: number) => windows.filter((w) => w.from <= i && i < w.to).map((w) => w.spec);
  // Up to two reservations made on the ledger during the day, at a moment without faults. They
  // draw from a stream of their own, so the rest of a seed's schedule stays as it was without them.
  const extra = new Rng(seed * 7919 + 17);
  const added = new Set<number>();
  for (let k = extra.int(0, 2); k > 0; k--) {
    const at = extra.int(1, nOps - 2);
    if (activeAt(at).length === 0) added.add(at);
  }

  const kills = new Map<number, KillMode>();
  for (let k = rng.int(1, 3); k > 0; k--) {
    let at = rng.int(1, nOps);
    while (kills.has(at) && at > 1) at -= 1;
    const mode = rng.weighted({ idle: 1, 'mid-command': 1.2, 'mid-delivery': 1, 'after-apply': 0.8 })!;
    kills.set(at, at === nOps ? 'idle' : mode); // after the last operation only an idle kill is left
  }

  const steps: Step[] = [];
  let active = '[]';
  const switchFaults = (i: number) => {
    const now = activeAt(i);
    if (JSON.stringify(now) === active) return;
    active = JSON.stringify(now);
    steps.push({ kind: 'faults', active: now, label: now.length ? now.map(describeFault).join(' + ') : 'none' });
  };
  const kill = (i: number) => {
    if (kills.get(i) === 'idle') steps.push({ kind: 'kill', mode: 'idle' });
  };
  for (let i = 0; i < nOps; i++) {
    switchFaults(i);
    for (const w of windows) if (w.from === i && w.gapMs > 0) steps.push({ kind: 'pause', ms: w.gapMs, why: `outage (${describeFault(w.spec)})` });
    kill(i);
    if (added.has(i)) {
      const plan = model.addReservation({
        index: reservations.length, guestName: `予約${reservations.length + 1} 様`, party: extra.int(2, 6),
        addedBeforeOp: i + 1, startOffsetMin: extra.int(240, 300), durationMin: extra.pick([90, 120]),
      }, extra);
      reservations.push(plan);
      steps.push({ kind: 'reservation', index: plan.index });
    }
    const op = model.next();
    const mode = kills.get(i);
    const opKill: OpKill | undefined = mode === 'mid-command' ? { mode, afterMs: rng.int(0, 25) } : mode === 'mid-delivery' || mode === 'after-apply' ? { mode } : undefined;
    steps.push(opKill ? { kind: 'op', n: i + 1, op, kill: opKill } : { kind: 'op', n: i + 1, op });
    if (rng.chance(0.4)) steps.push({ kind: 'pause', ms: rng.int(10, 150), why: 'service' });
  }
  switchFaults(nOps);
  kill(nOps);
  return { seed, reservations, steps, counts: { ops: nOps, faults: windows.length, kills: kills.size } };
}

/** One line per step, for the replay script and failure messages. */
export function describeSchedule(s: Schedule): string[] {
  const describe = (r: ReservationPlan) => `reservation #${r.index} ${r.guestName} ${r.party}名 ${r.designated ? `designated ${r.designated}` : 'no table'} +${r.startOffsetMin}min ${r.durationMin}min`;
  const lines = s.reservations.filter((r) => r.addedBeforeOp === null).map(describe);
  for (const step of s.steps) {
    if (step.kind === 'op') lines.push(`op ${step.n}: ${JSON.stringify(step.op)}${step.kill ? `  ← SIGKILL ${step.kill.mode}${step.kill.mode === 'mid-command' ? ` after ${step.kill.afterMs} ms` : ''}` : ''}`);
    else if (step.kind === 'faults') lines.push(`faults: ${step.label}`);
    else if (step.kind === 'pause') lines.push(`pause ${step.ms} ms (${step.why})`);
    else if (step.kind === 'reservation') lines.push(`ledger staff add ${describe(s.reservations[step.index]!)}; the register pulls it`);
    else lines.push(`SIGKILL station (${step.mode})`);
  }
  lines.push('network returns: all faults cleared');
  return lines;
}
