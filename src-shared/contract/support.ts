import { z } from 'zod';
import { method } from './define.ts';
import { logEntry } from './schemas.ts';

export const supportMethods = {
  'support.logs': method({
    kind: 'query', access: ['support', 'manager'], summary: 'Read local log entries, newest first, filtered by level and text.',
    input: z.object({
      level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).optional(),
      text: z.string().max(100).optional(),
      limit: z.number().int().min(1).max(2000).default(200),
    }),
    output: z.array(logEntry),
  }),
  'support.bundle': method({
    kind: 'query', access: ['support', 'manager'],
    summary: 'Support bundle (zip, base64): logs, versions, integrity check, settings without secrets.',
    input: z.object({}),
    output: z.object({ fileName: z.string(), base64: z.string(), bytes: z.number().int() }),
  }),
};
