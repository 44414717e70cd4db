export type Screen = 'home' | 'tillOpen' | 'cashMove' | 'tillClose' | 'report' | 'settings' | 'support';
export const SCREENS: readonly Screen[] = ['home', 'tillOpen', 'cashMove', 'tillClose', 'report', 'settings', 'support'];

export type Lang = 'ja' | 'en';
export type Toast = { id: number; kind: 'error' | 'success' | 'info'; text: string };

export type UiState = {
  screen: Screen;
  toasts: Toast[];
  lang: Lang;
};

export const initialUiState: UiState = {
  screen: 'home',
  toasts: [],
  lang: 'ja',
};
