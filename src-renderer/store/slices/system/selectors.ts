import type { AppState } from '../../types.ts';

export const systemSelectors = {
  status: (s: AppState) => s.status,
  isTraining: (s: AppState) => s.status?.mode === 'training',
  /** False only once the core has answered that the database failed its check. */
  integrityOk: (s: AppState) => s.status?.integrity.ok ?? true,
  integrityDetail: (s: AppState) => s.status?.integrity.detail ?? '',
  storeName: (s: AppState) => s.status?.storeName ?? '',
  businessDay: (s: AppState) => s.status?.businessDay ?? '',
  registerNo: (s: AppState) => s.status?.registerNo ?? 0,
  connected: (s: AppState) => s.connected,
};
