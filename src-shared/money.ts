import { z } from 'zod';

/** Money is integer yen everywhere. The cap keeps typos (an extra 0000) out of the till. */
export const MAX_YEN = 99_999_999;
export const yen = z.number().int('金額は整数(円)で入力してください。').min(0, '金額は0円以上で入力してください。')
  .max(MAX_YEN, '金額が大きすぎます。');
export const positiveYen = yen.min(1, '金額は1円以上で入力してください。');

/** Japanese notes and coins, largest first (¥2,000 notes still circulate). */
export const DENOMINATIONS = [10000, 5000, 2000, 1000, 500, 100, 50, 10, 5, 1] as const;
export type Denomination = (typeof DENOMINATIONS)[number];
export const MAX_PIECES = 100_000;

/** Counts per denomination, keyed by the face value as a string ("10000": 3). */
export const denominationCounts = z.partialRecord(
  z.enum(DENOMINATIONS.map(String) as [string, ...string[]], { message: '金種が正しくありません。' }),
  z.number().int('枚数は整数で入力してください。').min(0, '枚数は0以上で入力してください。')
    .max(MAX_PIECES, `枚数は${MAX_PIECES.toLocaleString('ja-JP')}枚以下で入力してください。`),
);
export type DenominationCounts = z.infer<typeof denominationCounts>;

export const countsTotal = (counts: DenominationCounts): number =>
  Object.entries(counts).reduce((sum, [denom, n]) => sum + Number(denom) * (n ?? 0), 0);

export const formatYen = (amount: number, locale: string = 'ja'): string =>
  `¥${amount.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US')}`;
