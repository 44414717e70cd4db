import { z } from 'zod';
import { method } from './define.ts';
import { taxClass } from './menu.ts';
import { id } from './schemas.ts';

export const quantity = z.number({ message: '数量を入力してください。' }).int('数量は整数で入力してください。')
  .min(1, '数量は1以上で入力してください。').max(99, '数量は99以下で入力してください。');
const note = z.string().trim().max(60, 'メモは60文字以内で入力してください。');

/** Per-rate figures: tax-included, tax-excluded and the tax, rounded once per rate. */
export const rateFigures = z.object({
  rate: z.union([z.literal(8), z.literal(10)]), subtotal: z.number().int(), slipDiscount: z.number().int(),
  gross: z.number().int(), net: z.number().int(), tax: z.number().int(),
});
export type RateFigures = z.infer<typeof rateFigures>;

export const orderLine = z.object({
  id, visitId: id, seq: z.number().int(), productId: z.string().nullable(), categoryId: z.string().nullable(), name: z.string(),
  /** In the price mode of the line (the store's when ordered). */
  unitPrice: z.number().int(), quantity: z.number().int(), amount: z.number().int(), priceMode: z.enum(['inclusive', 'exclusive']),
  taxClass, takeout: z.boolean(),
  /** Decided when ordered: takeout food 8 %, eat-in 10 %, alcohol always 10 %. ※ on receipts when 8. */
  rate: z.union([z.literal(8), z.literal(10)]),
  note: z.string(),
  /** open: to be paid; void: cancelled before checkout; billed: in an amount/equal split; paid. */
  status: z.enum(['open', 'void', 'billed', 'paid']),
  orderedAt: z.number().int(), orderedBy: z.string().nullable(),
  voidedAt: z.number().int().nullable(), voidReason: z.string().nullable(), slipNo: z.string().nullable(),
});
export type OrderLine = z.infer<typeof orderLine>;

export const visitOrders = z.object({
  visitId: id, tableIds: z.array(z.string()), visitStatus: z.string(), lines: z.array(orderLine),
  /** Open lines only, before discounts: what the table owes so far. */
  total: z.object({ gross: z.number().int(), net: z.number().int(), tax: z.number().int(), byRate: z.array(rateFigures) }),
  /** An unfinished split checkout (分割会計) of this visit. */
  openSlip: z.object({
    slipId: id, slipNo: z.string(), splitMode: z.string(), partsPaid: z.number().int(), paid: z.number().int(),
    /** 均等分割: the N of N等分, fixed at the first part. */
    splitParts: z.number().int().nullable(),
  }).nullable(),
});
export type VisitOrders = z.infer<typeof visitOrders>;

export const ordersMethods = {
  'orders.list': method({
    kind: 'query', access: 'staff', summary: 'Order lines of a visit (注文) with the running total per rate.',
    input: z.object({ visitId: id }), output: visitOrders,
  }),
  'orders.add': method({
    kind: 'command', access: ['cashier', 'manager'],
    summary: 'Order products on a seated visit; each line eat-in or takeout (its tax rate is fixed now), with a note.',
    input: z.object({
      visitId: id,
      lines: z.array(z.object({ productId: id, quantity, takeout: z.boolean().default(false), note: note.default('') }))
        .min(1, '商品を選択してください。').max(50, '一度に注文できるのは50行までです。'),
    }),
    output: visitOrders,
  }),
  'orders.update': method({
    kind: 'command', access: ['cashier', 'manager'], summary: 'Change quantity, eat-in/takeout or note of an open line (before checkout).',
    input: z.object({ lineId: id, quantity: quantity.optional(), takeout: z.boolean().optional(), note: note.optional() }),
    output: visitOrders,
  }),
  'orders.void': method({
    kind: 'command', access: ['cashier', 'manager'], summary: 'Void (取消) an open line before checkout, with an optional reason.',
    input: z.object({ lineId: id, reason: z.string().trim().max(60).default('') }), output: visitOrders,
  }),
};
