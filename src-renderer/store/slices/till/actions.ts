import type { CashMoveResult, Input, TillSummary } from '../../../../src-shared/contract/index.ts';
import type { DenominationCounts } from '../../../../src-shared/money.ts';
import { callApi } from '../../call.ts';
import type { GetState, SetState, SliceCreator } from '../../types.ts';
import { initialTillState, type TillState } from './initialState.ts';

export type TillActions = {
  loadTill: () => Promise<void>;
  /** 開局 with the change fund by denomination or as a total (G1). */
  openTill: (input: Input<'till.open'>) => Promise<boolean>;
  /** 入出金; returns the movement with the till's new cash figures (expected cash …) or null. */
  cashMove: (kind: 'in' | 'out', amount: number, reason: string) => Promise<CashMoveResult | null>;
  /** 閉局 with the counted cash; the returned report is put on screen. */
  closeTill: (counts: DenominationCounts) => Promise<boolean>;
  /** Load a session's report (default: the latest) and the recent sessions beside it. */
  loadReport: (sessionId?: string) => Promise<void>;
  clearReport: () => void;
  internal_applyTillChanged: (payload: TillSummary | null) => void;
  internal_applyTillMoved: (payload: CashMoveResult) => void;
};

export type TillSlice = TillState & TillActions;

/** Keep the header's till state (from system.status) in step with the till itself. */
const applyTill = (set: SetState, get: GetState, till: TillSummary | null) => {
  const open = till?.status === 'open' ? till : null;
  set({ till: open, tillLoaded: true });
  get().internal_patchStatus({ tillOpen: open !== null });
};

/**
 * A cash movement, answered here or announced by another register: it joins the till on screen
 * and an open report of the same session, once (the answer and the event carry the same movement).
 */
const applyMove = (set: SetState, get: GetState, move: CashMoveResult) => {
  const { movement, sessionId, ...figures } = move;
  const patch = (t: TillSummary | null) =>
    t?.sessionId === sessionId && !t.movements.some((m) => m.id === movement.id) ? { ...t, ...figures, movements: [...t.movements, movement] } : t;
  const { till, report, staff } = get();
  if (till?.sessionId === sessionId) set({ till: patch(till), report: patch(report) });
  // A till this screen has not loaded (opened elsewhere, an event missed): read it whole.
  else if (staff) void get().loadTill();
};

export const createTillSlice: SliceCreator<TillSlice> = (deps) => (set, get) => {
  /** Run a money-changing command once at a time. */
  const command = async <T>(run: () => Promise<T>): Promise<T | null> => {
    if (get().tillBusy) return null;
    set({ tillBusy: true });
    try {
      return await run();
    } finally {
      set({ tillBusy: false });
    }
  };
  return {
    ...initialTillState,

    loadTill: async () => {
      const r = await callApi(deps, get, 'till.status', {});
      if (r.ok) applyTill(set, get, r.value);
    },

    openTill: async (input) => (await command(async () => {
      const r = await callApi(deps, get, 'till.open', input);
      if (r.ok) applyTill(set, get, r.value);
      return r.ok;
    })) ?? false,

    cashMove: (kind, amount, reason) => command(async () => {
      const r = await callApi(deps, get, 'till.cashMove', { kind, amount, reason });
      if (!r.ok) return null;
      applyMove(set, get, r.value);
      return r.value;
    }),

    closeTill: async (counts) => (await command(async () => {
      const r = await callApi(deps, get, 'till.close', { counts });
      if (!r.ok) return false;
      applyTill(set, get, null);
      set({ report: r.value });
      return true;
    })) ?? false,

    loadReport: async (sessionId) => {
      const [report, history] = await Promise.all([
        callApi(deps, get, 'till.report', sessionId ? { sessionId } : {}, { toast: Boolean(sessionId) }),
        callApi(deps, get, 'till.history', { limit: 20 }),
      ]);
      set({ report: report.ok ? report.value : null, ...(history.ok ? { history: history.value } : {}) });
    },

    clearReport: () => set({ report: null }),

    internal_applyTillMoved: (payload) => applyMove(set, get, payload),

    internal_applyTillChanged: (payload) => {
      applyTill(set, get, payload);
      const report = get().report;
      if (payload && report?.sessionId === payload.sessionId) set({ report: payload });
      // The close's backup is written after the close commits, then announced with a null payload:
      // re-read a just-closed report on screen so it names its backup file.
      else if (!payload && report?.status === 'closed' && report.backupFile === null) void get().loadReport(report.sessionId);
    },
  };
};
