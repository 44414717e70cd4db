import { z } from 'zod';
import { authMethods } from './auth.ts';
import { checkoutMethods } from './checkout.ts';
import { floorMethods } from './floor.ts';
import { menuMethods } from './menu.ts';
import { ordersMethods } from './orders.ts';
import { settingsMethods } from './settings.ts';
import { slipsMethods } from './slips.ts';
import { supportMethods } from './support.ts';
import { syncMethods } from './sync.ts';
import { systemMethods } from './system.ts';
import { terminalMethods } from './terminal.ts';
import { tillMethods } from './till.ts';

/** The one API contract: every method the UI (Electron, browser, handheld) may call. */
export const methods = {
  ...systemMethods,
  ...authMethods,
  ...tillMethods,
  ...settingsMethods,
  ...supportMethods,
  ...floorMethods,
  ...syncMethods,
  ...menuMethods,
  ...ordersMethods,
  ...checkoutMethods,
  ...slipsMethods,
  ...terminalMethods,
};

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type Input<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type Output<M extends MethodName> = z.output<Methods[M]['output']>;

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);

/** What a transport carries for one call. */
export const envelope = z.object({
  method: z.string().min(1).max(100),
  input: z.unknown().optional(),
  /** Client-made id (UUID) for commands; a retried command with the same id is applied once. */
  commandId: z.string().min(8).max(64).optional(),
  sessionId: z.string().max(128).optional(),
});
export type Envelope = z.infer<typeof envelope>;

export * from './define.ts';
export * from './events.ts';
export * from './schemas.ts';
export * from './floor.ts';
export * from './sync.ts';
export * from './menu.ts';
export * from './orders.ts';
export * from './checkout.ts';
export * from './slips.ts';
export * from './terminal.ts';
