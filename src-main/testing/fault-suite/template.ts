import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Core } from '../../core.ts';
import { createLogger } from '../../logging/logger.ts';

/**
 * A demo register database made once per run and copied for every seed: seeding hashes every
 * staff PIN with scrypt, which would otherwise cost each seed's first station start.
 */
export type Template = { dir: string; stripCache: string; cleanup: () => void };

export async function makeTemplate(): Promise<Template> {
  const dir = mkdtempSync(join(tmpdir(), 'pos-fault-template-'));
  const core = await Core.open({ dataDir: dir, demo: true, sync: false, logger: await createLogger(dir, 'warn') });
  await core.close();
  const stripCache = join(dir, 'strip-cache'); // see warm.ts
  mkdirSync(stripCache);
  return { dir, stripCache, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh data directory holding a copy of the template's database. */
export function seedDataDir(template: Template, seed: number): string {
  const dir = mkdtempSync(join(tmpdir(), `pos-fault-${seed}-`));
  for (const name of ['register.sqlite', 'register.sqlite-wal', 'register.sqlite-shm']) {
    const from = join(template.dir, name);
    if (existsSync(from)) copyFileSync(from, join(dir, name));
  }
  return dir;
}
