import { TaxInputError } from './errors.ts';
import type { TaxClass, TaxRate } from './types.ts';

/**
 * The rate of an order line, decided at sale time (not a property of the menu item):
 * food and soft drinks are 8 % only when taken out; eating in (外食) is 10 %; alcohol (酒類)
 * and other goods are always 10 %.
 */
export function rateFor(input: { readonly taxClass: TaxClass; readonly takeout: boolean }): TaxRate {
  switch (input.taxClass) {
    case 'reduced':
      return input.takeout ? 8 : 10;
    case 'standard':
    case 'alcohol':
      return 10;
    default:
      // Reached only with unchecked data (e.g. a corrupt menu row).
      throw new TaxInputError('BAD_TAX_CLASS');
  }
}

/** Reduced-rate lines are the ones marked ※ on receipts. */
export function isReducedRate(rate: TaxRate): boolean {
  return rate === 8;
}
