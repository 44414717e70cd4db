/**
 * The control API as TypeScript methods: what ledger staff do (reservations, blocks, seats,
 * mappings), what tests need (clock, faults, reset) and read-back of everything the ledger holds.
 * The HTTP control routes call exactly these methods.
 */
import { jstIso, parseInstant } from './clock.ts';
import { seedDemo, type DemoResult } from './demo.ts';
import { Faults, type ActiveFault, type FaultInput } from './faults.ts';
import { Ledger } from './ledger.ts';
import {
  addBlock, addReservation, editReservation, removeBlock, setMappings, setSeats,
} from './ops-control.ts';
import type { BlockInput, ReservationInput, ReservationPatch, SeatsInput } from './schemas.ts';
import type { StoreInit } from './store.ts';
import { CANCELLED, type Effect, type StoreSettings } from './types.ts';
import { blockView, entryView, groupView, tablesView, visitView } from './views.ts';

export interface EffectFilter {
  storeId?: string;
  kind?: string;
  naturalKey?: string;
  idempotencyKey?: string;
}

export interface ControlOptions {
  stores?: StoreInit[];
  /** Seed of the `rate` faults. */
  seed?: number;
  /** Start the clock here (ISO with offset, or epoch ms). */
  now?: string | number;
  /** With `now`: hold the clock still until advanced (default true). */
  frozen?: boolean;
}

export class LedgerControl {
  readonly ledger: Ledger;
  readonly faultRegistry: Faults;
  readonly #options: ControlOptions;

  constructor(options: ControlOptions = {}) {
    this.#options = options;
    this.ledger = new Ledger(options.stores);
    this.faultRegistry = new Faults(options.seed ?? 1);
    if (options.now !== undefined) this.ledger.clock.set(parseInstant(options.now), options.frozen ?? true);
  }

  /** Called after every fault change; the server overrides it to open or close its port. */
  protected async faultsChanged(): Promise<void> {}

  get defaultStoreId(): string {
    const first = this.ledger.stores.keys().next();
    if (first.done) throw new Error('no store');
    return first.value;
  }

  /** Empty stores (as constructed), no faults, clock as constructed. */
  async reset(): Promise<void> {
    this.ledger.reset();
    this.faultRegistry.clear();
    const { now, frozen } = this.#options;
    if (now === undefined) this.ledger.clock.real();
    else this.ledger.clock.set(parseInstant(now), frozen ?? true);
    await this.faultsChanged();
  }

  // ---- clock (RULES.md#C2 runs on it) ----
  clock() {
    return this.ledger.clock.state();
  }

  setClock(now: string | number, options: { frozen?: boolean } = {}) {
    this.ledger.clock.set(parseInstant(now), options.frozen ?? true);
    this.ledger.tick();
    return this.clock();
  }

  advanceClock(ms: number) {
    this.ledger.clock.advance(ms);
    this.ledger.tick();
    return this.clock();
  }

  realClock() {
    this.ledger.clock.real();
    this.ledger.tick();
    return this.clock();
  }

  // ---- faults ----
  faults(): ActiveFault[] {
    return this.faultRegistry.list();
  }

  async addFault(spec: FaultInput): Promise<ActiveFault> {
    const fault = this.faultRegistry.add(spec);
    await this.faultsChanged();
    return fault;
  }

  async setFaults(specs: FaultInput[]): Promise<ActiveFault[]> {
    this.faultRegistry.clear();
    for (const spec of specs) this.faultRegistry.add(spec);
    await this.faultsChanged();
    return this.faults();
  }

  async removeFault(id: string): Promise<boolean> {
    const removed = this.faultRegistry.remove(id);
    await this.faultsChanged();
    return removed;
  }

  async clearFaults(): Promise<void> {
    this.faultRegistry.clear();
    await this.faultsChanged();
  }

  // ---- stores ----
  addStore(init: StoreInit) {
    return this.#storeSummary(this.ledger.addStore(init).id);
  }

  stores() {
    return [...this.ledger.stores.keys()].map((id) => this.#storeSummary(id));
  }

  /** Unlink from the ledger side: the register's key stops working (RULES.md#L3). */
  unlinkStore(storeId: string) {
    return this.ledger.unlink(this.ledger.store(storeId), null);
  }

  updateSettings(storeId: string, settings: Partial<StoreSettings>) {
    Object.assign(this.ledger.store(storeId).settings, settings);
    return this.#storeSummary(storeId);
  }

  #storeSummary(storeId: string) {
    const s = this.ledger.store(storeId);
    return { storeId: s.id, name: s.name, linkCode: s.linkCode, linkStatus: s.linkStatus, linked: s.apiKey !== null, settings: { ...s.settings }, seq: s.seq };
  }

