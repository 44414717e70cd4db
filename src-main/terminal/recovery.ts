// Settling payment intents from what the terminal says (docs/payments.md, RULES.md#U12): a result
// (from the open flow, resent after hello, or inside a status answer) or notFound.
import type { StatusInfo } from '../../native/ecr/driver.ts';
import type { TxResult } from '../../native/ecr/messages.ts';
import { getSettings } from '../store/settings-repo.ts';
import { autoPrintCopies } from './copies.ts';
import { getIntent, openIntents, patchIntent, transition, tx, type IntentPatch, type IntentRow, type IntentState } from './intents.ts';
import type { TerminalService } from './service.ts';
import { TEXT, verdictOf } from './u12.ts';

/** Intents asked about per recovery round (the poller runs again within seconds). */
const ROUND_LIMIT = 50;

/** Only masked and non-secret fields of a result are kept (U7); receipts carry ****1234 only. */
function resultPatch(r: TxResult, acquirerStatus: string | null, at: number): IntentPatch {
  return {
    outcome: r.outcome, acquirer_status: acquirerStatus, result_kind: r.kind, brand: r.brand ?? null,
    masked_card: r.maskedCard ?? null, entry: r.entry ?? null, division: r.division ?? null, approval_no: r.approvalNo ?? null,
    order_code: r.orderCode ?? null, result_at: r.at, terminal_business_date: r.businessDate,
    receipts: r.receipts ? JSON.stringify(r.receipts) : null, step: null, accepted_at: at,
    display: r.display ?? null, reason: r.reason ?? null,
  };
}

function unconfirmedText(row: IntentRow): string {
  return row.method === 'emoney' ? TEXT.EMONEY_UNCONFIRMED : row.method === 'qr' ? TEXT.QR_UNCONFIRMED : TEXT.STATUS_UNKNOWN;
}

/**
 * Applies a terminal result to its intent (idempotent: a resent or repeated result changes
 * nothing). The terminal's word also overrides an earlier manager decision: money that moved
 * must show, whatever was guessed (the correction is logged).
 */
export function applyResult(svc: TerminalService, r: TxResult, source: string, currentStatus?: string | null): void {
  const db = svc.db();
  const row = getIntent(db, r.ref);
  if (!row) { svc.core.log.warn({ ref: r.ref, source }, 'terminal result for a ref this register does not know'); return; }
  const kindOk = row.kind === 'sale' ? r.kind === 'sale' : r.kind !== 'sale';
  const consistent = kindOk && r.amount === row.amount && r.method === row.method;
  const status = currentStatus !== undefined ? currentStatus : r.acquirerStatus;
  const verdict = consistent ? verdictOf(row.method, status, r.outcome) : 'unconfirmed';
  const to: IntentState = verdict === 'done' ? 'done' : verdict === 'notDone' ? 'failed' : 'review';
  const decided = row.decision !== null;
  const from: IntentState[] = ['pending', 'waiting', 'unknown', 'review'];
  if (decided && (row.state === 'done' || row.state === 'failed') && row.state !== to) from.push(row.state);
  if (!from.includes(row.state) || (row.state === to && to === 'review' && row.acquirer_status === status)) return;
  const now = svc.now();
  const patch = resultPatch(r, status, now);
  if (to === 'review') patch.display = consistent ? unconfirmedText(row) : TEXT.STATUS_UNKNOWN;
  const detail = `${source}: ${r.outcome} ${status ?? '-'}${consistent ? '' : ' (does not match the intent)'}${decided ? ` (manager had decided ${row.decision})` : ''}`;
  const after = tx(db, () => {
    const changed = transition(db, now, row.ref, from, to, patch, source, detail);
    if (changed && changed.kind === 'refund' && to === 'done' && changed.original_ref) {
      const orig = getIntent(db, changed.original_ref);
      if (orig && orig.refunded_by === null) {
        patchIntent(db, orig.ref, { refunded_by: changed.ref, updated_at: now });
        db.prepare('INSERT INTO payment_intent_log (ref, at, from_state, to_state, source, detail) VALUES (?, ?, ?, ?, ?, ?)')
          .run(orig.ref, now, orig.state, orig.state, 'refund', `refunded by ${changed.ref} (${r.kind})`);
      }
    }
    return changed;
  });
  if (!after) return;
  if (decided && row.state !== to) svc.core.log.error({ ref: row.ref, decision: row.decision, terminal: to }, 'terminal answer overrides the manager decision');
  svc.core.log.info({ ref: row.ref, kind: row.kind, method: row.method, amount: row.amount, state: to, source, acquirerStatus: status, orderCode: r.orderCode ?? null }, 'terminal payment settled');
  svc.publishPayment(after);
  if (after.original_ref && to === 'done') svc.publishPayment(getIntent(db, after.original_ref));
  if (to === 'done' && after.receipts && getSettings(db).terminal.autoPrintCopies) void autoPrintCopies(svc, after.ref);
}

