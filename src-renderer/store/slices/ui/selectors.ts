import type { AppState } from '../../types.ts';

export const uiSelectors = {
  screen: (s: AppState) => s.screen,
  screenParams: (s: AppState) => s.screenParams,
  toasts: (s: AppState) => s.toasts,
  lang: (s: AppState) => s.lang,
};
