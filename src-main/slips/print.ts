import { PRINTER_ERROR_MESSAGES, PrinterError, printJob, type PrinterTarget } from '../../native/printer/index.ts';
import type { Settings } from '../../src-shared/contract/index.ts';
import { AppError } from '../../src-shared/errors.ts';
import type { HandlerCtx } from '../api/context.ts';
import { ReceiptError, renderReceipt } from '../receipts/index.ts';
import type { DB } from '../store/db.ts';
import { getSettings } from '../store/settings-repo.ts';
import { formalDoc, partOf, saleDoc, slipById } from './documents.ts';
import { renderReturnDoc } from './return-doc.ts';
import { stmt } from '../store/stmt.ts';

export type PrintStatus = { status: 'queued' | 'printed' | 'failed' | 'skipped' | 'none'; message: string | null };
export type DocRequest = { slipId: string; partNo?: number; document: 'receipt' | 'formal' | 'return'; addressee?: string; proviso?: string };

/** Short enough that staff see an offline printer within seconds; the sale is already saved. */
const PRINT_OPTIONS = { statusTimeoutMs: 1500, pollIntervalMs: 250, jobTimeoutMs: 15_000, connectTimeoutMs: 3000 } as const;
/** ESC @, then ESC p 0 25 250: open the drawer when no receipt is printed (cash, autoPrint off). */
const DRAWER_ONLY = Uint8Array.of(0x1b, 0x40, 0x1b, 0x70, 0x00, 0x19, 0xfa);
export const P6_MESSAGE = '事前決済の会計ではレシート・領収書は発行できません。必要であればUSEN SMART RESERVEから発行してください。';

const COUNTER = { receipt: 'receipt_prints', formal: 'formal_prints', return: 'return_prints' } as const;

type Rendered<F> = { data: F; reprint: boolean; partNo: number; slipNo: string; warnings: string[] };

/** Render a stored slip's document. Reprints (再発行) are the prints after the first good one. */
export function renderDocument(db: DB, training: boolean, req: DocRequest, format: 'escpos'): Rendered<Uint8Array>;
export function renderDocument(db: DB, training: boolean, req: DocRequest, format: 'svg' | 'text'): Rendered<string>;
export function renderDocument(db: DB, training: boolean, req: DocRequest, format: 'escpos' | 'svg' | 'text'): Rendered<Uint8Array | string> {
  const settings = getSettings(db);
  const slip = slipById(db, req.slipId);
  if (slip.kind === 'combined') {
    const parent = slip.parent_slip_id ? slipById(db, slip.parent_slip_id).slip_no : '';
    throw new AppError('COMBINED_SLIP', 'combined child slip has no document', `合算会計の伝票です。親伝票No.${parent}で発行してください。`);
  }
  if (req.document === 'return') {
    const c = stmt(db, 'SELECT at, reason, return_prints FROM slip_cancellations WHERE slip_id = ?').get(slip.id) as { at: number; reason: string; return_prints: number } | undefined;
    if (!c) throw new AppError('NOT_CANCELLED', 'return document of a live slip', '取消されていない伝票の返還請求書は発行できません。');
    const reprint = c.return_prints > 0;
    const cash = (stmt(db, `SELECT COALESCE(SUM(y.amount), 0) AS n FROM payments y JOIN slip_parts p ON p.id = y.part_id WHERE p.slip_id = ? AND y.kind = 'cash'`).get(slip.id) as { n: number }).n;
    const openDrawer = format === 'escpos' && !reprint && cash > 0;
    const out = renderReturnDoc(db, settings, { slip, cancelledAt: c.at, reason: c.reason, reprint, training, openDrawer }, format as 'text');
    return { data: out.data, reprint, partNo: 0, slipNo: slip.slip_no, warnings: out.warnings };
  }
  if (slip.status === 'cancelled') throw new AppError('SLIP_CANCELLED', 'receipt of a cancelled slip', '取消済みの伝票のレシート・領収書は発行できません。');
  const part = partOf(db, slip.id, req.partNo);
  if (part.prepaid === 1) throw new AppError('PREPAID_NO_RECEIPT', 'P6', P6_MESSAGE);
  const reprint = (req.document === 'receipt' ? part.receipt_prints : part.formal_prints) > 0;
  const doc = req.document === 'receipt' ? saleDoc(db, settings, slip, part, { reprint, training })
    : formalDoc(db, settings, slip, part, { reprint, addressee: req.addressee, proviso: req.proviso });
  try {
    const out = renderReceipt(doc, { format, width: settings.receipt.width });
    return { data: out.data, reprint, partNo: part.part_no, slipNo: slip.slip_no, warnings: out.warnings.map((w) => w.message) };
  } catch (error) {
    if (error instanceof ReceiptError) throw new AppError(error.code, error.message, error.staffMessage);
    throw error;
  }
}

