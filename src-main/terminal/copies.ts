// USEN PAY copies (RULES.md#U7, manual 3-1 – 3-3): customer and merchant copies of card and e-money
// payments and refunds, printed on the receipt printer; none for QR; prints after the first carry (再).
import type { Receipt, Receipts } from '../../native/ecr/messages.ts';
import { PRINTER_ERROR_MESSAGES, PrinterError, printJob, type PrinterTarget } from '../../native/printer/index.ts';
import { AppError } from '../../src-shared/errors.ts';
import { ReceiptError, renderReceipt, type TerminalCopyDoc } from '../receipts/index.ts';
import { getSettings } from '../store/settings-repo.ts';
import { getIntent, patchIntent, type IntentRow } from './intents.ts';
import type { TerminalService } from './service.ts';
import { TEXT } from './u12.ts';

const PRINT_OPTIONS = { statusTimeoutMs: 1500, pollIntervalMs: 250, jobTimeoutMs: 15_000, connectTimeoutMs: 3000 } as const;

export type CopiesOutcome = { status: 'printed' | 'failed' | 'none' | 'skipped'; message: string | null; reprint: boolean };

/** "2024/12/27 14:26:55" as printed by the terminal, in JST. */
function usedAt(text: string): Date {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+09:00`) : new Date(Number.NaN);
}

/** The terminal's copy (structured, masked numbers only) as the register's receipt document. */
export function copyDoc(r: Receipt, reprint: boolean): TerminalCopyDoc {
  const copy = r.copy === 'お客様控' ? 'customer' : 'merchant';
  const transaction = r.transaction === '売上' ? 'sale' : 'void';
  if (r.kind === 'card') {
    return {
      kind: 'terminal', method: 'card', copy, transaction, reprint, merchantName: r.merchantName, merchantPhone: r.merchantPhone,
      orderCode: r.orderCode, usedAt: usedAt(r.usedAt), last4: r.maskedCard.slice(-4), brand: r.brand, entryMode: r.entryLabel,
      slipNo: r.terminalSlipNo, division: r.division, approvalNo: r.approvalNo, processNo: r.processingNo, amount: r.amount,
    };
  }
  return {
    kind: 'terminal', method: 'emoney', copy, transaction, reprint, merchantName: r.merchantName, merchantPhone: r.merchantPhone,
    merchantAddress: r.merchantAddress, orderCode: r.orderCode, usedAt: usedAt(r.usedAt), last4: r.maskedMember.slice(-4), brand: r.brand,
    slipNo: r.terminalSlipNo, amount: r.amount, registerNo: r.registerNo, terminalId: r.terminalId, inquiryNo: r.inquiryNo,
  };
}

/** Both copies, customer first, as one ESC/POS job. */
export function renderCopies(row: IntentRow, reprint: boolean, width: 42 | 48): Uint8Array {
  const receipts = JSON.parse(row.receipts ?? 'null') as Receipts | null;
  if (!receipts) throw new AppError('NO_COPY', `no copies for ${row.ref}`, TEXT.NO_COPY);
  const parts = [receipts.customer, receipts.merchant].map((r) => renderReceipt(copyDoc(r, reprint), { format: 'escpos', width }).data);
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * 控え印刷 (U7). `fromHistory`: the USEN PAY history screen always prints (再); so does every print
 * after the first confirmed one. Only a confirmed print is counted.
 */
export async function printCopies(svc: TerminalService, ref: string, fromHistory: boolean): Promise<CopiesOutcome> {
  const db = svc.db();
  const row = getIntent(db, ref);
  if (!row) throw new AppError('NOT_FOUND', `no intent ${ref}`, TEXT.NOT_FOUND);
  if (row.method === 'qr') throw new AppError('NO_COPY', 'no copies for QR (U7)', TEXT.NO_COPY_QR);
  if (row.state !== 'done' || !row.receipts) throw new AppError('NO_COPY', `no copies for ${ref} in state ${row.state}`, TEXT.NO_COPY);
  const reprint = fromHistory || row.copies_printed > 0;
  const settings = getSettings(db);
  if (settings.printer.kind === 'none') return { status: 'none', message: TEXT.NO_PRINTER, reprint };
  let bytes: Uint8Array;
  try {
    bytes = renderCopies(row, reprint, settings.receipt.width);
  } catch (error) {
    if (error instanceof ReceiptError) throw new AppError(error.code, error.message, error.staffMessage);
    throw error;
  }
  try {
    await printJob(settings.printer as PrinterTarget, bytes, PRINT_OPTIONS);
  } catch (error) {
    const message = error instanceof PrinterError ? PRINTER_ERROR_MESSAGES[error.code] : 'プリンターで印刷できませんでした。プリンターの状態を確認して再印刷してください。';
    svc.core.log.warn({ ref, err: (error as Error).message }, 'terminal copies not printed');
    return { status: 'failed', message, reprint };
  }
  patchIntent(db, ref, { copies_printed: row.copies_printed + 1 });
  svc.publishPayment(getIntent(db, ref));
  return { status: 'printed', message: null, reprint };
}

/** U7: お客様控え「自動」: both copies after every approved card / e-money payment or refund. */
export async function autoPrintCopies(svc: TerminalService, ref: string): Promise<void> {
  try {
    const out = await printCopies(svc, ref, false);
    if (out.status !== 'printed') svc.core.log.warn({ ref, status: out.status }, 'automatic terminal copies not printed');
  } catch (error) {
    svc.core.log.warn({ ref, err: (error as Error).message }, 'automatic terminal copies failed');
  }
}
