import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger.ts';
import { migrate } from '../store/migrate.ts';
import { OutboxWriter } from './outbox.ts';
import { Relay } from './relay.ts';
import type { Delivery, DeliveryTarget, OutboxEvent } from './types.ts';

/**
 * The relay's ordering rules (issue 3 "The outbox"): per-aggregate order, independent aggregates
 * in parallel, conflict keys, parking that blocks only its own aggregate, too many tries.
 * The target is a scripted in-process receiver: each delivery waits until the test answers it.
 */
class ScriptedTarget implements DeliveryTarget {
  readonly target = 'ledger';
  readonly waiting = new Map<string, (d: Delivery) => void>();
  readonly seen: string[] = [];
  auto: ((e: OutboxEvent) => Delivery) | null = null;
  deliver(event: OutboxEvent): Promise<Delivery> {
    const name = (event.payload as { name: string }).name;
    this.seen.push(name);
    if (this.auto) return Promise.resolve(this.auto(event));
    return new Promise((resolve) => this.waiting.set(name, resolve));
  }
  answer(name: string, d: Delivery = { kind: 'done' }): void {
    const resolve = this.waiting.get(name);
    if (!resolve) throw new Error(`${name} is not in flight (in flight: ${[...this.waiting.keys()].join(', ')})`);
    this.waiting.delete(name);
    resolve(d);
  }
}

function setup(opts: { now?: () => number } = {}) {
  const db = new Database(':memory:');
  migrate(db);
  let clock = 1_000;
  const now = opts.now ?? (() => clock);
  const writer = new OutboxWriter(db, now, true);
  const relay = new Relay({ db, log: silentLogger(), now, random: () => 0.5, concurrency: 3, maxStrikes: 3, parkAfterMs: 60_000 });
  const target = new ScriptedTarget();
  relay.setTarget(target);
  const add = (name: string, agg: string, keys: string[] = [], dependsOn: string | null = null) =>
    writer.add({ target: 'ledger', aggType: 'visit', aggId: agg, type: 'visit.changed', payload: { name }, businessDay: '2026-11-21', keys, dependsOn });
  const status = (name: string) => (db.prepare(`SELECT status FROM outbox WHERE json_extract(payload, '$.name') = ?`).get(name) as { status: string }).status;
  const settle = () => new Promise((r) => setTimeout(r, 0));
  // Let answered deliveries be recorded, start what is due now, let those start.
  const tick = async () => { await settle(); void relay.deliverDue(); await settle(); };
  return { db, relay, target, add, status, tick, advance: (ms: number) => { clock += ms; } };
}

describe('outbox relay', () => {
  it('sends changes of independent visits in parallel, one aggregate in seq order', async () => {
    const t = setup();
    t.add('a1', 'A', ['table:T1']);
    t.add('a2', 'A', ['table:T1']);
    t.add('b1', 'B', ['table:T2']);
    t.add('c1', 'C', ['table:T3']);
    await t.tick();
    expect([...t.target.waiting.keys()].sort()).toEqual(['a1', 'b1', 'c1']);
    t.target.answer('a1');
    await t.tick();
    expect(t.target.waiting.has('a2')).toBe(true);
    expect(t.target.seen.indexOf('a2')).toBeGreaterThan(t.target.seen.indexOf('a1'));
  });

  it('orders changes of different visits that share a table or a reservation (a table freed, then taken)', async () => {
    const t = setup();
    t.add('a-leaves-T1', 'A', ['table:T1']);
    t.add('b-seated-T1', 'B', ['table:T1']);
    t.add('c-reservation', 'C', ['reservation:R1']);
    t.add('d-seated-R1', 'D', ['reservation:R1', 'table:T9']);
    await t.tick();
    expect([...t.target.waiting.keys()].sort()).toEqual(['a-leaves-T1', 'c-reservation']);
    t.target.answer('a-leaves-T1');
    t.target.answer('c-reservation');
    await t.tick();
    expect([...t.target.waiting.keys()].sort()).toEqual(['b-seated-T1', 'd-seated-R1']);
  });

  it('keeps at most `concurrency` deliveries in flight per target', async () => {
    const t = setup();
    for (const v of ['A', 'B', 'C', 'D', 'E']) t.add(v, v);
    await t.tick();
    await t.tick();
    expect(t.target.waiting.size).toBe(3);
  });

  it('a parked change blocks only its own aggregate and what depends on it, not the table it named', async () => {
    const t = setup();
    const a1 = t.add('a1', 'A', ['table:T1']);
    t.add('a2', 'A', ['table:T1']);
    t.add('m-merge-into-A', 'M', ['visit:A'], a1);
    t.add('b1', 'B', ['table:T1']);
    await t.tick();
    t.target.answer('a1', { kind: 'permanent', code: 'UNMAPPED', message: '台帳に連携されていないテーブルです。' });
    await t.tick();
    expect(t.status('a1')).toBe('parked');
    expect([...t.target.waiting.keys()]).toEqual(['b1']);
    t.target.answer('b1');
    await t.tick();
    expect(t.status('a2')).toBe('pending');
    expect(t.status('m-merge-into-A')).toBe('pending');
    expect(t.target.seen).toEqual(['a1', 'b1']);
  });

  it('rows queued before conflict keys existed (*) go one at a time, as they did then', async () => {
    const t = setup();
    t.add('old1', 'A');
    t.add('old2', 'B');
    t.add('new', 'C');
    t.db.prepare(`UPDATE outbox SET conflict_keys = '["*"]' WHERE json_extract(payload, '$.name') LIKE 'old%'`).run();
    await t.tick();
    expect([...t.target.waiting.keys()]).toEqual(['old1']);
    t.target.answer('old1');
    await t.tick();
    expect([...t.target.waiting.keys()]).toEqual(['old2']);
  });

  it('too many tries: a change failing while the ledger takes others is parked after enough strikes over enough time', async () => {
    const t = setup();
    t.add('poison', 'P');
    t.target.auto = () => ({ kind: 'retry', code: 'HTTP_500', message: '予約台帳でエラーが発生しました。' });
    for (let i = 0; i < 6; i++) {
      t.advance(20_000);
      t.relay.noteUp('ledger'); // e.g. a pull succeeded: the ledger is up
      t.db.prepare('UPDATE outbox SET next_attempt_at = 0').run();
      await t.tick();
    }
    const row = t.db.prepare(`SELECT status, strikes, last_error_code, last_error FROM outbox`).get() as Record<string, unknown>;
    expect(row.status).toBe('parked');
    expect(row.last_error_code).toBe('TOO_MANY_TRIES');
    expect(row.last_error).toMatch(/回続けて送れなかったため保留しました/);
    expect(t.target.seen.length).toBeGreaterThanOrEqual(4);
  });

  it('an outage strikes nothing: however long the ledger is down, nothing is parked', async () => {
    const t = setup();
    t.add('during-outage', 'P');
    t.target.auto = () => ({ kind: 'retry', code: 'NETWORK', message: '予約台帳に接続できません。' });
    for (let i = 0; i < 20; i++) {
      t.relay.breakers.get('ledger')?.reset();
      t.advance(600_000);
      t.db.prepare('UPDATE outbox SET next_attempt_at = 0').run();
      await t.tick();
    }
    const row = t.db.prepare('SELECT status, strikes, attempts FROM outbox').get() as Record<string, unknown>;
    expect(row).toEqual({ status: 'pending', strikes: 0, attempts: 20 });
  });
});
