import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import pinoRoll from 'pino-roll';
import { REDACT_PATHS, redactValue } from './redact.ts';

export type { Logger };

/**
 * Structured JSON logs in `<dataDir>/logs`, rotated daily and at 10 MB, 14 files kept.
 * Written in-process and synchronously: a worker-thread transport is fragile inside packaged
 * Electron apps, and support needs the lines that led up to a crash.
 */
export async function createLogger(dataDir: string, level = process.env.POS_LOG_LEVEL ?? 'info'): Promise<Logger> {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const stream = await pinoRoll({
    file: join(dir, 'register'), extension: '.log', frequency: 'daily', size: '10m',
    mkdir: true, limit: { count: 14 }, sync: true,
  });
  return pino({
    level,
    base: { pid: process.pid },
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    formatters: { log: (obj) => redactValue(obj) as Record<string, unknown> },
    hooks: {
      // Messages are free text: mask card-like numbers there too.
      logMethod(args, method) {
        method.apply(this, args.map((a) => redactValue(a)) as Parameters<typeof method>);
      },
    },
  }, stream);
}

/** A logger that writes nowhere, for unit tests that do not read logs. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
