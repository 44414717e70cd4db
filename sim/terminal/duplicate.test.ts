// Duplicate alert (U10) and ref idempotency, driver ⇄ simulator over TCP loopback.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLIP, newRef, recorder, rig, type Rig } from './test-rig.ts';

let r: Rig;
beforeEach(async () => { r = await rig(); });
afterEach(async () => { await r.close(); });

async function pay(amount: number, last4: string, brand = 'VISA', handlers = recorder().handlers) {
  const flow = r.driver.sale({ ref: newRef(), amount, method: 'credit', slip: SLIP }, handlers);
  await r.sim.waitForStep('awaitingCard');
  r.sim.presentCard({ entry: 'ic', brand, last4 });
  return flow;
}

describe('duplicate alert (U10)', () => {
  it('取引中止 from the register: stopped, error shown, nothing charged', async () => {
    await (await pay(2000, '1111')).result;
    const rec = recorder('stop');
    const second = await pay(2000, '1111', 'VISA', rec.handlers);
    const res = await second.result;
    expect(res).toMatchObject({ outcome: 'stopped', reason: 'DUPLICATE_STOPPED', acquirerStatus: null });
    expect(res.display).toContain('取引中止');
    const prompt = rec.events.find((e) => e.type === 'prompt');
    expect(prompt).toMatchObject({ kind: 'duplicate', options: [{ answer: 'stop', label: '取引中止' }, { answer: 'continue', label: '続ける' }] });
    expect(rec.events.find((e) => e.type === 'promptClosed')).toMatchObject({ answer: 'stop', chosenOn: 'register' });
  });

  it('続ける on the terminal: completes normally, and the register is told the prompt closed', async () => {
    await (await pay(2000, '2222')).result;
    const rec = recorder();
    const second = await pay(2000, '2222', 'VISA', rec.handlers);
    await r.sim.waitForStep('duplicateAlert');
    r.sim.answerDuplicate('continue');
    expect(await second.result).toMatchObject({ outcome: 'approved', acquirerStatus: '売上予定' });
    expect(rec.events.find((e) => e.type === 'promptClosed')).toMatchObject({ answer: 'continue', chosenOn: 'terminal' });
  });

  it('no alert when amount, last 4 or brand differ, for e-money, or after 5 minutes', async () => {
    await (await pay(2000, '3333')).result;
    for (const [amount, last4, brand] of [[2001, '3333', 'VISA'], [2000, '3334', 'VISA'], [2000, '3333', 'JCB']] as const) {
      expect(await (await pay(amount, last4, brand)).result).toMatchObject({ outcome: 'approved' });
    }
    // Only the latest sale counts: it is now the JCB ****3333 one.
    await (await pay(2000, '4444')).result;
    r.sim.advanceClock(5 * 60_000 + 1);
    expect(await (await pay(2000, '4444')).result).toMatchObject({ outcome: 'approved' });
  });

  it('also from another terminal of the account; none when 5 minutes hold 50 transactions', async () => {
    r.sim.addAccountTransaction({ amount: 800, last4: '5555', brand: 'VISA', minutesAgo: 1 });
    const alerted = await pay(800, '5555', 'VISA', recorder('stop').handlers);
    expect(await alerted.result).toMatchObject({ outcome: 'stopped' });
    for (let i = 0; i < 49; i++) r.sim.addAccountTransaction({ amount: 100 + i, last4: '0000', brand: 'JCB', minutesAgo: 2 });
    r.sim.addAccountTransaction({ amount: 800, last4: '5555', brand: 'VISA', minutesAgo: 0.5 });
    expect(await (await pay(800, '5555')).result).toMatchObject({ outcome: 'approved' });
  });

  it('cancel during the alert closes the prompt and cancels', async () => {
    await (await pay(1500, '6666')).result;
    const rec = recorder();
    const f = await pay(1500, '6666', 'VISA', rec.handlers);
    await r.sim.waitForStep('duplicateAlert');
    expect(await f.cancel()).toBe('cancelled');
    expect(await f.result).toMatchObject({ outcome: 'cancelled' });
  });
});

describe('a ref the terminal has seen never starts a second payment', () => {
  it('a repeated sale returns the stored result; an in-progress one keeps its progress; a changed request conflicts', async () => {
    const ref = newRef();
    const first = r.driver.sale({ ref, amount: 990, method: 'credit', slip: SLIP });
    await r.sim.waitForStep('awaitingCard');
    await expect(r.driver.sale({ ref, amount: 990, method: 'credit', slip: SLIP }).result).rejects.toThrow(/already open/);
    r.sim.presentCard({ entry: 'ic', brand: 'VISA', last4: '7777' });
    const res = await first.result;
    const repeat = await r.driver.sale({ ref, amount: 990, method: 'credit', slip: SLIP }).result;
    expect(repeat).toEqual(res);
    expect(r.sim.journal.size).toBe(1);
    await expect(r.driver.sale({ ref, amount: 991, method: 'credit', slip: SLIP }).result).rejects.toMatchObject({ code: 'REF_CONFLICT' });
    await expect(r.driver.void({ ref, originalRef: ref }).result).rejects.toMatchObject({ code: 'REF_CONFLICT' });
  });
});
