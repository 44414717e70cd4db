// Unknown outcomes: the link dropped at every protocol step, terminal restarts, and a noisy line.
// In each case status(ref) after reconnecting must tell what happened, and results are resent until acked.
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LinkLostError } from '../../native/ecr/driver.ts';
import type { TxResult } from '../../native/ecr/messages.ts';
import { SLIP, newRef, rig, type Rig } from './test-rig.ts';

let r: Rig;
beforeEach(async () => { r = await rig(); });
afterEach(async () => { await r.close(); });

const card = { entry: 'ic', brand: 'VISA', last4: '4321' } as const;
const nextResult = () => once(r.driver, 'result') as Promise<[TxResult]>;

describe('link drop at each protocol step, then status(ref)', () => {
  it('before the sale is ACKed: notFound, so a retry with a new ref is safe', async () => {
    r.sim.setFaults({ dropLinkAt: 'beforeAck' });
    const ref = newRef();
    await expect(r.driver.sale({ ref, amount: 1000, method: 'credit', slip: SLIP }).result).rejects.toBeInstanceOf(LinkLostError);
    await r.reconnect();
    expect(await r.driver.status(ref)).toEqual({ ref, state: 'notFound' });
    expect(r.sim.journal.size).toBe(0);
  });

  it('after accepted: the guest pays on; status says inProgress, then the result is resent after hello', async () => {
    r.sim.setFaults({ dropLinkAt: 'afterAccepted' });
    const ref = newRef();
    await expect(r.driver.sale({ ref, amount: 1000, method: 'credit', slip: SLIP }).result).rejects.toBeInstanceOf(LinkLostError);
    await r.reconnect();
    expect(await r.driver.status(ref)).toEqual({ ref, state: 'inProgress', step: 'awaitingCard' });
    r.sim.presentCard(card);
    const [res] = await nextResult(); // the connection is up again: the result goes out at once
    expect(res).toMatchObject({ ref, outcome: 'approved' });
    expect(await r.driver.status(ref)).toMatchObject({ state: 'completed', acquirerStatus: '売上予定', result: res });
  });

  it('before the result: completed on the terminal, resent after reconnect and hello', async () => {
    r.sim.setFaults({ dropLinkAt: 'beforeResult' });
    const ref = newRef();
    const flow = r.driver.sale({ ref, amount: 1000, method: 'credit', slip: SLIP });
    await r.sim.waitForStep('awaitingCard');
    r.sim.presentCard(card);
    await expect(flow.result).rejects.toBeInstanceOf(LinkLostError);
    expect(r.sim.snapshot().pendingResults).toEqual([ref]);
    const resent = nextResult();
    await r.reconnect();
    expect(r.driver.info?.pendingResults).toEqual([ref]);
    expect((await resent)[0]).toMatchObject({ ref, outcome: 'approved' });
    expect(await r.driver.status(ref)).toMatchObject({ state: 'completed', result: { ref, outcome: 'approved' } });
    await expect.poll(() => r.sim.snapshot().pendingResults).toEqual([]);
  });

  it('after the result, before result.ack: the register has it, and gets it again until it acks', async () => {
    r.sim.setFaults({ dropLinkAt: 'afterResult' });
    const ref = newRef();
    const flow = r.driver.sale({ ref, amount: 1000, method: 'credit', slip: SLIP });
    await r.sim.waitForStep('awaitingCard');
    r.sim.presentCard(card);
    const res = await flow.result;
    await expect.poll(() => r.driver.connected).toBe(false);
    expect(r.sim.snapshot().pendingResults).toEqual([ref]);
    const resent = nextResult();
    await r.reconnect();
    expect((await resent)[0]).toEqual(res);
    expect(await r.driver.status(ref)).toMatchObject({ state: 'completed', result: res });
    await expect.poll(() => r.sim.snapshot().pendingResults).toEqual([]);
  });
});

