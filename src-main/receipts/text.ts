// Text helpers for receipts: cp932 normalisation and checks, receiptline escaping, yen and
// Japanese date formatting.
import iconv from 'iconv-lite';

// Characters whose usual Unicode form has no cp932 code but whose look-alike has (the "wave
// dash problem"): printing the original would give '?'.
const CP932_LOOKALIKES: Readonly<Record<string, string>> = {
  '\u301c': '\uff5e', // 〜 → ～
  '\u2212': '\uff0d', // − → －
  '\u2014': '\u2015', // — → ―
  '\u2016': '\u2225', // ‖ → ∥
  '\u00a2': '\uffe0', // ¢ → ￠
  '\u00a3': '\uffe1', // £ → ￡
  '\u00ac': '\uffe2', // ¬ → ￢
};

export function normalizeForCp932(text: string): string {
  return text.normalize('NFC').replace(/[\u301c\u2212\u2014\u2016\u00a2\u00a3\u00ac]/gu, (c) => CP932_LOOKALIKES[c] ?? c);
}

const encodable = new Map<string, boolean>();
/** Characters of `text` that cp932 cannot encode (they would print as '?'), in order, once each. */
export function unencodableInCp932(text: string): string[] {
  const bad = new Set<string>();
  for (const ch of normalizeForCp932(text)) {
    let ok = encodable.get(ch);
    if (ok === undefined) {
      const bytes = iconv.encode(ch, 'cp932');
      ok = ch === '?' || !(bytes.length === 1 && bytes[0] === 0x3f);
      encodable.set(ch, ok);
    }
    if (!ok && !/[\r\n\t]/.test(ch)) bad.add(ch);
  }
  return [...bad];
}

/** Escapes receiptline's special characters so user text prints literally. */
export function escapeMarkup(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/[\\|{}\-=_"`^~]/g, (c) => `\\${c}`);
}

/** ¥1,234 / -¥100. */
export function yen(amount: number): string {
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}¥${digits}`;
}

export interface LocalTime { y: string; m: string; d: string; hh: string; mm: string; ss: string; weekday: string }

/** Wall-clock parts of `date` in the store's time zone (receipts show local time, not the host's). */
export function localTime(date: Date, timeZone: string): LocalTime {
  const parts = new Intl.DateTimeFormat('ja-JP', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    weekday: 'short', hourCycle: 'h23',
  }).formatToParts(date);
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  return { y: get('year'), m: get('month'), d: get('day'), hh: get('hour'), mm: get('minute'), ss: get('second'), weekday: get('weekday') };
}

/** 2024年12月27日(金) 14:26 */
export const jpDateTime = (t: LocalTime): string => `${t.y}年${t.m}月${t.d}日(${t.weekday}) ${t.hh}:${t.mm}`;
/** 2024/12/27 14:26:55 */
export const slashDateTime = (t: LocalTime): string => `${t.y}/${t.m}/${t.d} ${t.hh}:${t.mm}:${t.ss}`;
/** 2024-12-27 → 2024/12/27 */
export const slashDay = (isoDay: string): string => isoDay.replaceAll('-', '/');
