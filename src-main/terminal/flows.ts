// 決済端末連携 (U2–U6, U8–U11): a sale or refund on the terminal as short transactions around a
// long wait. The intent is written (pending) BEFORE the request leaves; the command returns once
// the terminal accepted; progress, the duplicate alert and the result arrive as events.
import { LinkLostError, NotConnectedError, TerminalError } from '../../native/ecr/driver.ts';
import type { FlowEvent, FlowHandlers, PaymentFlow } from '../../native/ecr/flow.ts';
import type { ParsedInput, TerminalPayment } from '../../src-shared/contract/index.ts';
import { AppError } from '../../src-shared/errors.ts';
import { requireStaff, type HandlerCtx } from '../api/context.ts';
import { dueFor } from './checkout-link.ts';
import { getIntent, insertIntent, newRef, patchIntent, toView, transition, tx, type IntentRow } from './intents.ts';
import { applyResult } from './recovery.ts';
import { LiveFlow, type TerminalService } from './service.ts';
import { TEXT } from './u12.ts';

const refuse = (code: string, log: string, message: string): never => { throw new AppError(code, log, message); };

/** What every terminal request needs: live mode, a configured and connected terminal with its session (U1). */
function ready(svc: TerminalService, ctx: HandlerCtx): void {
  if (ctx.core.mode !== 'live') refuse('TERMINAL_TRAINING', 'terminal in training mode', TEXT.TRAINING);
  if (svc.link.target.kind === 'none') refuse('TERMINAL_NOT_CONFIGURED', 'no terminal configured', TEXT.NOT_CONFIGURED);
  if (svc.live) refuse('TERMINAL_IN_USE', `flow ${svc.live.ref} still open`, TEXT.IN_USE);
  if (!svc.link.connected) refuse('TERMINAL_NOT_CONNECTED', 'terminal not connected', TEXT.NOT_CONNECTED);
  if (!svc.sessionOpen) refuse('TERMINAL_NO_SESSION', 'terminal session not open', TEXT.NO_SESSION);
}

/** A command retried after a crash (same command id) finds its intent instead of charging again. */
function byCommand(svc: TerminalService, commandId: string | null): TerminalPayment | null {
  if (!commandId) return null;
  const row = svc.db().prepare('SELECT * FROM payment_intents WHERE command_id = ?').get(commandId) as IntentRow | undefined;
  return row ? toView(svc.db(), row) : null;
}

export async function pay(svc: TerminalService, input: ParsedInput<'terminal.pay'>, ctx: HandlerCtx): Promise<TerminalPayment> {
  const staff = requireStaff(ctx);
  const again = byCommand(svc, ctx.commandId);
  if (again) return again;
  ready(svc, ctx);
  if (!svc.contracts().includes(input.method)) refuse('TERMINAL_NOT_CONTRACTED', `${input.method} not contracted`, TEXT.NOT_CONTRACTED);
  const db = svc.db();
  const row = tx(db, () => {
    const due = dueFor(ctx, input);
    const open = db.prepare(`SELECT state FROM payment_intents WHERE visit_id IN (${due.visitIds.map(() => '?').join(', ')})
      AND state IN ('pending', 'waiting', 'unknown', 'review')`).all(...due.visitIds) as Array<{ state: string }>;
    if (open.some((o) => o.state === 'review')) refuse('TERMINAL_UNRESOLVED', 'a 要確認 intent blocks the visit', TEXT.REVIEW_ON_VISIT);
    if (open.length > 0) refuse('TERMINAL_UNRESOLVED', 'an unsettled intent blocks the visit', TEXT.OPEN_ON_VISIT);
    if (input.amount > due.due) refuse('TERMINAL_OVER_DUE', `amount ${input.amount} above due ${due.due}`, TEXT.OVER_DUE);
    if (due.paid.length >= 5) refuse('TOO_MANY_PAYMENTS', 'U3: 5 payments', TEXT.TOO_MANY);
    return insertIntent(db, svc.now(), {
      ref: newRef(svc.now()), kind: 'sale', original_ref: null, command_id: ctx.commandId, visit_id: input.visitId, slip_id: null,
      terminal_slip_no: due.slipNo, terminal_part: due.paid.length + 1, method: input.method, amount: input.amount,
      till_session_id: due.tillId, business_day: due.businessDay, staff_id: staff.id, terminal_serial: svc.link.info?.terminalSerial ?? null,
    });
  });
  svc.publishPayment(row);
  ctx.log.info({ ref: row.ref, method: row.method, amount: row.amount, slipNo: row.terminal_slip_no, part: row.terminal_part }, 'terminal sale intent written');
  return run(svc, row, (h) => svc.link.driver.sale({ ref: row.ref, amount: row.amount, method: row.method, slip: { no: row.terminal_slip_no, part: row.terminal_part } }, h));
}

