/**
 * The REST API the register talks to (base /api/v1): health, account link (RULES.md#L3), the
 * table push and its mapping state (L4), and the reservation pull (R2, R5, R7) with a cursor.
 */
import { Hono } from 'hono';
import { addDays, jstIso } from './clock.ts';
import { LedgerError } from './errors.ts';
import { faultGate, faultHold, type Faults } from './faults.ts';
import { auth, body, idempotency, notFound, onError, param, query, type ApiEnv } from './http.ts';
import type { Ledger } from './ledger.ts';
import { pushTables } from './ops-control.ts';
import { changeReservation, reservationEntry } from './ops-visits.ts';
import { visitRoutes } from './routes-visits.ts';
import { changeReservationBody, linkBody, listQuery, tablesBody } from './schemas.ts';
import { blockView, entryView, tablesView } from './views.ts';

export const API_BASE = '/api/v1';
const MAX_RANGE_DAYS = 31;

const isPublic = (method: string, path: string) =>
  (method === 'POST' && path === `${API_BASE}/link`) || (method === 'GET' && path === `${API_BASE}/health`);

export function createApiApp(ledger: Ledger, faults: Faults, signal: AbortSignal): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.onError(onError);
  app.notFound(notFound);
  app.use('*', faultGate(faults));
  app.use('*', async (_c, next) => {
    ledger.tick(); // RULES.md#C2: the ledger's slots are current as of its clock
    await next();
  });
  app.use('*', auth(ledger, isPublic));
  app.use('*', idempotency(ledger));
  app.use('*', faultHold(signal));
  const api = new Hono<ApiEnv>();

  api.get('/health', (c) => c.json({ ok: true, service: 'usen-smart-reserve-sim', serverTime: jstIso(ledger.clock.now()) }));

  api.post('/link', async (c) => {
    const input = await body(c, linkBody);
    return c.json(ledger.link(input.storeId, input.linkCode, c.get('idempotencyKey')), 201);
  });

  api.get('/link', (c) => {
    const store = c.get('store');
    const tables = tablesView(store);
    return c.json({ storeId: store.id, storeName: store.name, linkStatus: store.linkStatus, tables: { total: tables.total, mapped: tables.mapped } });
  });

  api.delete('/link', (c) => c.json(ledger.unlink(c.get('store'), c.get('idempotencyKey'))));

  api.put('/tables', async (c) => {
    const input = await body(c, tablesBody);
    const store = c.get('store');
    pushTables(ledger.ctx(store, c.get('idempotencyKey')), input.tables);
    return c.json(tablesView(store));
  });

  api.get('/tables', (c) => c.json(tablesView(c.get('store'))));

  /**
   * The register's pull: reservations (and blocks, R7) of a business-day range, oldest change
   * first. `updatedSince=<cursor>` returns only what changed after that cursor; keep the returned
   * `cursor` for the next poll and page on while `hasMore`.
   */
  api.get('/reservations', (c) => {
    const q = query(c, listQuery);
    if (addDays(q.from, MAX_RANGE_DAYS) < q.to) throw new LedgerError('VALIDATION_ERROR', { issues: [{ path: 'to', message: `期間は${MAX_RANGE_DAYS}日以内にしてください` }] });
    const store = c.get('store');
    const since = q.updatedSince ?? 0;
    const inRange = (day: string) => day >= q.from && day <= q.to;
    const changed = [
      ...[...store.entries.values()]
        .filter((e) => e.seq > since && inRange(e.businessDay) && (e.kind === 'reservation' || q.includeWalkIns === true))
        .map((e) => ({ seq: e.seq, reservation: entryView(store, e) })),
      ...[...store.blocks.values()].filter((b) => b.seq > since && inRange(b.businessDay)).map((b) => ({ seq: b.seq, block: blockView(store, b) })),
    ].sort((a, b) => a.seq - b.seq);
    const page = changed.slice(0, q.limit);
    const hasMore = changed.length > q.limit;
    return c.json({
      from: q.from,
      to: q.to,
      reservations: page.flatMap((x) => ('reservation' in x ? [x.reservation] : [])),
      blocks: page.flatMap((x) => ('block' in x ? [x.block] : [])),
      cursor: hasMore ? (page.at(-1)?.seq ?? since) : Math.max(since, store.seq),
      hasMore,
      serverTime: jstIso(ledger.clock.now()),
    });
  });

  api.get('/reservations/:id', (c) => {
    const store = c.get('store');
    return c.json(entryView(store, reservationEntry(ledger.ctx(store, null), param(c, 'id'))));
  });

  /** RULES.md#S13 before seating: time, table or party changed in the register. */
  api.patch('/reservations/:id', async (c) => {
    const input = await body(c, changeReservationBody);
    const store = c.get('store');
    const entry = changeReservation(ledger.ctx(store, c.get('idempotencyKey')), param(c, 'id'), input);
    return c.json(entryView(store, entry));
  });

  visitRoutes(api, ledger);
  app.route(API_BASE, api);
  return app;
}
