import type { AppState } from '../../types.ts';

export const supportSelectors = {
  logs: (s: AppState) => s.logs,
  logLevel: (s: AppState) => s.logLevel,
  logText: (s: AppState) => s.logText,
  autoRefresh: (s: AppState) => s.autoRefresh,
  logsLoading: (s: AppState) => s.logsLoading,
  exporting: (s: AppState) => s.exporting,
};
