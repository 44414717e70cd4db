import type { Settings } from '../../src-shared/contract/index.ts';
import type { DB } from './db.ts';

export const DEFAULT_SETTINGS: Settings = {
  storeName: 'デモ食堂 渋谷店', registerNo: 1, businessDayStart: '05:00', lanEnabled: false, locale: 'ja', tableResetEnabled: false,
  // Checkout (docs/checkout.md). No registration number until the store enters its own.
  priceMode: 'inclusive', taxRounding: 'floor',
  invoice: { registrationNumber: '', issuer: 'corporation' },
  printer: { kind: 'none' },
  receipt: { autoPrint: true, width: 42, address: '', phone: '', footer: ['またのご来店をお待ちしております'], defaultProviso: 'お品代' },
  // P1: SMART RESERVE事前決済 and 予約サイトポイント appear only once the store enables them.
  otherPayments: { credit: true, points: true, sitePoints: false, prepaid: false },
  // USEN PAY (docs/payments.md): no terminal until the store enters its address; copies on request.
  terminal: { connection: { kind: 'none' }, autoPrintCopies: false },
};

/** Settings are rows of JSON values so a new setting needs no migration. */
export function getSettings(db: DB): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { ...DEFAULT_SETTINGS, ...pick(stored) };
}

export function saveSettings(db: DB, patch: Partial<Settings>): Settings {
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) put.run(key, JSON.stringify(value));
  return getSettings(db);
}

/** Register-local values outside the Settings schema (e.g. the mode flag). */
export function getValue<T>(db: DB, key: string, fallback: T): T {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : fallback;
}
export function setValue(db: DB, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

function pick(stored: Record<string, unknown>): Partial<Settings> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS)) if (key in stored) out[key] = stored[key];
  return out as Partial<Settings>;
}
