import { z } from 'zod';
import { positiveYen } from '../money.ts';
import { discount, splitSpec } from './checkout.ts';
import { method } from './define.ts';
import { id, terminalConnection } from './schemas.ts';

/** USEN PAY methods (U2); a method the terminal's contract lacks is offered disabled. */
export const terminalMethod = z.enum(['credit', 'emoney', 'qr'], { message: '決済手段を選択してください。' });
export type TerminalMethod = z.infer<typeof terminalMethod>;
export const TERMINAL_METHOD_LABELS: Record<TerminalMethod, string> = {
  credit: 'USEN PAY クレジット', emoney: 'USEN PAY 電子マネー', qr: 'USEN PAY QRコード',
};

const ref = z.string().min(1).max(64);

/** The terminal as the register sees it (U1, U11): what the checkout's 決済端末 screen shows. */
export const terminalStatus = z.object({
  configured: z.boolean(),
  /** "tcp 192.168.1.20:10009" / "serial /dev/ttyUSB0@115200". */
  target: z.string().nullable(),
  /** connected = link up and session open (payments possible); refused = link up, session refused (battery, busy). */
  state: z.enum(['notConfigured', 'disconnected', 'connecting', 'connected', 'refused']),
  /** Why not connected: NOT_CONNECTED, BATTERY_LOW, BUSY, LINK_LOST …; message in the manual's words. */
  code: z.string().nullable(), message: z.string().nullable(),
  /** What the UI offers: 再接続 (till open, not connected) or 閉じる. */
  action: z.enum(['reconnect', 'close']).nullable(),
  serial: z.string().nullable(), model: z.string().nullable(), battery: z.number().int().nullable(), busy: z.boolean(),
  /** U2: every method with whether the terminal's contract allows it. */
  methods: z.array(z.object({ method: terminalMethod, label: z.string(), enabled: z.boolean() })),
  /** Intents still open (送信中 / 決済中 / 確認中 / 要確認). */
  openPayments: z.number().int(),
  at: z.number().int(),
});
export type TerminalStatus = z.infer<typeof terminalStatus>;

export const INTENT_STATES = ['pending', 'waiting', 'unknown', 'done', 'failed', 'review'] as const;

/** One payment intent: a sale or refund on the terminal, keyed by the register's ref. */
export const terminalPayment = z.object({
  ref, kind: z.enum(['sale', 'refund']), originalRef: ref.nullable(),
  visitId: id, slipId: id.nullable(), slipNo: z.string().nullable(),
  method: terminalMethod, methodLabel: z.string(), amount: z.number().int(),
  state: z.enum(INTENT_STATES),
  /** 送信中 / 決済中 / 確認中 / 支払完了 / 払戻完了 / 未完了 / 要確認 / 払戻済. */
  stateLabel: z.string(),
  /** A sale refunded on the terminal (U4: it leaves the payment list; U8: cancel the slip next). */
  refunded: z.boolean(), refundRef: ref.nullable(),
  /** Part of a committed checkout. */
  consumed: z.boolean(),
  step: z.string().nullable(),
  /** The terminal's Japanese text (progress, refusal, cancel) or the register's explanation. */
  display: z.string().nullable(), reason: z.string().nullable(),
  acquirerStatus: z.string().nullable(), transaction: z.enum(['sale', 'void', 'return']).nullable(),
  brand: z.string().nullable(), maskedCard: z.string().nullable(), entry: z.string().nullable(),
  approvalNo: z.string().nullable(),
  /** 受注コード (U13). */
  orderCode: z.string().nullable(),
  resultAt: z.string().nullable(),
  hasCopies: z.boolean(), copiesPrinted: z.number().int(),
  decision: z.object({ paid: z.boolean(), reason: z.string(), staffName: z.string(), at: z.number().int() }).nullable(),
  createdAt: z.number().int(), updatedAt: z.number().int(),
});
export type TerminalPayment = z.infer<typeof terminalPayment>;

const copiesOutcome = z.object({
  status: z.enum(['printed', 'failed', 'none', 'skipped']), message: z.string().nullable(), reprint: z.boolean(),
});

