// Test-only helpers for the checkout tests (orders, checkout, slips, receipts): one way to call
// the API as cashier or manager, seat, order and pay. Not used by the app.
import { methods, type CheckoutQuote, type CheckoutResult, type MethodName, type Settings, type SlipDetail, type TillSummary, type VisitOrders } from '../../src-shared/contract/index.ts';
import type { Result } from '../../src-shared/result.ts';
import { cmdId, login, value, type TestRegister } from '../testing/harness.ts';

export const T = (name: string) => (/^2\d\d$/.test(name) ? `floor-2-${name}` : `floor-1-${name}`);
/** Demo products: 唐揚げ定食 ¥980 (food), 枝豆 ¥380 (food), ウーロン茶 ¥300 (soft drink), 生ビール ¥580 (alcohol). */
export const P = { karaage: 'cat-food-1', edamame: 'cat-side-1', oolong: 'cat-drink-1', beer: 'cat-alcohol-1' } as const;

export async function rig(reg: TestRegister) {
  const cashier = await login(reg.call);
  const manager = await login(reg.call, 'staff-manager', '1234');
  const raw = (method: MethodName, input: unknown, sessionId = cashier): Promise<Result<unknown>> =>
    reg.call({ method, input, sessionId, ...(methods[method].kind === 'command' ? { commandId: cmdId() } : {}) });
  const ok = async <T>(method: MethodName, input: unknown, sessionId = cashier) => value<T>(await raw(method, input, sessionId));
  const code = async (method: MethodName, input: unknown, sessionId = cashier) => {
    const r = await raw(method, input, sessionId);
    return r.ok ? 'ok' : r.error.code;
  };
  const r = {
    cashier, manager, raw, ok, code,
    db: () => reg.core.liveDb(),
    settings: (patch: Partial<Settings>) => ok<Settings>('settings.update', patch, manager),
    openTill: (total = 30_000) => ok<TillSummary>('till.open', { total }),
    till: () => ok<TillSummary>('till.report', {}),
    seat: async (table: string, party = 2, reservationId?: string) =>
      (await ok<{ visit: { id: string } }>('seating.seat', { tableId: T(table), party, reservationId, confirmOverReservation: true })).visit.id,
    order: (visitId: string, lines: Array<{ productId: string; quantity: number; takeout?: boolean; note?: string }>) =>
      ok<VisitOrders>('orders.add', { visitId, lines }),
    quote: (input: Record<string, unknown>) => ok<CheckoutQuote>('checkout.quote', input),
    pay: (input: Record<string, unknown>) => ok<CheckoutResult>('checkout.commit', input),
    slip: (slipId: string) => ok<SlipDetail>('slips.get', { slipId }),
    /** Seat, order and pay in cash: the everyday checkout. */
    sale: async (table: string, lines: Array<{ productId: string; quantity: number; takeout?: boolean }>, extra: Record<string, unknown> = {}) => {
      const visitId = await r.seat(table);
      const orders = await r.order(visitId, lines);
      const due = (await r.quote({ visitId, ...extra })).total;
      return { visitId, orders, result: await r.pay({ visitId, payments: due ? [{ kind: 'cash', amount: due }] : [], ...extra }) };
    },
    count: (table: string) => (reg.core.liveDb().prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
  };
  return r;
}
export type Rig = Awaited<ReturnType<typeof rig>>;

/** Row counts of every table a checkout or cancel writes: bad input must leave them all unchanged. */
export const WRITTEN = ['slips', 'slip_parts', 'part_rates', 'part_discounts', 'payments', 'slip_visits', 'slip_counters', 'slip_cancellations', 'outbox', 'command_log'];
export const snapshot = (r: Rig) => ({
  counts: Object.fromEntries(WRITTEN.map((t) => [t, r.count(t)])),
  lines: r.db().prepare('SELECT id, status, quantity FROM order_lines ORDER BY id').all(),
  visits: r.db().prepare('SELECT id, status FROM visits ORDER BY id').all(),
});
