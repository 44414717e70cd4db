import { randomBytes } from 'node:crypto';

export type Session = { id: string; staffId: string; createdAt: number; lastUsedAt: number };

/**
 * Login sessions live in memory: after a restart staff log in again, which is what registers
 * do anyway. Idle sessions expire so a handheld left on a table does not stay logged in.
 */
export class Sessions {
  private readonly byId = new Map<string, Session>();
  private readonly idleMs: number;
  private readonly now: () => number;

  constructor(now: () => number, idleMs = 12 * 60 * 60 * 1000) {
    this.now = now;
    this.idleMs = idleMs;
  }

  create(staffId: string): Session {
    const session = { id: randomBytes(24).toString('base64url'), staffId, createdAt: this.now(), lastUsedAt: this.now() };
    this.byId.set(session.id, session);
    return session;
  }

  get(id: string | undefined): Session | null {
    if (!id) return null;
    const session = this.byId.get(id);
    if (!session) return null;
    if (this.now() - session.lastUsedAt > this.idleMs) {
      this.byId.delete(id);
      return null;
    }
    session.lastUsedAt = this.now();
    return session;
  }

  end(id: string): void {
    this.byId.delete(id);
  }

  endForStaff(staffId: string): void {
    for (const [id, s] of this.byId) if (s.staffId === staffId) this.byId.delete(id);
  }
}

/** Five wrong PINs lock that staff member for a minute: a 4-digit PIN must not be guessable. */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; until: number }>();
  private readonly now: () => number;
  constructor(now: () => number) {
    this.now = now;
  }
  locked(staffId: string): boolean {
    return (this.failures.get(staffId)?.until ?? 0) > this.now();
  }
  fail(staffId: string): void {
    const f = this.failures.get(staffId) ?? { count: 0, until: 0 };
    f.count += 1;
    if (f.count >= 5) {
      f.until = this.now() + 60_000;
      f.count = 0;
    }
    this.failures.set(staffId, f);
  }
  succeed(staffId: string): void {
    this.failures.delete(staffId);
  }
}