  // ---- seats and mappings (RULES.md#L4) ----
  setSeats(storeId: string, seats: SeatsInput['seats']) {
    return setSeats(this.ledger.store(storeId), { seats });
  }

  seats(storeId: string) {
    return [...this.ledger.store(storeId).seats.values()];
  }

  setMappings(storeId: string, mappings: { posTableId: string; seatId: string }[] | { byName: true }) {
    setMappings(this.ledger.store(storeId), Array.isArray(mappings) ? { mappings } : mappings);
    return this.tables(storeId);
  }

  /** The register's pushed tables and which seat each is mapped to. */
  tables(storeId: string) {
    return tablesView(this.ledger.store(storeId));
  }

  // ---- reservations and blocks ----
  addReservation(storeId: string, input: ReservationInput) {
    const store = this.ledger.store(storeId);
    return entryView(store, addReservation(store, this.ledger.clock.now(), input));
  }

  editReservation(storeId: string, reservationId: string, patch: ReservationPatch) {
    const store = this.ledger.store(storeId);
    return entryView(store, editReservation(store, this.ledger.clock.now(), reservationId, patch));
  }

  cancelReservation(storeId: string, reservationId: string) {
    return this.editReservation(storeId, reservationId, { status: CANCELLED });
  }

  /** Every timetable line: reservations, and walk-ins unless `includeWalkIns` is false. */
  reservations(storeId: string, options: { includeWalkIns?: boolean } = {}) {
    const store = this.ledger.store(storeId);
    return [...store.entries.values()].filter((e) => e.kind === 'reservation' || options.includeWalkIns !== false).map((e) => entryView(store, e));
  }

  reservation(storeId: string, reservationId: string) {
    const store = this.ledger.store(storeId);
    return entryView(store, store.entry(reservationId));
  }

  addBlock(storeId: string, input: BlockInput) {
    const store = this.ledger.store(storeId);
    return blockView(store, addBlock(store, this.ledger.clock.now(), input));
  }

  removeBlock(storeId: string, blockId: string) {
    const store = this.ledger.store(storeId);
    return blockView(store, removeBlock(store, this.ledger.clock.now(), blockId));
  }

  blocks(storeId: string) {
    const store = this.ledger.store(storeId);
    return [...store.blocks.values()].map((b) => blockView(store, b));
  }

  seedDemo(storeId: string, options: { businessDay?: string } = {}): DemoResult {
    return seedDemo(this.ledger.store(storeId), this.ledger.clock.now(), options.businessDay);
  }

  // ---- read-back ----
  visits(storeId: string) {
    const store = this.ledger.store(storeId);
    return [...store.visits.values()].map((v) => visitView(store, v));
  }

  visit(storeId: string, visitId: string) {
    const store = this.ledger.store(storeId);
    return visitView(store, store.visit(visitId));
  }

  groups(storeId: string) {
    const store = this.ledger.store(storeId);
    return [...store.groups.values()].map((g) => groupView(store, g));
  }

  /** Checkout results received (RULES.md#C1), one per visit checked out. */
  slips(storeId: string) {
    const store = this.ledger.store(storeId);
    return [...store.visits.values()].flatMap((v) =>
      v.slip ? [{ visitId: v.id, visitRef: v.visitRef, entryId: v.entryId, posTableId: v.posTableId, ...v.slip, receivedAt: jstIso(v.slip.receivedAt) }] : [],
    );
  }

  /** One entry per applied effect; replays and refusals add none. */
  effects(filter: EffectFilter = {}): (Omit<Effect, 'at'> & { at: string })[] {
    return this.ledger.effects
      .filter((e) => (filter.storeId === undefined || e.storeId === filter.storeId) && (filter.kind === undefined || e.kind === filter.kind)
        && (filter.naturalKey === undefined || e.naturalKey === filter.naturalKey)
        && (filter.idempotencyKey === undefined || e.idempotencyKey === filter.idempotencyKey))
      .map((e) => ({ ...e, at: jstIso(e.at) }));
  }

  /** Everything at once, for a look while debugging. */
  state() {
    return {
      clock: this.clock(),
      faults: this.faults(),
      stores: this.stores().map((s) => ({
        ...s, tables: this.tables(s.storeId), seats: this.seats(s.storeId), reservations: this.reservations(s.storeId),
        blocks: this.blocks(s.storeId), visits: this.visits(s.storeId), groups: this.groups(s.storeId),
      })),
      effects: this.effects(),
    };
  }
}
