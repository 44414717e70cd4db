import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildMain, buildRendererIfStale } from './build.ts';
import { startDemoServices } from './demo-services.ts';
import { fetchElectronRuntime } from './electron-runtime.ts';

/**
 * `npm start`: the register with the demo store. Opens the Electron window where the runtime
 * exists (or can be fetched); otherwise runs the station and prints the URL to open.
 * Flags after `--` go to the station: `npm start -- --port 8500 --data-dir ./my-data`.
 */
const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
buildRendererIfStale();

const forceStation = args.includes('--station') || process.env.POS_STATION === '1';
const runtime = forceStation ? { binary: null, reason: 'station requested' } : fetchElectronRuntime();
if (runtime.binary) {
  buildMain();
  const child = spawn(runtime.binary, [join(root, 'dist', 'src-main', 'electron', 'main.js'), ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`[start] no Electron window: ${runtime.reason}. Running the station instead.`);
  const { runStation } = await import('../src-main/station/cli.ts');
  const { url, core, station } = await runStation(args.filter((a) => a !== '--station'));
  const demo = process.env.POS_DEMO_SERVICES === '0' ? null : await startDemoServices(core, station.port);
  console.log('');
  console.log(`  レジ (station) is ready: open ${url} in a browser`);
  console.log(`  data: ${core.dataDir}`);
  console.log('  demo staff: 山田 店長 (manager) 1234 / 佐藤 花子 (cashier) 1111 / サポート (support) 9999');
  for (const line of demo?.lines ?? []) console.log(`  ${line}`);
  console.log('  stop with Ctrl+C');
}
