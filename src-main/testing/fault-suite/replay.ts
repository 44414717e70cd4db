import { SmartReserveSim } from '../../../sim/smart-reserve/sim.ts';
import type { TablePush } from '../../ledger/adapter.ts';
import { SmartReserveAdapter } from '../../ledger/smart-reserve.ts';
import type { Delivery } from '../../outbox/types.ts';

/** A reservation as the day put it on the ledger (same id in the replay). */
export type ReservationSeed = {
  id: string; businessDay: string; startTime: string; durationMin: number; party: number; guestName: string; seatName?: string;
  /** Added during the day, when this was the newest outbox seq (absent: before the day). */
  afterSeq?: number;
};

export type OutboxRowLite = {
  seq: number; event_id: string; target: string; agg_type: string; agg_id: string; event_type: string; payload: string;
  business_day: string; depends_on: string | null; status: string; attempts: number; last_error_code: string | null; last_error: string | null;
};

type SimEffect = ReturnType<SmartReserveSim['effects']>[number];

/** What the ledger holds, keyed by the register's own references (ledger ids differ between runs). */
export type LedgerSnapshot = {
  visits: Map<string, { status: string; posTableId: string; party: number; mergedInto: string | null; group: string | null; reservationId: string | null }>;
  groups: Map<string, { status: string; rep: string; members: string[] }>;
  reservations: Map<string, { status: string; posTableId: string | null; party: number }>;
  /** Ledger visit id → visitRef. */
  refOf: Map<string, string>;
};

export function snapshot(sim: SmartReserveSim, storeId: string): LedgerSnapshot {
  const visits = sim.visits(storeId);
  const groups = sim.groups(storeId);
  const refOf = new Map(visits.map((v) => [v.id, v.visitRef]));
  const groupRef = new Map(groups.map((g) => [g.id, g.groupRef]));
  return {
    refOf,
    visits: new Map(visits.map((v) => [v.visitRef, {
      status: v.status, posTableId: v.posTableId, party: v.party, mergedInto: v.mergedInto ? refOf.get(v.mergedInto) ?? v.mergedInto : null,
      group: v.groupId ? groupRef.get(v.groupId) ?? v.groupId : null, reservationId: v.reservationId,
    }])),
    groups: new Map(groups.map((g) => [g.groupRef, {
      status: g.status, rep: refOf.get(g.representativeVisitId) ?? g.representativeVisitId,
      members: g.memberVisitIds.map((id) => refOf.get(id) ?? id).sort(),
    }])),
    reservations: new Map(sim.reservations(storeId, { includeWalkIns: false }).map((r) => [r.id, { status: r.status, posTableId: r.table?.posTableId ?? null, party: r.party }])),
  };
}

export type ReplayResult = { ledger: LedgerSnapshot; effects: SimEffect[]; results: Map<string, Delivery> };

/**
 * The reference: every outbox row of the faulted run delivered once, in seq order, with no fault,
 * through the same adapter to a fresh ledger holding the same reservations. Whatever the faults,
 * kills and retries did, the faulted ledger must end in this state, with these effects.
 */
export async function serialReplay(args: {
  storeId: string; linkCode: string; seatNames: readonly string[]; reservations: ReservationSeed[]; tables: TablePush[]; rows: OutboxRowLite[];
}): Promise<ReplayResult> {
  const sim = new SmartReserveSim({ seed: 1 });
  const running = await sim.start({ port: 0 });
  try {
    sim.addStore({ storeId: args.storeId, linkCode: args.linkCode, settings: { autoMapByName: true } });
    sim.setSeats(args.storeId, args.seatNames.map((name) => ({ name, capacity: 4 })));
    const later = args.reservations.filter((r) => r.afterSeq !== undefined);
    const add = ({ afterSeq: _after, ...r }: ReservationSeed) => sim.addReservation(args.storeId, r);
    for (const r of args.reservations) if (r.afterSeq === undefined) add(r);
    let token: string | null = null;
    const adapter = new SmartReserveAdapter(running.url, () => token, 10_000);
    token = (await adapter.link(args.storeId, args.linkCode)).token;
    await adapter.pushTables(args.tables);
    const refs = new Map<string, string>();
    const results = new Map<string, Delivery>();
    for (const row of [...args.rows].sort((a, b) => a.seq - b.seq)) {
      while (later.length > 0 && later[0]!.afterSeq! < row.seq) add(later.shift()!);
      const result = await adapter.deliver({
        seq: row.seq, eventId: row.event_id, target: row.target, aggType: row.agg_type, aggId: row.agg_id, type: row.event_type,
        payload: JSON.parse(row.payload) as unknown, businessDay: row.business_day, attempts: 0,
      }, { get: (id) => refs.get(id) ?? null });
      results.set(row.event_id, result);
      if (result.kind === 'done') for (const [local, remote] of Object.entries(result.refs ?? {})) refs.set(local, remote);
    }
    for (const r of later) add(r);
    return { ledger: snapshot(sim, args.storeId), effects: sim.effects({ storeId: args.storeId }), results };
  } finally {
    await running.close();
  }
}
