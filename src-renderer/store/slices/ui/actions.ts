import type { SliceCreator } from '../../types.ts';
import { initialUiState, SCREENS, type Lang, type Screen, type ScreenParams, type Toast, type UiState } from './initialState.ts';

/** sessionStorage: a reload returns to the same screen. */
export const SCREEN_KEY = 'pos.screen';
/** sessionStorage: the screen's parameters (the visit of the order screen …). */
export const SCREEN_PARAMS_KEY = 'pos.screenParams';
/** localStorage: the language chosen on this device, over the store's default. */
export const LANG_KEY = 'pos.lang';

export type UiActions = {
  /** Go to a screen; `params` (e.g. `{ visitId }` for 'order' and 'checkout') are kept over a reload. */
  navigate: (screen: Screen, params?: ScreenParams) => void;
  pushToast: (kind: Toast['kind'], text: string) => void;
  dismissToast: (id: number) => void;
  setLang: (lang: Lang) => void;
};

export type UiSlice = UiState & UiActions;

const MAX_TOASTS = 3;

export const createUiSlice: SliceCreator<UiSlice> = (deps) => (set, get) => {
  const storedScreen = deps.session.getItem(SCREEN_KEY);
  const storedLang = deps.local.getItem(LANG_KEY);
  const storedParams = ((): ScreenParams => {
    try {
      const parsed = JSON.parse(deps.session.getItem(SCREEN_PARAMS_KEY) ?? '{}') as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as ScreenParams) : {};
    } catch {
      return {};
    }
  })();
  let nextId = 1;
  return {
    ...initialUiState,
    screen: SCREENS.includes(storedScreen as Screen) ? (storedScreen as Screen) : initialUiState.screen,
    screenParams: storedParams,
    lang: storedLang === 'en' || storedLang === 'ja' ? storedLang : initialUiState.lang,

    navigate: (screen, params = {}) => {
      deps.session.setItem(SCREEN_KEY, screen);
      deps.session.setItem(SCREEN_PARAMS_KEY, JSON.stringify(params));
      set({ screen, screenParams: params });
    },

    pushToast: (kind, text) => {
      // The same message twice in a row (e.g. a double tap) shows once.
      if (get().toasts.some((t) => t.text === text)) return;
      set({ toasts: [...get().toasts, { id: nextId++, kind, text }].slice(-MAX_TOASTS) });
    },

    dismissToast: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),

    setLang: (lang) => {
      deps.local.setItem(LANG_KEY, lang);
      set({ lang });
    },
  };
};
