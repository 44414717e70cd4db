import type { CheckoutInput, CheckoutQuote, Notice } from '../../../../src-shared/contract/index.ts';
import { callApi } from '../../call.ts';
import type { GetState, SliceCreator } from '../../types.ts';
import { initialMenuState } from '../menu/initialState.ts';
import { initialOrderState } from '../order/initialState.ts';
import { initialSlipsState } from '../slips/initialState.ts';
import { initialTerminalState } from '../terminal/initialState.ts';
import { terminalSelectors } from '../terminal/selectors.ts';
import { initialCheckoutState, type CheckoutDraft, type CheckoutState, type Discount, type PaymentLine, type Split } from './initialState.ts';

export type CheckoutActions = {
  /** The checkout screen shows a visit: the first quote's suggestions (prepayment, points) go on the list; P3/P4 are shown. */
  enterCheckout: (visitId: string) => Promise<void>;
  requote: () => Promise<CheckoutQuote | null>;
  setCash: (amount: number) => Promise<void>;
  /** Quick buttons ¥1,000 / ¥5,000 / ¥10,000 add to the お預り. */
  addCash: (amount: number) => Promise<void>;
  /** ちょうど: the お預り becomes exactly what the cash still has to pay. */
  exactCash: () => Promise<void>;
  /** その他支払 (売掛, ポイント, 予約サイトポイント, SMART RESERVE事前決済); false when the list is full (U3). */
  addPayment: (kind: PaymentLine['kind'], amount: number) => Promise<boolean>;
  /** × on a payment; removing a prepayment or points shows the P8 warning. */
  removePayment: (id: string) => Promise<void>;
  setLineDiscount: (lineId: string, discount: Discount | null) => Promise<boolean>;
  addSlipDiscount: (discount: Discount) => Promise<boolean>;
  removeSlipDiscount: (index: number) => Promise<void>;
  setSplit: (split: Split) => Promise<boolean>;
  /** 合算会計 (T7): the other visits paid here; refused combinations are not applied and come back as notices. */
  setCombine: (visitIds: string[]) => Promise<Notice[]>;
  setParty: (party: number | null) => Promise<void>;
  setSegment: (segmentId: string | null) => Promise<void>;
  /** 会計: commit this checkout (or split part). */
  commitCheckout: () => Promise<boolean>;
  /** After a split part: the next part of the same slip. */
  nextPart: () => Promise<void>;
  /** Leave the checkout (完了 or 戻る). */
  closeCheckout: () => void;
  dismissNotices: () => void;
  internal_checkoutInput: () => CheckoutInput | null;
  /** The quote once nothing that changes it is in flight: 会計 decides on the latest figures. */
  whenQuoted: () => Promise<CheckoutQuote | null>;
  /** Count work that changes the quote (e.g. the terminal list read again after 支払完了 → OK). */
  internal_track: <T>(work: Promise<T>) => Promise<T>;
  /** Logout: the next person starts with nothing of the order, checkout, slips or terminal screens. */
  internal_resetSales: () => void;
  /** After the push channel was down: read again what the sales screens show. */
  internal_refreshSales: () => Promise<void>;
};

export type CheckoutSlice = CheckoutState & CheckoutActions;

/** U3: at most 5 payments on one checkout. */
export const MAX_PAYMENTS = 5;
let paymentSeq = 0;

const emptyDraft = (visitId: string): CheckoutDraft => ({
  visitId, combineVisitIds: [], split: { mode: 'none' }, lineDiscounts: [], slipDiscounts: [], payments: [], cash: 0, party: null, segmentId: null,
});

