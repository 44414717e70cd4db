import { z } from 'zod';
import { validateRegistrationNumber } from '../invoice/index.ts';
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

const figures = { gross: z.number().int(), net: z.number().int(), tax: z.number().int() };
/** `group` is the sales category the manual books each under: 現金, 掛売 (売掛, 事前決済: P1), ポイント (P9), 決済端末. */
const byPayment = z.array(z.object({ kind: z.string(), label: z.string(), group: z.string(), count: z.number().int(), amount: z.number().int() }));
const byRate = z.array(z.object({ rate: z.number().int(), ...figures }));

/**
 * 精算 of a till session (docs/checkout.md): sales are the checkout parts paid in the session,
 * cancellations the slips cancelled in it (refunded from this drawer).
 */
export const settlementReport = z.object({
  slips: z.number().int(), guests: z.number().int(), sales: z.object(figures),
  byPayment, byRate,
  discounts: z.object({ lineCount: z.number().int(), lineYen: z.number().int(), slipCount: z.number().int(), slipYen: z.number().int() }),
  cancelled: z.object({ count: z.number().int(), ...figures, byPayment, byRate }),
  /** Sales minus cancellations. */
  netSales: z.object(figures),
  bySegment: z.array(z.object({ segmentId: z.string().nullable(), name: z.string(), slips: z.number().int(), guests: z.number().int(), gross: z.number().int() })),
  /** Split checkouts with parts still unpaid (閉局 is refused while any remain). */
  openSplits: z.number().int(),
});
export type SettlementReport = z.infer<typeof settlementReport>;

/** The figures of one till session (開局 → 閉局) with its settlement. */
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
  /** Cash sales minus cash refunds of slips cancelled in this session: negative when refunds exceed sales. */
  cashSales: z.number().int(),
  expectedCash: z.number().int(),
  movements: z.array(cashMovement),
  closedAt: z.number().int().nullable(),
  closedBy: z.string().nullable(),
  countedCash: yen.nullable(),
  closingCounts: denominationCounts.nullable(),
  difference: z.number().int().nullable(),
  backupFile: z.string().nullable(),
  settlement: settlementReport,
});
export type TillSummary = z.infer<typeof tillSummary>;

/**
 * The answer to a cash movement (入出金): the movement and the drawer's figures after it. Screens
 * patch the till they show with it; the whole summary is till.status (#2: rebuilding it, with the
 * settlement and every movement, made each movement slower as the day went on).
 */
export const cashMoveResult = tillSummary.pick({ sessionId: true, cashIn: true, cashOut: true, cashSales: true, expectedCash: true })
  .extend({ movement: cashMovement });
export type CashMoveResult = z.infer<typeof cashMoveResult>;

/** 適格請求書発行事業者の登録番号: a corporation's number must pass the check digit. */
const invoiceSettings = z.object({
  registrationNumber: z.string().trim().max(20),
  issuer: z.enum(['corporation', 'individual']),
}).superRefine((v, ctx) => {
  if (v.registrationNumber === '') return;
  const r = validateRegistrationNumber(v.registrationNumber, { issuer: v.issuer });
  if (!r.ok) ctx.addIssue({ code: 'custom', path: ['registrationNumber'], message: r.message });
}).transform((v) => {
  // Stored as printed: "T" + 13 half-width digits, whatever width or separators staff typed.
  const r = v.registrationNumber === '' ? null : validateRegistrationNumber(v.registrationNumber, { issuer: v.issuer });
  return r?.ok ? { ...v, registrationNumber: r.value } : v;
});

/** The receipt printer: ESC/POS over TCP (port 9100) or a serial port; none = no printing. */
export const printerTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('tcp'), host: z.string().trim().min(1, 'プリンターのアドレスを入力してください。').max(253), port: z.number().int().min(1).max(65535) }),
  z.object({ kind: z.literal('serial'), path: z.string().trim().min(1, 'シリアルポートを入力してください。').max(200), baudRate: z.number().int().min(1200).max(921600) }),
], { message: 'プリンターの接続方法を選択してください。' });

const receiptSettings = z.object({
  /** Print the receipt (レシート) after every checkout; otherwise only on request. */
  autoPrint: z.boolean(),
  width: z.union([z.literal(42), z.literal(48)]),
  address: z.string().trim().max(60),
  phone: z.string().trim().max(20),
  footer: z.array(z.string().trim().max(40)).max(4),
  /** 領収書 但し書き when staff give none. */
  defaultProviso: z.string().trim().max(30),
});

/** The USEN PAY terminal (RULES.md U1): LAN address or serial port; one terminal per register. */
export const terminalConnection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('tcp'), host: z.string().trim().min(1, '決済端末のIPアドレスを入力してください。').max(253), port: z.number().int().min(1).max(65535) }),
  z.object({ kind: z.literal('serial'), path: z.string().trim().min(1, 'シリアルポートを入力してください。').max(200), baudRate: z.number().int().min(1200).max(921600) }),
], { message: '決済端末の接続方法を選択してください。' });
export type TerminalConnection = z.infer<typeof terminalConnection>;

export const terminalSettings = z.object({
  connection: terminalConnection,
  /** U7: print the customer and merchant copies after every card / e-money payment (お客様控え「自動」). */
  autoPrintCopies: z.boolean(),
});

export const settings = z.object({
  storeName: z.string().min(1, '店舗名を入力してください。').max(40),
  registerNo: z.number().int().min(1).max(99),
  businessDayStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '時刻はHH:MMで入力してください。'),
  lanEnabled: z.boolean(),
  locale: z.enum(['ja', 'en']),
  /** T5: table reset is offered only where the store enables it. */
  tableResetEnabled: z.boolean(),
  /** Menu prices are entered tax-included (内税) or tax-excluded (外税); docs/checkout.md. */
  priceMode: z.enum(['inclusive', 'exclusive']),
  /** The one rounding of the tax per rate per receipt (切捨て / 四捨五入 / 切上げ). */
  taxRounding: z.enum(['floor', 'round', 'ceil']),
  invoice: invoiceSettings,
  printer: printerTarget,
  receipt: receiptSettings,
  /** その他支払 offered at checkout (G4); P1: SMART RESERVE事前決済 only once enabled here. */
  otherPayments: z.object({ credit: z.boolean(), points: z.boolean(), sitePoints: z.boolean(), prepaid: z.boolean() }),
  /** USEN PAY terminal (U1, U7): docs/payments.md. */
  terminal: terminalSettings,
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
