import type { AppState } from '../../types.ts';

export const slipsSelectors = {
  query: (s: AppState) => s.slipQuery,
  rows: (s: AppState) => s.slipRows,
  total: (s: AppState) => s.slipTotal,
  loaded: (s: AppState) => s.slipsLoaded,
  detail: (s: AppState) => s.slipDetail,
  terminal: (s: AppState) => s.slipTerminal,
  busy: (s: AppState) => s.slipBusy,
  notices: (s: AppState) => s.slipNotices,
  receipt: (s: AppState) => s.receipt,
  printOutcome: (s: AppState) => s.printOutcome,
};

/** 伝票番号 search: digits only; the last digits are enough (the core matches the end). */
export const slipNoQuery = (typed: string): string | undefined => {
  const digits = typed.replace(/\D/g, '').slice(0, 13);
  return digits === '' ? undefined : digits;
};
