import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };
import ja from './ja.json' with { type: 'json' };

export const resources = { ja: { translation: ja }, en: { translation: en } } as const;

/** Japanese first; English for staff who need it. API error messages arrive in Japanese as they are. */
export function initI18n(lng: 'ja' | 'en'): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'ja',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return i18next;
}
