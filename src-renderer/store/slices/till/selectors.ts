import type { AppState } from '../../types.ts';

export type DifferenceKind = 'short' | 'over' | 'even';

export const tillSelectors = {
  till: (s: AppState) => s.till,
  isOpen: (s: AppState) => s.till?.status === 'open',
  expectedCash: (s: AppState) => s.till?.expectedCash ?? 0,
  report: (s: AppState) => s.report,
  history: (s: AppState) => s.history,
  busy: (s: AppState) => s.tillBusy,
};

/** Counted minus expected: negative is short (不足), positive is over (過剰). */
export const differenceKind = (difference: number): DifferenceKind =>
  difference < 0 ? 'short' : difference > 0 ? 'over' : 'even';
