import { useCallback } from 'react';
import { formatYen } from '../../src-shared/money.ts';
import { useApp } from '../app/store-context.tsx';
import { uiSelectors } from '../store/slices/ui/selectors.ts';

/** Times are shown in the store's zone whatever the machine is set to (like business days). */
const TIME_ZONE = 'Asia/Tokyo';

export function useFormat() {
  const lang = useApp(uiSelectors.lang);
  const locale = lang === 'ja' ? 'ja-JP' : 'en-GB';
  const yen = useCallback((amount: number) => formatYen(amount, lang), [lang]);
  const time = useCallback((ms: number) =>
    new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' }).format(ms), [locale]);
  const dateTime = useCallback((ms: number) =>
    new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(ms), [locale]);
  const day = useCallback((isoDay: string) => isoDay.replaceAll('-', '/'), []);
  return { yen, time, dateTime, day, lang };
}
