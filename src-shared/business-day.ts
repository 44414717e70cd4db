/**
 * The business day (営業日): a restaurant open past midnight books 01:30 sales on the previous
 * day. Every dated record carries both the instant and its business day.
 * Computed in Asia/Tokyo whatever the machine's time zone is.
 */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** `dayStart` is the local time the business day changes, "HH:MM" (default 05:00). */
export function businessDayOf(instantMs: number, dayStart = '05:00'): string {
  const [h, m] = dayStart.split(':').map(Number);
  const shifted = new Date(instantMs + JST_OFFSET_MS - ((h ?? 5) * 60 + (m ?? 0)) * 60_000);
  return shifted.toISOString().slice(0, 10);
}

export function addDays(day: string, delta: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + delta);
  return d.toISOString().slice(0, 10);
}

/** "2026-11-21T18:05:00+09:00"-style local time for receipts and reports. */
export function jstIso(instantMs: number): string {
  return new Date(instantMs + JST_OFFSET_MS).toISOString().replace('Z', '+09:00').replace(/\.\d{3}/, '');
}
