const JST_MS = 9 * 3600_000;

/** "HH:MM" on a reservation's business day → an instant; times before the day start belong to the next date. */
export function instantOn(businessDay: string, hhmm: string, dayStart: string): number {
  const [y, m, d] = businessDay.split('-').map(Number);
  const [h, min] = hhmm.split(':').map(Number);
  const nextDate = hhmm < dayStart ? 1 : 0;
  return Date.UTC(y!, m! - 1, d! + nextDate, h!, min!) - JST_MS;
}
