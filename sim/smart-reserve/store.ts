/** The state the ledger keeps for one store, with lookups that refuse in the ledger's words. */
import { fail, MSG_NOT_MAPPED_WALK_IN } from './errors.ts';
import type { Block, Entry, Group, LinkStatus, PosTable, Seat, StoreSettings, Visit } from './types.ts';

export interface StoreInit {
  storeId: string;
  linkCode: string;
  name?: string;
  settings?: Partial<StoreSettings>;
}

export const DEFAULT_SETTINGS: StoreSettings = {
  walkInDurationMin: 120,
  extensionStepMin: 30,
  dayStart: '05:00',
  autoMapByName: false,
};

export class StoreState {
  readonly id: string;
  readonly name: string;
  readonly linkCode: string;
  readonly settings: StoreSettings;
  apiKey: string | null = null;
  linkStatus: LinkStatus = '未連携';
  readonly seats = new Map<string, Seat>();
  readonly posTables = new Map<string, PosTable>();
  /** posTableId → seatId. Chosen on the ledger side (RULES.md#L4), one seat per table. */
  readonly mapping = new Map<string, string>();
  readonly entries = new Map<string, Entry>();
  readonly blocks = new Map<string, Block>();
  readonly visits = new Map<string, Visit>();
  readonly visitsByRef = new Map<string, string>();
  readonly groups = new Map<string, Group>();
  readonly groupsByRef = new Map<string, string>();
  /** Change cursor of the pull: every change of an entry or block takes the next number. */
  seq = 0;
  tablesPushedAt: number | null = null;
  readonly #counters = new Map<string, number>();

  constructor(init: StoreInit) {
    this.id = init.storeId;
    this.name = init.name ?? `店舗 ${init.storeId}`;
    this.linkCode = init.linkCode;
    this.settings = { ...DEFAULT_SETTINGS, ...init.settings };
  }

  nextId(prefix: string): string {
    const n = (this.#counters.get(prefix) ?? 0) + 1;
    this.#counters.set(prefix, n);
    return `${prefix}${String(n).padStart(6, '0')}`;
  }

  touch(item: Entry | Block, now: number): void {
    this.seq += 1;
    item.seq = this.seq;
    item.updatedAt = now;
  }

  entry(id: string): Entry {
    return this.entries.get(id) ?? fail('RESERVATION_NOT_FOUND', { reservationId: id });
  }

  visit(id: string): Visit {
    return this.visits.get(id) ?? fail('VISIT_NOT_FOUND', { visitId: id });
  }

  visitByRef(visitRef: string): Visit | undefined {
    const id = this.visitsByRef.get(visitRef);
    return id === undefined ? undefined : this.visits.get(id);
  }

  group(id: string): Group {
    return this.groups.get(id) ?? fail('GROUP_NOT_FOUND', { groupId: id });
  }

  groupByRef(groupRef: string): Group | undefined {
    const id = this.groupsByRef.get(groupRef);
    return id === undefined ? undefined : this.groups.get(id);
  }

  seat(id: string): Seat {
    return this.seats.get(id) ?? fail('SEAT_NOT_FOUND', { seatId: id });
  }

  /**
   * The ledger seat a register table is mapped to. RULES.md#L5 / S11: a table the register never
   * pushed, or one not mapped on the ledger side, is refused with 「管理サイトのテーブル連携を確認してください。」.
   */
  mappedSeat(posTableId: string): Seat {
    const seatId = this.mapping.get(posTableId);
    if (seatId === undefined) {
      fail('TABLE_NOT_MAPPED', {
        posTableId,
        reason: this.posTables.has(posTableId) ? 'unmapped' : 'unknown_table',
        hint: MSG_NOT_MAPPED_WALK_IN,
      });
    }
    return this.seat(seatId);
  }

  isMapped(posTableId: string): boolean {
    return this.mapping.has(posTableId);
  }

  posTableOfSeat(seatId: string): string | null {
    for (const [posTableId, mapped] of this.mapping) if (mapped === seatId) return posTableId;
    return null;
  }
}
