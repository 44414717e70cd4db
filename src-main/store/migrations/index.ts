import type { DB } from '../db.ts';
import { m001 } from './001-foundation.ts';
import { m002 } from './002-floor-and-menu.ts';
import { m003 } from './003-floor-sync.ts';
import { m004 } from './004-orders-checkout.ts';
import { m005 } from './005-payment-intents.ts';
import { m006 } from './006-outbox-conflict-keys.ts';
import { m007 } from './007-till-cash-totals.ts';
import { m008 } from './008-cash-movements-clustered.ts';

export type Migration = { version: number; name: string; up: (db: DB) => void };

/** Append only. A migration, once released, is never edited: add a new one instead. */
export const migrations: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008];
