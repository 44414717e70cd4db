import type { LedgerConfig } from '../../src-shared/contract/index.ts';
import type { DB } from '../store/db.ts';
import { getValue, setValue } from '../store/settings-repo.ts';

const KEY = 'ledger.config';
const SECRET_KEY = 'secret.ledger.token';

export const NO_LEDGER: LedgerConfig = { kind: 'none', baseUrl: '', storeId: '', linkState: '未連携', lastMasterSyncAt: null, tablesPushedAt: null };

/** The one linked ledger of the store (L1). Its credential is kept apart and never exported. */
export const getLedgerConfig = (db: DB): LedgerConfig => ({ ...NO_LEDGER, ...getValue<Partial<LedgerConfig>>(db, KEY, {}) });
export const saveLedgerConfig = (db: DB, config: LedgerConfig): void => setValue(db, KEY, config);
export const getLedgerToken = (db: DB): string | null => getValue<string | null>(db, SECRET_KEY, null);
export const saveLedgerToken = (db: DB, token: string | null): void => setValue(db, SECRET_KEY, token);
