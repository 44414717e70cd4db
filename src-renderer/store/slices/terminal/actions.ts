import type { Output, TerminalConnection, TerminalMethod, TerminalPayment, TerminalStatus } from '../../../../src-shared/contract/index.ts';
import { callApi } from '../../call.ts';
import type { SliceCreator } from '../../types.ts';
import { initialTerminalState, type TerminalFlow, type TerminalPrompt, type TerminalState } from './initialState.ts';

export type TerminalActions = {
  loadTerminalStatus: () => Promise<void>;
  /** 更新ボタン / 再接続 (U1, U11). */
  connectTerminal: () => Promise<TerminalStatus | null>;
  /** テスト接続 from the settings, without saving (managers). */
  testTerminal: (connection: TerminalConnection) => Promise<Output<'terminal.test'> | null>;
  loadTerminalPayments: (visitId: string) => Promise<void>;
  /** 決済端末連携 of a sale for the checkout on screen (U2, U3). */
  startTerminalSale: (method: TerminalMethod, amount: number) => Promise<void>;
  /** 払戻 of a settled sale: × on the checkout's list (U4) or 取消 in the USEN PAY history (U8). */
  startTerminalRefund: (payment: TerminalPayment) => Promise<void>;
  /** 切断する (U6): stop waiting; the outcome is asked from the terminal later. */
  disconnectTerminal: () => Promise<void>;
  /** 取引中止 / 続ける on the duplicate-payment alert (U10). */
  answerTerminalPrompt: (answer: 'stop' | 'continue') => Promise<void>;
  /** OK / 閉じる: back to the checkout (or the slip) with the list read again. */
  closeTerminalFlow: () => void;
  /** 控え印刷 / 再印刷 (U7); the outcome is toasted. */
  printTerminalCopies: (ref: string, fromHistory?: boolean) => Promise<boolean>;
  /** A manager settles a 要確認 payment (paid or not, with the reason). */
  decideTerminal: (ref: string, paid: boolean, reason: string) => Promise<boolean>;
  /** Ask the terminal now about every unsettled payment (U12). */
  resolveTerminal: () => Promise<void>;
  internal_applyTerminalStatus: (status: TerminalStatus) => void;
  internal_applyTerminalProgress: (p: { ref: string; display: string }) => void;
  internal_applyTerminalPrompt: (p: TerminalPrompt) => void;
  internal_applyTerminalPayment: (p: TerminalPayment) => void;
};

export type TerminalSlice = TerminalState & TerminalActions;

const phaseOf = (state: TerminalPayment['state']): TerminalFlow['phase'] =>
  state === 'pending' ? 'sending' : state === 'waiting' ? 'waiting' : state;

const SETTLED: readonly TerminalPayment['state'][] = ['done', 'failed', 'review'];

/**
 * A command's answer can arrive after the event that moved the payment on (terminal.answer
 * returns while the terminal already approved): an older view never replaces a newer one.
 */
export const isStale = (p: TerminalPayment, known: TerminalPayment | null | undefined): boolean =>
  !!known && (p.updatedAt < known.updatedAt || (p.updatedAt === known.updatedAt && SETTLED.includes(known.state) && !SETTLED.includes(p.state)));

/** Progress texts kept per ref (the last few flows). */
const MAX_PROGRESS = 20;

