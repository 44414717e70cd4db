import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };
import ja from './ja.json' with { type: 'json' };
import floorEn from './floor.en.json' with { type: 'json' };
import floorJa from './floor.ja.json' with { type: 'json' };
import checkoutEn from './checkout.en.json' with { type: 'json' };
import checkoutJa from './checkout.ja.json' with { type: 'json' };

/**
 * Feature catalogues add top-level keys of their own: floor.*.json (table list, reservations, sync, ledger, pairing),
 * checkout.*.json (order, checkout, terminal payment, slips, menu settings, settlement).
 */
export const resources = {
  ja: { translation: { ...ja, ...floorJa, ...checkoutJa } },
  en: { translation: { ...en, ...floorEn, ...checkoutEn } },
} as const;

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
