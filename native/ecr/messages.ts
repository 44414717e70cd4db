// ECR-link v1 messages: the JSON carried in one frame, as zod schemas (docs/ecr-link.md).
// Envelope {v, type, id, re?, body}; readers ignore unknown fields (zod strips them).
// Card data is masked everywhere: schemas accept only ****1234, never a full card number.
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;
export const METHODS = ['credit', 'emoney', 'qr'] as const;
export type Method = (typeof METHODS)[number];
/** Where the terminal is in a transaction (sent in `progress` and `status`). */
export const STEPS = ['awaitingCard', 'brandSelect', 'awaitingEmoney', 'awaitingQr', 'pin', 'duplicateAlert', 'authorising', 'signature'] as const;
export type Step = (typeof STEPS)[number];
export const ERROR_CODES = [
  'BUSY', 'BATTERY_LOW', 'NOT_FOUND', 'NOT_REFUNDABLE', 'EXPIRED', 'INVALID', 'UNSUPPORTED_VERSION',
  'NO_SESSION', 'NOT_CONTRACTED', 'NO_RECEIPT', 'REF_CONFLICT',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Register-chosen reference: printable ASCII, unique per attempt (a ULID or UUID fits). */
export const refSchema = z.string().min(1).max(64).regex(/^[\x21-\x7e]+$/);
const yen = z.int().min(1).max(99_999_999);
const businessDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const maskedCardSchema = z.string().regex(/^\*{4}\d{4}$/);
const slip = z.object({ no: z.string().regex(/^\d{1,20}$/), part: z.int().min(1).max(5) });
const method = z.enum(METHODS);

const cardReceipt = z.object({
  kind: z.literal('card'),
  title: z.enum(['クレジットカード売上票', 'クレジットカード取消票', 'クレジットカード返品票']),
  copy: z.enum(['お客様控', '加盟店控']),
  reprint: z.boolean(), // printed with (再)
  merchantName: z.string(), merchantPhone: z.string(),
  orderCode: z.string(), usedAt: z.string(),
  maskedCard: maskedCardSchema, brand: z.string(), entryLabel: z.enum(['IC', '磁気', 'タッチ']),
  terminalSlipNo: z.string(), expiry: z.literal('XX/XX'), transaction: z.enum(['売上', '取消', '返品']),
  division: z.string(), handlingCode: z.string(), productCode: z.string(),
  cardCompany: z.string(), approvalNo: z.string(), processingNo: z.string(),
  amount: yen, total: yen,
});
const emoneyReceipt = z.object({
  kind: z.literal('emoney'),
  title: z.enum(['領収書', '取消・返品']),
  copy: z.enum(['お客様控', '加盟店控']),
  reprint: z.boolean(),
  merchantName: z.string(), merchantAddress: z.string(), merchantPhone: z.string(),
  usedAt: z.string(), orderCode: z.string(),
  maskedMember: maskedCardSchema, terminalId: z.string(),
  transaction: z.enum(['売上', '取消']), productCode: z.string(),
  brand: z.string(), lineLabel: z.string(), amount: yen,
  registerNo: z.string(), terminalSlipNo: z.string(), inquiryNo: z.string(),
});
export const receiptSchema = z.discriminatedUnion('kind', [cardReceipt, emoneyReceipt]);
export type Receipt = z.infer<typeof receiptSchema>;
const receipts = z.object({ customer: receiptSchema, merchant: receiptSchema });
export type Receipts = z.infer<typeof receipts>;

export const OUTCOMES = ['approved', 'declined', 'cancelled', 'stopped', 'unconfirmed'] as const;
export const REASONS = ['CANCELLED_ON_TERMINAL', 'CANCELLED_BY_REGISTER', 'DUPLICATE_STOPPED', 'DECLINED', 'CARD_MISMATCH', 'ACQUIRER_UNCONFIRMED'] as const;
export const resultSchema = z.object({
  ref: refSchema,
  kind: z.enum(['sale', 'void', 'return']),
  originalRef: refSchema.optional(),
  method, amount: yen, slip,
  /** approved: money moved; stopped: 取引中止 at the duplicate alert; unconfirmed: 処理未了 / 要確認 (U12). */
  outcome: z.enum(OUTCOMES),
  reason: z.enum(REASONS).optional(),
  /** Staff-facing message in Japanese when not approved. */
  display: z.string().optional(),
  /** The acquirer's status string of U12 (売上予定, 決済完了, 要確認...); null when nothing reached the acquirer. */
  acquirerStatus: z.string().nullable(),
  brand: z.string().optional(),
  maskedCard: maskedCardSchema.optional(),
  entry: z.enum(['ic', 'swipe', 'contactless']).optional(),
  division: z.string().optional(),
  approvalNo: z.string().optional(),
  orderCode: z.string().optional(),
  signed: z.boolean(),
  at: z.iso.datetime({ offset: true }),
  businessDate,
  /** Absent for QR (no receipts for QR payments or refunds, U7) and for failed attempts. */
  receipts: receipts.optional(),
});
export type TxResult = z.infer<typeof resultSchema>;

export const journalEntrySchema = resultSchema.pick({
  ref: true, kind: true, originalRef: true, method: true, amount: true, slip: true, outcome: true,
  acquirerStatus: true, brand: true, maskedCard: true, orderCode: true, at: true, businessDate: true,
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

const refBody = z.object({ ref: refSchema });
const promptOption = z.object({ answer: z.enum(['stop', 'continue']), label: z.string() });
const stateBody = z.object({ battery: z.int().min(0).max(100), busy: z.boolean(), currentRef: refSchema.nullable() });

/** Every message type with its body. P→T: register to terminal; T→P: terminal to register. */
const bodies = {
  // both directions
  ping: z.object({}),
  error: z.object({
    code: z.enum(ERROR_CODES), message: z.string(), display: z.string(),
    ref: refSchema.optional(), currentRef: refSchema.optional(),
  }),
  // P→T
  hello: z.object({ protocol: z.int(), registerId: z.string().max(64) }),
  'session.open': z.object({}),
  sale: z.object({ ref: refSchema, amount: yen, method, slip }),
  cancel: refBody,
  'prompt.reply': z.object({ ref: refSchema, promptId: z.string(), answer: z.enum(['stop', 'continue']) }),
  'result.ack': refBody,
  status: refBody,
  void: z.object({ ref: refSchema, originalRef: refSchema }),
  refund: z.object({ ref: refSchema, originalRef: refSchema }),
  reprint: refBody,
  journal: z.object({ date: businessDate.optional() }),
  // T→P
  'hello.ok': stateBody.extend({
    protocol: z.int(), terminalSerial: z.string(), model: z.string(), sessionOpen: z.boolean(),
    contracts: z.array(method), businessDate, pendingResults: z.array(refSchema),
  }),
  'session.ok': z.object({ battery: z.int() }),
  pong: stateBody,
  accepted: refBody,
  progress: z.object({ ref: refSchema, step: z.enum(STEPS), display: z.string(), notice: z.string().optional() }),
  prompt: z.object({ ref: refSchema, promptId: z.string(), kind: z.literal('duplicate'), display: z.string(), options: z.array(promptOption) }),
  'prompt.closed': z.object({ ref: refSchema, promptId: z.string(), answer: z.enum(['stop', 'continue']), chosenOn: z.enum(['terminal', 'register']) }),
  'cancel.ok': z.object({ ref: refSchema, outcome: z.enum(['cancelled', 'tooLate']) }),
  result: resultSchema,
  'status.ok': z.object({
    ref: refSchema, state: z.enum(['notFound', 'inProgress', 'completed']),
    step: z.enum(STEPS).optional(), result: resultSchema.optional(), acquirerStatus: z.string().nullable().optional(),
  }),
  'reprint.ok': z.object({ ref: refSchema, receipts }),
  'journal.ok': z.object({ businessDate, entries: z.array(journalEntrySchema) }),
} as const;

type Bodies = typeof bodies;
export type MessageType = keyof Bodies;
export type BodyOf<T extends MessageType> = z.infer<Bodies[T]>;
export type Message = { [T in MessageType]: { v: 1; type: T; id: string; re?: string; body: BodyOf<T> } }[MessageType];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

const envelope = z.object({ v: z.int(), type: z.string(), id: z.string().max(64), re: z.string().max(64).optional(), body: z.unknown() });

export type Parsed =
  | { ok: true; message: Message }
  | { ok: false; code: 'UNSUPPORTED_VERSION' | 'INVALID'; detail: string; id?: string };

/** Validates one decoded frame body. Never throws. */
export function parseMessage(raw: unknown): Parsed {
  const env = envelope.safeParse(raw);
  if (!env.success) return { ok: false, code: 'INVALID', detail: `bad envelope: ${env.error.issues[0]?.message ?? ''}` };
  const { v, type, id, re } = env.data;
  if (v !== PROTOCOL_VERSION) return { ok: false, code: 'UNSUPPORTED_VERSION', detail: `protocol major ${v}`, id };
  if (!Object.hasOwn(bodies, type)) return { ok: false, code: 'INVALID', detail: `unknown type ${type}`, id };
  const body = bodies[type as MessageType].safeParse(env.data.body ?? {});
  if (!body.success) {
    const issue = body.error.issues[0];
    return { ok: false, code: 'INVALID', detail: `${type}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`, id };
  }
  const message = { v: 1, type, id, body: body.data } as Message;
  if (re !== undefined) message.re = re;
  return { ok: true, message };
}

/** Builds a message; `re` names the request it answers. */
export function makeMessage<T extends MessageType>(type: T, id: string, body: BodyOf<T>, re?: string): MessageOf<T> {
  return (re === undefined ? { v: 1, type, id, body } : { v: 1, type, id, re, body }) as MessageOf<T>;
}
