/**
 * CLI: run the USEN SMART RESERVE simulator.
 *   node sim/smart-reserve/main.ts [--port 8791] [--control-port 8792] [--seed-demo]
 *        [--store S001] [--link-code LINK-S001] [--now 2026-05-01T18:00:00+09:00] [--frozen]
 * Prints one JSON line with the URLs and the store's link code, then serves until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { SmartReserveSim } from './sim.ts';
import { DEFAULT_STORE } from './ledger.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8791' },
    'control-port': { type: 'string', default: '8792' },
    'seed-demo': { type: 'boolean', default: false },
    store: { type: 'string', default: DEFAULT_STORE.storeId },
    'link-code': { type: 'string', default: DEFAULT_STORE.linkCode },
    now: { type: 'string' },
    frozen: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log('usage: node sim/smart-reserve/main.ts [--port N] [--control-port N] [--seed-demo] [--store ID] [--link-code CODE] [--now ISO] [--frozen]');
  process.exit(0);
}

const port = Number(values.port);
const controlPort = Number(values['control-port']);
if (!Number.isInteger(port) || !Number.isInteger(controlPort) || port < 0 || controlPort < 0) {
  console.error('--port and --control-port take a port number (0: any free port)');
  process.exit(2);
}

const sim = new SmartReserveSim({
  stores: [{ storeId: values.store, linkCode: values['link-code'], name: DEFAULT_STORE.name }],
  ...(values.now === undefined ? {} : { now: values.now, frozen: values.frozen }),
});
const seeded = values['seed-demo'] ? sim.seedDemo(values.store) : null;
const running = await sim.start({ port, controlPort });
console.log(JSON.stringify({
  service: 'usen-smart-reserve-sim', url: running.url, apiBase: `${running.url}/api/v1`, controlUrl: running.controlUrl, controlBase: `${running.controlUrl}/_control`,
  storeId: values.store, linkCode: values['link-code'], demo: seeded,
}));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}
