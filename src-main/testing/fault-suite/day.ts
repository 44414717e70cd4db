import type { Rng } from './prng.ts';
import type { Op, ReservationPlan } from './types.ts';

/**
 * A model of the floor while the day is generated, so that every scripted operation is one the
 * register accepts at that moment (and, with no faults, one the ledger accepts too). It follows the
 * register's and SMART RESERVE's rules (RULES S1, S2, S9, S12, S13, T1, T2, T6) only as far as the
 * choice of operations needs; the checks compare the real register with the real ledger.
 */

/** Mapped tables of the demo store the day uses (C8 stays unmapped, W1/W2 are waiting tables: not sent). */
export const DAY_TABLES: readonly string[] = [
  ...Array.from({ length: 12 }, (_, i) => `floor-1-T${i + 1}`),
  ...Array.from({ length: 7 }, (_, i) => `floor-1-C${i + 1}`),
  ...Array.from({ length: 8 }, (_, i) => `floor-2-${201 + i}`),
];

type MVisit = {
  tables: string[];
  party: number;
  reservation: number | null;
  /** In an active table group. */
  group: number | null;
  /** After a group seated at once is dissolved the register keeps local-only split-offs: no more ops here. */
  frozen: boolean;
};

type MGroup = { tables: string[]; rep: string; kind: 'free' | 'visits' | 'seated' };
type MReservation = ReservationPlan & { state: 'waiting' | 'seated' | 'done'; table: string | null };

export class FloorModel {
  private readonly rng: Rng;
  private readonly visits = new Map<number, MVisit>();
  private readonly byTable = new Map<string, number>();
  private readonly groups = new Map<number, MGroup>();
  private readonly groupOf = new Map<string, number>();
  private readonly retired = new Set<string>();
  private readonly reservations: MReservation[];
  private nextId = 1;

  constructor(rng: Rng, reservations: ReservationPlan[]) {
    this.rng = rng;
    this.reservations = reservations.map((r) => ({ ...r, state: 'waiting', table: r.designated }));
  }

  /** A reservation added on the ledger during the day, designated (or not) to a table free now. */
  addReservation(plan: Omit<ReservationPlan, 'designated'>, rng: Rng): ReservationPlan {
    const free = this.freeTables();
    const designated = free.length > 0 && rng.chance(0.5) ? rng.pick(free) : null;
    const r: ReservationPlan = { ...plan, designated };
    this.reservations[r.index] = { ...r, state: 'waiting', table: designated };
    return r;
  }

  /** Designated (in the ledger) by a waiting reservation: kept free so no slot ever overlaps. */
  private designated(table: string): boolean {
    return this.reservations.some((r) => r.state === 'waiting' && r.table === table);
  }

  private free(table: string): boolean {
    return !this.byTable.has(table) && !this.groupOf.has(table) && !this.retired.has(table) && !this.designated(table);
  }

  private freeTables(): string[] {
    return DAY_TABLES.filter((t) => this.free(t));
  }

  /** Tables holding a plain visit: one table, not grouped, not frozen. */
  private plainTables(): string[] {
    return DAY_TABLES.filter((t) => {
      const id = this.byTable.get(t);
      const v = id === undefined ? undefined : this.visits.get(id);
      return v !== undefined && v.tables.length === 1 && v.group === null && !v.frozen && !this.retired.has(t);
    });
  }

  private visitAt(table: string): MVisit {
    const v = this.visits.get(this.byTable.get(table) ?? -1);
    if (!v) throw new Error(`model: no visit at ${table}`);
    return v;
  }

  private party(min = 1, max = 6): number {
    return this.rng.int(min, max);
  }

