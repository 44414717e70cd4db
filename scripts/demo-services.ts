import { SmartReserveSim } from '../sim/smart-reserve/sim.ts';
import { DEFAULT_STORE } from '../sim/smart-reserve/ledger.ts';
import type { Core } from '../src-main/core.ts';

/**
 * The outside services of the demo store, simulated on this machine (docs/simulators.md):
 * the USEN SMART RESERVE ledger with a day of reservations, linked to the register.
 * Only for `npm start`; a real store links its real services in settings.
 */
export async function startDemoServices(core: Core, basePort: number): Promise<{ lines: string[]; stop: () => Promise<void> }> {
  const port = (offset: number) => (basePort === 0 ? 0 : basePort + offset);
  const ledger = new SmartReserveSim({ stores: [{ storeId: DEFAULT_STORE.storeId, linkCode: DEFAULT_STORE.linkCode, name: DEFAULT_STORE.name }] });
  ledger.seedDemo(DEFAULT_STORE.storeId);
  const running = await ledger.start({ port: port(1), controlPort: port(2) });
  await linkDemoLedger(core, running.url);
  return {
    lines: [
      `USEN SMART RESERVE (simulator): ${running.url}/api/v1  control: ${running.controlUrl}/_control`,
    ],
    stop: () => running.close(),
  };
}

/** Link the register to the demo ledger as the demo manager would in settings (L3, L4, L6). */
async function linkDemoLedger(core: Core, baseUrl: string): Promise<void> {
  const local = { transport: 'inproc', local: true } as const;
  const login = await core.dispatch({ method: 'auth.login', input: { staffId: 'staff-manager', pin: '1234' } }, local);
  if (!login.ok) {
    core.log.warn({ code: login.error.code }, 'demo ledger not linked: the demo manager could not log in');
    return;
  }
  const sessionId = (login.value as { sessionId: string }).sessionId;
  const run = (method: string, input: unknown = {}) => core.dispatch({ method, input, sessionId, commandId: crypto.randomUUID() }, local);
  // The simulator starts empty each time: link afresh so the register holds its current key.
  await run('ledger.unlink');
  for (const [method, input] of [
    ['ledger.link', { kind: 'smart-reserve', baseUrl, storeId: DEFAULT_STORE.storeId, linkCode: DEFAULT_STORE.linkCode }],
    ['ledger.pushTables', {}],
    ['ledger.masterSync', {}],
  ] as const) {
    const result = await run(method, input);
    if (!result.ok) core.log.warn({ method, code: result.error.code, message: result.error.message }, 'demo ledger link step failed');
  }
  await core.dispatch({ method: 'auth.logout', input: {}, sessionId }, local);
}
