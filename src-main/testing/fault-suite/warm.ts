/**
 * Preloaded (`node --import warm.ts src-main/station/cli.ts …`) into a standby station process:
 * loads the station's modules, then waits for one line on stdin before cli.ts runs and opens the
 * data directory. The fault suite spawns the next station while the current one works, so a
 * restart after a SIGKILL costs the database open only. The station code run is unchanged.
 * A closed stdin (the suite ended or died) ends the process: no orphans.
 *
 * With FAULT_STRIP_CACHE set, the TypeScript of the app is stripped by the same function Node
 * uses (`stripTypeScriptTypes`, mode strip) once per run and kept by content hash: stripping is
 * about a third of a station start's CPU, and a seed starts two to four stations.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { registerHooks, stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cacheDir = process.env.FAULT_STRIP_CACHE;
if (cacheDir) {
  registerHooks({
    load(url, context, nextLoad) {
      if (!url.startsWith('file:') || !url.endsWith('.ts') || url.includes('/node_modules/')) return nextLoad(url, context);
      const source = readFileSync(fileURLToPath(url), 'utf8');
      const file = join(cacheDir, `${createHash('sha256').update(source).digest('hex')}.js`);
      let code: string;
      try {
        code = readFileSync(file, 'utf8');
      } catch {
        code = stripTypeScriptTypes(source, { mode: 'strip' });
        writeFileSync(`${file}.${process.pid}`, code);
        renameSync(`${file}.${process.pid}`, file); // atomic: several stations start at once
      }
      return { format: 'module', source: code, shortCircuit: true };
    },
  });
}

const modules = ['../../core.ts', '../../station/station.ts', '../../ledger/sync-service.ts', '../../paths.ts'];
await Promise.all(modules.map((m) => import(m)));

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
await once(process.stdin, 'data');
