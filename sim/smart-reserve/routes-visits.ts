/**
 * Visits and groups (base /api/v1): seating (S1, S2, S11, L5), look-up by the register's own id,
 * cancel (S12), changes (S13), move (T2), merge (T1), group (T6) and checkout (C1, C3, P3–P9).
 */
import type { Hono } from 'hono';
import { body, param, query, type ApiEnv, type Ctx } from './http.ts';
import type { Ledger } from './ledger.ts';
import { checkout, createGroup, dissolveGroup } from './ops-groups.ts';
import { cancelVisit, changeVisit, mergeVisits, moveVisit, seatVisit } from './ops-visits.ts';
import { changeVisitBody, checkoutBody, createVisitBody, groupBody, mergeBody, moveBody, visitsQuery } from './schemas.ts';
import { businessDayOf } from './clock.ts';
import { LedgerError } from './errors.ts';
import { entryView, groupView, visitView } from './views.ts';
import type { Visit } from './types.ts';

export function visitRoutes(api: Hono<ApiEnv>, ledger: Ledger): void {
  const ctx = (c: Ctx) => ledger.ctx(c.get('store'), c.get('idempotencyKey'));
  /** A visit with the timetable line it belongs to (reservation or walk-in). */
  const withEntry = (c: Ctx, visit: Visit, extra: Record<string, unknown> = {}) => {
    const store = c.get('store');
    return { ...extra, visit: visitView(store, visit), reservation: entryView(store, store.entry(visit.entryId)) };
  };

  /** Seat a reservation (reservationId) or a walk-in (none). Deduplicated by visitRef. */
  api.post('/visits', async (c) => {
    const input = await body(c, createVisitBody);
    const { created, visit } = seatVisit(ctx(c), input);
    return c.json(withEntry(c, visit, { created }), created ? 201 : 200);
  });

  api.get('/visits', (c) => {
    const q = query(c, visitsQuery);
    const store = c.get('store');
    const visits = [...store.visits.values()].filter(
      (v) => (q.status === undefined || v.status === q.status) && (q.businessDay === undefined || businessDayOf(v.seatedAt, store.settings.dayStart) === q.businessDay),
    );
    return c.json({ visits: visits.map((v) => visitView(store, v)) });
  });

  /** Look-up before create: after a timeout, ask whether the seating reached the ledger. */
  api.get('/visits/by-ref/:visitRef', (c) => {
    const visit = c.get('store').visitByRef(param(c, 'visitRef'));
    if (!visit) throw new LedgerError('VISIT_NOT_FOUND', { visitRef: param(c, 'visitRef') });
    return c.json(withEntry(c, visit));
  });

  api.get('/visits/:id', (c) => c.json(withEntry(c, c.get('store').visit(param(c, 'id')))));

  api.patch('/visits/:id', async (c) => {
    const input = await body(c, changeVisitBody);
    return c.json(withEntry(c, changeVisit(ctx(c), param(c, 'id'), input)));
  });

  api.post('/visits/:id/cancel', (c) => {
    const { changed, visit } = cancelVisit(ctx(c), param(c, 'id'));
    return c.json(withEntry(c, visit, { changed }));
  });

  api.post('/visits/:id/move', async (c) => {
    const input = await body(c, moveBody);
    const { changed, visit } = moveVisit(ctx(c), param(c, 'id'), input.posTableId);
    return c.json(withEntry(c, visit, { changed }));
  });

  api.post('/visits/:id/merge', async (c) => {
    const input = await body(c, mergeBody);
    const { changed, visit } = mergeVisits(ctx(c), param(c, 'id'), input.sourceVisitId, input.party);
    const source = visitView(c.get('store'), c.get('store').visit(input.sourceVisitId));
    return c.json(withEntry(c, visit, { changed, source }));
  });

  api.post('/visits/:id/checkout', async (c) => {
    const input = await body(c, checkoutBody);
    const { created, visit } = checkout(ctx(c), param(c, 'id'), input);
    return c.json(withEntry(c, visit, { created }), created ? 201 : 200);
  });

  api.post('/groups', async (c) => {
    const input = await body(c, groupBody);
    const result = createGroup(ctx(c), input);
    const { group, ...rest } = result;
    return c.json({ ...rest, group: groupView(c.get('store'), group) }, result.created ? 201 : 200);
  });

  api.get('/groups/by-ref/:groupRef', (c) => {
    const store = c.get('store');
    const group = store.groupByRef(param(c, 'groupRef'));
    if (!group) throw new LedgerError('GROUP_NOT_FOUND', { groupRef: param(c, 'groupRef') });
    return c.json(groupView(store, group));
  });

  api.get('/groups/:id', (c) => c.json(groupView(c.get('store'), c.get('store').group(param(c, 'id')))));

  api.delete('/groups/:id', (c) => {
    const { changed, group } = dissolveGroup(ctx(c), param(c, 'id'));
    return c.json({ changed, group: groupView(c.get('store'), group) });
  });
}