/** 払戻 before the checkout (U4) or 取消 after it (U8); the terminal decides void or return and refuses per U9. */
export async function refund(svc: TerminalService, input: ParsedInput<'terminal.refund'>, ctx: HandlerCtx): Promise<TerminalPayment> {
  const staff = requireStaff(ctx);
  const again = byCommand(svc, ctx.commandId);
  if (again) return again;
  ready(svc, ctx);
  const db = svc.db();
  const row = tx(db, () => {
    const orig = getIntent(db, input.ref) ?? refuse('NOT_FOUND', `no intent ${input.ref}`, TEXT.NOT_FOUND);
    if (orig.kind !== 'sale' || orig.state !== 'done') refuse('TERMINAL_NOT_REFUNDABLE', `intent ${orig.ref} is ${orig.kind} ${orig.state}`, TEXT.NOT_REFUNDABLE);
    if (orig.refunded_by) refuse('TERMINAL_ALREADY_REFUNDED', `intent ${orig.ref} refunded by ${orig.refunded_by}`, TEXT.ALREADY_REFUNDED);
    const live = db.prepare(`SELECT state FROM payment_intents WHERE original_ref = ? AND state != 'failed'`).get(orig.ref) as { state: string } | undefined;
    if (live) refuse('TERMINAL_UNRESOLVED', `a refund of ${orig.ref} is ${live.state}`, live.state === 'review' ? TEXT.REVIEW_ON_VISIT : TEXT.IN_USE);
    const till = db.prepare(`SELECT id, business_day FROM till_sessions WHERE status = 'open' ORDER BY opened_at DESC LIMIT 1`).get() as { id: string; business_day: string } | undefined;
    return insertIntent(db, svc.now(), {
      ref: newRef(svc.now()), kind: 'refund', original_ref: orig.ref, command_id: ctx.commandId, visit_id: orig.visit_id, slip_id: orig.slip_id,
      terminal_slip_no: orig.terminal_slip_no, terminal_part: orig.terminal_part, method: orig.method, amount: orig.amount,
      till_session_id: till?.id ?? null, business_day: till?.business_day ?? orig.business_day, staff_id: staff.id,
      terminal_serial: svc.link.info?.terminalSerial ?? null,
    });
  });
  svc.publishPayment(row);
  ctx.log.info({ ref: row.ref, originalRef: row.original_ref, amount: row.amount }, 'terminal refund intent written');
  return run(svc, row, (h) => svc.link.driver.refund({ ref: row.ref, originalRef: row.original_ref! }, h));
}

/** Starts the flow, follows it to the end in the background, returns once the terminal accepted or refused. */
async function run(svc: TerminalService, row: IntentRow, start: (h: FlowHandlers) => PaymentFlow): Promise<TerminalPayment> {
  const live = new LiveFlow(row.ref);
  svc.live = live;
  const flow = start({ onEvent: (e) => onEvent(svc, live, e), onPrompt: (p) => { publishPrompt(svc, p, true); return live.waitAnswer(p); } });
  const ended = flow.result.then((r) => applyResult(svc, r, 'flow'), (err: Error) => onError(svc, live, err))
    .catch((err: unknown) => svc.core.log.error({ err, ref: row.ref }, 'terminal flow handling failed'))
    .finally(() => { live.end(); if (svc.live === live) svc.live = null; });
  await Promise.race([live.acceptedOrEnded, ended]);
  const now = getIntent(svc.db(), row.ref)!;
  const err = live.error;
  if (now.state === 'failed' && err instanceof TerminalError) {
    if (err.code === 'BUSY') refuse('TERMINAL_BUSY', 'U11 terminal busy', TEXT.BUSY_CHECKOUT);
    refuse(`TERMINAL_${err.code}`, err.message, err.display || TEXT.NOT_REFUNDABLE);
  }
  if (now.state === 'failed' && err instanceof NotConnectedError) refuse('TERMINAL_NOT_CONNECTED', 'nothing sent', TEXT.NOT_CONNECTED);
  return toView(svc.db(), now);
}

