// A payment, void or refund in progress on the terminal, as the register sees it: an async
// iterable of events (accepted, progress, prompt, promptClosed) and a promise of the final result.
import type { BodyOf, Step, TxResult } from './messages.ts';

export type Prompt = BodyOf<'prompt'>;
export type FlowEvent =
  | { type: 'accepted'; ref: string }
  | { type: 'progress'; ref: string; step: Step; display: string; notice?: string }
  | ({ type: 'prompt' } & Prompt)
  | ({ type: 'promptClosed' } & BodyOf<'prompt.closed'>);

export interface FlowHandlers {
  /** Called for each event as it arrives (in addition to async iteration). */
  onEvent?: (event: FlowEvent) => void;
  /**
   * The duplicate alert (U10): return 'stop' (取引中止) or 'continue' (続ける), or undefined to
   * leave the answer to staff on the terminal. A `promptClosed` event follows either way.
   */
  onPrompt?: (prompt: Prompt) => Promise<'stop' | 'continue' | undefined> | 'stop' | 'continue' | undefined;
}

/** A transaction started with sale(), void() or refund(). */
export interface PaymentFlow extends AsyncIterable<FlowEvent> {
  readonly ref: string;
  /**
   * The terminal's final result (approved, declined, cancelled, stopped, unconfirmed). Rejects with
   * TerminalError when the terminal refuses the request, NotConnectedError when nothing was sent,
   * or LinkLostError when the link drops before the result: then the outcome is unknown and
   * `status(ref)` decides it after reconnecting.
   */
  readonly result: Promise<TxResult>;
  /** Asks the terminal to cancel; 'tooLate' once authorisation has begun (the result follows). */
  cancel(): Promise<'cancelled' | 'tooLate'>;
}

/** Driver-internal implementation of PaymentFlow. */
export class Flow implements PaymentFlow {
  readonly ref: string;
  readonly result: Promise<TxResult>;
  readonly handlers: FlowHandlers;
  private readonly events: FlowEvent[] = [];
  private waiters: Array<(r: IteratorResult<FlowEvent>) => void> = [];
  private finished = false;
  private settle!: { resolve: (r: TxResult) => void; reject: (e: Error) => void };
  private readonly doCancel: () => Promise<'cancelled' | 'tooLate'>;

  constructor(ref: string, handlers: FlowHandlers, cancel: () => Promise<'cancelled' | 'tooLate'>) {
    this.ref = ref;
    this.handlers = handlers;
    this.doCancel = cancel;
    this.result = new Promise<TxResult>((resolve, reject) => { this.settle = { resolve, reject }; });
    this.result.catch(() => {}); // callers that only iterate must not cause unhandled rejections
  }

  get done(): boolean { return this.finished; }

  cancel(): Promise<'cancelled' | 'tooLate'> { return this.doCancel(); }

  push(event: FlowEvent): void {
    if (this.finished) return;
    this.handlers.onEvent?.(event);
    const w = this.waiters.shift();
    if (w) w({ value: event, done: false });
    else this.events.push(event);
  }

  resolve(result: TxResult): void { this.end(() => this.settle.resolve(result)); }
  reject(err: Error): void { this.end(() => this.settle.reject(err)); }

  private end(settle: () => void): void {
    if (this.finished) return;
    this.finished = true;
    settle();
    for (const w of this.waiters.splice(0)) w({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<FlowEvent> {
    return {
      next: () => {
        const e = this.events.shift();
        if (e) return Promise.resolve({ value: e, done: false });
        if (this.finished) return Promise.resolve({ value: undefined, done: true });
        return new Promise((r) => this.waiters.push(r));
      },
    };
  }
}
