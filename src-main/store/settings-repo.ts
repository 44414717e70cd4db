import type { Settings } from '../../src-shared/contract/index.ts';
import { stmt } from './stmt.ts';
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

const PUT = 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value';

/** Settings are rows of JSON values so a new setting needs no migration. */
export function getSettings(db: DB): Settings {
  const rows = stmt(db, 'SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
  // The same table holds register-local values (sync cursors, the mode …): parse only the settings.
  const stored: Record<string, unknown> = {};
  for (const r of rows) if (Object.hasOwn(DEFAULT_SETTINGS, r.key)) stored[r.key] = JSON.parse(r.value);
  return { ...DEFAULT_SETTINGS, ...(stored as Partial<Settings>) };
}

/** One setting, without reading the others (a command's hot path needs only the register number). */
export const getSetting = <K extends keyof Settings>(db: DB, key: K): Settings[K] => getValue(db, key, DEFAULT_SETTINGS[key]);

export function saveSettings(db: DB, patch: Partial<Settings>): Settings {
  const put = stmt(db, PUT);
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) put.run(key, JSON.stringify(value));
  return getSettings(db);
}

/** Register-local values outside the Settings schema (e.g. the mode flag). */
export function getValue<T>(db: DB, key: string, fallback: T): T {
  const row = stmt(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : fallback;
}
export function setValue(db: DB, key: string, value: unknown): void {
  stmt(db, PUT).run(key, JSON.stringify(value));
}
