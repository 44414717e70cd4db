import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { AppError } from '../../src-shared/errors.ts';
import { handlers } from '../api/context.ts';
import type { DB } from '../store/db.ts';

/**
 * Handhelds and sub-registers pair with a 6-digit code shown on the register. The device keeps
 * a random token; the register stores only its SHA-256 (a 256-bit random token needs no scrypt).
 */
const CODE_TTL_MS = 5 * 60 * 1000;
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class PairingCodes {
  private current: { code: string; expiresAt: number; attempts: number } | null = null;
  issue(now: number): { code: string; expiresAt: number } {
    this.current = { code: String(randomInt(0, 1_000_000)).padStart(6, '0'), expiresAt: now + CODE_TTL_MS, attempts: 0 };
    return { code: this.current.code, expiresAt: this.current.expiresAt };
  }
  /** One code, few tries: a wrong guess burns an attempt, the fifth burns the code. */
  consume(code: string, now: number): boolean {
    const c = this.current;
    if (!c || c.expiresAt < now) return false;
    if (c.code !== code) {
      c.attempts += 1;
      if (c.attempts >= 5) this.current = null;
      return false;
    }
    this.current = null;
    return true;
  }
}

/** The device id for a token, or null; marks the device as seen. */
export function deviceForToken(db: DB, token: string | undefined, now: number): string | null {
  if (!token) return null;
  const row = db.prepare('SELECT id FROM devices WHERE token_hash = ? AND revoked_at IS NULL').get(hashToken(token)) as { id: string } | undefined;
  if (!row) return null;
  db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(now, row.id);
  return row.id;
}

export const deviceHandlers = handlers({
  'devices.pairingCode': (_input, ctx) => ctx.core.pairing.issue(ctx.now()),

  'devices.pair': (input, ctx) => {
    if (!ctx.core.pairing.consume(input.code, ctx.now())) throw new AppError('PAIRING_CODE_INVALID', 'pairing code rejected');
    const token = randomBytes(32).toString('base64url');
    const id = randomUUID();
    // Devices are register-wide: always in the live database, whatever the mode.
    ctx.core.liveDb().prepare('INSERT INTO devices (id, name, token_hash, paired_at) VALUES (?, ?, ?, ?)')
      .run(id, input.name, hashToken(token), ctx.now());
    ctx.log.info({ deviceId: id, name: input.name }, 'device paired');
    return { deviceId: id, token };
  },

  'devices.list': (_input, ctx) =>
    (ctx.core.liveDb().prepare('SELECT id, name, paired_at, last_seen_at FROM devices WHERE revoked_at IS NULL ORDER BY paired_at').all() as
      Array<{ id: string; name: string; paired_at: number; last_seen_at: number | null }>)
      .map((d) => ({ id: d.id, name: d.name, pairedAt: d.paired_at, lastSeenAt: d.last_seen_at })),

  'devices.revoke': (input, ctx) => {
    const res = ctx.core.liveDb().prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(ctx.now(), input.deviceId);
    if (res.changes === 0) throw new AppError('NOT_FOUND', 'device not found');
    ctx.log.info({ deviceId: input.deviceId }, 'device revoked');
    return {};
  },
});
