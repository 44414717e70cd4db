import type { EventPayload, Input, Output, TerminalPayment } from '../../../../src-shared/contract/index.ts';
import { callApi } from '../../call.ts';
import type { SliceCreator } from '../../types.ts';
import { initialSlipsState, type PrintOutcome, type ReceiptRequest, type SlipQuery, type SlipsState } from './initialState.ts';

export type SlipsActions = {
  /** 伝票明細: search (newest first). */
  searchSlips: (query?: SlipQuery) => Promise<void>;
  loadMoreSlips: () => Promise<void>;
  openSlip: (slipId: string) => Promise<void>;
  closeSlip: () => void;
  /**
   * 伝票取消 with a reason (G3); the return document where the law needs it or staff ask. A manager
   * gives `manualRefundReason` for USEN PAY payments refunded outside the register (U8, U9).
   */
  cancelSlip: (slipId: string, reason: string, returnDocument: boolean, manualRefundReason?: string) => Promise<Output<'slips.cancel'> | null>;
  dismissSlipNotices: () => void;
  previewReceipt: (request: ReceiptRequest, format?: 'svg' | 'text') => Promise<boolean>;
  /** レシート / 領収書 / 返還請求書, printed or reprinted (再); the outcome stays on screen. */
  printReceipt: (request: Input<'receipts.print'>) => Promise<PrintOutcome | null>;
  clearReceipt: () => void;
  internal_setPrint: (slipId: string, partNo: number, print: PrintOutcome) => void;
  internal_applyReceiptPrinted: (p: EventPayload<'receipts.printed'>) => void;
  internal_applySlipsChanged: (p: EventPayload<'slips.changed'>) => void;
  internal_slipTerminalChanged: (p: TerminalPayment) => void;
  internal_reloadSlipTerminal: () => Promise<void>;
};

export type SlipsSlice = SlipsState & SlipsActions;

const PAGE = 50;

export const createSlipsSlice: SliceCreator<SlipsSlice> = (deps) => {
  /** Print results by slip and part, kept for a print that ends before its checkout answer. */
  const earlyPrints = new Map<string, EventPayload<'receipts.printed'>>();
  return (set, get) => ({
  ...initialSlipsState,

  searchSlips: async (query) => {
    const q = query ?? get().slipQuery;
    set({ slipQuery: q });
    const r = await callApi(deps, get, 'slips.list', { ...q, limit: PAGE, offset: 0 });
    if (r.ok && get().slipQuery === q) set({ slipRows: r.value.rows, slipTotal: r.value.total, slipsLoaded: true });
  },

  loadMoreSlips: async () => {
    const q = get().slipQuery;
    const r = await callApi(deps, get, 'slips.list', { ...q, limit: PAGE, offset: get().slipRows.length });
    if (r.ok && get().slipQuery === q) set({ slipRows: [...get().slipRows, ...r.value.rows], slipTotal: r.value.total });
  },

  openSlip: async (slipId) => {
    const [slip, terminal] = await Promise.all([
      callApi(deps, get, 'slips.get', { slipId }),
      callApi(deps, get, 'terminal.payments', { slipId }, { toast: false }),
    ]);
    if (!slip.ok) return;
    set({ slipDetail: slip.value, slipTerminal: terminal.ok ? terminal.value : [] });
  },

  closeSlip: () => {
    set({ slipDetail: null, slipTerminal: [] });
    get().clearReceipt();
  },

  cancelSlip: async (slipId, reason, returnDocument, manualRefundReason) => {
    if (get().slipBusy) return null;
    set({ slipBusy: true });
    try {
      const manualRefund = manualRefundReason ? { reason: manualRefundReason } : undefined;
      const r = await callApi(deps, get, 'slips.cancel', { slipId, reason, returnDocument, manualRefund });
      if (!r.ok) return null;
      set({ slipDetail: r.value.slip, slipNotices: r.value.warnings });
      if (r.value.returnDocument) get().internal_setPrint(slipId, 0, r.value.print);
      void get().searchSlips();
      void get().loadTill();
      return r.value;
    } finally {
      set({ slipBusy: false });
    }
  },

  dismissSlipNotices: () => set({ slipNotices: [] }),

  previewReceipt: async (request, format = 'svg') => {
    const r = await callApi(deps, get, 'receipts.preview', { ...request, format });
    if (!r.ok) return false;
    set({ receipt: { request, format: r.value.format, data: r.value.data, reprint: r.value.reprint } });
    return true;
  },

  printReceipt: async (request) => {
    const partNo = request.partNo ?? 0;
    set({ printOutcome: { status: 'queued', message: null, slipId: request.slipId, partNo, document: request.document ?? 'receipt' } });
    const r = await callApi(deps, get, 'receipts.print', request, { toast: false });
    const outcome: PrintOutcome = r.ok ? r.value : { status: 'failed', message: r.error.message };
    set({ printOutcome: { ...outcome, slipId: request.slipId, partNo, document: request.document ?? 'receipt' } });
    // The preview now shows what a reprint looks like (再発行).
    const shown = get().receipt;
    if (r.ok && shown && shown.request.slipId === request.slipId) void get().previewReceipt(shown.request, shown.format);
    return outcome;
  },

  clearReceipt: () => set({ receipt: null, printOutcome: null }),

  internal_setPrint: (slipId, partNo, print) => {
    // The print may have finished (event received) before the checkout's own answer arrived.
    const early = print.status === 'queued' ? earlyPrints.get(`${slipId}:${partNo}`) : undefined;
    const outcome = early ? { ...print, status: early.ok ? 'printed' as const : 'failed' as const, message: early.message } : print;
    set({ printOutcome: { ...outcome, slipId, partNo, document: partNo === 0 ? 'return' : 'receipt' } });
  },

  internal_applyReceiptPrinted: (p) => {
    earlyPrints.set(`${p.slipId}:${p.partNo}`, p);
    if (earlyPrints.size > 20) earlyPrints.delete(earlyPrints.keys().next().value!);
    const shown = get().printOutcome;
    if (!shown || shown.slipId !== p.slipId || shown.status !== 'queued') return;
    set({ printOutcome: { ...shown, status: p.ok ? 'printed' : 'failed', message: p.message } });
  },

  internal_applySlipsChanged: (p) => {
    if (get().slipsLoaded) void get().searchSlips();
    if (get().slipDetail?.id === p.slipId) void get().openSlip(p.slipId);
  },

  internal_slipTerminalChanged: (p) => {
    const detail = get().slipDetail;
    if (detail && (p.slipId === detail.id || detail.visits.some((v) => v.visitId === p.visitId))) void get().internal_reloadSlipTerminal();
  },

  internal_reloadSlipTerminal: async () => {
    const detail = get().slipDetail;
    if (!detail) return;
    const r = await callApi(deps, get, 'terminal.payments', { slipId: detail.id }, { toast: false });
    if (r.ok && get().slipDetail?.id === detail.id) set({ slipTerminal: r.value });
  },
});
};
