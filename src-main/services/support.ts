import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { LogEntry } from '../../src-shared/contract/index.ts';
import { handlers } from '../api/context.ts';
import { integrityCheck } from '../store/db.ts';
import { getSettings } from '../store/settings-repo.ts';
import { redactValue } from '../logging/redact.ts';

const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };
const LEVEL_NAMES = Object.fromEntries(Object.entries(LEVELS).map(([k, v]) => [v, k]));
const MAX_BUNDLE_LOG_BYTES = 20 * 1024 * 1024;

export function logFiles(logDir: string): string[] {
  try {
    return readdirSync(logDir).filter((f) => f.endsWith('.log')).sort(byRollNumber).map((f) => join(logDir, f));
  } catch {
    return [];
  }
}

/** pino-roll names files register.1.log, register.2.log …; newest has the highest number. */
function byRollNumber(a: string, b: string): number {
  const n = (f: string) => Number(/\.(\d+)\.log$/.exec(f)?.[1] ?? 0);
  return n(a) - n(b);
}

/** Newest first, reading files from the newest until `limit` matches are found. */
export function readLogs(logDir: string, filter: { level?: string; text?: string; limit: number }): LogEntry[] {
  const min = filter.level ? LEVELS[filter.level] ?? 0 : 0;
  const needle = filter.text?.toLowerCase();
  const out: LogEntry[] = [];
  for (const file of logFiles(logDir).reverse()) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = lines.length - 1; i >= 0 && out.length < filter.limit; i--) {
      const line = lines[i];
      if (!line) continue;
      let raw: Record<string, unknown>;
      try {
        raw = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue; // a torn last line after a crash is skipped, not fatal
      }
      if (Number(raw.level) < min) continue;
      if (needle && !line.toLowerCase().includes(needle)) continue;
      out.push({
        time: Number(raw.time), level: LEVEL_NAMES[Number(raw.level)] ?? String(raw.level), msg: String(raw.msg ?? ''),
        staff: typeof raw.staff === 'string' ? raw.staff : undefined,
        commandId: typeof raw.commandId === 'string' ? raw.commandId : undefined,
        method: typeof raw.method === 'string' ? raw.method : undefined,
        raw,
      });
    }
    if (out.length >= filter.limit) break;
  }
  return out;
}

export const supportHandlers = handlers({
  'support.logs': (input, ctx) => readLogs(ctx.core.logDir, input),

  'support.bundle': (_input, ctx) => {
    const files: Record<string, Uint8Array> = {};
    let budget = MAX_BUNDLE_LOG_BYTES;
    for (const file of logFiles(ctx.core.logDir).reverse()) {
      const data = readFileSync(file);
      if (data.length > budget) break;
      budget -= data.length;
      files[`logs/${file.split(/[\\/]/).pop()}`] = data;
    }
    const versions = { app: ctx.core.version, node: process.versions.node, sqlite: sqliteVersion(ctx), electron: process.versions.electron ?? null,
      platform: `${process.platform}-${process.arch}`, generatedAt: new Date(ctx.now()).toISOString() };
    files['versions.json'] = strToU8(JSON.stringify(versions, null, 2));
    files['integrity.json'] = strToU8(JSON.stringify({ live: integrityCheck(ctx.core.liveDb()), active: integrityCheck(ctx.db), mode: ctx.core.mode }, null, 2));
    // Settings hold no secrets today; device tokens and PIN hashes live in other tables and stay out.
    files['settings.json'] = strToU8(JSON.stringify(redactValue(getSettings(ctx.db)), null, 2));
    const zip = zipSync(files, { level: 6 });
    const stamp = new Date(ctx.now()).toISOString().slice(0, 19).replace(/[:T]/g, '-');
    ctx.log.info({ bytes: zip.length, staff: ctx.staff?.name }, 'support bundle exported');
    return { fileName: `support-bundle-${stamp}.zip`, base64: Buffer.from(zip).toString('base64'), bytes: zip.length };
  },
});

function sqliteVersion(ctx: { db: { prepare: (sql: string) => { get: () => unknown } } }): string {
  return (ctx.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
}
