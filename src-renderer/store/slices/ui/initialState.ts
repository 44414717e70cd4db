export type Screen = 'home' | 'tillOpen' | 'cashMove' | 'tillClose' | 'report' | 'settings' | 'support'
  | 'order' | 'checkout' | 'slips' | 'checkoutSettings'
  | 'floor' | 'reservations' | 'syncQueue';
export const SCREENS: readonly Screen[] = ['home', 'tillOpen', 'cashMove', 'tillClose', 'report', 'settings', 'support',
  'order', 'checkout', 'slips', 'checkoutSettings',
  'floor', 'reservations', 'syncQueue'];

/** What a screen is about, kept with it over a reload: 'order' / 'checkout' take the visit id. */
export type ScreenParams = { visitId?: string; slipId?: string };

export type Lang = 'ja' | 'en';
export type Toast = { id: number; kind: 'error' | 'success' | 'info'; text: string };

export type UiState = {
  screen: Screen;
  screenParams: ScreenParams;
  toasts: Toast[];
  lang: Lang;
};

export const initialUiState: UiState = {
  screen: 'home',
  screenParams: {},
  toasts: [],
  lang: 'ja',
};