  /** Picks one valid operation and applies it to the model. */
  next(): Op {
    const free = this.freeTables();
    const plain = this.plainTables();
    const waiting = this.reservations.filter((r) => r.state === 'waiting');
    const freeGroups = [...this.groups.entries()].filter(([, g]) => g.kind === 'free');
    const kind = this.rng.weighted({
      walkIn: free.length > 0 ? 5 : 0,
      seatReservation: waiting.length > 0 && free.length > 0 ? 4 : 0,
      seatGroup: freeGroups.length > 0 ? 3 : 0,
      partyChange: plain.length > 0 ? 2 : 0,
      move: plain.length > 0 && free.length > 0 ? 2 : 0,
      merge: plain.length > 1 ? 1.5 : 0,
      cancel: plain.length > 0 ? 1.5 : 0,
      groupVisits: plain.length > 1 ? 1 : 0,
      groupFree: free.length > 1 && freeGroups.length === 0 ? 0.8 : 0,
      ungroup: this.groups.size > 0 ? 1.2 : 0,
    });
    switch (kind) {
      case 'walkIn': {
        const table = this.rng.pick(free);
        const party = this.party();
        this.seat([table], party, null);
        return { kind: 'walkIn', table, party };
      }
      case 'seatReservation': {
        const r = this.rng.pick(waiting);
        // S1 at the designated table, or S2 elsewhere (the ledger then moves its table).
        const own = r.table && !this.byTable.has(r.table) && !this.groupOf.has(r.table) && !this.retired.has(r.table) ? r.table : null;
        const table = own && this.rng.chance(0.6) ? own : this.rng.pick(free);
        const party = Math.max(1, r.party + this.rng.pick([0, 0, 0, 1, -1])); // S3: another party size is sent too
        this.seat([table], party, r.index);
        return { kind: 'seatReservation', reservation: r.index, table, party };
      }
      case 'seatGroup': {
        const [gid, g] = this.rng.pick(freeGroups);
        const r = waiting.length > 0 && this.rng.chance(0.3) ? this.rng.pick(waiting) : null;
        const party = this.party(g.tables.length, g.tables.length + 4); // the ledger splits a walk-in party over the tables
        // The register sends the representative first; a reservation is seated there (T6).
        const visit = this.seat([g.rep, ...g.tables.filter((t) => t !== g.rep)], party, r?.index ?? null);
        visit.group = gid;
        g.kind = 'seated';
        return { kind: 'seatGroup', table: this.rng.pick(g.tables), party, reservation: r?.index ?? null };
      }
      case 'partyChange': {
        const table = this.rng.pick(plain);
        const v = this.visitAt(table);
        let party = this.party();
        if (party === v.party) party = party === 6 ? 5 : party + 1;
        v.party = party;
        return { kind: 'partyChange', table, party };
      }
      case 'move': {
        const from = this.rng.pick(plain);
        const to = this.rng.pick(free);
        const id = this.byTable.get(from)!;
        this.visitAt(from).tables = [to];
        this.byTable.delete(from);
        this.byTable.set(to, id);
        return { kind: 'move', from, to };
      }
      case 'merge': {
        const pairs = plain.flatMap((a) => plain.filter((b) => b !== a).map((b) => [a, b] as const))
          .filter(([a, b]) => this.visitAt(a).reservation === null || this.visitAt(b).reservation === null); // T1
        if (pairs.length === 0) return this.fallback();
        const [from, to] = this.rng.pick(pairs);
        const source = this.visitAt(from);
        this.visitAt(to).party += source.party;
        if (source.reservation !== null) this.reservations[source.reservation]!.state = 'done'; // 退店済み in the ledger
        this.end(from);
        return { kind: 'merge', from, to };
      }
      case 'cancel': {
        const table = this.rng.pick(plain);
        const v = this.visitAt(table);
        if (v.reservation !== null) {
          // S12: back to 来店前; the ledger keeps the table it was seated at as its designation.
          const r = this.reservations[v.reservation]!;
          r.state = 'waiting';
          r.table = table;
        }
        this.end(table);
        return { kind: 'cancel', table };
      }
      case 'groupVisits': {
        const n = Math.min(plain.length, this.rng.int(2, 3));
        let tables = this.rng.sample(plain, n);
        // T6: never two reservations in one group.
        const withReservation = tables.filter((t) => this.visitAt(t).reservation !== null);
        if (withReservation.length > 1) tables = tables.filter((t) => !withReservation.slice(1).includes(t));
        if (tables.length < 2) return this.fallback();
        const rep = this.rng.pick(tables);
        const gid = this.nextId++;
        this.groups.set(gid, { tables, rep, kind: 'visits' });
        for (const t of tables) {
          this.groupOf.set(t, gid);
          this.visitAt(t).group = gid;
        }
        return { kind: 'group', tables, rep, seated: true };
      }
      case 'groupFree': {
        const tables = this.rng.sample(free, this.rng.int(2, 3));
        const rep = this.rng.pick(tables);
        const gid = this.nextId++;
        this.groups.set(gid, { tables, rep, kind: 'free' });
        for (const t of tables) this.groupOf.set(t, gid);
        return { kind: 'group', tables, rep, seated: false };
      }
      case 'ungroup': {
        const [gid, g] = this.rng.pick([...this.groups.entries()]);
        this.groups.delete(gid);
        for (const t of g.tables) this.groupOf.delete(t);
        if (g.kind === 'visits') {
          // T6: each non-representative table's party becomes 1.
          for (const t of g.tables) {
            const v = this.visitAt(t);
            v.group = null;
            if (t !== g.rep) v.party = 1;
          }
        } else if (g.kind === 'seated') {
          const v = this.visitAt(g.rep);
          v.group = null;
          v.frozen = true;
          for (const t of g.tables) this.retired.add(t);
        }
        return { kind: 'ungroup', table: this.rng.pick(g.tables) };
      }
      default:
        return this.fallback();
    }
  }

  /** A walk-in when possible, else the cancel of some plain visit (the day never runs dry). */
  private fallback(): Op {
    const free = this.freeTables();
    if (free.length > 0) {
      const table = this.rng.pick(free);
      const party = this.party();
      this.seat([table], party, null);
      return { kind: 'walkIn', table, party };
    }
    const table = this.rng.pick(this.plainTables());
    this.end(table);
    return { kind: 'cancel', table };
  }

  private seat(tables: string[], party: number, reservation: number | null): MVisit {
    const id = this.nextId++;
    const v: MVisit = { tables, party, reservation, group: null, frozen: false };
    this.visits.set(id, v);
    for (const t of tables) this.byTable.set(t, id);
    if (reservation !== null) {
      const r = this.reservations[reservation]!;
      r.state = 'seated';
      r.table = tables[0] ?? null;
    }
    return v;
  }

  private end(table: string): void {
    const id = this.byTable.get(table)!;
    for (const t of this.visits.get(id)!.tables) this.byTable.delete(t);
    this.visits.delete(id);
  }
}
