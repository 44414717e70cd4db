// The simulated terminal's journal: every transaction keyed by the register's ref (in memory;
// a restart may keep or lose it), plus the account's other terminals for the duplicate check (U10).
import type { JournalEntry, Method, Step, TxResult } from '../../native/ecr/messages.ts';
import { businessDateOf, type Entry, type HistoryItem } from './rules.ts';

export interface TxRecord {
  ref: string;
  kind: 'sale' | 'void' | 'return';
  originalRef?: string;
  method: Method;
  amount: number;
  slip: { no: string; part: number };
  state: 'inProgress' | 'completed';
  step?: Step;
  startedAt: number;
  /** The means presented: card brand/last 4/entry, e-money brand/member last 4, or QR brand. */
  means?: { brand: string; last4?: string; entry?: Entry };
  result?: TxResult;
  /** Current acquirer status (U12); it changes when the payment is refunded. */
  acquirerStatus: string | null;
  /** The register has sent result.ack; until then the result is resent (after hello or link up). */
  resultAcked: boolean;
  refundedBy?: string;
}

/** Numbers printed on receipts, unique per terminal (they survive a restart that loses the journal). */
export interface SlipNumbers { orderCode: string; approvalNo: string; processingNo: string; terminalSlipNo: string; inquiryNo: string }

export class Journal {
  private readonly records = new Map<string, TxRecord>();
  private readonly account: HistoryItem[] = [];
  private counter = 0;
  private readonly orderPrefix: string;

  constructor(orderPrefix = 'TSU3') { this.orderPrefix = orderPrefix; }

  get(ref: string): TxRecord | undefined { return this.records.get(ref); }
  get size(): number { return this.records.size; }

  /** Writes the ref before the terminal answers `accepted`, so a repeat of the ref starts nothing. */
  add(record: TxRecord): void {
    if (this.records.has(record.ref)) throw new Error(`ref ${record.ref} already journaled`);
    this.records.set(record.ref, record);
  }

  /** A terminal restart that loses its journal; numbering continues. */
  clear(): void {
    this.records.clear();
  }

  nextNumbers(): SlipNumbers {
    const n = ++this.counter;
    const d = (width: number, salt: number) => String((n * salt) % 10 ** width).padStart(width, '0');
    return {
      orderCode: `${this.orderPrefix}-${String(3377 + n).padStart(7, '0')}`,
      approvalNo: d(6, 7919), processingNo: d(8, 104729), terminalSlipNo: String(n).padStart(4, '0'),
      inquiryNo: `0003-${String(3000403506 + n)}`,
    };
  }

  /** Results not yet acknowledged by the register, oldest first. */
  unacked(): TxRecord[] {
    return [...this.records.values()].filter((r) => r.state === 'completed' && !r.resultAcked);
  }

  inProgress(): TxRecord | undefined {
    return [...this.records.values()].find((r) => r.state === 'inProgress');
  }

  /** A transaction of another terminal of the same account (U10 counts it too). */
  addAccountTransaction(item: HistoryItem): void { this.account.push(item); }

  /** Completed transactions of this terminal and the account, for the duplicate check. */
  history(): HistoryItem[] {
    const own = [...this.records.values()].flatMap((r): HistoryItem[] => (r.result
      ? [{ at: Date.parse(r.result.at), amount: r.amount, last4: r.means?.last4, brand: r.means?.brand, acquirerStatus: r.acquirerStatus }]
      : []));
    return [...own, ...this.account];
  }

  /** The journal of one business day, as `journal.ok` lists it. */
  forDate(date: string): JournalEntry[] {
    return [...this.records.values()]
      .filter((r) => r.result && businessDateOf(r.startedAt) === date)
      .map((r) => toEntry(r));
  }
}

export function toEntry(r: TxRecord): JournalEntry {
  const res = r.result!;
  const e: JournalEntry = {
    ref: r.ref, kind: r.kind, method: r.method, amount: r.amount, slip: r.slip, outcome: res.outcome,
    acquirerStatus: r.acquirerStatus, at: res.at, businessDate: res.businessDate,
  };
  if (r.originalRef) e.originalRef = r.originalRef;
  if (res.brand) e.brand = res.brand;
  if (res.maskedCard) e.maskedCard = res.maskedCard;
  if (res.orderCode) e.orderCode = res.orderCode;
  return e;
}