function onEvent(svc: TerminalService, live: LiveFlow, e: FlowEvent): void {
  const db = svc.db();
  if (e.type === 'accepted') {
    const row = transition(db, svc.now(), live.ref, ['pending'], 'waiting', { accepted_at: svc.now(), terminal_serial: svc.link.info?.terminalSerial ?? null }, 'flow', 'accepted');
    svc.publishPayment(row);
    live.markAccepted();
  } else if (e.type === 'progress') {
    // Only while the register waits: after 切断する the intent keeps its explanation.
    db.prepare(`UPDATE payment_intents SET step = ?, display = ? WHERE ref = ? AND state IN ('pending', 'waiting')`).run(e.step, e.display, live.ref);
    svc.publish({ name: 'terminal.progress', payload: { ref: e.ref, step: e.step, display: e.display, notice: e.notice ?? null } });
  } else if (e.type === 'promptClosed') {
    live.settlePrompt(undefined); // answered on the terminal (or ours went through)
    svc.publish({ name: 'terminal.prompt', payload: { ref: e.ref, promptId: e.promptId, display: '', open: false, options: [], answer: e.answer, chosenOn: e.chosenOn } });
  }
}

function publishPrompt(svc: TerminalService, p: { ref: string; promptId: string; display: string; options: Array<{ answer: 'stop' | 'continue'; label: string }> }, open: boolean): void {
  svc.publish({ name: 'terminal.prompt', payload: { ref: p.ref, promptId: p.promptId, display: p.display, open, options: p.options, answer: null, chosenOn: null } });
}

/** A refusal settles the intent (nothing was charged); a lost link or timeout leaves it unknown for status(ref). */
function onError(svc: TerminalService, live: LiveFlow, err: Error): void {
  live.error = err;
  const db = svc.db();
  const now = svc.now();
  let row: IntentRow | null;
  if (err instanceof TerminalError && err.code !== 'REF_CONFLICT') {
    row = transition(db, now, live.ref, ['pending', 'waiting'], 'failed', { display: err.display, reason: err.code }, 'flow', `refused: ${err.code}`);
  } else if (err instanceof NotConnectedError) {
    row = transition(db, now, live.ref, ['pending'], 'failed', { display: TEXT.NOT_SENT, reason: 'NOT_CONNECTED' }, 'flow', 'not sent');
  } else {
    const lost = err instanceof LinkLostError ? 'link lost' : err.message;
    row = transition(db, now, live.ref, ['pending', 'waiting'], 'unknown', { display: TEXT.UNKNOWN, reason: err instanceof TerminalError ? err.code : 'LINK_LOST' }, 'flow', lost);
    svc.core.log.warn({ ref: live.ref, err: lost }, 'terminal outcome unknown: will ask status');
    svc.kickRecovery();
  }
  svc.publishPayment(row);
}

/** 切断する (U6): stop waiting; ask the terminal to cancel if it still can; status(ref) settles the rest. */
export async function disconnect(svc: TerminalService, ref: string, ctx: HandlerCtx): Promise<TerminalPayment> {
  const db = svc.db();
  const row = getIntent(db, ref) ?? refuse('NOT_FOUND', `no intent ${ref}`, TEXT.NOT_FOUND);
  if (row.state !== 'pending' && row.state !== 'waiting') return toView(db, row);
  const live = svc.live?.ref === ref ? svc.live : null;
  live?.settlePrompt(undefined);
  const after = transition(db, svc.now(), ref, ['pending', 'waiting'], 'unknown', { display: TEXT.DISCONNECTED, reason: 'DISCONNECTED' }, 'disconnect', null, ctx.staff?.id ?? null);
  svc.publishPayment(after);
  if (live) svc.live = null; // the register stops waiting; the driver still delivers the result
  if (svc.link.connected) {
    const outcome = await svc.link.driver.cancel(ref).catch(() => null);
    if (outcome === 'cancelled') {
      patchIntent(db, ref, { display: TEXT.CANCEL_SENT });
      await svc.settleWithin(ref, ['unknown'], svc.link.requestTimeoutMs);
    }
  }
  return toView(db, getIntent(db, ref)!);
}

/** U10: 取引中止 / 続ける from the register; the terminal closes its alert and the flow goes on or stops. */
export async function answer(svc: TerminalService, input: ParsedInput<'terminal.answer'>): Promise<TerminalPayment> {
  const live = svc.live?.ref === input.ref ? svc.live : null;
  if (!live?.settlePrompt(input.answer)) refuse('NO_PROMPT', `no open prompt for ${input.ref}`, TEXT.NO_PROMPT);
  if (input.answer === 'stop') await svc.settleWithin(input.ref, ['pending', 'waiting'], svc.link.requestTimeoutMs);
  return svc.view(input.ref)!;
}