export async function send(target: Settings['printer'], bytes: Uint8Array): Promise<PrintStatus> {
  if (target.kind === 'none') return { status: 'none', message: 'プリンターが設定されていません。設定でプリンターを登録してください。' };
  try {
    await printJob(target as PrinterTarget, bytes, PRINT_OPTIONS);
    return { status: 'printed', message: null };
  } catch (error) {
    const message = error instanceof PrinterError ? PRINTER_ERROR_MESSAGES[error.code] : 'プリンターで印刷できませんでした。プリンターの状態を確認して再印刷してください。';
    return { status: 'failed', message };
  }
}

/** Keep the outcome of a part's receipt print for slips.get (the command's answer cannot wait for it). */
function remember(db: DB, slipId: string, partNo: number, outcome: PrintStatus): void {
  stmt(db, 'UPDATE slip_parts SET print_status = ?, print_message = ? WHERE slip_id = ? AND part_no = ?').run(outcome.status, outcome.message, slipId, partNo);
}

/** Print and, once the printer confirmed, count it: the next print of it is a reprint. */
export async function printDocument(db: DB, training: boolean, req: DocRequest): Promise<PrintStatus & { reprint: boolean; partNo: number; slipNo: string }> {
  const rendered = renderDocument(db, training, req, 'escpos');
  const outcome = await send(getSettings(db).printer, rendered.data);
  if (outcome.status === 'printed') {
    if (req.document === 'return') stmt(db, 'UPDATE slip_cancellations SET return_prints = return_prints + 1 WHERE slip_id = ?').run(req.slipId);
    else stmt(db, `UPDATE slip_parts SET ${COUNTER[req.document]} = ${COUNTER[req.document]} + 1 WHERE slip_id = ? AND part_no = ?`).run(req.slipId, rendered.partNo);
  }
  if (req.document === 'receipt') remember(db, req.slipId, rendered.partNo, outcome);
  return { ...outcome, reprint: rendered.reprint, partNo: rendered.partNo, slipNo: rendered.slipNo };
}

/**
 * Called inside the command's transaction once the sale is written; the printing itself follows
 * the commit (ctx.afterCommit): the receipt, whose end opens the drawer for cash, or without a
 * receipt a drawer kick alone for cash. Returns what the command can answer now; the outcome of
 * a queued print goes to the part's print_status and the receipts.printed event.
 */
export function printAfterCommit(ctx: HandlerCtx, req: DocRequest & { partNo: number }, opts: { prepaid: boolean; cash: boolean; print: boolean }): PrintStatus {
  const settings = getSettings(ctx.db);
  const receipt = req.document === 'receipt';
  const now = (outcome: PrintStatus): PrintStatus => {
    if (receipt) remember(ctx.db, req.slipId, req.partNo, outcome);
    return outcome;
  };
  if (settings.printer.kind === 'none') return now({ status: 'none', message: null });
  if (receipt && opts.prepaid) return now({ status: 'skipped', message: P6_MESSAGE });
  if (!opts.print && !opts.cash) return now({ status: 'skipped', message: null });
  const db = ctx.db;
  const training = ctx.core.mode === 'training';
  ctx.afterCommit(async () => {
    let result: PrintStatus;
    try {
      result = opts.print ? await printDocument(db, training, req) : await send(settings.printer, DRAWER_ONLY);
    } catch (error) {
      ctx.log.error({ err: error, slipId: req.slipId }, 'receipt could not be rendered');
      result = { status: 'failed', message: error instanceof AppError ? error.staffMessage : '予期せぬエラーが発生しました。' };
    }
    // A drawer kick alone is not a receipt: the part stays 'skipped' unless the kick failed.
    if (!opts.print && receipt) remember(db, req.slipId, req.partNo, result.status === 'printed' ? { status: 'skipped', message: null } : result);
    if (result.status === 'failed') ctx.log.warn({ slipId: req.slipId, partNo: req.partNo, message: result.message }, 'print after commit failed');
    const slipNo = slipById(db, req.slipId).slip_no;
    ctx.emit('receipts.printed', { slipId: req.slipId, slipNo, partNo: req.partNo, document: req.document, ok: result.status === 'printed', message: result.message });
  });
  return now({ status: 'queued', message: null });
}
