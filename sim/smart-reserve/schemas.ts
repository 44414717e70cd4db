/** zod schemas of every request body and query the simulator accepts (REST and control). */
import { z } from 'zod';
import { CANCELLED, WAITING } from './types.ts';

const isRealDay = (s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export const id = z.string().min(1).max(64);
export const ref = z.string().min(1).max(128);
export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').refine(isRealDay, '存在しない日付です');
export const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
export const party = z.number().int().min(1).max(999);
export const yen = z.number().int().min(0).max(99_999_999);
const duration = z.number().int().min(15).max(24 * 60);
const text = (max: number) => z.string().max(max);
const unique = (list: string[]) => new Set(list).size === list.length;

export const linkBody = z.object({ storeId: id, linkCode: z.string().min(1).max(64) });

/** 「SMART RESERVER同期」: the register's whole table list (RULES.md#L4). */
export const tablesBody = z.object({
  tables: z
    .array(
      z.object({
        posTableId: id,
        name: z.string().min(1).max(64),
        floor: text(32).nullable().optional(),
        capacity: z.number().int().min(1).max(999).nullable().optional(),
        kind: text(32).nullable().optional(),
      }),
    )
    .max(1000)
    .refine((t) => unique(t.map((x) => x.posTableId)), 'posTableId が重複しています'),
});

export const createVisitBody = z.object({
  visitRef: ref,
  reservationId: id.nullable().optional(),
  posTableId: id,
  party,
  durationMin: duration.optional(),
});
export type CreateVisitInput = z.infer<typeof createVisitBody>;

const nonEmpty = (o: object) => Object.values(o).some((v) => v !== undefined);

export const changeVisitBody = z
  .object({ party: party.optional(), startTime: time.optional(), durationMin: duration.optional() })
  .refine(nonEmpty, '変更する項目がありません');
export type ChangeVisitInput = z.infer<typeof changeVisitBody>;

export const changeReservationBody = z
  .object({
    businessDay: day.optional(),
    startTime: time.optional(),
    durationMin: duration.optional(),
    party: party.optional(),
    posTableId: id.nullable().optional(),
  })
  .refine(nonEmpty, '変更する項目がありません');
export type ChangeReservationInput = z.infer<typeof changeReservationBody>;

export const moveBody = z.object({ posTableId: id });
export const mergeBody = z.object({ sourceVisitId: id, party: party.optional() });

export const groupBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('seat'),
    groupRef: ref,
    posTableIds: z.array(id).min(2).max(20).refine(unique, 'posTableId が重複しています'),
    party,
    reservationId: id.nullable().optional(),
  }),
  z.object({
    kind: z.literal('visits'),
    groupRef: ref,
    representativeVisitId: id,
    memberVisitIds: z.array(id).min(1).max(20).refine(unique, 'visitId が重複しています'),
    party: party.optional(),
  }),
]);
export type GroupInput = z.infer<typeof groupBody>;

export const checkoutBody = z.object({
  /** RULES.md#G3: slip numbers have 13 digits (e.g. 1002600001480). */
  slipNo: z.string().regex(/^\d{13}$/, '伝票番号は13桁の数字です'),
  amount: yen,
  party: z.number().int().min(0).max(999),
  parts: z
    .array(z.object({ partNo: z.number().int().min(1).max(99), amount: yen, paid: z.boolean() }))
    .min(1)
    .max(20)
    .refine((p) => unique(p.map((x) => String(x.partNo))), 'partNo が重複しています')
    .optional(),
  prepaymentUsed: yen.optional(),
  pointsUsed: yen.optional(),
});
export type CheckoutInput = z.infer<typeof checkoutBody>;

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listQuery = z
  .object({
    from: day,
    to: day,
    updatedSince: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
    includeWalkIns: flag.optional(),
  })
  .refine((q) => q.from <= q.to, 'from は to 以前の日付にしてください');

export const visitsQuery = z.object({ businessDay: day.optional(), status: z.enum(['seated', 'left', 'cancelled']).optional() });

// ---- control API ----

export const storeBody = z.object({
  storeId: id,
  linkCode: z.string().min(1).max(64),
  name: text(100).optional(),
  settings: z
    .object({ walkInDurationMin: duration, extensionStepMin: z.number().int().min(5).max(120), dayStart: time, autoMapByName: z.boolean() })
    .partial()
    .optional(),
});

export const seatsBody = z.object({
  seats: z
    .array(z.object({ id: id.optional(), name: z.string().min(1).max(64), kind: text(32).optional(), capacity: z.number().int().min(1).max(999).optional(), floor: text(32).nullable().optional() }))
    .max(1000),
});
export type SeatsInput = z.infer<typeof seatsBody>;

export const mappingsBody = z.union([
  z.object({ mappings: z.array(z.object({ posTableId: id, seatId: id })).max(1000) }),
  z.object({ byName: z.literal(true) }),
]);

/** A reservation as the ledger takes it (web, phone, gourmet sites); RULES.md#R5 fields. */
export const reservationBody = z.object({
  id: id.optional(),
  businessDay: day,
  startTime: time,
  durationMin: duration.default(120),
  party,
  guestName: z.string().min(1).max(100),
  guestNameKana: text(100).default(''),
  seatId: id.nullable().optional(),
  seatName: z.string().min(1).max(64).optional(),
  storeMemo: text(255).default(''),
  guestRequest: text(255).default(''),
  prepaymentAmount: yen.default(0),
  points: yen.default(0),
  courseName: text(100).default(''),
  courseDetail: text(1000).default(''),
  remarks: text(1000).default(''),
  status: z.enum([WAITING, CANCELLED]).default(WAITING),
});
export type ReservationInput = z.input<typeof reservationBody>;

export const reservationPatch = reservationBody.omit({ id: true }).partial().extend({
  durationMin: duration.optional(),
  guestNameKana: text(100).optional(),
  storeMemo: text(255).optional(),
  guestRequest: text(255).optional(),
  prepaymentAmount: yen.optional(),
  points: yen.optional(),
  courseName: text(100).optional(),
  courseDetail: text(1000).optional(),
  remarks: text(1000).optional(),
  status: z.enum([WAITING, CANCELLED]).optional(),
});
export type ReservationPatch = z.input<typeof reservationPatch>;

export const blockBody = z.object({
  seatId: id.optional(),
  seatName: z.string().min(1).max(64).optional(),
  businessDay: day,
  startTime: time,
  durationMin: duration,
  reason: text(100).default(''),
});
export type BlockInput = z.input<typeof blockBody>;

export const clockBody = z.object({
  now: z.union([z.string().min(1), z.number()]).optional(),
  frozen: z.boolean().optional(),
  real: z.boolean().optional(),
});
export const advanceBody = z.object({ minutes: z.number().optional(), ms: z.number().optional() });
