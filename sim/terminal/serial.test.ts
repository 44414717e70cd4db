// The key flows over a serial line: a socat pty pair, the simulator on one end, the driver
// (serialTransport, 115200 8N1) on the other. Skipped, with the reason printed, without socat.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EcrDriver, LinkLostError } from '../../native/ecr/driver.ts';
import type { TxResult } from '../../native/ecr/messages.ts';
import { serialTransport } from '../../native/ecr/transports.ts';
import { startTerminalSim, type RunningSim } from './server.ts';
import { FAST_LINK, SLIP, newRef } from './test-rig.ts';

const SOCAT = ['/usr/bin/socat', '/usr/local/bin/socat'].find((p) => existsSync(p));
if (!SOCAT) console.warn('serial.test.ts skipped: socat is not installed (apt-get install socat)');

const A = `/tmp/ecr-test-${process.pid}-register`;
const B = `/tmp/ecr-test-${process.pid}-terminal`;
let socat: ChildProcess;
let run: RunningSim;
let driver: EcrDriver;

describe.skipIf(!SOCAT)('over a socat pty pair', () => {
  beforeAll(async () => {
    socat = spawn(SOCAT!, ['-d', '-d', `pty,raw,echo=0,link=${A}`, `pty,raw,echo=0,link=${B}`], { stdio: 'ignore' });
    const until = Date.now() + 5000;
    while (!(existsSync(A) && existsSync(B))) {
      if (Date.now() > until) throw new Error('socat did not create the pty pair within 5 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  afterAll(async () => {
    socat.kill('SIGTERM');
    await once(socat, 'exit');
  });
  beforeEach(async () => {
    run = await startTerminalSim({ serialPath: B, terminal: { link: FAST_LINK } });
    driver = new EcrDriver({ link: FAST_LINK });
    await driver.connect(serialTransport(A, 115_200));
    await driver.openSession();
  });
  afterEach(async () => { await driver.close(); await run.close(); });

  it('credit IC and e-money payments', async () => {
    const f = driver.sale({ ref: newRef(), amount: 880, method: 'credit', slip: SLIP });
    await run.terminal.waitForStep('awaitingCard');
    run.terminal.presentCard({ entry: 'ic', brand: 'JCB', last4: '1012' });
    expect(await f.result).toMatchObject({ outcome: 'approved', maskedCard: '****1012' });
    const g = driver.sale({ ref: newRef(), amount: 1360, method: 'emoney', slip: SLIP });
    await run.terminal.waitForStep('brandSelect');
    run.terminal.chooseEmoneyBrand('QUICPay');
    expect(await g.result).toMatchObject({ outcome: 'approved', brand: 'QUICPay' });
    expect((await driver.journal()).entries).toHaveLength(2);
  });

  it('a dead line is noticed by the heartbeat; after it recovers, hello, the resent result and status', async () => {
    const silentMs = FAST_LINK.heartbeatMs + FAST_LINK.maxTries * FAST_LINK.ackTimeoutMs + 600;
    run.terminal.setFaults({ dropLinkAt: 'beforeResult', serialDropMs: silentMs });
    const ref = newRef();
    const flow = driver.sale({ ref, amount: 990, method: 'credit', slip: SLIP });
    await run.terminal.waitForStep('awaitingCard');
    const downAt = once(driver, 'down').then(() => Date.now());
    const t0 = Date.now();
    run.terminal.presentCard({ entry: 'ic', brand: 'VISA', last4: '4242' });
    await expect(flow.result).rejects.toBeInstanceOf(LinkLostError);
    // Within heartbeat + tries × ACK timeout (1.45 s here), plus slack for a busy machine.
    expect(await downAt - t0).toBeLessThanOrEqual(FAST_LINK.heartbeatMs + FAST_LINK.maxTries * FAST_LINK.ackTimeoutMs + 500);
    const [resent] = await once(driver, 'result') as [TxResult];
    expect(resent).toMatchObject({ ref, outcome: 'approved' });
    // The resent result can overtake the driver's own bookkeeping of the hello answer.
    if (!driver.connected) await once(driver, 'up');
    expect(driver.connected).toBe(true);
    expect(await driver.status(ref)).toMatchObject({ state: 'completed', acquirerStatus: '売上予定' });
  });

  it('a terminal restart on the same line resets the link; status still answers', async () => {
    const ref = newRef();
    const f = driver.sale({ ref, amount: 500, method: 'qr', slip: SLIP });
    await run.terminal.waitForStep('awaitingQr');
    run.terminal.scanQr('PayPay');
    await f.result;
    const up = once(driver, 'up');
    run.terminal.restart(true);
    const [info] = await up;
    expect(info).toMatchObject({ sessionOpen: false, pendingResults: [] });
    expect(await driver.status(ref)).toMatchObject({ state: 'completed', result: { outcome: 'approved' } });
  });
});
