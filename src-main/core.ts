import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyEvent, Staff } from '../src-shared/contract/index.ts';
import type { Result } from '../src-shared/result.ts';
import { dispatch } from './api/dispatch.ts';
import type { Caller } from './api/context.ts';
import { registry } from './api/registry.ts';
import { createLogger, type Logger } from './logging/logger.ts';
import { staffById } from './services/auth.ts';
import { PairingCodes } from './services/devices.ts';
import { hashPin } from './services/pin.ts';
import { LoginThrottle, Sessions } from './services/sessions.ts';
import { appRoot } from './paths.ts';
import { openDb, type DB } from './store/db.ts';
import { migrate } from './store/migrate.ts';
import { copyMasterData, seedDemo } from './store/seed.ts';
import { getValue, setValue } from './store/settings-repo.ts';
import { LedgerSync, type SyncOptions } from './ledger/sync-service.ts';
import { TerminalService, terminalOptionsFromEnv, type TerminalOptions } from './terminal/service.ts';

export type Mode = 'live' | 'training';
export type StoreHandle = { db: DB; file: string; backupsDir: string };
export type Health = { ok: true } | { ok: false; code: string; detail: string };

export type CoreOptions = {
  /** Where the databases, backups and logs live (POS_DATA_DIR, else the OS app-data folder). */
  dataDir: string;
  now?: () => number;
  logger?: Logger;
  /** Seed the demo store (staff, floors, tables, menu) into an empty database. */
  demo?: boolean;
  /** Run the outbox relay and the ledger puller (default true). */
  sync?: boolean | SyncOptions;
  /** The USEN PAY terminal service (docs/payments.md); false = none. Default: options from POS_TERMINAL_OPTIONS. */
  terminal?: false | TerminalOptions;
};

const MODE_KEY = 'register.mode';

/**
 * The register core: databases, sessions, the handler registry and the event hub. It never
 * imports electron; the Electron shell and the station are two hosts of the same Core.
 */
export class Core {
  readonly dataDir: string;
  readonly logDir: string;
  readonly version: string;
  readonly now: () => number;
  readonly log: Logger;
  readonly sessions: Sessions;
  readonly loginThrottle: LoginThrottle;
  readonly pairing = new PairingCodes();
  /** Verified against when the staff id is unknown, so both paths cost one scrypt. */
  readonly dummyPinHash = hashPin('000000');
  mode: Mode = 'live';
  /** Async commands in progress by command id, so a concurrent retry joins instead of re-running. */
  readonly runningCommands = new Map<string, Promise<unknown>>();
  private live: StoreHandle | null = null;
  private training: StoreHandle | null = null;
  private failure: Health = { ok: true };
  /** A sync badge refresh is queued for after the current answers (afterCommand). */
  private badgeQueued = false;
  private closed = false;
  private readonly listeners = new Set<(event: AnyEvent) => void>();
  private readonly demo: boolean;
  /** Outbox relay and ledger pull; null while the store is unhealthy. */
  sync: LedgerSync | null = null;
  /** USEN PAY terminal: connection, payment intents and their recovery; null while the store is unhealthy. */
  terminal: TerminalService | null = null;

  private constructor(opts: CoreOptions, log: Logger) {
    this.dataDir = opts.dataDir;
    this.logDir = join(opts.dataDir, 'logs');
    this.now = opts.now ?? Date.now;
    this.log = log;
    this.sessions = new Sessions(this.now);
    this.loginThrottle = new LoginThrottle(this.now);
    this.demo = opts.demo ?? false;
    this.version = readVersion();
  }

  static async open(opts: CoreOptions): Promise<Core> {
    mkdirSync(opts.dataDir, { recursive: true });
    const core = new Core(opts, opts.logger ?? (await createLogger(opts.dataDir)));
    core.openLive();
    if (core.health().ok) {
      core.sync = new LedgerSync(core, typeof opts.sync === 'object' ? opts.sync : {});
      if (opts.sync === false) core.sync.configure();
      else core.sync.start();
      if (opts.terminal !== false) {
        core.terminal = new TerminalService(core, opts.terminal ?? terminalOptionsFromEnv());
        core.terminal.start();
      }
    }
    return core;
  }

  private openLive(): void {
    const file = join(this.dataDir, 'register.sqlite');
    try {
      const { db, integrity } = openDb(file);
      this.live = { db, file, backupsDir: join(this.dataDir, 'backups') };
      if (!integrity.ok) {
        this.failure = { ok: false, code: 'DB_CORRUPT', detail: integrity.detail };
        this.log.fatal({ file, detail: integrity.detail }, 'integrity check failed at start');
        return;
      }
      const ran = migrate(db);
      if (ran.length) this.log.info({ file, ran }, 'migrations applied');
      if (this.demo) seedDemo(db, this.now());
      this.mode = getValue<Mode>(db, MODE_KEY, 'live');
      if (this.mode === 'training') this.openTraining();
      this.log.info({ file, mode: this.mode, version: this.version }, 'register core started');
    } catch (error) {
      this.failure = { ok: false, code: 'DB_CORRUPT', detail: (error as Error).message };
      this.log.fatal({ file, err: error }, 'database could not be opened');
    }
  }

  /** Training uses its own database with a copy of the master data (staff, floor, menu): RULES L2. */
  private openTraining(): StoreHandle {
    if (!this.training) {
      const file = join(this.dataDir, 'training.sqlite');
      const { db } = openDb(file);
      migrate(db);
      this.training = { db, file, backupsDir: join(this.dataDir, 'training-backups') };
      copyMasterData(this.liveDb(), db);
    }
    return this.training;
  }

  health(): Health {
    return this.failure;
  }

  store(): StoreHandle {
    if (!this.live) throw new Error('live database is not open');
    return this.mode === 'training' ? this.openTraining() : this.live;
  }

  liveDb(): DB {
    if (!this.live) throw new Error('live database is not open');
    return this.live.db;
  }

  setMode(mode: Mode): void {
    // Entering training refreshes its copy of staff, floor and menu from the live store.
    if (mode === 'training') copyMasterData(this.liveDb(), this.openTraining().db);
    setValue(this.liveDb(), MODE_KEY, mode);
    this.mode = mode;
    this.log.info({ mode }, 'mode changed');
  }

  staffById(id: string): Staff | null {
    return staffById(this.store().db, id);
  }

  dispatch(raw: unknown, caller: Caller): Promise<Result<unknown>> {
    return dispatch(this, registry, raw, caller);
  }

  subscribe(listener: (event: AnyEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: AnyEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log.error({ err: error, event: event.name }, 'event listener failed');
      }
    }
  }

  /**
   * After every command: wake the relay for new outbox rows and refresh the sync badge. The badge
   * (four reads) is refreshed after the answer has gone, once for all the commands of one turn of
   * the event loop, not inside each command (#2, docs/benchmarks.md).
   */
  afterCommand(): void {
    this.sync?.relay.kick();
    if (this.badgeQueued || !this.sync) return;
    this.badgeQueued = true;
    setImmediate(() => {
      this.badgeQueued = false;
      if (this.closed || !this.health().ok) return;
      try {
        this.sync?.publish();
      } catch (error) {
        this.log.error({ err: error }, 'sync badge refresh failed');
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.sync?.stop();
    await this.terminal?.stop();
    this.live?.db.close();
    this.training?.db.close();
    this.listeners.clear();
    this.log.flush?.();
  }
}

function readVersion(): string {
  const pkg = join(appRoot(), 'package.json');
  return existsSync(pkg) ? (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version : '0.0.0';
}