/** The payments as the core takes them: その他支払, the terminal's settled payments, cash last (change comes from cash). */
export function inputOf(draft: CheckoutDraft, terminalAmounts: readonly number[]): CheckoutInput {
  return {
    visitId: draft.visitId, combineVisitIds: draft.combineVisitIds, split: draft.split,
    lineDiscounts: draft.lineDiscounts, slipDiscounts: draft.slipDiscounts,
    payments: [
      ...draft.payments.map((p) => ({ kind: p.kind, amount: p.amount })),
      ...terminalAmounts.map((amount) => ({ kind: 'terminal' as const, amount })),
      ...(draft.cash > 0 ? [{ kind: 'cash' as const, amount: draft.cash }] : []),
    ],
    ...(draft.party !== null ? { party: draft.party } : {}),
    segmentId: draft.segmentId,
  };
}

/** How many payments the list holds (the cash keypad counts once it has an amount). */
export const paymentCount = (draft: CheckoutDraft, terminalLines: number): number =>
  draft.payments.length + terminalLines + (draft.cash > 0 ? 1 : 0);

/** Every line of the bill, kept from the quotes that list them all (split by items lists only the chosen ones). */
const linesOf = (draft: CheckoutDraft, quote: CheckoutQuote | null) =>
  quote && draft.split.mode !== 'items' ? { checkoutLines: quote.lines } : {};

const COMBINE_CODES = new Set(['PREPAID_NOT_COMBINABLE', 'RESERVATION_CHILD', 'WAITING_PARENT', 'GROUPED_CHILD', 'SPLIT_IN_PROGRESS']);

