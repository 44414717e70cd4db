import type { OrderLine, Settings } from '../../../../src-shared/contract/index.ts';
import { computeSlipTax, rateFor, TaxInputError } from '../../../../src-shared/tax/index.ts';
import type { AppState } from '../../types.ts';
import type { DraftLine } from './initialState.ts';

const EMPTY: OrderLine[] = [];

export const orderSelectors = {
  visitId: (s: AppState) => s.orderVisitId,
  orders: (s: AppState) => s.orders,
  lines: (s: AppState) => s.orders?.lines ?? EMPTY,
  draft: (s: AppState) => s.orderDraft,
  takeout: (s: AppState) => s.orderTakeout,
  busy: (s: AppState) => s.orderBusy,
  hasDraft: (s: AppState) => s.orderDraft.length > 0,
};

/** Lines shown on the order screen: open and billed first, voided ones after them. */
export const visibleLines = (lines: readonly OrderLine[]) => ({
  open: lines.filter((l) => l.status === 'open'),
  paid: lines.filter((l) => l.status === 'paid' || l.status === 'billed'),
  voided: lines.filter((l) => l.status === 'void'),
});

/**
 * The running total (tax included) of what the table owes once the draft is sent: open lines as
 * the core stored them plus the draft at its tax rate (takeout food 8 %), rounded once per rate
 * like the receipt. Shown before checkout only; the checkout's quote is the authority.
 */
export function runningTotal(lines: readonly OrderLine[], draft: readonly DraftLine[], settings: Pick<Settings, 'priceMode' | 'taxRounding'> | null): number {
  const open = lines.filter((l) => l.status === 'open');
  const priceMode = open[0]?.priceMode ?? settings?.priceMode ?? 'inclusive';
  try {
    return computeSlipTax({
      priceMode, rounding: settings?.taxRounding ?? 'floor',
      lines: [
        ...open.map((l) => ({ unitPrice: l.unitPrice, quantity: l.quantity, rate: l.rate })),
        ...draft.map((d) => ({ unitPrice: d.unitPrice, quantity: d.quantity, rate: rateFor({ taxClass: d.taxClass, takeout: d.takeout }) })),
      ],
    }).gross;
  } catch (error) {
    if (error instanceof TaxInputError) return open.reduce((a, l) => a + l.amount, 0) + draft.reduce((a, d) => a + d.unitPrice * d.quantity, 0);
    throw error;
  }
}
