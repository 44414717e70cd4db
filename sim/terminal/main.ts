// CLI: node sim/terminal/main.ts [--tcp-port 10009] [--serial /tmp/ecr-terminal] [--control-port 10010] [--auto]
import { parseArgs } from 'node:util';
import { startTerminalSim } from './server.ts';

const USAGE = `usage: node sim/terminal/main.ts [options]
  --tcp-port <n>      TCP port on 127.0.0.1 for the register (default 10009; 0 = any free port; none = no TCP)
  --serial <path>     serial device of the terminal's end (e.g. a socat pty link)
  --baud <n>          serial baud rate (default 115200)
  --control-port <n>  HTTP control API on 127.0.0.1 (default 10010; 0 = any; none = no control API)
  --auto              the guest acts instantly (demos, benchmarks)
  --battery <pct>     initial battery level (default 80)
  --serial-no <s>     terminal serial number reported in hello
  --verbose           log link events`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'tcp-port': { type: 'string', default: '10009' }, serial: { type: 'string' }, baud: { type: 'string', default: '115200' },
      'control-port': { type: 'string', default: '10010' }, auto: { type: 'boolean', default: false },
      battery: { type: 'string', default: '80' }, 'serial-no': { type: 'string' }, verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) { console.log(USAGE); return; }
  const port = (s: string) => {
    if (s === 'none') return null;
    const n = Number(s);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`bad port ${s}\n${USAGE}`);
    return n;
  };
  const sim = await startTerminalSim({
    tcpPort: port(values['tcp-port']), serialPath: values.serial ?? null, baudRate: Number(values.baud),
    controlPort: port(values['control-port']),
    terminal: {
      auto: values.auto, battery: Number(values.battery),
      ...(values['serial-no'] ? { serial: values['serial-no'] } : {}),
      ...(values.verbose ? { log: (e: string, d?: Record<string, unknown>) => console.log(new Date().toISOString(), e, d ? JSON.stringify(d) : '') } : {}),
    },
  });
  console.log(`USEN PAY terminal simulator (${sim.terminal.config.serial}), auto=${values.auto}`);
  if (sim.tcpPort !== null) console.log(`  ECR-link TCP:  127.0.0.1:${sim.tcpPort}`);
  if (sim.serialPath) console.log(`  ECR-link serial: ${sim.serialPath} @ ${values.baud}`);
  if (sim.controlUrl) console.log(`  control API:   ${sim.controlUrl}  (GET /state, POST /card, /emoney, /qr, /sign, /cancel, /duplicate ...)`);
  sim.terminal.on('result', (r) => console.log(`result ${r.ref} ${r.kind} ${r.method} ¥${r.amount} ${r.outcome} ${r.acquirerStatus ?? ''}`));
  const stop = () => { void sim.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => { console.error(err instanceof Error ? err.message : err); process.exit(1); });
