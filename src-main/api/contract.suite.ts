import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyEvent, CashMoveResult, TillSummary } from '../../src-shared/contract/index.ts';
import { cmdId, login, value, type TestRegister } from '../testing/harness.ts';

/**
 * The contract suite: the same calls and expectations over every transport (in-process, HTTP).
 * RULES G1 (login, till open by denomination or total).
 */
export function contractSuite(transport: string, open: () => Promise<TestRegister>): void {
  describe(`API contract over ${transport}`, () => {
    let reg: TestRegister;
    beforeEach(async () => { reg = await open(); });
    afterEach(async () => { await reg.close(); });

    it('reports status without login and lists staff for the login picker (G1)', async () => {
      const status = value<{ mode: string; tillOpen: boolean }>(await reg.call({ method: 'system.status', input: {} }));
      expect(status).toMatchObject({ mode: 'live', tillOpen: false });
      const staff = value<Array<{ name: string }>>(await reg.call({ method: 'auth.staffList', input: {} }));
      expect(staff.map((s) => s.name)).toContain('佐藤 花子');
    });

    it('refuses a wrong PIN in Japanese and accepts the right one (G1)', async () => {
      const bad = await reg.call({ method: 'auth.login', input: { staffId: 'staff-cashier1', pin: '0000' } });
      expect(bad).toEqual({ ok: false, error: { code: 'LOGIN_FAILED', message: '担当者またはパスワードが正しくありません。' } });
      expect(await login(reg.call)).toMatch(/.{20,}/);
    });

    it('requires a session for staff methods and a role for manager methods', async () => {
      const anon = await reg.call({ method: 'till.status', input: {} });
      expect(anon.ok || anon.error.code).toBe('UNAUTHENTICATED');
      const sessionId = await login(reg.call);
      const forbidden = await reg.call({ method: 'settings.update', input: { storeName: 'x' }, sessionId, commandId: cmdId() });
      expect(forbidden.ok || forbidden.error.code).toBe('FORBIDDEN');
    });

    it('opens, moves cash and closes the till with the difference (G1)', async () => {
      const sessionId = await login(reg.call);
      const opened = value<TillSummary>(await reg.call({ method: 'till.open', input: { counts: { '10000': 2, '1000': 10, '100': 20 } }, sessionId, commandId: cmdId() }));
      expect(opened.openingFloat).toBe(32_000);
      const events: AnyEvent[] = [];
      const stop = reg.core.subscribe((e) => events.push(e));
      value(await reg.call({ method: 'till.cashMove', input: { kind: 'in', amount: 5000, reason: '両替' }, sessionId, commandId: cmdId() }));
      const out = { method: 'till.cashMove', input: { kind: 'out', amount: 1200, reason: '仕入れ' }, sessionId, commandId: cmdId() };
      const moved = value<CashMoveResult>(await reg.call(out));
      stop();
      // The answer is the movement and the drawer's figures; the same goes to the other registers.
      expect(moved).toMatchObject({ sessionId: opened.sessionId, cashIn: 5000, cashOut: 1200, cashSales: 0, expectedCash: 35_800,
        movement: { kind: 'out', amount: 1200, reason: '仕入れ', staffName: '佐藤 花子' } });
      expect(events.filter((e) => e.name === 'till.moved').map((e) => e.payload)).toEqual([expect.objectContaining({ cashIn: 5000, cashOut: 0 }), moved]);
      expect(value(await reg.call(out))).toEqual(moved); // a retry answers the first result, applied once
      const till = value<TillSummary>(await reg.call({ method: 'till.status', input: {}, sessionId }));
      expect(till).toMatchObject({ cashIn: 5000, cashOut: 1200, expectedCash: 35_800 });
      expect(till.movements.map((m) => m.amount)).toEqual([5000, 1200]);
      const closed = value<TillSummary>(await reg.call({ method: 'till.close', input: { counts: { '10000': 3, '5000': 1, '100': 7 } }, sessionId, commandId: cmdId() }));
      expect(closed).toMatchObject({ status: 'closed', countedCash: 35_700, expectedCash: 35_800, difference: -100 });
      const report = value<TillSummary>(await reg.call({ method: 'till.report', input: {}, sessionId }));
      expect(report.backupFile).toMatch(/\.sqlite$/);
    });

    it('applies a retried command once (same command id)', async () => {
      const sessionId = await login(reg.call);
      const commandId = cmdId();
      const first = value<TillSummary>(await reg.call({ method: 'till.open', input: { total: 30_000 }, sessionId, commandId }));
      const again = value<TillSummary>(await reg.call({ method: 'till.open', input: { total: 30_000 }, sessionId, commandId }));
      expect(again.sessionId).toBe(first.sessionId);
      const other = await reg.call({ method: 'till.open', input: { total: 30_000 }, sessionId, commandId: cmdId() });
      expect(other.ok || other.error.code).toBe('TILL_ALREADY_OPEN');
    });

    it('answers unknown methods and invalid input with clear errors', async () => {
      const unknown = await reg.call({ method: 'till.explode', input: {} });
      expect(unknown.ok || unknown.error).toEqual({ code: 'UNKNOWN_METHOD', message: 'この操作はサポートされていません。' });
      const sessionId = await login(reg.call);
      const bad = await reg.call({ method: 'till.open', input: { counts: { '10000': -1 } }, sessionId, commandId: cmdId() });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.error.code).toBe('VALIDATION');
    });
  });
}
