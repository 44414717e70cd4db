import type { Notice } from '../../../../src-shared/contract/index.ts';
import type { AppState } from '../../types.ts';

const NONE: Notice[] = [];

/** Refusals about what is still to pay, shown as figures (不足) rather than as errors. */
const AMOUNT_CODES = new Set(['UNDERPAID']);

export const checkoutSelectors = {
  draft: (s: AppState) => s.checkout,
  quote: (s: AppState) => s.quote,
  quoteError: (s: AppState) => s.quoteError,
  busy: (s: AppState) => s.checkoutBusy,
  result: (s: AppState) => s.checkoutResult,
  tendered: (s: AppState) => s.checkoutTendered,
  notices: (s: AppState) => s.checkoutNotices,
  refusals: (s: AppState) => s.quote?.refusals ?? NONE,
  warnings: (s: AppState) => s.quote?.warnings ?? NONE,
  /** P10: the discount buttons are off while 予約サイトポイント are applied. */
  discountsAllowed: (s: AppState) => s.quote?.discountsAllowed ?? true,
};

/** Refusals that block the checkout for another reason than the amount still missing. */
export const blockingRefusals = (refusals: readonly Notice[]): Notice[] => refusals.filter((r) => !AMOUNT_CODES.has(r.code));
