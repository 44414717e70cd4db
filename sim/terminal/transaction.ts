// One transaction on the simulated terminal, as a state machine over the manual's screens:
// idle → awaiting card / brand / QR → (PIN) → (duplicate alert) → authorising → (signature) → result.
import type { Step, TxResult } from '../../native/ecr/messages.ts';
import type { SlipNumbers, TxRecord } from './journal.ts';
import { buildReceipts, type Merchant } from './receipts.ts';
import { STEP_DISPLAY } from './texts.ts';
import { ACQUIRER_STATUS, businessDateOf, isoJst, needsSignature, statusAfterRefund, type Entry } from './rules.ts';

/** Guest or staff action refused in the current state (HTTP 409 on the control API). */
export class SimError extends Error {
  readonly status: number;
  constructor(message: string, status = 409) { super(message); this.name = 'SimError'; this.status = status; }
}

/** The outcome the acquirer gives the next authorisation (set by the control API). */
export type NextOutcome = 'approve' | 'decline' | 'unconfirmed' | 'authorisedFailed';
export interface Card { entry: Entry; brand: string; last4: string; /** an IC card; it may not be swiped (U5) */ chip?: boolean }

/** What a transaction needs from the terminal around it. */
export interface TxHost {
  now(): number;
  authoriseMs(): number;
  takeOutcome(): NextOutcome;
  isDuplicate(card: { amount: number; last4: string; brand: string }): boolean;
  numbers(): SlipNumbers;
  merchant(): Merchant;
  auto(): { card: Card; emoneyBrand: string; qrBrand: string; memberLast4: string } | null;
  onStep(rec: TxRecord, step: Step, display: string, notice?: string): void;
  onPrompt(rec: TxRecord, promptId: string): void;
  onPromptClosed(rec: TxRecord, promptId: string, answer: 'stop' | 'continue', chosenOn: 'terminal' | 'register'): void;
  onDone(rec: TxRecord, result: TxResult): void;
}

const CANCELLABLE: readonly Step[] = ['awaitingCard', 'brandSelect', 'awaitingEmoney', 'awaitingQr', 'pin', 'duplicateAlert'];

export class Transaction {
  readonly rec: TxRecord;
  private readonly host: TxHost;
  private readonly original: TxRecord | undefined;
  private promptSeq = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(rec: TxRecord, host: TxHost, original?: TxRecord) {
    this.rec = rec;
    this.host = host;
    this.original = original;
    // A refund is of the original's card or e-money; a return needs no card, its receipts still name it.
    if (original?.means) rec.means = { ...original.means };
  }

  get step(): Step | undefined { return this.rec.state === 'inProgress' ? this.rec.step : undefined; }

  start(): void {
    const { method, kind } = this.rec;
    if (kind === 'sale') this.enter(method === 'credit' ? 'awaitingCard' : method === 'emoney' ? 'brandSelect' : 'awaitingQr');
    else if (method === 'credit' && kind === 'void') this.enter('awaitingCard'); // same-day void needs the card (manual 4-5)
    else if (method === 'emoney') this.enter('awaitingEmoney'); // the guest's e-money is needed on any day (4-5)
    else this.authorise();
  }

  presentCard(card: Card): void {
    this.expect('awaitingCard');
    if (!/^\d{4}$/.test(card.last4)) throw new SimError('last4 must be 4 digits', 400);
    if (card.entry === 'swipe' && card.chip) {
      this.host.onStep(this.rec, 'awaitingCard', 'ICチップ付きカードの場合は磁気読み取りによるカードの決済はできません', 'icCardSwiped');
      throw new SimError('an IC card may not be swiped (U5)');
    }
    const o = this.original?.means;
    if (o && (o.last4 !== card.last4 || o.brand !== card.brand)) {
      this.host.onStep(this.rec, 'awaitingCard', 'お支払いに使用したカードをお使いください', 'cardMismatch');
      throw new SimError('not the card of the original payment');
    }
    this.rec.means = { brand: card.brand, last4: card.last4, entry: card.entry };
    if (card.entry === 'ic') this.host.onStep(this.rec, 'pin', STEP_DISPLAY.pin);
    if (this.rec.kind === 'sale' && this.host.isDuplicate({ amount: this.rec.amount, last4: card.last4, brand: card.brand })) {
      this.enter('duplicateAlert');
      this.host.onPrompt(this.rec, `${this.rec.ref}#${++this.promptSeq}`);
      return;
    }
    this.authorise();
  }

  chooseEmoneyBrand(brand: string, memberLast4 = '3028'): void {
    if (this.step !== 'brandSelect' && this.step !== 'awaitingEmoney') this.expect('brandSelect');
    const o = this.original?.means;
    if (o && o.brand !== brand) throw new SimError(`refund needs the ${o.brand} used for the payment`);
    this.rec.means = { brand, last4: o?.last4 ?? memberLast4 };
    this.authorise();
  }

  scanQr(brand: string): void {
    this.expect('awaitingQr');
    this.rec.means = { brand };
    this.authorise();
  }

  sign(): void {
    this.expect('signature');
    this.finish('approved');
  }

  /** The duplicate alert answered on the terminal or by the register's prompt.reply. */
  answerDuplicate(answer: 'stop' | 'continue', chosenOn: 'terminal' | 'register'): void {
    this.expect('duplicateAlert');
    this.host.onPromptClosed(this.rec, `${this.rec.ref}#${this.promptSeq}`, answer, chosenOn);
    if (answer === 'continue') this.authorise();
    else this.finish('stopped', 'DUPLICATE_STOPPED', '重複決済の可能性があるため取引中止しました。再度会計を行ってください');
  }

  /** Before authorisation the transaction can still be cancelled (U6). */
  cancellable(): boolean { return this.step !== undefined && CANCELLABLE.includes(this.step); }

