import { AppError } from '../../src-shared/errors.ts';
import { handlers, requireStaff } from '../api/context.ts';
import type { OutboxRow } from '../outbox/outbox.ts';
import { LedgerUnavailable } from './adapter.ts';
import { getLedgerConfig, NO_LEDGER, saveLedgerConfig, saveLedgerToken } from './config.ts';
import { queueRow, queueRows } from './queue.ts';

const row = (db: import('../store/db.ts').DB, seq: number): OutboxRow =>
  (db.prepare('SELECT * FROM outbox WHERE seq = ?').get(seq) as OutboxRow | undefined) ?? (() => { throw new AppError('NOT_FOUND', 'outbox row not found'); })();

/** Network failures of settings actions reach staff in the ledger's (or manual's) words. */
async function ledgerCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof LedgerUnavailable) throw new AppError('LEDGER_UNAVAILABLE', error.message, error.staffMessage);
    throw error;
  }
}

export const syncHandlers = handlers({
  'sync.status': (_input, ctx) => ctx.core.sync!.status(),
  'sync.queue': (input, ctx) => queueRows(ctx.core.liveDb(), input.status === 'open', input.limit, (seq) => ctx.core.sync?.relay.isSending(seq) ?? false),

  'sync.retry': (input, ctx) => {
    const db = ctx.core.liveDb();
    const r = row(db, input.seq);
    if (!['parked', 'pending'].includes(r.status)) throw new AppError('NOT_RETRYABLE', `status ${r.status}`, 'この変更は再送できません。');
    db.prepare(`UPDATE outbox SET status = 'pending', next_attempt_at = ?, updated_at = ?, strikes = 0, first_strike_at = NULL WHERE seq = ?`).run(ctx.now(), ctx.now(), r.seq);
    ctx.core.sync?.relay.breakers.get(r.target)?.reset();
    ctx.log.info({ seq: r.seq, staff: ctx.staff?.name }, 'outbox change queued again by staff (再送)');
    return queueRow(db, row(db, r.seq));
  },

  'sync.resolve': (input, ctx) => {
    const db = ctx.core.liveDb();
    const r = row(db, input.seq);
    if (r.status !== 'parked' && r.status !== 'pending') throw new AppError('NOT_RESOLVABLE', `status ${r.status}`, '送信待ちまたは要対応の変更だけが手動対応済みにできます。');
    const staff = requireStaff(ctx);
    db.prepare(`UPDATE outbox SET status = 'resolved_manual', resolved_by = ?, resolved_note = ?, updated_at = ? WHERE seq = ?`).run(staff.name, input.note, ctx.now(), r.seq);
    ctx.log.warn({ seq: r.seq, staff: staff.name, note: input.note }, 'outbox change resolved by hand (手動対応済み)');
    return queueRow(db, row(db, r.seq));
  },

  'ledger.get': (_input, ctx) => getLedgerConfig(ctx.core.liveDb()),

  'ledger.link': async (input, ctx) => {
    const db = ctx.core.liveDb();
    const current = getLedgerConfig(db);
    if (current.linkState === '連携中' && current.kind !== input.kind) {
      throw new AppError('ONE_LEDGER', 'L1', `${current.kind}と連携中です。先に連携を解除してください（予約台帳は1店舗に1つ: L1）。`);
    }
    const adapter = ctx.core.sync!.adapterFor(input.kind, input.baseUrl);
    const { token } = await ledgerCall(() => adapter.link(input.storeId, input.linkCode));
    const config = { ...NO_LEDGER, kind: input.kind, baseUrl: input.baseUrl, storeId: input.storeId, linkState: '連携中' as const };
    db.transaction(() => {
      saveLedgerToken(db, token);
      saveLedgerConfig(db, config);
    })();
    ctx.core.sync!.configure();
    ctx.log.info({ kind: input.kind, storeId: input.storeId }, 'ledger linked');
    return config;
  },

  'ledger.unlink': async (_input, ctx) => {
    const db = ctx.core.liveDb();
    await ctx.core.sync?.adapter?.unlink().catch((error: unknown) => ctx.log.warn({ err: error }, 'ledger unlink call failed; unlinking locally'));
    db.transaction(() => {
      saveLedgerToken(db, null);
      saveLedgerConfig(db, { ...getLedgerConfig(db), linkState: '未連携' });
      db.prepare('DELETE FROM ledger_table_map').run();
    })();
    ctx.core.sync!.configure();
    return getLedgerConfig(db);
  },

  'ledger.pushTables': async (_input, ctx) => {
    const db = ctx.core.liveDb();
    const adapter = ctx.core.sync?.adapter ?? (() => { throw new AppError('NOT_LINKED', 'no ledger', '予約台帳と連携されていません。'); })();
    const tables = db.prepare(`SELECT t.id, t.name, t.kind, t.seats, f.name AS floor FROM tables t JOIN floors f ON f.id = t.floor_id
      WHERE t.kind != 'waiting' ORDER BY f.sort, t.sort`).all() as Array<{ id: string; name: string; kind: string; seats: number; floor: string }>;
    const mapping = await ledgerCall(() => adapter.pushTables(tables.map((t) => ({ tableId: t.id, name: t.name, kind: t.kind, seats: t.seats, floor: t.floor }))));
    saveMapping(db, mapping);
    saveLedgerConfig(db, { ...getLedgerConfig(db), tablesPushedAt: ctx.now() });
    const byTable = new Map(mapping.map((m) => [m.tableId, m.remoteName]));
    ctx.emit('floor.changed', { tableIds: [] });
    return { pushed: tables.length, mapped: mapping.length, tables: tables.map((t) => ({ tableId: t.id, name: t.name, remoteName: byTable.get(t.id) ?? null })) };
  },

  'ledger.masterSync': async (_input, ctx) => {
    const db = ctx.core.liveDb();
    const adapter = ctx.core.sync?.adapter ?? (() => { throw new AppError('NOT_LINKED', 'no ledger', '予約台帳と連携されていません。'); })();
    saveMapping(db, await ledgerCall(() => adapter.mapping()));
    const pulled = await ctx.core.sync!.pullNow();
    if (!pulled.ok) throw new AppError('LEDGER_UNAVAILABLE', 'master sync pull failed', pulled.message ?? '予期せぬエラーが発生しました。');
    const config = { ...getLedgerConfig(db), lastMasterSyncAt: ctx.now() };
    saveLedgerConfig(db, config);
    ctx.emit('floor.changed', { tableIds: [] });
    return config;
  },
});

function saveMapping(db: import('../store/db.ts').DB, mapping: Array<{ tableId: string; remoteSeatId: string; remoteName: string }>): void {
  db.transaction(() => {
    db.prepare('DELETE FROM ledger_table_map').run();
    const put = db.prepare('INSERT INTO ledger_table_map (table_id, remote_seat_id, remote_name) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM tables WHERE id = ?)');
    for (const m of mapping) put.run(m.tableId, m.remoteSeatId, m.remoteName, m.tableId);
  })();
}
