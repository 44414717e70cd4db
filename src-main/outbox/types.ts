/** One change on its way to an outside service, as the relay hands it to a delivery target. */
export type OutboxEvent = {
  seq: number;
  eventId: string;
  target: string;
  aggType: string;
  aggId: string;
  type: string;
  payload: unknown;
  businessDay: string;
  attempts: number;
};

/**
 * What a delivery came to. `retry` is for faults that time can fix (network, timeouts, 5xx, 429);
 * `permanent` parks the change (a 4xx retrying cannot fix) with the manual's words for staff.
 */
export type Delivery =
  | { kind: 'done'; remoteRef?: string; refs?: Record<string, string> }
  | { kind: 'retry'; code: string; message: string; retryAfterMs?: number }
  | { kind: 'permanent'; code: string; message: string };

/** Remote ids the register has learned, e.g. the ledger's visit id for a local visit. */
export interface RemoteRefs {
  get(localId: string): string | null;
}

/** An outside service the outbox delivers to (a reservation ledger, the back office). */
export interface DeliveryTarget {
  readonly target: string;
  deliver(event: OutboxEvent, refs: RemoteRefs): Promise<Delivery>;
}