describe('terminal restart', () => {
  it('keeping the journal: a finished payment is still known, an unfinished one ends cancelled', async () => {
    const done = newRef();
    const f = r.driver.sale({ ref: done, amount: 500, method: 'credit', slip: SLIP });
    await r.sim.waitForStep('awaitingCard');
    r.sim.presentCard(card);
    await f.result;
    const open = newRef();
    const g = r.driver.sale({ ref: open, amount: 600, method: 'credit', slip: SLIP });
    await r.sim.waitForStep('awaitingCard');
    r.sim.restart(true);
    await expect(g.result).rejects.toBeInstanceOf(LinkLostError);
    await r.reconnect();
    expect(r.driver.info?.sessionOpen).toBe(false);
    expect(await r.driver.status(done)).toMatchObject({ state: 'completed', result: { outcome: 'approved' } });
    expect(await r.driver.status(open)).toMatchObject({ state: 'completed', result: { outcome: 'cancelled', acquirerStatus: null } });
    await expect(r.driver.sale({ ref: newRef(), amount: 1, method: 'credit', slip: SLIP }).result).rejects.toMatchObject({ code: 'NO_SESSION' });
  });

  it('losing the journal: status says notFound (the register must then decide by hand, U12)', async () => {
    const ref = newRef();
    const f = r.driver.sale({ ref, amount: 500, method: 'emoney', slip: SLIP });
    await r.sim.waitForStep('brandSelect');
    r.sim.chooseEmoneyBrand('QUICPay');
    await f.result;
    r.sim.restart(false);
    await expect.poll(() => r.driver.connected).toBe(false);
    await r.reconnect();
    expect(await r.driver.status(ref)).toEqual({ ref, state: 'notFound' });
  });

  it('restart during authorisation of e-money leaves 処理未了', async () => {
    r.sim.setFaults({ authoriseMs: 5000 });
    const ref = newRef();
    const f = r.driver.sale({ ref, amount: 700, method: 'emoney', slip: SLIP });
    await r.sim.waitForStep('brandSelect');
    r.sim.chooseEmoneyBrand('iD');
    r.sim.restart(true);
    await expect(f.result).rejects.toBeInstanceOf(LinkLostError);
    await r.reconnect();
    expect(await r.driver.status(ref)).toMatchObject({ state: 'completed', acquirerStatus: '処理未了', result: { outcome: 'unconfirmed' } });
  });
});

describe('a noisy line', () => {
  async function sale(): Promise<TxResult> {
    const f = r.driver.sale({ ref: newRef(), amount: 1234, method: 'credit', slip: SLIP });
    await r.sim.waitForStep('awaitingCard', 3000);
    r.sim.presentCard(card);
    return f.result;
  }
  const stats = () => r.sim.snapshot().connections[0]!.stats;

  it('garbled frames are NAKed and resent', async () => {
    await r.close();
    r = await rig({ link: { maxTries: 5 } }); // a late NAK on a loaded machine may cost one more try
    r.sim.setFaults({ garbleNext: 2 }); // 'accepted' garbled twice, through on the third try
    expect(await sale()).toMatchObject({ outcome: 'approved' });
    expect(stats().resent).toBeGreaterThanOrEqual(2);
    expect(r.sim.journal.size).toBe(1);
  });

  it('a NAK storm takes the terminal link down; its recovery sync resets the register, which asks status', async () => {
    r.sim.setFaults({ garbleNext: 3 });
    const ref = newRef();
    const downs: string[] = [];
    r.driver.on('down', (e) => downs.push(e.message));
    const up = once(r.driver, 'up');
    await expect(r.driver.sale({ ref, amount: 1234, method: 'credit', slip: SLIP }).result).rejects.toBeInstanceOf(LinkLostError);
    await up; // hello again after the reset
    expect(downs).toEqual(['terminal link reset']);
    expect(await r.driver.status(ref)).toEqual({ ref, state: 'inProgress', step: 'awaitingCard' });
    const resent = nextResult();
    r.sim.presentCard(card);
    expect((await resent)[0]).toMatchObject({ ref, outcome: 'approved' });
  });

  it('frames split into single bytes still decode', async () => {
    r.sim.setFaults({ splitFrames: 1 });
    expect(await sale()).toMatchObject({ outcome: 'approved' });
  });

  it('ACKs later than the ACK timeout cause resends that the terminal drops as duplicates', async () => {
    await r.close();
    r = await rig({ link: { maxTries: 8 } }); // 200 ms late ACKs against 150 ms timeouts, with room for a loaded machine
    r.sim.setFaults({ latencyMs: 200 });
    expect(await sale()).toMatchObject({ outcome: 'approved' });
    expect(stats().duplicates).toBeGreaterThanOrEqual(1);
    expect(r.sim.journal.size).toBe(1);
  });
});
