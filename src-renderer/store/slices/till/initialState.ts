import type { TillSummary } from '../../../../src-shared/contract/index.ts';

export type TillState = {
  /** The open till session of this register, or null when closed. */
  till: TillSummary | null;
  tillLoaded: boolean;
  /** The settlement report on screen (精算レポート): just closed or picked from history. */
  report: TillSummary | null;
  history: TillSummary[];
  /** Set while a money-changing command is in flight, so 確定 cannot be pressed twice. */
  tillBusy: boolean;
};

export const initialTillState: TillState = {
  till: null,
  tillLoaded: false,
  report: null,
  history: [],
  tillBusy: false,
};
