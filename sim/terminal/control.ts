// The simulator's control API in TypeScript: the guest's and staff's actions on the terminal,
// its settings and faults. control-http.ts exposes the same over HTTP.
import type { LinkStats } from '../../native/ecr/link.ts';
import type { JournalEntry, Method, Step } from '../../native/ecr/messages.ts';
import { NO_FAULTS, type Faults } from './faults.ts';
import { businessDateOf, isoJst } from './rules.ts';
import { Terminal } from './terminal.ts';
import { SimError, type Card } from './transaction.ts';

export interface Snapshot {
  serial: string; battery: number; busy: boolean; standaloneBusy: boolean; sessionOpen: boolean;
  currentRef: string | null; step: Step | null; clock: string; businessDate: string; auto: boolean;
  contracts: Method[]; faults: Faults; journalSize: number; pendingResults: string[];
  connections: Array<{ kind: string; link: string; stats: LinkStats }>;
}

export class TerminalSim extends Terminal {
  private tx() {
    if (!this.current) throw new SimError('no transaction in progress');
    return this.current;
  }

  /** The guest inserts (ic), swipes or taps (contactless) a card. Only the last 4 digits exist here. */
  presentCard(card: Card): void { this.tx().presentCard(card); }
  /** The guest picks the e-money brand and touches (member number ending in `memberLast4`). */
  chooseEmoneyBrand(brand: string, memberLast4?: string): void { this.tx().chooseEmoneyBrand(brand, memberLast4); }
  /** The terminal scans the guest's QR code of `brand`. */
  scanQr(brand: string): void { this.tx().scanQr(brand); }
  /** The guest signs (swipe; contactless from ¥15,001; card voids). */
  sign(): void { this.tx().sign(); }
  /** Staff tap キャンセル then OK on the terminal (U6); refused once authorisation has begun. */
  cancelOnTerminal(): void {
    if (this.tx().cancel('terminal') === 'tooLate') throw new SimError('too late to cancel: authorisation has begun');
  }
  /** Staff answer the duplicate alert on the terminal: 取引中止 (stop) or 続ける (continue) (U10). */
  answerDuplicate(answer: 'stop' | 'continue'): void { this.tx().answerDuplicate(answer, 'terminal'); }

  setBattery(percent: number): void {
    if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new SimError('battery must be 0..100', 400);
    this.battery = percent;
  }
  /** U11: a transaction started on the terminal itself keeps it busy. */
  setBusy(busy: boolean): void { this.standaloneBusy = busy; }
  setAuto(auto: boolean): void { this.auto = auto; }
  setContracts(methods: Method[]): void { this.contracts = [...methods]; }
  /** Faults are merged into the current ones; `resetFaults()` clears them. */
  setFaults(faults: Partial<Faults>): void { Object.assign(this.faults, faults); }
  resetFaults(): void { this.faults = { ...NO_FAULTS }; }
  /** A card payment made on another terminal of the same account (the duplicate check sees it, U10). */
  addAccountTransaction(t: { amount: number; last4: string; brand: string; minutesAgo?: number; acquirerStatus?: string }): void {
    this.journal.addAccountTransaction({
      at: this.now() - (t.minutesAgo ?? 0) * 60_000, amount: t.amount, last4: t.last4, brand: t.brand,
      acquirerStatus: t.acquirerStatus ?? '売上予定',
    });
  }

  journalEntries(date?: string): JournalEntry[] { return this.journal.forDate(date ?? businessDateOf(this.now())); }

  snapshot(): Snapshot {
    const rec = this.current?.rec;
    return {
      serial: this.config.serial, battery: this.battery, busy: this.busy, standaloneBusy: this.standaloneBusy,
      sessionOpen: this.sessionOpen, currentRef: rec?.ref ?? null, step: rec?.step ?? null,
      clock: isoJst(this.now()), businessDate: businessDateOf(this.now()), auto: this.auto, contracts: this.contracts,
      faults: { ...this.faults }, journalSize: this.journal.size, pendingResults: this.journal.unacked().map((r) => r.ref),
      connections: [...this.conns].map((c) => ({ kind: c.kind, link: c.link.state, stats: { ...c.link.stats } })),
    };
  }

  /** Resolves when the current transaction reaches `step` ('idle': no transaction). */
  waitForStep(step: Step | 'idle', timeoutMs = 5000): Promise<void> {
    const reached = () => (step === 'idle' ? this.current === null : this.current?.step === step);
    if (reached()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => { if (reached()) { cleanup(); resolve(); } };
      // Steps change synchronously inside the transaction; check after the event has been handled.
      const onEvent = () => queueMicrotask(check);
      const timer = setTimeout(() => { cleanup(); reject(new SimError(`timeout waiting for ${step} (at ${this.current?.step ?? 'idle'})`, 408)); }, timeoutMs);
      const cleanup = () => { clearTimeout(timer); this.off('step', onEvent); this.off('result', onEvent); };
      this.on('step', onEvent);
      this.on('result', onEvent);
    });
  }
}