  /** U6: cancel before authorisation, from the terminal or the register; afterwards it is too late. */
  cancel(by: 'terminal' | 'register'): 'cancelled' | 'tooLate' {
    if (!this.cancellable()) return 'tooLate';
    if (this.step === 'duplicateAlert') this.host.onPromptClosed(this.rec, `${this.rec.ref}#${this.promptSeq}`, 'stop', by);
    this.finish('cancelled', by === 'terminal' ? 'CANCELLED_ON_TERMINAL' : 'CANCELLED_BY_REGISTER',
      by === 'terminal' ? 'USEN PAYで決済がキャンセルされました' : '決済を中止しました');
    return 'cancelled';
  }

  /** A terminal restart mid-transaction: before authorisation nothing happened; after it, not completed. */
  abortForRestart(): void {
    clearTimeout(this.timer);
    if (!this.step) return;
    if (CANCELLABLE.includes(this.step)) { this.finish('cancelled', 'CANCELLED_ON_TERMINAL', '端末の再起動により決済が中止されました'); return; }
    if (this.rec.method === 'credit') this.finish('declined', 'DECLINED', '決済/取消処理が完了していません', ACQUIRER_STATUS.credit.authorisedFailed);
    else this.finish('unconfirmed', 'ACQUIRER_UNCONFIRMED', 'ステータスの確認を行ってください',
      this.rec.method === 'emoney' ? ACQUIRER_STATUS.emoney.unconfirmed : ACQUIRER_STATUS.qr.unconfirmed);
  }

  private expect(step: Step): void {
    if (this.step !== step) throw new SimError(`terminal is at ${this.step ?? 'idle'}, not ${step}`);
  }

  private enter(step: Step): void {
    this.rec.step = step;
    this.host.onStep(this.rec, step, STEP_DISPLAY[step]);
    const auto = this.host.auto();
    if (!auto) return;
    // Auto mode: the guest acts at once (demos, benchmarks), on the next turn of the event loop.
    setImmediate(() => {
      if (this.step !== step) return;
      const o = this.original?.means;
      if (step === 'awaitingCard') this.presentCard(o ? { entry: o.entry ?? 'ic', brand: o.brand, last4: o.last4 ?? '0000' } : auto.card);
      else if (step === 'brandSelect') this.chooseEmoneyBrand(auto.emoneyBrand, auto.memberLast4);
      else if (step === 'awaitingEmoney') this.chooseEmoneyBrand(o?.brand ?? auto.emoneyBrand, o?.last4);
      else if (step === 'awaitingQr') this.scanQr(auto.qrBrand);
      else if (step === 'signature') this.sign();
    });
  }

  private authorise(): void {
    this.enter('authorising');
    this.timer = setTimeout(() => {
      const outcome = this.host.takeOutcome();
      const { method, kind } = this.rec;
      if (outcome === 'approve') {
        const signature = method === 'credit' && (kind === 'sale' ? needsSignature(this.rec.means!.entry ?? 'ic', this.rec.amount) : kind === 'void');
        if (signature) this.enter('signature');
        else this.finish('approved');
      } else if (outcome === 'unconfirmed' && method !== 'credit') {
        this.finish('unconfirmed', 'ACQUIRER_UNCONFIRMED', 'ステータスの確認を行ってください', method === 'emoney' ? ACQUIRER_STATUS.emoney.unconfirmed : ACQUIRER_STATUS.qr.unconfirmed);
      } else {
        const status = method === 'credit' ? (outcome === 'decline' ? ACQUIRER_STATUS.credit.declined : ACQUIRER_STATUS.credit.authorisedFailed)
          : method === 'qr' ? ACQUIRER_STATUS.qr.declined : null;
        this.finish('declined', 'DECLINED', '決済できませんでした', status);
      }
    }, this.host.authoriseMs());
  }

  private finish(outcome: TxResult['outcome'], reason?: TxResult['reason'], display?: string, status?: string | null): void {
    clearTimeout(this.timer);
    const rec = this.rec;
    const now = this.host.now();
    const approved = outcome === 'approved';
    const reached = approved || status !== undefined; // something reached the acquirer
    const numbers = reached ? this.host.numbers() : undefined;
    const result: TxResult = {
      ref: rec.ref, kind: rec.kind, method: rec.method, amount: rec.amount, slip: rec.slip, outcome,
      acquirerStatus: approved ? (rec.kind === 'sale' ? ACQUIRER_STATUS[rec.method].approved : statusAfterRefund(rec.method, rec.kind)) : (status ?? null),
      signed: approved && rec.step === 'signature', at: isoJst(now), businessDate: businessDateOf(now),
    };
    if (rec.originalRef) result.originalRef = rec.originalRef;
    if (reason) result.reason = reason;
    if (display) result.display = display;
    if (rec.means) result.brand = rec.means.brand;
    if (rec.method === 'credit' && rec.means?.last4) {
      result.maskedCard = `****${rec.means.last4}`;
      result.entry = rec.means.entry;
      result.division = '一括';
    }
    if (numbers) {
      result.orderCode = numbers.orderCode;
      if (approved && rec.method === 'credit') result.approvalNo = numbers.approvalNo;
      const receipts = approved ? buildReceipts(rec, numbers, now, this.host.merchant(), false) : undefined;
      if (receipts) result.receipts = receipts;
    }
    rec.step = undefined;
    rec.state = 'completed';
    rec.result = result;
    rec.acquirerStatus = result.acquirerStatus;
    if (approved && this.original) {
      this.original.acquirerStatus = statusAfterRefund(rec.method, rec.kind as 'void' | 'return');
      this.original.refundedBy = rec.ref;
    }
    this.host.onDone(rec, result);
  }
}
