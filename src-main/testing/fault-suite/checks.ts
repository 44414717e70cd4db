import Database from 'better-sqlite3';
import type { SmartReserveSim } from '../../../sim/smart-reserve/sim.ts';
import type { TablePush } from '../../ledger/adapter.ts';
import { serialReplay, snapshot, type LedgerSnapshot, type OutboxRowLite, type ReservationSeed } from './replay.ts';

export type { ReservationSeed };

export type CheckInput = {
  dbFile: string; sim: SmartReserveSim; storeId: string; linkCode: string; seatNames: readonly string[]; reservations: ReservationSeed[];
};

export type CheckResult = { events: number; retries: number; lost: number; dup: number; order: number; mismatches: number; refused: number; notes: string[] };

type LocalVisit = { id: string; status: string; party: number; merged_into: string | null; reservation_id: string | null };
type LocalGroup = { id: string; rep: string; dissolvedAt: number | null; tables: string[] };
type Effect = ReturnType<SmartReserveSim['effects']>[number];

const OPEN = new Set(['pending', 'in_flight']);
const CREATES = new Set(['visit_created', 'group_created']);
const LEDGER_STATUS: Record<string, string> = { seated: 'seated', cancelled: 'cancelled', merged: 'left', closed: 'left' };

/** Settings actions of the manager, not outbox deliveries. */
const SETTINGS = new Set(['link', 'unlink', 'tables_pushed']);
/** The effects the register's outbox caused: not the settings actions, not the ledger's clock (C2). */
const deliveryEffects = (effects: Effect[]) => effects.filter((e) => e.source === 'api' && !SETTINGS.has(e.kind));
const effectKey = (e: Effect) => `${e.idempotencyKey ?? ''}|${e.kind}|${e.naturalKey ?? ''}`;

function counts(effects: Effect[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const e of effects) m.set(effectKey(e), (m.get(effectKey(e)) ?? 0) + 1);
  return m;
}

/**
 * The three zeros of the issue, plus the final state: reads the stopped station's database and the
 * ledger, and compares both with a fault-free serial replay of the same outbox.
 */