export const createCheckoutSlice: SliceCreator<CheckoutSlice> = (deps) => (set, get) => {
  let quoteSeq = 0;
  const inFlight = new Set<Promise<unknown>>();
  const track = <T,>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  };

  const terminalAmounts = (g: GetState) => terminalSelectors.settledForCheckout(g()).map((p) => p.amount);

  /** Quote a draft; only the latest request may change the screen. */
  const quoteOf = async (draft: CheckoutDraft): Promise<{ quote: CheckoutQuote | null; error: string | null; stale: boolean }> => {
    const seq = ++quoteSeq;
    const r = await track(callApi(deps, get, 'checkout.quote', inputOf(draft, terminalAmounts(get)), { toast: false }));
    const stale = seq !== quoteSeq || get().checkout?.visitId !== draft.visitId;
    if (r.ok) return { quote: r.value, error: null, stale };
    if (r.error.code === 'UNAUTHENTICATED') get().pushToast('error', r.error.message);
    return { quote: null, error: r.error.message, stale };
  };

  /**
   * Apply a change to the draft: quote it, and keep it only if the core could quote it (a discount
   * above its line, a line no longer open …); otherwise the message is toasted and nothing changes.
   */
  const change = async (next: CheckoutDraft): Promise<CheckoutQuote | null> => {
    const before = get().checkout;
    set({ checkout: next });
    const { quote, error, stale } = await quoteOf(next);
    if (stale) return quote;
    if (!quote) {
      set({ checkout: before });
      get().pushToast('error', error ?? '');
      return null;
    }
    set({ quote, quoteError: null, ...linesOf(next, quote) });
    return quote;
  };

  const draftOrNull = () => get().checkout;

  return {
    ...initialCheckoutState,

    enterCheckout: async (visitId) => {
      set({ ...initialCheckoutState, checkout: emptyDraft(visitId) });
      get().clearReceipt();
      await Promise.all([
        get().menu ? Promise.resolve() : get().loadMenu(),
        get().settings ? Promise.resolve() : get().loadSettings(),
        get().loadTerminalPayments(visitId),
        get().loadTerminalStatus(),
      ]);
      const draft = get().checkout;
      if (!draft || draft.visitId !== visitId) return;
      const first = await quoteOf(draft);
      if (first.stale) return;
      if (!first.quote) {
        set({ quote: null, quoteError: first.error });
        return;
      }
      // The reservation's prepayment or points go on the list as the screen opens (P1, P9); × removes them (P8).
      const suggested: PaymentLine[] = first.quote.suggestedPayments
        .filter((p): p is { kind: PaymentLine['kind']; amount: number } => p.kind !== 'cash' && p.kind !== 'terminal' && p.amount > 0)
        .map((p) => ({ id: `p${++paymentSeq}`, kind: p.kind, amount: p.amount, suggested: true }));
      set({ quote: first.quote, ...linesOf(draft, first.quote), checkoutNotices: first.quote.warnings.filter((w) => w.code === 'P3' || w.code === 'P4') });
      // An unfinished 均等分割 goes on as N等分 when the screen is opened again (after a reload too).
      const parts = first.quote.splitMode === 'equal' ? first.quote.splitParts : null;
      if (parts || suggested.length > 0) {
        await change({ ...draft, ...(parts ? { split: { mode: 'equal', parts } } : {}), ...(suggested.length ? { payments: suggested } : {}) });
      }
    },

    requote: async () => {
      const draft = draftOrNull();
      if (!draft || get().checkoutResult) return null;
      const { quote, error, stale } = await quoteOf(draft);
      if (!stale) set({ quote, quoteError: quote ? null : error, ...linesOf(draft, quote) });
      return quote;
    },

    setCash: async (amount) => {
      const draft = draftOrNull();
      if (draft) await change({ ...draft, cash: Math.max(0, amount) });
    },

    addCash: async (amount) => {
      const draft = draftOrNull();
      if (draft) await get().setCash(draft.cash + amount);
    },

    exactCash: async () => {
      const draft = draftOrNull();
      const quote = get().quote;
      if (!draft || !quote) return;
      const others = draft.payments.reduce((a, p) => a + p.amount, 0) + terminalAmounts(get).reduce((a, n) => a + n, 0);
      await get().setCash(Math.max(0, quote.total - others));
    },

    addPayment: async (kind, amount) => {
      const draft = draftOrNull();
      if (!draft) return false;
      if (paymentCount(draft, terminalSelectors.forCheckout(get()).length) >= MAX_PAYMENTS) {
        get().pushToast('error', 'お支払いは1回の会計で5件までです。');
        return false;
      }
      return (await change({ ...draft, payments: [...draft.payments, { id: `p${++paymentSeq}`, kind, amount, suggested: false }] })) !== null;
    },

    removePayment: async (id) => {
      const draft = draftOrNull();
      if (!draft) return;
      const removed = draft.payments.find((p) => p.id === id);
      const before = new Set((get().quote?.warnings ?? []).map((w) => w.message));
      const quote = await change({ ...draft, payments: draft.payments.filter((p) => p.id !== id) });
      // P8: the prepayment or points are not used now; the ledger must be fixed by hand.
      if (quote && removed && (removed.kind === 'prepaid' || removed.kind === 'sitePoints')) {
        const fresh = quote.warnings.filter((w) => w.code === 'P8' && !before.has(w.message));
        if (fresh.length) set({ checkoutNotices: fresh });
      }
    },

    setLineDiscount: async (lineId, discount) => {
      const draft = draftOrNull();
      if (!draft) return false;
      const rest = draft.lineDiscounts.filter((d) => d.lineId !== lineId);
      return (await change({ ...draft, lineDiscounts: discount ? [...rest, { lineId, discount }] : rest })) !== null;
    },

    addSlipDiscount: async (discount) => {
      const draft = draftOrNull();
      if (!draft) return false;
      return (await change({ ...draft, slipDiscounts: [...draft.slipDiscounts, discount] })) !== null;
    },

    removeSlipDiscount: async (index) => {
      const draft = draftOrNull();
      if (draft) await change({ ...draft, slipDiscounts: draft.slipDiscounts.filter((_, i) => i !== index) });
    },

    setSplit: async (split) => {
      const draft = draftOrNull();
      if (!draft) return false;
      // Discounts of lines outside the chosen items cannot stay on this part.
      const chosen = split.mode === 'items' ? new Set(split.lines.map((l) => l.lineId)) : null;
      const lineDiscounts = chosen ? draft.lineDiscounts.filter((d) => chosen.has(d.lineId)) : draft.lineDiscounts;
      return (await change({ ...draft, split, lineDiscounts, cash: 0 })) !== null;
    },

    setCombine: async (visitIds) => {
      const draft = draftOrNull();
      if (!draft) return [];
      const next = { ...draft, combineVisitIds: visitIds };
      const { quote, error, stale } = await quoteOf(next);
      if (stale) return [];
      if (!quote) return [{ code: 'ERROR', message: error ?? '' }];
      const refused = quote.refusals.filter((r) => COMBINE_CODES.has(r.code));
      if (refused.length > 0) {
        // T7/P7: not combined; the screen says why in the manual's words.
        await get().requote();
        return refused;
      }
      set({ checkout: next, quote, quoteError: null, ...linesOf(next, quote) });
      return [];
    },

    setParty: async (party) => {
      const draft = draftOrNull();
      if (draft) await change({ ...draft, party });
    },

    setSegment: async (segmentId) => {
      const draft = draftOrNull();
      if (draft) await change({ ...draft, segmentId });
    },

    commitCheckout: async () => {
      const draft = draftOrNull();
      if (!draft || get().checkoutBusy) return false;
      set({ checkoutBusy: true });
      try {
        const r = await callApi(deps, get, 'checkout.commit', inputOf(draft, terminalAmounts(get)));
        if (!r.ok) {
          void get().requote();
          return false;
        }
        const result = r.value;
        set({ checkoutResult: result, checkoutTendered: draft.cash, checkoutNotices: [] });
        get().internal_setPrint(result.slipId, result.partNo, result.print);
        if (get().quote?.receipt !== 'none-prepaid') void get().previewReceipt({ slipId: result.slipId, partNo: result.partNo, document: 'receipt' });
        void get().loadTerminalPayments(draft.visitId);
        void get().loadTill();
        return true;
      } finally {
        set({ checkoutBusy: false });
      }
    },

    nextPart: async () => {
      const draft = draftOrNull();
      if (!draft) return;
      // Discounts and payments belong to the part just paid; an equal split goes on part by part.
      const split: Split = draft.split.mode === 'equal' ? draft.split : { mode: 'none' };
      const next: CheckoutDraft = { ...draft, split, lineDiscounts: [], slipDiscounts: [], payments: [], cash: 0 };
      set({ checkout: next, checkoutResult: null, checkoutTendered: 0, quote: null });
      get().clearReceipt();
      const { quote, error, stale } = await quoteOf(next);
      if (!stale) set({ quote, quoteError: quote ? null : error, ...linesOf(next, quote) });
    },

    closeCheckout: () => {
      quoteSeq++;
      set({ ...initialCheckoutState });
      get().clearReceipt();
    },

    dismissNotices: () => set({ checkoutNotices: [] }),

    internal_checkoutInput: () => {
      const draft = draftOrNull();
      return draft ? inputOf(draft, terminalAmounts(get)) : null;
    },

    whenQuoted: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      return get().quote;
    },

    internal_track: track,

    internal_resetSales: () => {
      quoteSeq++;
      set({ ...initialCheckoutState, ...initialOrderState, ...initialSlipsState, ...initialTerminalState, ...initialMenuState });
    },

    internal_refreshSales: async () => {
      const s = get();
      const visitId = s.terminalPaymentsVisitId;
      await Promise.all([
        s.orderVisitId ? s.loadOrders() : null,
        s.menu ? s.loadMenu() : null,
        s.terminal ? s.loadTerminalStatus() : null,
        visitId ? s.loadTerminalPayments(visitId) : null,
        s.slipsLoaded ? s.searchSlips() : null,
        s.slipDetail ? s.openSlip(s.slipDetail.id) : null,
      ]);
      await get().requote();
    },
  };
};
