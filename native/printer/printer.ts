// ReceiptPrinter: ESC/POS printing over a PrinterLink with status checks before and after.
import { openSerialLink, openTcpLink, type PrinterLink, type PrinterTarget } from './link.ts';
import {
  decodeStatus, isGsRReply, isStatusReply, PrinterError, statusError, statusQuery, type PrinterStatus,
} from './status.ts';

export interface PrinterOptions {
  /** Per DLE EOT reply (default 1500 ms). A printer that answers nothing is TIMEOUT. */
  readonly statusTimeoutMs?: number;
  /** Until the OS took the job's bytes (default 10 s). */
  readonly writeTimeoutMs?: number;
  /** Until a job ending in GS r 1 is confirmed printed (default 30 s). */
  readonly jobTimeoutMs?: number;
  /** Status polling while waiting for the job (default 1000 ms), so paper out fails fast. */
  readonly pollIntervalMs?: number;
  /** TCP connect / serial open (default 3000 ms). */
  readonly connectTimeoutMs?: number;
}

export interface PrintResult {
  readonly bytes: number;
  /** True when the printer confirmed processing the whole job (GS r 1 reply). */
  readonly confirmed: boolean;
  readonly status: PrinterStatus;
  /** 'PAPER_NEAR_END' when the roll is nearly used up: print worked, staff should be told. */
  readonly warnings: readonly 'PAPER_NEAR_END'[];
}

interface Waiter { accepts: (b: number) => boolean; resolve: (b: number) => void; reject: (e: Error) => void }

/** ESC/POS ends receiptline's output with GS r 1: its reply means everything before it was processed. */
const endsWithGsR = (job: Uint8Array): boolean => {
  const n = job.length;
  return n >= 3 && job[n - 3] === 0x1d && job[n - 2] === 0x72 && (job[n - 1] === 0x31 || job[n - 1] === 0x01);
};

export class ReceiptPrinter {
  private readonly link: PrinterLink;
  private readonly opts: Required<PrinterOptions>;
  private waiters: Waiter[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private closed: Error | null = null;

  constructor(link: PrinterLink, options: PrinterOptions = {}) {
    this.link = link;
    this.opts = {
      statusTimeoutMs: options.statusTimeoutMs ?? 1500,
      writeTimeoutMs: options.writeTimeoutMs ?? 10_000,
      jobTimeoutMs: options.jobTimeoutMs ?? 30_000,
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      connectTimeoutMs: options.connectTimeoutMs ?? 3000,
    };
    // Each reply byte goes to the oldest waiter that accepts it; others (ASB etc.) are dropped.
    link.onData((chunk) => {
      for (const b of chunk) {
        const i = this.waiters.findIndex((w) => w.accepts(b));
        if (i >= 0) this.waiters.splice(i, 1)[0]?.resolve(b);
      }
    });
    link.onClose((cause) => {
      // A dropped link fails every pending reply at once instead of waiting for its timeout.
      this.closed = new PrinterError('OFFLINE', { cause });
      const pending = this.waiters;
      this.waiters = [];
      pending.forEach((w) => w.reject(this.closed ?? new PrinterError('OFFLINE')));
    });
  }

  /** Real-time status (DLE EOT 1–4). Throws TIMEOUT when the printer does not answer. */
  status(): Promise<PrinterStatus> {
    return this.exclusive(() => this.readStatus());
  }

  /** Throws the PrinterError staff must fix (cover, paper, offline), or resolves when ready. */
  async check(): Promise<PrinterStatus> {
    const s = await this.status();
    this.throwIfError(s);
    return s;
  }

  /** Prints one job: status check, write, wait for completion (GS r 1), status check. */
  print(job: Uint8Array): Promise<PrintResult> {
    return this.exclusive(async () => {
      this.throwIfError(await this.readStatus());
      const confirmation = endsWithGsR(job) ? this.reply(isGsRReply) : null;
      try {
        await this.link.write(job, this.opts.writeTimeoutMs);
      } catch (e) {
        confirmation?.cancel();
        throw e;
      }
      const confirmed = confirmation ? await this.awaitJob(confirmation) : false;
      const after = await this.readStatus();
      this.throwIfError(after);
      return { bytes: job.length, confirmed, status: after, warnings: after.paperNearEnd ? ['PAPER_NEAR_END'] : [] };
    });
  }

  close(): Promise<void> {
    return this.link.close();
  }

  private throwIfError(s: PrinterStatus): void {
    const code = statusError(s);
    if (code) throw new PrinterError(code, { status: s });
  }

  /** Waits for the GS r reply while polling status, so a fault mid-job is reported at once. */
  private async awaitJob(confirmation: { promise: Promise<number>; cancel: () => void }): Promise<boolean> {
    const deadline = Date.now() + this.opts.jobTimeoutMs;
    let done = false;
    const finished = confirmation.promise.then(() => { done = true; });
    finished.catch(() => {}); // a late rejection after we gave up must not go unhandled
    try {
      while (!done) {
        const left = deadline - Date.now();
        if (left <= 0) {
          throw new PrinterError('TIMEOUT');
        }
        await Promise.race([finished, sleep(Math.min(left, this.opts.pollIntervalMs))]);
        if (!done) this.throwIfError(await this.readStatus());
      }
      return true;
    } finally {
      confirmation.cancel();
    }
  }

  private async readStatus(): Promise<PrinterStatus> {
    if (this.closed) throw this.closed;
    const [p, o, e, r] = [await this.query(1), await this.query(2), await this.query(3), await this.query(4)];
    return decodeStatus(p, o, e, r);
  }

  private async query(n: 1 | 2 | 3 | 4): Promise<number> {
    const reply = this.reply(isStatusReply);
    const timer = setTimeout(() => reply.fail(new PrinterError('TIMEOUT')), this.opts.statusTimeoutMs);
    try {
      await this.link.write(statusQuery(n), this.opts.writeTimeoutMs);
      return await reply.promise;
    } finally {
      clearTimeout(timer);
      reply.cancel();
    }
  }

  private reply(accepts: (b: number) => boolean) {
    let fail: (e: Error) => void = () => {};
    let waiter: Waiter | undefined;
    const promise = new Promise<number>((resolve, reject) => {
      waiter = { accepts, resolve, reject };
      fail = reject;
      if (this.closed) reject(this.closed);
      else this.waiters.push(waiter);
    });
    promise.catch(() => {}); // observed by the caller; avoids an unhandled rejection after cancel
    const cancel = () => { this.waiters = this.waiters.filter((w) => w !== waiter); };
    return { promise, cancel, fail: (e: Error) => { cancel(); fail(e); } };
  }

  /** One operation at a time: replies carry no request id, so requests must not interleave. */
  private exclusive<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => {});
    return run;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function openPrinter(target: PrinterTarget, options: PrinterOptions = {}): Promise<ReceiptPrinter> {
  const connectMs = options.connectTimeoutMs ?? 3000;
  const link = target.kind === 'tcp'
    ? await openTcpLink(target.host, target.port ?? 9100, connectMs)
    : await openSerialLink(target.path, target.baudRate ?? 38400, connectMs);
  return new ReceiptPrinter(link, options);
}

/** Connects, prints one job and disconnects (LAN printers usually serve one client at a time). */
export async function printJob(target: PrinterTarget, job: Uint8Array, options: PrinterOptions = {}): Promise<PrintResult> {
  const printer = await openPrinter(target, options);
  try {
    return await printer.print(job);
  } finally {
    await printer.close();
  }
}
