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
  businessDay: string, dependsOn: string | null = null): string | null {
  if (!link) return null;
  return ctx.outbox.add({ target: link.target, aggType: 'visit', aggId: visitId, type, payload: { visitId, ...payload }, businessDay, dependsOn });
}

/** Was this visit ever sent (its seating queued)? Later changes of an unsent visit are not sent either (L5). */
export function visitIsLinked(ctx: HandlerCtx, visitId: string): boolean {
  return Boolean(ctx.db.prepare(`SELECT 1 FROM outbox WHERE agg_type = 'visit' AND agg_id = ? AND event_type IN ('visit.seated', 'group.seated', 'visit.split') LIMIT 1`).get(visitId));
}