/**
 * notFound (docs/payments.md §recovery): a ref the terminal confirmed, or one that may have been
 * lost with the journal of a restarted terminal, cannot be settled automatically (要確認). A ref
 * it never confirmed, on the same terminal with its journal intact, never reached it: not paid.
 */
async function onNotFound(svc: TerminalService, row: IntentRow): Promise<void> {
  const db = svc.db();
  const serial = svc.link.info?.terminalSerial ?? null;
  const sameTerminal = row.terminal_serial === null || row.terminal_serial === serial;
  let neverArrived = row.accepted_at === null && sameTerminal && row.state !== 'review';
  if (neverArrived && row.journal_suspect === 1) neverArrived = await journalIntact(svc, row, serial);
  const now = svc.now();
  const after = neverArrived
    ? transition(db, now, row.ref, ['pending', 'unknown', 'waiting'], 'failed', { display: TEXT.NOT_SENT, reason: 'NOT_FOUND' }, 'status', 'notFound: never reached the terminal')
    : transition(db, now, row.ref, ['pending', 'unknown', 'waiting'], 'review', { display: TEXT.JOURNAL_LOST, reason: 'JOURNAL_LOST' }, 'status', 'notFound: terminal journal lost or another terminal');
  if (after) svc.core.log.warn({ ref: row.ref, state: after.state }, 'terminal does not know the ref');
  svc.publishPayment(after);
}

/** A ref the terminal confirmed before `row` was written must still be known, or the journal is gone. */
async function journalIntact(svc: TerminalService, row: IntentRow, serial: string | null): Promise<boolean> {
  const canary = svc.db().prepare(`SELECT ref FROM payment_intents WHERE accepted_at IS NOT NULL AND terminal_serial = ? AND created_at <= ? AND ref != ?
    ORDER BY created_at DESC LIMIT 1`).get(serial, row.created_at, row.ref) as { ref: string } | undefined;
  if (!canary) return false;
  const st = await svc.link.driver.status(canary.ref);
  return st.state !== 'notFound';
}

export async function applyStatus(svc: TerminalService, row: IntentRow, st: StatusInfo): Promise<void> {
  if (st.state === 'completed' && st.result) { applyResult(svc, st.result, 'status', st.acquirerStatus ?? st.result.acquirerStatus); return; }
  if (st.state === 'inProgress') {
    // The guest is still at the terminal: its result arrives (resent after hello) or the next status says.
    const patch = { accepted_at: row.accepted_at ?? svc.now(), step: st.step ?? null, terminal_serial: row.terminal_serial ?? svc.link.info?.terminalSerial ?? null };
    if (row.state === 'pending') svc.publishPayment(transition(svc.db(), svc.now(), row.ref, ['pending'], 'waiting', patch, 'status', 'inProgress'));
    else patchIntent(svc.db(), row.ref, patch);
    return;
  }
  await onNotFound(svc, row);
}

/** One recovery round: status(ref) for every open intent except the flow in progress. */
export async function recoverAll(svc: TerminalService): Promise<void> {
  const rows = openIntents(svc.db()).filter((r) => r.ref !== svc.live?.ref).slice(0, ROUND_LIMIT);
  for (const row of rows) {
    if (!svc.link.connected) return; // the next hello runs this again
    let st: StatusInfo;
    try {
      st = await svc.link.driver.status(row.ref);
    } catch (error) {
      svc.core.log.warn({ ref: row.ref, err: (error as Error).message }, 'terminal status failed');
      return;
    }
    const fresh = getIntent(svc.db(), row.ref);
    if (fresh && (fresh.state === row.state) && fresh.ref !== svc.live?.ref) await applyStatus(svc, fresh, st);
  }
}
