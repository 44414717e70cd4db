import { handlers } from '../api/context.ts';
import { commitCheckout } from './commit.ts';
import { evaluate, toQuote } from './evaluate.ts';

/** checkout.quote and checkout.commit run the same evaluation: the preview never promises what the commit refuses. */
export const checkoutHandlers = handlers({
  'checkout.quote': (input, ctx) => toQuote(evaluate(ctx, input)),
  'checkout.commit': commitCheckout,
});
