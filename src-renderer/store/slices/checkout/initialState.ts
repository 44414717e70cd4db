import type { CheckoutInput, CheckoutQuote, CheckoutResult, Notice, PaymentKind } from '../../../../src-shared/contract/index.ts';

export type Split = NonNullable<CheckoutInput['split']>;
export type Discount = NonNullable<CheckoutInput['slipDiscounts']>[number];
export type LineDiscount = { lineId: string; discount: Discount };

/** A payment on the list other than the cash keypad and the terminal: その他支払, or a suggestion (P1, P9). */
export type PaymentLine = { id: string; kind: Exclude<PaymentKind, 'cash' | 'terminal'>; amount: number; suggested: boolean };

/** The checkout as the screen has it: everything checkout.quote and checkout.commit take. */
export type CheckoutDraft = {
  visitId: string;
  combineVisitIds: string[];
  split: Split;
  lineDiscounts: LineDiscount[];
  slipDiscounts: Discount[];
  payments: PaymentLine[];
  /** お預り typed on the keypad (0: none yet). */
  cash: number;
  /** Guests; null = the party of the visits. */
  party: number | null;
  segmentId: string | null;
};

export type CheckoutState = {
  checkout: CheckoutDraft | null;
  quote: CheckoutQuote | null;
  /** The core refused to even quote (a discount above its line …): shown instead of the figures. */
  quoteError: string | null;
  checkoutBusy: boolean;
  /** After 会計: the committed part, shown with its change and receipt until 次へ / 完了. */
  checkoutResult: CheckoutResult | null;
  /** What the cash line settled at commit (お預り), for the completion screen. */
  checkoutTendered: number;
  /** Warnings to show in a dialog now (P3/P4 on opening, P8 after ×). */
  checkoutNotices: Notice[];
  /** Every open line of the bill (what 分割会計 by items chooses from). */
  checkoutLines: CheckoutQuote['lines'];
};

export const initialCheckoutState: CheckoutState = {
  checkout: null,
  quote: null,
  quoteError: null,
  checkoutBusy: false,
  checkoutResult: null,
  checkoutTendered: 0,
  checkoutNotices: [],
  checkoutLines: [],
};
