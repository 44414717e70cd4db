import type { HandlerCtx } from '../api/context.ts';
import { capabilitiesOf, type LedgerCapabilities } from '../ledger/capabilities.ts';
import { getLedgerConfig } from '../ledger/config.ts';

/**
 * Floor changes go to the one linked ledger through the outbox, in the same transaction as the
 * change. Nothing is queued when no ledger is linked or in training mode (RULES L1, L2).
 */
export type LedgerLink = { target: string; caps: LedgerCapabilities };

export function linkedLedger(ctx: HandlerCtx): LedgerLink | null {
  const config = getLedgerConfig(ctx.db);
  const caps = capabilitiesOf(config.kind);
  if (!caps || config.linkState !== '連携中') return null;
  return { target: config.kind, caps };
}

export function isMapped(ctx: HandlerCtx, tableId: string): boolean {
  return Boolean(ctx.db.prepare('SELECT 1 FROM ledger_table_map WHERE table_id = ?').get(tableId));
}

/** Queue a visit-level change. Returns the event id (null when nothing is sent). */
export function sendVisitEvent(ctx: HandlerCtx, link: LedgerLink | null, visitId: string, type: string, payload: Record<string, unknown>,
  businessDay: string, dependsOn: string | null = null, related: readonly string[] = []): string | null {
  if (!link) return null;
  const keys = conflictKeys(ctx, [visitId, ...related], payload);
  return ctx.outbox.add({ target: link.target, aggType: 'visit', aggId: visitId, type, payload: { visitId, ...payload }, businessDay, dependsOn, keys });
}

/**
 * What a visit change touches on the ledger besides the visit: every table the visits involved
 * ever sat at, their reservations and the other visits of a merge, group, ungroup or split
 * (`related` names those the payload does not). The relay orders changes sharing any of these and
 * sends the rest in parallel (src-main/outbox/schedule.ts).
 */
function conflictKeys(ctx: HandlerCtx, visitIds: readonly string[], payload: Record<string, unknown>): string[] {
  const visits = new Set(visitIds);
  for (const field of ['intoVisitId', 'fromVisitId']) if (typeof payload[field] === 'string') visits.add(payload[field]);
  if (Array.isArray(payload.visitIds)) for (const id of payload.visitIds) if (typeof id === 'string') visits.add(id);
  const keys = new Set<string>();
  for (const field of ['fromTableId', 'toTableId', 'tableId']) if (typeof payload[field] === 'string') keys.add(`table:${payload[field]}`);
  if (Array.isArray(payload.tableIds)) for (const id of payload.tableIds) if (typeof id === 'string') keys.add(`table:${id}`);
  const tables = ctx.db.prepare('SELECT table_id FROM visit_tables WHERE visit_id = ?');
  const reservation = ctx.db.prepare('SELECT reservation_id FROM visits WHERE id = ?');
  for (const id of visits) {
    keys.add(`visit:${id}`);
    for (const t of tables.all(id) as Array<{ table_id: string }>) keys.add(`table:${t.table_id}`);
    const r = reservation.get(id) as { reservation_id: string | null } | undefined;
    if (r?.reservation_id) keys.add(`reservation:${r.reservation_id}`);
  }
  return [...keys];
}

/** Was this visit ever sent (its seating queued)? Later changes of an unsent visit are not sent either (L5). */
export function visitIsLinked(ctx: HandlerCtx, visitId: string): boolean {
  return Boolean(ctx.db.prepare(`SELECT 1 FROM outbox WHERE agg_type = 'visit' AND agg_id = ? AND event_type IN ('visit.seated', 'group.seated', 'visit.split') LIMIT 1`).get(visitId));
}
