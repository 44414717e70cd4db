import { randomUUID } from 'node:crypto';
import type { Staff } from '../../src-shared/contract/index.ts';
import { AppError } from '../../src-shared/errors.ts';
import { handlers, requireStaff } from '../api/context.ts';
import { stmt } from '../store/stmt.ts';
import type { DB } from '../store/db.ts';
import { hashPin, verifyPin } from './pin.ts';

type StaffRow = { id: string; name: string; role: Staff['role']; active: number; pin_hash: string };
const toStaff = (r: StaffRow): Staff => ({ id: r.id, name: r.name, role: r.role, active: r.active === 1 });

export function staffById(db: DB, id: string): Staff | null {
  const row = stmt(db, 'SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
  return row ? toStaff(row) : null;
}

export const authHandlers = handlers({
  'auth.staffList': (_input, ctx) =>
    (ctx.db.prepare('SELECT * FROM staff WHERE active = 1 ORDER BY sort, name').all() as StaffRow[]).map(toStaff),

  'auth.login': async (input, ctx) => {
    const throttle = ctx.core.loginThrottle;
    if (throttle.locked(input.staffId)) throw new AppError('LOGIN_LOCKED', `login locked for ${input.staffId}`);
    const row = ctx.db.prepare('SELECT * FROM staff WHERE id = ? AND active = 1').get(input.staffId) as StaffRow | undefined;
    // Verify against a dummy hash for unknown staff so timing does not tell which ids exist.
    const good = await verifyPin(input.pin, row?.pin_hash ?? ctx.core.dummyPinHash);
    if (!row || !good) {
      throttle.fail(input.staffId);
      ctx.log.warn({ staffId: input.staffId }, 'login failed');
      throw new AppError('LOGIN_FAILED', 'wrong staff or PIN');
    }
    throttle.succeed(row.id);
    const session = ctx.core.sessions.create(row.id);
    ctx.log.info({ staffId: row.id, staff: row.name, transport: ctx.caller.transport }, 'login');
    return { sessionId: session.id, staff: toStaff(row) };
  },

  'auth.logout': (_input, ctx) => {
    if (ctx.sessionId) ctx.core.sessions.end(ctx.sessionId);
    ctx.log.info({ staff: ctx.staff?.name }, 'logout');
    return {};
  },

  'auth.me': (_input, ctx) => requireStaff(ctx),

  'staff.list': (_input, ctx) => (ctx.db.prepare('SELECT * FROM staff ORDER BY sort, name').all() as StaffRow[]).map(toStaff),

  'staff.save': (input, ctx) => {
    const id = input.id ?? randomUUID();
    const existing = ctx.db.prepare('SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
    if (!existing && !input.pin) throw new AppError('VALIDATION', 'new staff needs a PIN', 'パスワードを入力してください。', { pin: 'パスワードを入力してください。' });
    if (existing && existing.id === ctx.staff?.id && (!input.active || input.role !== 'manager')) {
      throw new AppError('VALIDATION', 'a manager cannot demote or disable themselves', '自分自身の権限を下げる・無効にすることはできません。');
    }
    const pinHash = input.pin ? hashPin(input.pin) : existing!.pin_hash;
    ctx.db.prepare(`INSERT INTO staff (id, name, role, pin_hash, active, created_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role, pin_hash = excluded.pin_hash, active = excluded.active`)
      .run(id, input.name, input.role, pinHash, input.active ? 1 : 0, ctx.now());
    if (!input.active || input.pin) ctx.core.sessions.endForStaff(id);
    return staffById(ctx.db, id)!;
  },
});