export async function checkSeed(input: CheckInput): Promise<CheckResult> {
  const db = new Database(input.dbFile, { readonly: true });
  let rows: OutboxRowLite[];
  let visits: LocalVisit[];
  let tables: TablePush[];
  let lastTable: (visitId: string) => string | null;
  let remoteReservation: (localId: string) => string | null;
  let groups: LocalGroup[];
  try {
    rows = db.prepare('SELECT * FROM outbox ORDER BY seq').all() as OutboxRowLite[];
    visits = db.prepare('SELECT id, status, party, merged_into, reservation_id FROM visits').all() as LocalVisit[];
    tables = (db.prepare(`SELECT t.id AS tableId, t.name, t.kind, t.seats, f.name AS floor FROM tables t JOIN floors f ON f.id = t.floor_id
      WHERE t.kind != 'waiting' ORDER BY f.sort, t.sort`).all() as TablePush[]);
    const vt = db.prepare('SELECT table_id FROM visit_tables WHERE visit_id = ? ORDER BY active DESC, since DESC, rowid DESC LIMIT 1');
    const tableMap = new Map<string, string | null>(visits.map((v) => [v.id, (vt.get(v.id) as { table_id: string } | undefined)?.table_id ?? null]));
    lastTable = (id) => tableMap.get(id) ?? null;
    const res = new Map((db.prepare('SELECT id, remote_id FROM reservations').all() as Array<{ id: string; remote_id: string }>).map((r) => [r.id, r.remote_id]));
    remoteReservation = (id) => res.get(id) ?? null;
    groups = (db.prepare('SELECT id, representative_table_id AS rep, dissolved_at AS dissolvedAt FROM table_groups ORDER BY created_at').all() as Array<Omit<LocalGroup, 'tables'>>)
      .map((g) => ({ ...g, tables: (db.prepare('SELECT table_id FROM table_group_members WHERE group_id = ?').all(g.id) as Array<{ table_id: string }>).map((m) => m.table_id).sort() }));
  } finally {
    db.close();
  }

  const out: CheckResult = { events: rows.length, retries: rows.reduce((n, r) => n + Math.max(0, r.attempts - 1), 0), lost: 0, dup: 0, order: 0, mismatches: 0, refused: 0, notes: [] };
  const replay = await serialReplay({ storeId: input.storeId, linkCode: input.linkCode, seatNames: input.seatNames, reservations: input.reservations, tables, rows });
  const faulted = deliveryEffects(input.sim.effects({ storeId: input.storeId }));
  const reference = deliveryEffects(replay.effects);
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const byEvent = new Map(rows.map((r) => [r.event_id, r]));
  const label = (r: OutboxRowLite) => `#${r.seq} ${r.event_type} (visit ${r.agg_id.slice(0, 8)})`;

  // 1. Events lost: every row ends done; a parked row is explained only if the ledger refuses it without faults too.
  const lost = new Set<string>();
  const refused = new Set<string>();
  for (const r of rows) {
    if (r.status === 'done') continue;
    const ref = replay.results.get(r.event_id);
    if (r.status === 'parked' && ref?.kind === 'permanent' && ref.code === r.last_error_code) {
      refused.add(r.event_id);
      out.notes.push(`refused by a ledger rule (also without faults): ${label(r)} ${r.last_error_code} ${r.last_error ?? ''}`);
      continue;
    }
    lost.add(r.event_id);
    const why = OPEN.has(r.status) ? `still ${r.status} after ${r.attempts} attempts (${r.last_error_code ?? 'no error'})` : `${r.status} ${r.last_error_code ?? ''} ${r.last_error ?? ''}`;
    out.notes.push(`LOST ${label(r)}: ${why}; without faults it was ${ref ? ref.kind + ('code' in ref ? ` ${ref.code}` : '') : 'not replayed'}`);
  }

  // 2. Duplicated effects: more applications of one delivery than the serial replay, or a create twice by natural key.
  const f = counts(faulted);
  const ref = counts(reference);
  for (const [key, n] of f) {
    const extra = n - (ref.get(key) ?? 0);
    if (extra > 0) {
      out.dup += extra;
      out.notes.push(`DUPLICATE effect ×${n} (reference ×${ref.get(key) ?? 0}): ${key}`);
    }
  }
  const creates = new Map<string, Set<string>>();
  for (const e of faulted) if (CREATES.has(e.kind) && e.naturalKey) creates.set(`${e.kind}|${e.naturalKey}`, (creates.get(`${e.kind}|${e.naturalKey}`) ?? new Set()).add(e.idempotencyKey ?? ''));
  for (const [key, keys] of creates) {
    if (keys.size > 1) {
      out.dup += keys.size - 1;
      out.notes.push(`DUPLICATE create under ${keys.size} idempotency keys: ${key}`);
    }
  }
  for (const [key, n] of ref) {
    const missing = n - (f.get(key) ?? 0);
    const eventId = key.split('|')[0]!;
    if (missing > 0 && !lost.has(eventId) && !refused.has(eventId)) {
      lost.add(eventId);
      const r = byEvent.get(eventId);
      out.notes.push(`LOST effect ${key}${r ? ` of ${label(r)} (row ${r.status})` : ''}: applied without faults, missing here`);
    }
  }
  out.lost = lost.size;
  out.refused = refused.size;

  // 3. Order: per aggregate, the ledger applied the effects in the register's seq order; dependencies first.
  const seqOfKey = new Map(rows.map((r) => [r.event_id, r.seq]));
  const lastSeen = new Map<string, number>();
  const firstEffect = new Map<string, number>();
  const lastEffect = new Map<string, number>();
  for (const e of faulted) {
    const seq = seqOfKey.get(e.idempotencyKey ?? '');
    if (seq === undefined) {
      // The relay sends committed rows only: an effect under an unknown key was never asked for.
      out.mismatches += 1;
      out.notes.push(`UNKNOWN effect, its key is no outbox event: ${effectKey(e)}`);
      continue;
    }
    const r = bySeq.get(seq)!;
    const agg = `${r.target}/${r.agg_type}/${r.agg_id}`;
    const prev = lastSeen.get(agg) ?? 0;
    if (seq < prev) {
      out.order += 1;
      out.notes.push(`ORDER: ${label(r)} applied after #${prev} of the same aggregate`);
    }
    lastSeen.set(agg, Math.max(prev, seq));
    if (!firstEffect.has(r.event_id)) firstEffect.set(r.event_id, e.seq);
    lastEffect.set(r.event_id, e.seq);
  }
  for (const r of rows) {
    if (!r.depends_on) continue;
    for (const dep of r.depends_on.split(',')) {
      const mine = firstEffect.get(r.event_id);
      const theirs = lastEffect.get(dep);
      if (mine !== undefined && theirs !== undefined && mine < theirs) {
        out.order += 1;
        out.notes.push(`ORDER: ${label(r)} applied before the event it depends on (${byEvent.get(dep) ? label(byEvent.get(dep)!) : dep})`);
      }
    }
  }

  // 4. Final state: the ledger equals the fault-free replay, and matches the register for every visit sent.
  const ledger = snapshot(input.sim, input.storeId);
  const skip = new Set([...lost, ...refused]);
  const diffs = [
    ...compareLedgers(ledger, replay.ledger),
    ...compareWithRegister(ledger, rows, visits, lastTable, remoteReservation, skip),
    ...compareGroups(ledger, rows, visits, groups, skip),
  ];
  out.mismatches += diffs.length;
  out.notes.push(...diffs);
  return out;
}

function compareLedgers(actual: LedgerSnapshot, expected: LedgerSnapshot): string[] {
  const diffs: string[] = [];
  const cmp = <T>(what: string, a: Map<string, T>, b: Map<string, T>) => {
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      const x = JSON.stringify(a.get(key) ?? null);
      const y = JSON.stringify(b.get(key) ?? null);
      if (x !== y) diffs.push(`STATE ${what} ${key}: ledger ${x} ≠ fault-free replay ${y}`);
    }
  };
  cmp('visit', actual.visits, expected.visits);
  cmp('group', actual.groups, expected.groups);
  cmp('reservation', actual.reservations, expected.reservations);
  return diffs;
}

