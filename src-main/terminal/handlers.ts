// API handlers of the USEN PAY terminal (src-shared/contract/terminal.ts, docs/payments.md).
import { EcrDriver } from '../../native/ecr/driver.ts';
import type { ParsedInput, TerminalConnection, TerminalPayment } from '../../src-shared/contract/index.ts';
import { AppError } from '../../src-shared/errors.ts';
import { handlers, requireStaff, type HandlerCtx } from '../api/context.ts';
import { transportOf } from './connection.ts';
import { printCopies } from './copies.ts';
import { answer, disconnect, pay, refund } from './flows.ts';
import { getIntent, intentsOf, openIntents, patchIntent, toView, transition } from './intents.ts';
import type { TerminalService } from './service.ts';
import { TEXT } from './u12.ts';

function service(ctx: HandlerCtx): TerminalService {
  if (!ctx.core.terminal) throw new AppError('TERMINAL_NOT_CONFIGURED', 'terminal service not running', TEXT.NOT_CONFIGURED);
  return ctx.core.terminal;
}

/** 設定 → 接続テスト: hello over the given address or port, then close; the saved terminal is left alone. */
async function testConnection(svc: TerminalService, connection: TerminalConnection) {
  const fail = (message: string) => ({ ok: false, message, serial: null, model: null, battery: null, contracts: [] });
  if (JSON.stringify(connection) === JSON.stringify(svc.link.target) && svc.link.connected && svc.link.info) {
    const i = svc.link.info;
    return { ok: true, message: '決済端末に接続しています。', serial: i.terminalSerial, model: i.model, battery: i.battery, contracts: i.contracts };
  }
  const transport = transportOf(connection, 3000);
  if (!transport) return fail(TEXT.NOT_CONFIGURED);
  const driver = new EcrDriver({ registerId: 'connection-test', link: svc.options.link ?? {}, requestTimeoutMs: svc.link.requestTimeoutMs });
  try {
    const i = await driver.connect(transport);
    return { ok: true, message: '決済端末に接続できました。', serial: i.terminalSerial, model: i.model, battery: i.battery, contracts: i.contracts };
  } catch (error) {
    svc.core.log.info({ target: transport.label, err: (error as Error).message }, 'terminal connection test failed');
    return fail(TEXT.NOT_CONNECTED);
  } finally {
    await driver.close();
  }
}

/**
 * A manager settles a 要確認 (or long-unknown) payment after checking the USEN PAY history; the
 * decision, its reason and the manager are logged, and a later terminal answer still wins.
 */
function decide(input: ParsedInput<'terminal.decide'>, ctx: HandlerCtx): TerminalPayment {
  const staff = requireStaff(ctx);
  if (ctx.core.mode !== 'live') throw new AppError('TERMINAL_TRAINING', 'decision in training mode', TEXT.TRAINING);
  const row = getIntent(ctx.db, input.ref);
  if (!row) throw new AppError('NOT_FOUND', `no intent ${input.ref}`, TEXT.NOT_FOUND);
  if (row.state !== 'review' && !(row.state === 'unknown' && ctx.core.terminal?.live?.ref !== row.ref)) {
    throw new AppError('TERMINAL_NOT_REVIEW', `intent ${row.ref} is ${row.state}`, TEXT.NOT_REVIEW);
  }
  const now = ctx.now();
  const to = input.paid ? 'done' : 'failed';
  const after = transition(ctx.db, now, row.ref, ['review', 'unknown'], to, {
    decision: input.paid ? 'paid' : 'unpaid', decision_reason: input.reason, decided_by: staff.id, decided_at: now,
    display: `店長判断：${input.paid ? '支払済み' : '未払い'}（${input.reason}）`,
  }, 'manager', input.reason, staff.id)!;
  if (after.kind === 'refund' && to === 'done' && after.original_ref) patchIntent(ctx.db, after.original_ref, { refunded_by: after.ref, updated_at: now });
  ctx.log.warn({ ref: row.ref, paid: input.paid, reason: input.reason, amount: row.amount, method: row.method }, 'manager settled a terminal payment by hand');
  const view = toView(ctx.db, after);
  ctx.emit('terminal.payment', view);
  return view;
}

export const terminalHandlers = handlers({
  'terminal.status': (_input, ctx) => service(ctx).status(),
  'terminal.connect': async (_input, ctx) => {
    if (ctx.core.mode !== 'live') throw new AppError('TERMINAL_TRAINING', 'connect in training mode', TEXT.TRAINING);
    return service(ctx).connectNow(true);
  },
  'terminal.test': (input, ctx) => testConnection(service(ctx), input.connection),
  'terminal.pay': (input, ctx) => pay(service(ctx), input, ctx),
  'terminal.disconnect': (input, ctx) => disconnect(service(ctx), input.ref, ctx),
  'terminal.answer': (input, ctx) => answer(service(ctx), input),
  'terminal.refund': (input, ctx) => refund(service(ctx), input, ctx),
  'terminal.payments': (input, ctx) => {
    const db = ctx.core.liveDb(); // intents exist in the live store only (no terminal in training)
    return intentsOf(db, input).map((r) => toView(db, r));
  },
  'terminal.resolve': async (_input, ctx) => {
    const svc = service(ctx);
    if (!svc.link.connected) await svc.connectNow();
    await svc.recover();
    return openIntents(svc.db()).map((r) => toView(svc.db(), r));
  },
  'terminal.decide': decide,
  'terminal.printCopies': (input, ctx) => printCopies(service(ctx), input.ref, input.fromHistory),
});
