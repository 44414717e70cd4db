// CLI of the receipt printer simulator.
//   node sim/printer/main.ts [--tcp-port 9100] [--no-tcp] [--serial /tmp/b] [--baud 38400]
//                            [--http-port 9180] [--host 127.0.0.1] [--idle-gap 300] [--paper-dots 576]
// Port 0 picks a free port. Prints one JSON line with the addresses once listening.
import { parseArgs } from 'node:util';
import { listenHttp } from './http.ts';
import { PrinterSimulator } from './simulator.ts';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    'tcp-port': { type: 'string', default: '9100' },
    'no-tcp': { type: 'boolean', default: false },
    serial: { type: 'string' },
    baud: { type: 'string', default: '38400' },
    'http-port': { type: 'string', default: '9180' },
    'idle-gap': { type: 'string', default: '300' },
    'paper-dots': { type: 'string', default: '576' },
  },
});

const num = (name: string, v: string | undefined): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
  return n;
};

const sim = new PrinterSimulator({ idleGapMs: num('idle-gap', values['idle-gap']), paperDots: num('paper-dots', values['paper-dots']) });
const tcp = values['no-tcp'] ? null : await sim.listenTcp(num('tcp-port', values['tcp-port']), values.host);
if (values.serial) await sim.openSerial(values.serial, num('baud', values.baud));
const http = await listenHttp(sim, num('http-port', values['http-port']), values.host);
process.stdout.write(`${JSON.stringify({ printerSimulator: { tcp, serial: values.serial ?? null, http: { host: values.host, port: http.port } } })}\n`);

const shutdown = async () => {
  await Promise.all([sim.stop(), http.close()]);
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
