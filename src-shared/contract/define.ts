import type { z } from 'zod';

export type Role = 'cashier' | 'manager' | 'support';
export const ROLES: readonly Role[] = ['cashier', 'manager', 'support'];

/**
 * Who may call a method: anyone (even before login), any logged-in staff, or the listed roles.
 * Managers may call everything staff may; `support` reads logs and diagnostics only.
 */
export type Access = 'public' | 'staff' | readonly Role[];

export type MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  /** Commands change state: they carry a client-made `commandId` and are applied once. */
  kind: 'query' | 'command';
  /**
   * A command that waits on the outside world (a ledger, the payment terminal) cannot hold a
   * SQLite transaction open: it manages its own transactions and its command id is recorded
   * when it finishes.
   */
  async?: boolean;
  access: Access;
  input: I;
  output: O;
  /** One line for docs/api.md. */
  summary: string;
};

export const method = <I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> => def;

export type EventDef<P extends z.ZodType = z.ZodType> = { payload: P; summary: string };
export const event = <P extends z.ZodType>(def: EventDef<P>): EventDef<P> => def;
