import { z } from 'zod';
import { method } from './define.ts';
import { id } from './schemas.ts';

const party = z.number().int('人数は整数で入力してください。').min(1, '人数は1名以上で入力してください。').max(999, '人数が多すぎます。');

/** Status of a tile (RULES G2, R6): 空席 / 予約 (waiting designated reservation) / 利用中 / ブロック / リセット / 待機. */
export const tableStatus = z.enum(['free', 'reserved', 'occupied', 'blocked', 'reset', 'waiting']);

export const visitSummary = z.object({
  id, guestName: z.string(), walkIn: z.boolean(), party: z.number().int(), seatedAt: z.number().int(),
  reservationId: z.string().nullable(), amount: z.number().int(),
  /** R6 税別: what the table still owes before tax, rounded per rate as the checkout does. */
  net: z.number().int(), slipNo: z.string().nullable(),
  /** R6 seating info (予約 18:00): the start time of the reservation this visit was seated from. */
  reservationStartAt: z.number().int().nullable(),
  /** S7: a walk-in seated at a table whose designated reservation still waits (▲). */
  overReservation: z.boolean(), tableIds: z.array(z.string()), groupId: z.string().nullable(),
  prepayment: z.number().int(), points: z.number().int(),
});
export type VisitSummary = z.infer<typeof visitSummary>;

export const tableTile = z.object({
  id, floorId: z.string(), name: z.string(), shortName: z.string(), kind: z.enum(['table', 'counter', 'waiting']),
  seats: z.number().int(), status: tableStatus, visit: visitSummary.nullable(),
  /** The next waiting reservation designated for this table today, if any. */
  nextReservation: z.object({ id, guestName: z.string(), startAt: z.number().int(), party: z.number().int() }).nullable(),
  ledgerBlock: z.boolean(), blocked: z.boolean(), reset: z.boolean(),
  groupId: z.string().nullable(), representative: z.boolean(),
  /** Changes of this table's visit not yet delivered to the ledger. */
  unsent: z.boolean(), mapped: z.boolean(),
});
export type TableTile = z.infer<typeof tableTile>;

export const reservationRow = z.object({
  id, remoteId: z.string(), kind: z.enum(['reservation', 'block']), businessDay: z.string(), startAt: z.number().int(),
  durationMin: z.number().int(), party: z.number().int(), guestName: z.string(),
  designatedTableId: z.string().nullable(), designatedTableName: z.string().nullable(),
  /** 配席待ち / 配席済み (R2, R5); cancelled reservations are not listed; a ledger block (R7) stays waiting and is never seated. */
  status: z.enum(['waiting', 'seated']), seatedTableName: z.string().nullable(), visitId: z.string().nullable(),
  memo: z.string(), request: z.string(), prepayment: z.number().int(), points: z.number().int(),
  courseName: z.string(), courseDetail: z.string(), remarks: z.string(),
});
export type ReservationRow = z.infer<typeof reservationRow>;

export const floorView = z.object({
  businessDay: z.string(), now: z.number().int(),
  floors: z.array(z.object({ id, name: z.string(), tables: z.array(tableTile) })),
});
export type FloorView = z.infer<typeof floorView>;

/** A seating succeeds with warnings staff must see (L5 unmapped table, T6 group notes). */
const seated = z.object({ visit: visitSummary, warnings: z.array(z.string()) });

export const floorMethods = {
  'floor.view': method({
    kind: 'query', access: 'staff', summary: 'Table list (テーブル一覧): every floor and table tile with its visit (G2, R6, S7 ▲).',
    input: z.object({}), output: floorView,
  }),
  'reservations.list': method({
    kind: 'query', access: 'staff', summary: 'Reservation check (予約確認): business day ±1, waiting first, 配席済み at the bottom (R2–R5); ledger blocks as ブロック rows on their table (R7).',
    input: z.object({}),
    output: z.object({ businessDay: z.string(), rows: z.array(reservationRow), lastRefreshAt: z.number().int().nullable(), linked: z.boolean() }),
  }),
  'reservations.refresh': method({
    kind: 'query', access: 'staff', summary: 'Pull the ledger now (🔄, R3); the station also pulls every 3 s and pushes reservations.changed and sync.changed.',
    input: z.object({}), output: z.object({ ok: z.boolean(), lastRefreshAt: z.number().int().nullable(), message: z.string().nullable() }),
  }),
  'seating.seat': method({
    kind: 'command', access: 'staff',
    summary: 'Seat a reservation or a walk-in at a table (S1, S7, S9, S10); the same reservation is never seated twice.',
    input: z.object({
      tableId: id, reservationId: id.optional(), party,
      guestName: z.string().trim().max(40).optional(),
      /** S7: staff confirmed seating a walk-in at a table with a waiting designated reservation. */
      confirmOverReservation: z.boolean().default(false),
    }),
    output: seated,
  }),
  'seating.cancel': method({
    kind: 'command', access: 'staff', summary: 'Visit cancel (来店取消, S12): the table is free again and the ledger visit goes back to 来店前.',
    input: z.object({ visitId: id }), output: z.object({ visitId: id }),
  }),
  'visit.update': method({
    kind: 'command', access: 'staff', summary: 'Change the party size of a seated visit (S13).',
    input: z.object({ visitId: id, party }), output: visitSummary,
  }),
  'reservations.update': method({
    kind: 'command', access: 'staff', summary: 'Change time, table or party of a waiting reservation (S13); sent to the ledger.',
    input: z.object({ reservationId: id, startAt: z.number().int().optional(), tableId: id.nullable().optional(), party: party.optional() }),
    output: reservationRow,
  }),
  'table.merge': method({
    kind: 'command', access: 'staff', summary: 'Merge a table into another (T1): the destination wins; never two reservations; no prepaid/points tables (P7).',
    input: z.object({ fromTableId: id, toTableId: id }), output: seated,
  }),
  'table.move': method({
    kind: 'command', access: 'staff', summary: 'Move a visit to a free table (T2).',
    input: z.object({ fromTableId: id, toTableId: id }), output: seated,
  }),
  'table.block': method({
    kind: 'command', access: 'staff', summary: 'Block or unblock a free table (T4, register only).',
    input: z.object({ tableId: id, blocked: z.boolean() }), output: tableTile,
  }),
  'table.reset': method({
    kind: 'command', access: 'staff', summary: 'Table reset (T5, where enabled): hold a table after the guests left.',
    input: z.object({ tableId: id, reset: z.boolean() }), output: tableTile,
  }),
  'table.group': method({
    kind: 'command', access: 'staff', summary: 'Group tables (T6) under a representative; never two reservations, no waiting or prepaid tables.',
    input: z.object({ tableIds: z.array(id).min(2, 'テーブルを2つ以上選択してください。').max(12), representativeTableId: id }),
    output: z.object({ groupId: id, warnings: z.array(z.string()) }),
  }),
  'table.ungroup': method({
    kind: 'command', access: 'staff', summary: 'Dissolve a group (T6): the party of each non-representative table becomes 1.',
    input: z.object({ groupId: id }), output: z.object({ groupId: id }),
  }),
};
