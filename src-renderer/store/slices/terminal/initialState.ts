import type { EventPayload, TerminalMethod, TerminalPayment, TerminalStatus } from '../../../../src-shared/contract/index.ts';

export type TerminalPrompt = EventPayload<'terminal.prompt'>;

/**
 * The 決済端末連携 on screen: a sale (U2) or a refund (U4, U8) from sending to its end.
 * sending: terminal.pay / terminal.refund is out; waiting: the terminal took it (決済処理中 / 払戻中);
 * done: 支払完了 / 払戻完了; failed: cancelled, refused or stopped (the terminal's text);
 * unknown: 切断する or a lost link (the outcome is asked later); review: 要確認.
 */
export type TerminalFlow = {
  kind: 'sale' | 'refund';
  visitId: string;
  method: TerminalMethod;
  amount: number;
  /** The original sale of a refund. */
  originalRef: string | null;
  ref: string | null;
  phase: 'sending' | 'waiting' | 'done' | 'failed' | 'unknown' | 'review';
  /** The terminal's progress text (terminal.progress) or its final text. */
  display: string | null;
  payment: TerminalPayment | null;
  /** A refusal before the terminal took it (busy U11, not connected …): shown with 閉じる. */
  error: string | null;
  errorCode: string | null;
  /** Staff pressed 切断する (U6): the register stopped waiting; the terminal's outcome follows. */
  disconnected: boolean;
};

export type TerminalState = {
  terminal: TerminalStatus | null;
  terminalConnecting: boolean;
  terminalFlow: TerminalFlow | null;
  /** The open duplicate-payment alert (U10), by ref. */
  terminalPrompt: TerminalPrompt | null;
  /** Terminal payments of the visit on the checkout screen. */
  terminalPayments: TerminalPayment[];
  terminalPaymentsVisitId: string | null;
  /** Latest progress text per ref (events may arrive before terminal.pay answers). */
  terminalProgress: Record<string, string>;
};

export const initialTerminalState: TerminalState = {
  terminal: null,
  terminalConnecting: false,
  terminalFlow: null,
  terminalPrompt: null,
  terminalPayments: [],
  terminalPaymentsVisitId: null,
  terminalProgress: {},
};
