// Receipt documents: what the register prints. Money is integer yen; per-rate totals come from
// the sale as stored at checkout (src-shared/tax), never recomputed at print time.
import type { PriceMode, TaxRate } from '../../src-shared/tax/index.ts';

export interface StoreInfo {
  readonly name: string;
  readonly address?: string;
  readonly phone?: string;
  /** 適格請求書発行事業者の登録番号, "T" + 13 digits. Without it the receipt is not a qualified invoice. */
  readonly registrationNumber?: string;
  /** Sole proprietors' numbers are checked for format only (src-shared/invoice). */
  readonly issuer?: 'corporation' | 'individual';
}

export interface SlipMeta {
  readonly issuedAt: Date;
  /** 営業日 YYYY-MM-DD (may differ from the calendar date after midnight). */
  readonly businessDay: string;
  /** 13 digits, e.g. 1002600001480 (RULES.md#G3). */
  readonly slipNo: string;
  readonly registerNo: string;
  readonly staff?: string;
}

/** Per-rate totals as stored with the sale; a SlipTax from computeSlipTax fits. */
export interface TaxSummary {
  readonly priceMode: PriceMode;
  readonly byRate: ReadonlyArray<{ readonly rate: TaxRate; readonly gross: number; readonly net: number; readonly tax: number }>;
  readonly gross: number;
  readonly net: number;
  readonly tax: number;
}

export interface AmountLine { readonly label: string; readonly yen: number }

export interface ReceiptItem {
  readonly name: string;
  readonly quantity: number;
  readonly unitPrice: number;
  /** quantity × unitPrice, in the slip's price mode. */
  readonly amount: number;
  readonly rate: TaxRate;
  /** Line 値引 / 割引, e.g. { label: '割引10%', yen: 54 }. */
  readonly discounts?: readonly AmountLine[];
}

export type PaymentKind = 'cash' | 'card' | 'emoney' | 'qr' | 'credit' | 'points' | 'prepaid' | 'other';

export interface Payment {
  /** As printed: 現金, USEN PAY クレジット, 売掛, ポイント … */
  readonly label: string;
  readonly amount: number;
  /** 'prepaid' is SMART RESERVE事前決済: such checkouts issue no receipt (RULES.md#P6). */
  readonly kind: PaymentKind;
}

interface Common {
  /** Reprint: prints the 再発行 header (terminal copies: (再)). */
  readonly reprint?: boolean;
}

export interface SaleReceiptDoc extends Common {
  readonly kind: 'sale';
  readonly store: StoreInfo;
  readonly meta: SlipMeta;
  readonly items: readonly ReceiptItem[];
  readonly slipDiscounts?: readonly AmountLine[];
  readonly tax: TaxSummary;
  readonly payments: readonly Payment[];
  readonly change: number;
  readonly footer?: readonly string[];
}

/** 領収書: amount, 宛名 and 但し書き, with the per-rate breakdown of a simplified invoice. */
export interface FormalReceiptDoc extends Common {
  readonly kind: 'formal';
  readonly store: StoreInfo;
  readonly meta: SlipMeta;
  readonly tax: TaxSummary;
  readonly payments: readonly Payment[];
  readonly addressee?: string;
  /** e.g. 'お品代' → 但し お品代として. */
  readonly proviso?: string;
}

/** USEN PAY terminal copy (RULES.md#U7). Card data is the last 4 digits only, never a PAN. */
export interface TerminalCopyDoc extends Common {
  readonly kind: 'terminal';
  readonly method: 'card' | 'emoney' | 'qr';
  readonly copy: 'customer' | 'merchant';
  readonly transaction: 'sale' | 'void';
  readonly merchantName: string;
  readonly merchantPhone?: string;
  readonly merchantAddress?: string;
  /** 受注コード, e.g. TSU3-0003377. */
  readonly orderCode: string;
  readonly usedAt: Date;
  /** Card number or e-money member number, last 4 digits; printed as ****1012. */
  readonly last4: string;
  readonly brand: string;
  /** Card: IC / 磁気 / 非接触. */
  readonly entryMode?: string;
  readonly slipNo: string;
  /** 支払区分, e.g. 一括. */
  readonly division?: string;
  readonly approvalNo?: string;
  readonly processNo?: string;
  readonly amount: number;
  readonly registerNo?: string;
  /** E-money: 上位端末ID and 問合せ番号. */
  readonly terminalId?: string;
  readonly inquiryNo?: string;
}

export interface ReportRow {
  readonly label: string;
  readonly amount?: number;
  readonly count?: number;
  /** Free text instead of an amount (e.g. a time). */
  readonly value?: string;
}

/** 閉局 精算レポート: generic sections of label/amount rows. */
export interface SettlementReportDoc extends Common {
  readonly kind: 'settlement';
  readonly store: StoreInfo;
  readonly title?: string;
  readonly businessDay: string;
  readonly registerNo: string;
  readonly printedAt: Date;
  readonly staff?: string;
  readonly sections: ReadonlyArray<{ readonly title: string; readonly rows: readonly ReportRow[] }>;
}

export type ReceiptDoc = SaleReceiptDoc | FormalReceiptDoc | TerminalCopyDoc | SettlementReportDoc;
