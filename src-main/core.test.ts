import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { TillSummary } from '../src-shared/contract/index.ts';
import { cmdId, login, openCore, tempDir, value } from './testing/harness.ts';

const local = { transport: 'inproc', local: true } as const;

describe('register core', () => {
  it('keeps an open till open across a restart', async () => {
    const dir = tempDir();
    let core = await openCore(dir);
    const call = (e: Parameters<typeof core.dispatch>[0]) => core.dispatch(e, local);
    const sessionId = await login(call);
    value(await call({ method: 'till.open', input: { total: 10_000 }, sessionId, commandId: cmdId() }));
    await core.close();
    core = await openCore(dir);
    expect(value<{ tillOpen: boolean }>(await call({ method: 'system.status', input: {} })).tillOpen).toBe(true);
    await core.close();
  });

  it('training mode uses its own database and its till never reaches the live one (L2)', async () => {
    const dir = tempDir();
    const core = await openCore(dir);
    const call = (e: Parameters<typeof core.dispatch>[0]) => core.dispatch(e, local);
    const manager = await login(call, 'staff-manager', '1234');
    const events: string[] = [];
    core.subscribe((e) => events.push(e.name));
    value(await call({ method: 'system.setMode', input: { training: true }, sessionId: manager, commandId: cmdId() }));
    expect(events).toContain('mode.changed');
    const cashier = await login(call); // staff were copied into the training store
    value(await call({ method: 'till.open', input: { total: 5_000 }, sessionId: cashier, commandId: cmdId() }));
    const count = (file: string) => (new Database(join(dir, file), { readonly: true }).prepare('SELECT COUNT(*) AS n FROM till_sessions').get() as { n: number }).n;
    expect(count('training.sqlite')).toBe(1);
    expect(count('register.sqlite')).toBe(0);
    value(await call({ method: 'settings.update', input: { storeName: '練習中に変更' }, sessionId: manager, commandId: cmdId() }));
    value(await call({ method: 'system.setMode', input: { training: false }, sessionId: manager, commandId: cmdId() }));
    expect(value<{ storeName: string }>(await call({ method: 'system.status', input: {} })).storeName).toBe('練習中に変更');
    expect(value<{ tillOpen: boolean; mode: string }>(await call({ method: 'system.status', input: {} }))).toMatchObject({ mode: 'live', tillOpen: false });
    await core.close();
  });

  it('shows a failed integrity check instead of crashing, and refuses work', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'register.sqlite'), Buffer.alloc(8192, 7)); // not a database
    const core = await openCore(dir);
    const status = value<{ integrity: { ok: boolean; detail: string } }>(await core.dispatch({ method: 'system.status', input: {} }, local));
    expect(status.integrity.ok).toBe(false);
    const refused = await core.dispatch({ method: 'auth.staffList', input: {} }, local);
    expect(refused.ok || refused.error.code).toBe('DB_CORRUPT');
    await core.close();
  });

  it('logs every command with staff and command id, filters logs, and exports a bundle without secrets', async () => {
    const dir = tempDir();
    const core = await openCore(dir);
    const call = (e: Parameters<typeof core.dispatch>[0]) => core.dispatch(e, local);
    const cashier = await login(call);
    const commandId = cmdId();
    value<TillSummary>(await call({ method: 'till.open', input: { total: 1_000 }, sessionId: cashier, commandId }));
    await call({ method: 'auth.login', input: { staffId: 'staff-cashier1', pin: '9876' } });
    const support = await login(call, 'staff-support', '9999');
    const logs = value<Array<{ msg: string; commandId?: string; staff?: string; level: string }>>(
      await call({ method: 'support.logs', input: { text: 'till.open' }, sessionId: support }));
    expect(logs.find((l) => l.commandId === commandId)).toMatchObject({ staff: '佐藤 花子', level: 'info' });
    const warnings = value<Array<{ level: string }>>(await call({ method: 'support.logs', input: { level: 'warn' }, sessionId: support }));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((l) => ['warn', 'error', 'fatal'].includes(l.level))).toBe(true);
    const bundle = value<{ base64: string }>(await call({ method: 'support.bundle', input: {}, sessionId: support }));
    const files = unzipSync(Buffer.from(bundle.base64, 'base64'));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['versions.json', 'integrity.json', 'settings.json']));
    expect(Object.keys(files).some((f) => f.startsWith('logs/'))).toBe(true);
    const everything = Object.values(files).map((f) => strFromU8(f)).join('\n');
    expect(everything).not.toMatch(/scrypt\$|9876|"pin":"\d/);
    expect(JSON.parse(strFromU8(files['integrity.json']!)).live.ok).toBe(true);
    await core.close();
  });
});
