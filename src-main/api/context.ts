import type { AnyEvent, EventName, EventPayload, Input, MethodName, Output, ParsedInput, Staff } from '../../src-shared/contract/index.ts';
import type { Logger } from '../logging/logger.ts';
import type { DB } from '../store/db.ts';
import type { Core } from '../core.ts';
import type { OutboxWriter } from '../outbox/outbox.ts';

/** Who is calling: the Electron window (IPC), a browser or handheld over HTTP, or code in-process. */
export type Caller = { transport: 'ipc' | 'http' | 'inproc'; local: boolean; deviceId?: string };

export type HandlerCtx = {
  /** The active store: the live database, or the training one while training mode is on. */
  db: DB;
  core: Core;
  staff: Staff | null;
  sessionId: string | null;
  commandId: string | null;
  caller: Caller;
  now: () => number;
  log: Logger;
  /** Queued and delivered only after the command's transaction commits. */
  emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
  /** Outbox rows written in this command's transaction; a no-op writer in training mode. */
  outbox: OutboxWriter;
  /** Work that must follow the commit (backups, printing): the sale is on disk first. */
  afterCommit: (fn: () => Promise<void> | void) => void;
};

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: HandlerCtx) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };
export type { AnyEvent, Input };

/** Narrow helper so feature files can declare a subset of handlers with full typing. */
export const handlers = <K extends MethodName>(h: { [M in K]: Handler<M> }) => h;

export const requireStaff = (ctx: HandlerCtx): Staff => {
  if (!ctx.staff) throw new Error('handler needs a logged-in staff member; access rules should have refused');
  return ctx.staff;
};
