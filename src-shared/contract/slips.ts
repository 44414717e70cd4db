import { z } from 'zod';
import { yen } from '../money.ts';
import { notice, paymentKind, printOutcome } from './checkout.ts';
import { method } from './define.ts';
import { orderLine, rateFigures } from './orders.ts';
import { id } from './schemas.ts';

const slipNo = z.string().regex(/^\d{1,13}$/, '伝票番号は13桁以内の数字で入力してください。');

export const slipRow = z.object({
  id, slipNo: z.string(), kind: z.enum(['sale', 'combined']), status: z.enum(['open', 'closed', 'cancelled']),
  businessDay: z.string(), openedAt: z.number().int(), closedAt: z.number().int().nullable(),
  visitId: id, guestName: z.string(), tableNames: z.array(z.string()), party: z.number().int(), segmentName: z.string().nullable(),
  gross: z.number().int(), tax: z.number().int(), discount: z.number().int(),
  splitMode: z.enum(['none', 'items', 'amount', 'equal']), parts: z.number().int(), paymentKinds: z.array(paymentKind),
  /** Combined child slips: the number of the slip that holds their lines and payments. */
  parentSlipNo: z.string().nullable(),
});
export type SlipRow = z.infer<typeof slipRow>;

export const slipPart = z.object({
  partNo: z.number().int(), at: z.number().int(), staffName: z.string().nullable(),
  subtotal: z.number().int(), lineDiscount: z.number().int(), slipDiscount: z.number().int(),
  gross: z.number().int(), net: z.number().int(), tax: z.number().int(), paid: z.number().int(), change: z.number().int(),
  /** Paid by SMART RESERVE事前決済: no receipt from the register (P6). */
  prepaid: z.boolean(), receiptPrints: z.number().int(), formalPrints: z.number().int(),
  /** The last print of this part's receipt (after checkout or receipts.print): failed = offer a retry. */
  print: printOutcome,
  byRate: z.array(rateFigures),
  discounts: z.array(z.object({ scope: z.enum(['line', 'slip']), lineId: z.string().nullable(), label: z.string(), yen: z.number().int() })),
  payments: z.array(z.object({ kind: paymentKind, label: z.string(), tendered: z.number().int(), amount: z.number().int() })),
  lines: z.array(orderLine),
});

export const slipDetail = slipRow.extend({
  priceMode: z.enum(['inclusive', 'exclusive']), rounding: z.enum(['floor', 'round', 'ceil']),
  visits: z.array(z.object({ visitId: id, role: z.enum(['main', 'combined', 'group']), guestName: z.string(), party: z.number().int(), reservationId: z.string().nullable() })),
  childSlipNos: z.array(z.string()),
  parts: z.array(slipPart),
  /** Lines frozen into an amount/equal split, paid by the parts together. */
  billedLines: z.array(orderLine),
  cancellation: z.object({
    at: z.number().int(), staffName: z.string(), reason: z.string(), gross: z.number().int(), returnDocument: z.boolean(),
  }).nullable(),
});
export type SlipDetail = z.infer<typeof slipDetail>;

const receiptRequest = z.object({
  slipId: id,
  /** Default: the last part. */
  partNo: z.number().int().min(1).max(99).optional(),
  /** receipt = レシート (適格簡易請求書), formal = 領収書, return = 適格返還請求書 of a cancelled slip. */
  document: z.enum(['receipt', 'formal', 'return']).default('receipt'),
  addressee: z.string().trim().max(30).optional(),
  /** 但し書き (e.g. 飲食代). */
  proviso: z.string().trim().max(30).optional(),
});

export const slipsMethods = {
  'slips.list': method({
    kind: 'query', access: 'staff', summary: 'Slip list (伝票明細, G3): search by number, time, table and amount; newest first.',
    input: z.object({
      businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
      from: z.number().int().optional(), to: z.number().int().optional(),
      slipNo: slipNo.optional(), tableId: id.optional(),
      minAmount: yen.optional(), maxAmount: yen.optional(),
      status: z.enum(['open', 'closed', 'cancelled']).optional(),
      limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).max(100_000).default(0),
    }),
    output: z.object({ rows: z.array(slipRow), total: z.number().int() }),
  }),
  'slips.get': method({
    kind: 'query', access: 'staff', summary: 'Slip detail (詳細): parts, lines, discounts, payments, tax per rate, cancellation.',
    input: z.union([z.object({ slipId: id }), z.object({ slipNo: z.string().regex(/^\d{13}$/, '伝票番号は13桁の数字です。') })], { message: '伝票を指定してください。' }),
    output: slipDetail,
  }),
  'slips.cancel': method({
    kind: 'command', access: ['cashier', 'manager'],
    summary: 'Cancel a slip (伝票取消, G3) with a reason: refund from the till; a 適格返還請求書 where the law needs one; refused while a USEN PAY payment is not refunded (U8).',
    input: z.object({
      slipId: id, reason: z.string().trim().min(1, '取消理由を入力してください。').max(60, '取消理由は60文字以内で入力してください。'),
      /** Issue the return document even below ¥10,000 (the law needs it from ¥10,000). */
      returnDocument: z.boolean().default(false),
      /**
       * U8: a USEN PAY payment not refunded through the register refuses the cancel; a manager may
       * record that it was refunded outside it (on the terminal, or in cash where U9 allows no refund).
       */
      manualRefund: z.object({
        reason: z.string().trim().min(1, '理由を入力してください。').max(100, '理由は100文字以内で入力してください。'),
      }).optional(),
    }),
    output: z.object({ slip: slipDetail, returnDocument: z.boolean(), warnings: z.array(notice), print: printOutcome }),
  }),
  'receipts.print': method({
    kind: 'command', async: true, access: 'staff',
    summary: 'Print (or reprint, marked 再発行) a receipt, a 領収書 with 但し書き, or a return document; retry after printer errors.',
    input: receiptRequest, output: printOutcome.extend({ reprint: z.boolean() }),
  }),
  'receipts.preview': method({
    kind: 'query', access: 'staff', summary: 'On-screen preview of the same documents as SVG or text (nothing is printed or counted).',
    input: receiptRequest.extend({ format: z.enum(['svg', 'text']).default('svg') }),
    output: z.object({ format: z.enum(['svg', 'text']), data: z.string(), reprint: z.boolean(), warnings: z.array(z.string()) }),
  }),
};
