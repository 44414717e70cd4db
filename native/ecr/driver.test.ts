// The driver against a scripted terminal (a bare Link over an in-memory pair), for the cases the
// simulator does not produce: answers that never come, stray results, a foreign terminal.
import { once } from 'node:events';
import { duplexPair, type Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { EcrDriver, LinkLostError, NotConnectedError, TimeoutError } from './driver.ts';
import { Link } from './link.ts';
import { makeMessage, parseMessage, type Message, type TxResult } from './messages.ts';
import type { Transport } from './transports.ts';

const timings = { ackTimeoutMs: 100, maxTries: 3, heartbeatMs: 500, interByteTimeoutMs: 50 };
const hello = { battery: 80, busy: false, currentRef: null, protocol: 1, terminalSerial: 'T-1', model: 'scripted', sessionOpen: true, contracts: ['credit' as const], businessDate: '2025-01-01', pendingResults: [] };
const result: TxResult = { ref: 'r9', kind: 'sale', method: 'credit', amount: 100, slip: { no: '1', part: 1 }, outcome: 'approved', acquirerStatus: '売上予定', signed: false, at: '2025-01-01T10:00:00.000+09:00', businessDate: '2025-01-01' };

let links: Link[] = [];
afterEach(() => { for (const l of links) l.close(); links = []; });

/** A terminal that answers hello and hands every other message to `script`. */
function scripted(script: (m: Message, link: Link) => void): Transport {
  return {
    label: 'memory',
    open: async (): Promise<Duplex> => {
      const [ours, theirs] = duplexPair();
      const link = new Link(theirs, timings);
      links.push(link);
      link.on('message', (raw) => {
        const p = parseMessage(raw);
        if (!p.ok) return;
        if (p.message.type === 'hello') link.send(makeMessage('hello.ok', 'h', hello, p.message.id)).catch(() => {});
        else if (p.message.type !== 'ping') script(p.message, link);
      });
      return ours;
    },
  };
}

describe('EcrDriver', () => {
  it('times out a request the terminal never answers', async () => {
    const d = new EcrDriver({ link: timings, requestTimeoutMs: 200 });
    expect(await d.connect(scripted(() => {}))).toEqual(hello);
    await expect(d.status('r1')).rejects.toBeInstanceOf(TimeoutError);
    await d.close();
  });

  it('emits a result that arrives outside a flow, and acknowledges it', async () => {
    const acks: string[] = [];
    const d = new EcrDriver({ link: timings });
    await d.connect(scripted((m) => { if (m.type === 'result.ack') acks.push(m.body.ref); }));
    const got = once(d, 'result');
    links[0]!.send(makeMessage('result', 't1', result)).catch(() => {});
    expect((await got)[0]).toEqual(result);
    await expect.poll(() => acks).toEqual(['r9']);
    await d.close();
  });

  it('ignores malformed messages and keeps working', async () => {
    const d = new EcrDriver({ link: timings });
    await d.connect(scripted((m, link) => {
      if (m.type !== 'status') return;
      link.send({ v: 1, type: 'status.ok', id: 'bad', re: m.id, body: { ref: 'r1', state: 'maybe' } }).catch(() => {});
      link.send(makeMessage('status.ok', 'good', { ref: 'r1', state: 'notFound' }, m.id)).catch(() => {});
    }));
    expect(await d.status('r1')).toEqual({ ref: 'r1', state: 'notFound' });
    await d.close();
  });

  it('gives up connecting when nothing answers, and releases the stream', async () => {
    const [ours] = duplexPair(); // nobody on the other end
    const d = new EcrDriver({ link: timings });
    await expect(d.connect({ label: 'void', open: async () => ours })).rejects.toBeInstanceOf(LinkLostError);
    expect(ours.destroyed).toBe(true);
    expect(d.connected).toBe(false);
  });

  it('refuses a terminal other than the paired one', async () => {
    const d = new EcrDriver({ link: timings, expectSerial: 'T-2' });
    await expect(d.connect(scripted(() => {}))).rejects.toThrow(/not the paired T-2/);
  });

  it('rejects an open flow with LinkLostError when the terminal falls silent (heartbeat)', async () => {
    const d = new EcrDriver({ link: timings });
    await d.connect(scripted((m, link) => {
      if (m.type === 'sale') link.send(makeMessage('accepted', 'a', { ref: m.body.ref }, m.id)).then(() => link.close(), () => {});
    }));
    const flow = d.sale({ ref: 'r1', amount: 100, method: 'credit', slip: { no: '1', part: 1 } });
    const events: string[] = [];
    for await (const e of flow) events.push(e.type);
    expect(events).toEqual(['accepted']);
    await expect(flow.result).rejects.toBeInstanceOf(LinkLostError);
    expect(d.connected).toBe(false);
    await expect(d.status('r1')).rejects.toBeInstanceOf(NotConnectedError);
  });
});
