import { z } from 'zod';
import { event } from './define.ts';
import { settings, tillSummary } from './schemas.ts';

/** Pushed to every connected register and handheld after the change is committed. */
export const events = {
  'till.changed': event({ summary: 'The till was opened, moved or closed.', payload: tillSummary.nullable() }),
  'mode.changed': event({ summary: 'Training mode was switched.', payload: z.object({ mode: z.enum(['live', 'training']) }) }),
  'settings.changed': event({ summary: 'Settings were changed.', payload: settings }),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]['payload']>;
export type AnyEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
