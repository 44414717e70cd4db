import { z } from 'zod';
import { event } from './define.ts';
import { cashMoveResult, settings, tillSummary } from './schemas.ts';
import { syncStatus } from './sync.ts';
import { terminalPayment, terminalProgress, terminalPrompt, terminalStatus } from './terminal.ts';

/** Pushed to every connected register and handheld after the change is committed. */
export const events = {
  'till.changed': event({ summary: 'The till was opened or closed.', payload: tillSummary.nullable() }),
  'till.moved': event({ summary: 'Cash was put in or taken out (入出金): the movement and the new cash figures; patch the till on screen.', payload: cashMoveResult }),
  'mode.changed': event({ summary: 'Training mode was switched.', payload: z.object({ mode: z.enum(['live', 'training']) }) }),
  'settings.changed': event({ summary: 'Settings were changed.', payload: settings }),
  'floor.changed': event({ summary: 'Something on the floor changed (seating, tables, reservations); reload floor.view.', payload: z.object({ tableIds: z.array(z.string()) }) }),
  'reservations.changed': event({ summary: 'The reservation list changed (pull or seating); reload reservations.list.', payload: z.object({ lastRefreshAt: z.number().int().nullable() }) }),
  'sync.changed': event({ summary: 'Sync badge figures changed, or a ledger pull finished (lastPullAt, lastPullError; at least every 10 s while linked).', payload: syncStatus }),
  'orders.changed': event({ summary: 'Order lines of a visit changed; reload orders.list.', payload: z.object({ visitId: z.string(), tableIds: z.array(z.string()) }) }),
  'slips.changed': event({ summary: 'A slip was created, paid in part, closed or cancelled; reload slips.list.', payload: z.object({ slipId: z.string(), slipNo: z.string(), status: z.string(), visitIds: z.array(z.string()) }) }),
  'menu.changed': event({ summary: 'The menu master or customer segments changed; reload menu.get.', payload: z.object({}) }),
  'receipts.printed': event({
    summary: 'A print after a checkout, cancel or on request finished; ok false = show the message and offer receipts.print.',
    payload: z.object({ slipId: z.string(), slipNo: z.string(), partNo: z.number().int(), document: z.string(), ok: z.boolean(), message: z.string().nullable() }),
  }),
  'terminal.status': event({ summary: 'The USEN PAY terminal connected, was refused (battery, busy) or lost its link (U1, U11).', payload: terminalStatus }),
  'terminal.progress': event({ summary: 'The terminal moved to a step of a payment or refund; show its Japanese text on the waiting screen (U2).', payload: terminalProgress }),
  'terminal.prompt': event({ summary: 'Duplicate-payment alert opened or closed on the terminal (U10); answer with terminal.answer.', payload: terminalPrompt }),
  'terminal.payment': event({ summary: 'A terminal payment or refund changed state (支払完了, 未完了, 要確認 …); reload terminal.payments.', payload: terminalPayment }),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]['payload']>;
export type AnyEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
