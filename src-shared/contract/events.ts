import { z } from 'zod';
import { event } from './define.ts';
import { settings, tillSummary } from './schemas.ts';
import { syncStatus } from './sync.ts';

/** Pushed to every connected register and handheld after the change is committed. */
export const events = {
  'till.changed': event({ summary: 'The till was opened, moved or closed.', payload: tillSummary.nullable() }),
  'mode.changed': event({ summary: 'Training mode was switched.', payload: z.object({ mode: z.enum(['live', 'training']) }) }),
  'settings.changed': event({ summary: 'Settings were changed.', payload: settings }),
  'floor.changed': event({ summary: 'Something on the floor changed (seating, tables, reservations); reload floor.view.', payload: z.object({ tableIds: z.array(z.string()) }) }),
  'reservations.changed': event({ summary: 'The reservation list changed (pull or seating); reload reservations.list.', payload: z.object({ lastRefreshAt: z.number().int().nullable() }) }),
  'sync.changed': event({ summary: 'Sync badge figures changed.', payload: syncStatus }),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]['payload']>;
export type AnyEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
