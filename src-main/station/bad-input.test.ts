import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmdId, httpRegister, login, value } from '../testing/harness.ts';

type Reg = Awaited<ReturnType<typeof httpRegister>>;
type Answer = { status: number; body: { ok: boolean; error?: { code: string; message: string; fields?: Record<string, string> } } };

/** POST raw bytes, optionally from another loopback address so the station sees a non-local client. */
function post(url: string, body: string, opts: { from?: string; token?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/rpc`, {
      method: 'POST', localAddress: opts.from, timeout: 10_000,
      headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
    }, (res) => {
      let data = '';
      res.on('data', (c: Buffer) => { data += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data) as Answer['body'] }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

describe('bad input over the HTTP API changes nothing', () => {
  let reg: Reg;
  let sessionId: string;
  const snapshot = () => ({
    tills: reg.core.liveDb().prepare('SELECT COUNT(*) AS n FROM till_sessions').get(),
    moves: reg.core.liveDb().prepare('SELECT COUNT(*) AS n FROM cash_movements').get(),
    counts: reg.core.liveDb().prepare('SELECT COUNT(*) AS n FROM till_counts').get(),
    commands: reg.core.liveDb().prepare('SELECT COUNT(*) AS n FROM command_log').get(),
  });
  const rpc = (envelope: unknown, opts?: { from?: string; token?: string }) => post(reg.url, JSON.stringify(envelope), opts);

  beforeAll(async () => {
    reg = await httpRegister();
    sessionId = await login(reg.call);
    value(await reg.call({ method: 'till.open', input: { total: 20_000 }, sessionId, commandId: cmdId() }));
  });
  afterAll(async () => { await reg.close(); });

  const cases: Array<[string, () => Promise<Answer>, number, string]> = [
    ['malformed JSON', () => post(reg.url, '{"method": "till.open", '), 400, 'BAD_REQUEST'],
    ['not an object', () => post(reg.url, '[1,2,3]'), 400, 'BAD_REQUEST'],
    ['missing method', () => rpc({ input: {} }), 400, 'BAD_REQUEST'],
    ['unknown method', () => rpc({ method: 'till.dropTables', input: {} }), 404, 'UNKNOWN_METHOD'],
    ['missing fields', () => rpc({ method: 'till.cashMove', input: { kind: 'in' }, sessionId, commandId: cmdId() }), 200, 'VALIDATION'],
    ['negative amount', () => rpc({ method: 'till.cashMove', input: { kind: 'in', amount: -500, reason: '両替' }, sessionId, commandId: cmdId() }), 200, 'VALIDATION'],
    ['absurd amount', () => rpc({ method: 'till.cashMove', input: { kind: 'in', amount: 1e12, reason: '両替' }, sessionId, commandId: cmdId() }), 200, 'VALIDATION'],
    ['fractional yen', () => rpc({ method: 'till.cashMove', input: { kind: 'out', amount: 10.5, reason: '両替' }, sessionId, commandId: cmdId() }), 200, 'VALIDATION'],
    ['count over 100,000', () => rpc({ method: 'till.close', input: { counts: { '1000': 100_001 } }, sessionId, commandId: cmdId() }), 200, 'VALIDATION'],
    ['unknown denomination', () => rpc({ method: 'till.close', input: { counts: { '3000': 1 } }, sessionId, commandId: cmdId() }), 200, 'VALIDATION'],
    ['command without command id', () => rpc({ method: 'till.cashMove', input: { kind: 'in', amount: 500, reason: '両替' }, sessionId }), 200, 'VALIDATION'],
    ['no session', () => rpc({ method: 'till.cashMove', input: { kind: 'in', amount: 500, reason: '両替' }, commandId: cmdId() }), 401, 'UNAUTHENTICATED'],
    ['cash out beyond the till', () => rpc({ method: 'till.cashMove', input: { kind: 'out', amount: 20_001, reason: '仕入れ' }, sessionId, commandId: cmdId() }), 200, 'CASH_SHORT'],
    ['non-loopback client while LAN is off', () => rpc({ method: 'system.status', input: {} }, { from: '127.0.0.2' }), 403, 'LAN_DISABLED'],
  ];

  for (const [name, send, status, code] of cases) {
    it(`${name} → ${code}`, async () => {
      const before = snapshot();
      const answer = await send();
      expect(answer.status).toBe(status);
      expect(answer.body.ok).toBe(false);
      expect(answer.body.error?.code).toBe(code);
      expect(answer.body.error?.message).toMatch(/[ぁ-んァ-ン一-龥]/); // a Japanese message for staff
      expect(snapshot()).toEqual(before);
    });
  }

  it('a non-loopback command without a valid token is refused once LAN is on, and a paired device gets in', async () => {
    const manager = await login(reg.call, 'staff-manager', '1234');
    value(await reg.call({ method: 'settings.update', input: { lanEnabled: true }, sessionId: manager, commandId: cmdId() }));
    // The station re-listens on the LAN host (127.0.0.1 in tests) when the setting changes.
    await new Promise((r) => setTimeout(r, 200));
    const before = snapshot();
    const envelope = { method: 'till.cashMove', input: { kind: 'in', amount: 500, reason: '両替' }, sessionId, commandId: cmdId() };
    for (const token of [undefined, 'forged-token']) {
      const answer = await rpc(envelope, { from: '127.0.0.2', token });
      expect(answer.status).toBe(401);
      expect(answer.body.error?.code).toBe('DEVICE_NOT_PAIRED');
    }
    const wrongCode = await rpc({ method: 'devices.pair', input: { code: '000000', name: 'ハンディ1' } }, { from: '127.0.0.2' });
    expect(wrongCode.body.error?.code).toMatch(/PAIRING_CODE_INVALID/);
    expect(snapshot()).toEqual(before);

    const { code } = value<{ code: string }>(await reg.call({ method: 'devices.pairingCode', input: {}, sessionId: manager, commandId: cmdId() }));
    const paired = await rpc({ method: 'devices.pair', input: { code, name: 'ハンディ1' } }, { from: '127.0.0.2' });
    const token = (paired.body as unknown as { value: { token: string } }).value.token;
    const stored = reg.core.liveDb().prepare('SELECT token_hash FROM devices').get() as { token_hash: string };
    expect(stored.token_hash).not.toContain(token); // only the hash is stored
    const ok = await rpc(envelope, { from: '127.0.0.2', token });
    expect(ok.body.ok).toBe(true);
  });
});