/**
 * Status, table and party of every visit the register sent, as the ledger holds it. Party only for
 * visits never grouped: for those the ledger splits parties by its own T6 rules (the replay covers them).
 */
function compareWithRegister(ledger: LedgerSnapshot, rows: OutboxRowLite[], visits: LocalVisit[], lastTable: (id: string) => string | null,
  remoteReservation: (id: string) => string | null, skip: Set<string>): string[] {
  const diffs: string[] = [];
  const seated = new Map<string, { ref: string; table: string | null; group: boolean }>();
  const grouped = new Set<string>();
  const troubled = new Set(rows.filter((r) => skip.has(r.event_id)).map((r) => r.agg_id));
  for (const r of rows) {
    const p = JSON.parse(r.payload) as { visitId: string; tableIds?: string[]; visitIds?: string[] };
    if (r.event_type === 'visit.seated') seated.set(r.agg_id, { ref: r.agg_id, table: null, group: false });
    if (r.event_type === 'group.seated') {
      seated.set(r.agg_id, { ref: `${r.agg_id}/${p.tableIds?.[0] ?? ''}`, table: p.tableIds?.[0] ?? null, group: true });
      grouped.add(r.agg_id);
    }
    if (r.event_type === 'visit.grouped') for (const id of p.visitIds ?? []) grouped.add(id);
  }
  const byId = new Map(visits.map((v) => [v.id, v]));
  for (const [id, sent] of seated) {
    const v = byId.get(id);
    if (!v || troubled.has(id)) continue;
    const l = ledger.visits.get(sent.ref);
    if (!l) {
      diffs.push(`STATE visit ${id.slice(0, 8)}: sent by the register, absent from the ledger`);
      continue;
    }
    const want = LEDGER_STATUS[v.status] ?? v.status;
    if (l.status !== want) diffs.push(`STATE visit ${id.slice(0, 8)}: register ${v.status} (→ ${want}), ledger ${l.status}`);
    const table = sent.table ?? lastTable(id);
    if (l.posTableId !== table) diffs.push(`STATE visit ${id.slice(0, 8)}: register table ${table}, ledger ${l.posTableId}`);
    if (!grouped.has(id) && l.party !== v.party && v.status === 'seated') diffs.push(`STATE visit ${id.slice(0, 8)}: register party ${v.party}, ledger ${l.party}`);
    const rid = v.reservation_id ? remoteReservation(v.reservation_id) : null;
    if (l.reservationId !== rid) diffs.push(`STATE visit ${id.slice(0, 8)}: register reservation ${rid}, ledger ${l.reservationId}`);
    if (v.status === 'merged' && v.merged_into && seated.has(v.merged_into) && !troubled.has(v.merged_into)) {
      const into = seated.get(v.merged_into)!.ref;
      if (l.mergedInto !== into) diffs.push(`STATE visit ${id.slice(0, 8)}: merged into ${into.slice(0, 8)} in the register, ${l.mergedInto?.slice(0, 8) ?? 'nothing'} in the ledger`);
    }
  }
  return diffs;
}

/**
 * Table groups (T6): a group the register sent is active in the ledger while the register keeps
 * it, and dissolved once the register dissolved it (a group seated at once is the ledger group
 * whose ref is the visit id; a group of seated visits has the register's group id as ref).
 */
function compareGroups(ledger: LedgerSnapshot, rows: OutboxRowLite[], visits: LocalVisit[], groups: LocalGroup[], skip: Set<string>): string[] {
  const diffs: string[] = [];
  const status = new Map(visits.map((v) => [v.id, v.status]));
  const troubled = new Set(rows.filter((r) => skip.has(r.event_id)).map((r) => r.agg_id));
  for (const r of rows) {
    if (troubled.has(r.agg_id)) continue;
    const p = JSON.parse(r.payload) as { tableIds?: string[]; groupId?: string };
    let ref: string;
    let local: LocalGroup | undefined;
    if (r.event_type === 'group.seated') {
      ref = r.agg_id;
      const tables = [...(p.tableIds ?? [])].sort().join(',');
      local = groups.filter((g) => g.rep === p.tableIds?.[0] && g.tables.join(',') === tables).at(-1);
    } else if (r.event_type === 'visit.grouped') {
      ref = p.groupId ?? '';
      local = groups.find((g) => g.id === ref);
    } else {
      continue;
    }
    const l = ledger.groups.get(ref);
    if (!local || !l) {
      diffs.push(`STATE group ${ref.slice(0, 8)}: register ${local ? 'has it' : 'lost it'}, ledger ${l ? l.status : 'has none'}`);
      continue;
    }
    const want = local.dissolvedAt !== null ? 'dissolved' : status.get(r.agg_id) === 'seated' ? 'active' : l.status;
    if (l.status !== want) diffs.push(`STATE group ${ref.slice(0, 8)} (${r.event_type}): register ${local.dissolvedAt !== null ? 'dissolved' : 'active'}, ledger ${l.status}`);
  }
  return diffs;
}