export const terminalMethods = {
  'terminal.status': method({
    kind: 'query', access: 'staff', summary: 'USEN PAY terminal: connection, battery, contracted methods (U1, U2, U11).',
    input: z.object({}), output: terminalStatus,
  }),
  'terminal.connect': method({
    kind: 'command', async: true, access: ['cashier', 'manager'],
    summary: 'Connect the terminal now (決済端末 → 更新ボタン / 再接続, U1, U11); opens its session while the till is open.',
    input: z.object({}), output: terminalStatus,
  }),
  'terminal.test': method({
    kind: 'command', async: true, access: ['manager'],
    summary: 'Test a terminal address or serial port (settings) without saving it.',
    input: z.object({ connection: terminalConnection }),
    output: z.object({ ok: z.boolean(), message: z.string(), serial: z.string().nullable(), model: z.string().nullable(), battery: z.number().int().nullable(), contracts: z.array(terminalMethod) }),
  }),
  'terminal.pay': method({
    kind: 'command', async: true, access: ['cashier', 'manager'],
    summary: '決済端末連携 (U2, U3): write the payment intent, send the sale; returns once the terminal accepted. Progress: terminal.* events.',
    input: z.object({
      visitId: id, method: terminalMethod, amount: positiveYen,
      /** The checkout as the screen has it (split, discounts, 合算), so the amount is checked against what is due. */
      combineVisitIds: z.array(id).max(11).default([]),
      split: splitSpec.default({ mode: 'none' }),
      lineDiscounts: z.array(z.object({ lineId: id, discount })).max(200).default([]),
      slipDiscounts: z.array(discount).max(3).default([]),
    }),
    output: terminalPayment,
  }),
  'terminal.disconnect': method({
    kind: 'command', async: true, access: ['cashier', 'manager'],
    summary: '切断する (U6): stop waiting for a payment; the register asks the terminal for its outcome later.',
    input: z.object({ ref }), output: terminalPayment,
  }),
  'terminal.answer': method({
    kind: 'command', async: true, access: ['cashier', 'manager'],
    summary: 'Answer the duplicate-payment alert (U10): stop = 取引中止, continue = 続ける.',
    input: z.object({ ref, answer: z.enum(['stop', 'continue']) }), output: terminalPayment,
  }),
  'terminal.refund': method({
    kind: 'command', async: true, access: ['cashier', 'manager'],
    summary: '払戻 / 取消 of a terminal payment before (U4) or after the checkout (U8); the terminal applies U9.',
    input: z.object({ ref }), output: terminalPayment,
  }),
  'terminal.payments': method({
    kind: 'query', access: 'staff',
    summary: 'Terminal payments of a visit or slip (USEN PAY history, 受注コード U13), or every unsettled one.',
    input: z.object({ visitId: id.optional(), slipId: id.optional(), open: z.boolean().default(false) }),
    output: z.array(terminalPayment),
  }),
  'terminal.resolve': method({
    kind: 'command', async: true, access: ['cashier', 'manager'],
    summary: 'Ask the terminal for the status of every unsettled payment now (U12) and apply the answers.',
    input: z.object({}), output: z.array(terminalPayment),
  }),
  'terminal.decide': method({
    kind: 'command', access: ['manager'],
    summary: 'A manager settles a 要確認 payment by hand (paid / not paid, with a reason), after checking the USEN PAY history.',
    input: z.object({
      ref, paid: z.boolean(),
      reason: z.string().trim().min(1, '理由を入力してください。').max(100, '理由は100文字以内で入力してください。'),
    }),
    output: terminalPayment,
  }),
  'terminal.printCopies': method({
    kind: 'command', async: true, access: 'staff',
    summary: '控え印刷 / 再印刷 of the customer and merchant copies (U7); none for QR; prints after the first carry (再).',
    input: z.object({ ref, fromHistory: z.boolean().default(false) }), output: copiesOutcome,
  }),
};

export const terminalProgress = z.object({ ref, step: z.string(), display: z.string(), notice: z.string().nullable() });
export const terminalPrompt = z.object({
  ref, promptId: z.string(), display: z.string(), open: z.boolean(),
  options: z.array(z.object({ answer: z.enum(['stop', 'continue']), label: z.string() })),
  answer: z.enum(['stop', 'continue']).nullable(), chosenOn: z.enum(['terminal', 'register']).nullable(),
});
