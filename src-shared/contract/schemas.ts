import { z } from 'zod';
import { denominationCounts, positiveYen, yen } from '../money.ts';

export const id = z.string().min(1).max(64);
export const role = z.enum(['cashier', 'manager', 'support']);
export const pin = z.string().regex(/^\d{4,8}$/, 'パスワードは4〜8桁の数字で入力してください。');

export const staff = z.object({ id, name: z.string(), role, active: z.boolean() });
export type Staff = z.infer<typeof staff>;

export const cashMovement = z.object({
  id, kind: z.enum(['in', 'out']), amount: positiveYen, reason: z.string(),
  staffName: z.string(), at: z.number().int(), businessDay: z.string(),
});
export type CashMovement = z.infer<typeof cashMovement>;

/** The figures of one till session (開局 → 閉局); cash sales arrive with the checkout issue. */
export const tillSummary = z.object({
  sessionId: id,
  registerNo: z.number().int(),
  businessDay: z.string(),
  status: z.enum(['open', 'closed']),
  openedAt: z.number().int(),
  openedBy: z.string(),
  openingFloat: yen,
  openingCounts: denominationCounts,
  cashIn: yen,
  cashOut: yen,
  cashSales: yen,
  expectedCash: z.number().int(),
  movements: z.array(cashMovement),
  closedAt: z.number().int().nullable(),
  closedBy: z.string().nullable(),
  countedCash: yen.nullable(),
  closingCounts: denominationCounts.nullable(),
  difference: z.number().int().nullable(),
  backupFile: z.string().nullable(),
});
export type TillSummary = z.infer<typeof tillSummary>;

export const settings = z.object({
  storeName: z.string().min(1, '店舗名を入力してください。').max(40),
  registerNo: z.number().int().min(1).max(99),
  businessDayStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '時刻はHH:MMで入力してください。'),
  lanEnabled: z.boolean(),
  locale: z.enum(['ja', 'en']),
  /** T5: table reset is offered only where the store enables it. */
  tableResetEnabled: z.boolean(),
});
export type Settings = z.infer<typeof settings>;

export const logEntry = z.object({
  time: z.number(), level: z.string(), msg: z.string(),
  staff: z.string().optional(), commandId: z.string().optional(), method: z.string().optional(),
  raw: z.record(z.string(), z.unknown()),
});
export type LogEntry = z.infer<typeof logEntry>;

export const device = z.object({ id, name: z.string(), pairedAt: z.number().int(), lastSeenAt: z.number().int().nullable() });
export type Device = z.infer<typeof device>;
