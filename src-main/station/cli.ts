import { parseArgs } from 'node:util';
import { Core } from '../core.ts';
import { syncOptionsFromEnv } from '../ledger/sync-service.ts';
import { defaultDataDir, rendererDir } from '../paths.ts';
import { Station } from './station.ts';

/**
 * Run the register core as the station: `node src-main/station/cli.ts [--port 8420] [--data-dir DIR]`.
 * Flags win over environment variables (POS_PORT, POS_DATA_DIR, POS_LAN_HOST), so several
 * stations can run side by side with their own port and data.
 */
export async function runStation(argv = process.argv.slice(2)): Promise<{ core: Core; station: Station; url: string }> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: process.env.POS_PORT ?? '8420' },
      'data-dir': { type: 'string', default: defaultDataDir() },
      'lan-host': { type: 'string', default: process.env.POS_LAN_HOST ?? '0.0.0.0' },
      'renderer-dir': { type: 'string', default: process.env.POS_RENDERER_DIR ?? rendererDir() },
      'no-demo': { type: 'boolean', default: false },
    },
  });
  const core = await Core.open({ dataDir: values['data-dir'], demo: !values['no-demo'], sync: syncOptionsFromEnv() });
  const station = new Station(core, { port: Number(values.port), lanHost: values['lan-host'], rendererDir: values['renderer-dir'] });
  const { url } = await station.start();
  const stop = async () => {
    await station.stop();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return { core, station, url };
}

if (import.meta.main) {
  const { url, core } = await runStation();
  console.log(`station ready: ${url}  (data: ${core.dataDir})`);
}
