import { z } from 'zod';
import { method } from './define.ts';
import { settings } from './schemas.ts';

export const systemMethods = {
  'system.status': method({
    kind: 'query', access: 'public', summary: 'Mode, store, business day, till state and database health (no login needed).',
    input: z.object({}),
    output: z.object({
      mode: z.enum(['live', 'training']),
      storeName: z.string(), registerNo: z.number().int(), businessDay: z.string(),
      tillOpen: z.boolean(), version: z.string(),
      integrity: z.object({ ok: z.boolean(), detail: z.string() }),
      lanEnabled: z.boolean(), locale: settings.shape.locale,
    }),
  }),
  'system.setMode': method({
    kind: 'command', access: ['manager'], summary: 'Switch training mode on or off (separate database, nothing sent out: RULES L2).',
    input: z.object({ training: z.boolean() }),
    output: z.object({ mode: z.enum(['live', 'training']) }),
  }),
};
