import type { Input, Notice, Output, SlipDetail, SlipRow, TerminalPayment } from '../../../../src-shared/contract/index.ts';

export type SlipQuery = Omit<Input<'slips.list'>, 'limit' | 'offset'>;
export type ReceiptRequest = Omit<Input<'receipts.preview'>, 'format'>;
export type PrintOutcome = Pick<Output<'receipts.print'>, 'status' | 'message'> & { reprint?: boolean };

export type SlipsState = {
  slipQuery: SlipQuery;
  slipRows: SlipRow[];
  slipTotal: number;
  slipsLoaded: boolean;
  slipDetail: SlipDetail | null;
  /** USEN PAY history of the slip on screen (受注コード U13, 取消 U8). */
  slipTerminal: TerminalPayment[];
  slipBusy: boolean;
  /** What the last 伝票取消 could not undo by itself (P9, prepayment, ledger): shown once. */
  slipNotices: Notice[];
  /** The receipt preview on screen (after a checkout or from a slip): the same document as printed. */
  receipt: { request: ReceiptRequest; format: 'svg' | 'text'; data: string; reprint: boolean } | null;
  /** Printing of the document on screen: queued after a commit, then the printer's outcome. */
  printOutcome: (PrintOutcome & { slipId: string; partNo: number; document: string }) | null;
};

export const initialSlipsState: SlipsState = {
  slipQuery: {},
  slipRows: [],
  slipTotal: 0,
  slipsLoaded: false,
  slipDetail: null,
  slipTerminal: [],
  slipBusy: false,
  slipNotices: [],
  receipt: null,
  printOutcome: null,
};
