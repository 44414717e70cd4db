import type { TerminalPayment } from '../../../../src-shared/contract/index.ts';
import type { AppState } from '../../types.ts';

/** Sales on the checkout's payment list: not yet part of a checkout, not refunded, not failed. */
const onList = (p: TerminalPayment) => p.kind === 'sale' && !p.consumed && !p.refunded && p.state !== 'failed';

const memo = <T>(pick: (s: AppState) => TerminalPayment[], f: (list: TerminalPayment[]) => T) => {
  let last: TerminalPayment[] | null = null;
  let value: T;
  return (s: AppState): T => {
    const list = pick(s);
    if (list !== last) {
      last = list;
      value = f(list);
    }
    return value;
  };
};

export const terminalSelectors = {
  status: (s: AppState) => s.terminal,
  connecting: (s: AppState) => s.terminalConnecting,
  flow: (s: AppState) => s.terminalFlow,
  prompt: (s: AppState) => s.terminalPrompt,
  payments: (s: AppState) => s.terminalPayments,
  /** Every terminal line the checkout shows (settled, in flight, 要確認). */
  forCheckout: memo((s) => s.terminalPayments, (list) => list.filter(onList)),
  /** Settled sales: what the checkout must carry as 決済端末 payments (U2, U3). */
  settledForCheckout: memo((s) => s.terminalPayments, (list) => list.filter((p) => onList(p) && p.state === 'done')),
  /** In flight, unknown or 要確認: the checkout waits (U12). */
  blocking: memo((s) => s.terminalPayments, (list) => list.filter((p) => onList(p) && p.state !== 'done')),
  ready: (s: AppState) => s.terminal?.state === 'connected',
};

export const isUnsettled = (p: TerminalPayment) => p.state === 'pending' || p.state === 'waiting' || p.state === 'unknown';