export const createTerminalSlice: SliceCreator<TerminalSlice> = (deps) => (set, get) => {
  /** The flow follows its payment: state, and the terminal's text (progress while waiting, the final text after). */
  const follow = (p: TerminalPayment) => {
    const flow = get().terminalFlow;
    if (!flow) return;
    const mine = flow.ref ? flow.ref === p.ref
      : p.kind === flow.kind && p.visitId === flow.visitId && p.amount === flow.amount && p.originalRef === flow.originalRef && p.state !== 'done' && p.state !== 'failed';
    if (!mine || isStale(p, flow.payment)) return;
    const phase = phaseOf(p.state);
    const progress = get().terminalProgress[p.ref];
    const display = phase === 'waiting' || phase === 'sending' ? (progress ?? flow.display) : (p.display ?? flow.display);
    set({ terminalFlow: { ...flow, ref: p.ref, phase, payment: p, display } });
  };

  /** Keep the checkout's list in step with what the core announces. */
  const upsert = (p: TerminalPayment) => {
    if (p.visitId !== get().terminalPaymentsVisitId) return false;
    const list = get().terminalPayments;
    const i = list.findIndex((x) => x.ref === p.ref);
    if (isStale(p, list[i])) return true;
    set({ terminalPayments: i < 0 ? [...list, p] : list.map((x) => (x.ref === p.ref ? p : x)) });
    return true;
  };

  const begin = (flow: Omit<TerminalFlow, 'ref' | 'phase' | 'display' | 'payment' | 'error' | 'errorCode' | 'disconnected'>) =>
    set({ terminalFlow: { ...flow, ref: null, phase: 'sending', display: null, payment: null, error: null, errorCode: null, disconnected: false }, terminalPrompt: null });

  /** A status read (query) can answer after a newer pushed one: keep the newest by its time. */
  const applyStatus = (status: TerminalStatus) => {
    const current = get().terminal;
    if (!current || status.at >= current.at) set({ terminal: status });
  };

  const refused = (message: string, code: string) => {
    const flow = get().terminalFlow;
    if (flow) set({ terminalFlow: { ...flow, phase: 'failed', error: message, errorCode: code } });
  };

  return {
    ...initialTerminalState,

    loadTerminalStatus: async () => {
      const r = await callApi(deps, get, 'terminal.status', {}, { toast: false });
      if (r.ok) applyStatus(r.value);
    },

    connectTerminal: async () => {
      if (get().terminalConnecting) return null;
      set({ terminalConnecting: true });
      try {
        const r = await callApi(deps, get, 'terminal.connect', {});
        if (!r.ok) return null;
        applyStatus(r.value);
        void get().requote();
        return r.value;
      } finally {
        set({ terminalConnecting: false });
      }
    },

    testTerminal: async (connection) => {
      const r = await callApi(deps, get, 'terminal.test', { connection });
      return r.ok ? r.value : null;
    },

    loadTerminalPayments: async (visitId) => {
      if (get().terminalPaymentsVisitId !== visitId) set({ terminalPayments: [], terminalPaymentsVisitId: visitId });
      const r = await callApi(deps, get, 'terminal.payments', { visitId }, { toast: false });
      if (r.ok && get().terminalPaymentsVisitId === visitId) set({ terminalPayments: r.value });
    },

    startTerminalSale: async (method, amount) => {
      const input = get().internal_checkoutInput();
      if (!input || get().terminalFlow) return;
      begin({ kind: 'sale', visitId: input.visitId, method, amount, originalRef: null });
      const r = await callApi(deps, get, 'terminal.pay', {
        visitId: input.visitId, method, amount, combineVisitIds: input.combineVisitIds, split: input.split,
        lineDiscounts: input.lineDiscounts, slipDiscounts: input.slipDiscounts,
      }, { toast: false });
      if (!r.ok) {
        refused(r.error.message, r.error.code);
        return;
      }
      upsert(r.value);
      follow(r.value);
    },

    startTerminalRefund: async (payment) => {
      if (get().terminalFlow) return;
      begin({ kind: 'refund', visitId: payment.visitId, method: payment.method, amount: payment.amount, originalRef: payment.ref });
      const r = await callApi(deps, get, 'terminal.refund', { ref: payment.ref }, { toast: false });
      if (!r.ok) {
        // U9: the terminal's refusal in its own words (nanaco, WAON …, refund window passed).
        refused(r.error.message, r.error.code);
        return;
      }
      follow(r.value);
    },

    disconnectTerminal: async () => {
      const flow = get().terminalFlow;
      const ref = flow?.ref;
      if (!flow || !ref) return;
      set({ terminalFlow: { ...flow, disconnected: true } });
      const r = await callApi(deps, get, 'terminal.disconnect', { ref });
      if (r.ok) {
        upsert(r.value);
        follow(r.value);
      }
    },

    answerTerminalPrompt: async (answer) => {
      const prompt = get().terminalPrompt;
      if (!prompt) return;
      set({ terminalPrompt: null });
      const r = await callApi(deps, get, 'terminal.answer', { ref: prompt.ref, answer });
      if (r.ok) {
        upsert(r.value);
        follow(r.value);
      }
    },

    closeTerminalFlow: () => {
      const flow = get().terminalFlow;
      set({ terminalFlow: null, terminalPrompt: null });
      if (flow && flow.visitId === get().terminalPaymentsVisitId) {
        void get().internal_track(get().loadTerminalPayments(flow.visitId).then(() => get().requote()));
      }
      if (flow?.kind === 'refund') void get().internal_reloadSlipTerminal();
    },

    printTerminalCopies: async (ref, fromHistory = false) => {
      const r = await callApi(deps, get, 'terminal.printCopies', { ref, fromHistory });
      if (!r.ok) return false;
      if (r.value.status === 'printed') get().pushToast('success', r.value.reprint ? '控えを再印刷しました。' : '控えを印刷しました。');
      else if (r.value.message) get().pushToast('error', r.value.message);
      return r.value.status === 'printed';
    },

    decideTerminal: async (ref, paid, reason) => {
      const r = await callApi(deps, get, 'terminal.decide', { ref, paid, reason });
      if (!r.ok) return false;
      upsert(r.value);
      void get().requote();
      return true;
    },

    resolveTerminal: async () => {
      const r = await callApi(deps, get, 'terminal.resolve', {});
      if (!r.ok) return;
      const visitId = get().terminalPaymentsVisitId;
      if (visitId) await get().loadTerminalPayments(visitId);
      void get().requote();
    },

    internal_applyTerminalStatus: (status) => applyStatus(status),

    internal_applyTerminalProgress: ({ ref, display }) => {
      const entries = Object.entries({ ...get().terminalProgress, [ref]: display }).slice(-MAX_PROGRESS);
      set({ terminalProgress: Object.fromEntries(entries) });
      const flow = get().terminalFlow;
      if (flow?.ref === ref && (flow.phase === 'waiting' || flow.phase === 'sending')) set({ terminalFlow: { ...flow, display } });
    },

    internal_applyTerminalPrompt: (p) => {
      if (p.open) set({ terminalPrompt: p });
      else if (get().terminalPrompt?.ref === p.ref) set({ terminalPrompt: null });
    },

    internal_applyTerminalPayment: (p) => {
      const listed = upsert(p);
      follow(p);
      // The checkout's 決済端末 lines changed (settled, refunded, decided): quote again, unless a flow is still on screen.
      if (listed && !get().terminalFlow) void get().requote();
      get().internal_slipTerminalChanged(p);
    },
  };
};
