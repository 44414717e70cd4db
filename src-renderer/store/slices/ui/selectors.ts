import type { AppState } from '../../types.ts';

export const uiSelectors = {
  screen: (s: AppState) => s.screen,
  toasts: (s: AppState) => s.toasts,
  lang: (s: AppState) => s.lang,
};
