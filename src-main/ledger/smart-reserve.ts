import type { Delivery, OutboxEvent, RemoteRefs } from '../outbox/types.ts';
import { LedgerUnavailable, type LedgerAdapter, type MappingRow, type PulledReservation, type PullResult, type TablePush } from './adapter.ts';
import { classify, NETWORK_ERROR, requestJson, type HttpAnswer } from './http.ts';

type Payload = Record<string, unknown> & { visitId: string };
type Entry = {
  id: string; kind: string; status: PulledReservation['status']; businessDay: string; startAt: string; durationMin: number; party: number;
  guestName: string; table: { posTableId: string | null } | null; storeMemo: string; guestRequest: string; prepaymentAmount: number;
  points: number; courseName: string; courseDetail: string; remarks: string; removed?: boolean; reason?: string;
};

/**
 * USEN SMART RESERVE (docs/simulators/smart-reserve.md): REST with a bearer token from the
 * account link, an Idempotency-Key on every change, and look-up by our own visit id before
 * creating, so a seating whose answer was lost is never created twice (S11 recovers by itself).
 */
export class SmartReserveAdapter implements LedgerAdapter {
  readonly target = 'smart-reserve';
  private readonly base: string;
  private readonly token: () => string | null;
  private readonly timeoutMs: number;

  constructor(baseUrl: string, token: () => string | null, timeoutMs = 15_000) {
    this.base = `${baseUrl.replace(/\/$/, '')}/api/v1`;
    this.token = token;
    this.timeoutMs = timeoutMs;
  }

  private call(method: string, path: string, body?: unknown, key?: string): Promise<HttpAnswer> {
    return requestJson(`${this.base}${path}`, { method, body, key, token: this.token(), timeoutMs: this.timeoutMs });
  }

  async deliver(event: OutboxEvent, refs: RemoteRefs): Promise<Delivery> {
    const p = event.payload as Payload;
    const key = event.eventId;
    const remote = (localId: string) => refs.get(localId);
    switch (event.type) {
      case 'visit.seated':
      case 'group.seated':
        return this.seat(event, p);
      case 'visit.cancelled':
        return this.onVisit(remote(p.visitId), (id) => this.call('POST', `/visits/${id}/cancel`, {}, key));
      case 'visit.changed':
        return this.onVisit(remote(p.visitId), (id) => this.call('PATCH', `/visits/${id}`, { party: p.party }, key));
      case 'visit.moved':
        return this.onVisit(remote(p.visitId), (id) => this.call('POST', `/visits/${id}/move`, { posTableId: p.toTableId }, key));
      case 'visit.merged': {
        const into = remote(String(p.intoVisitId));
        if (!into) return missing();
        return this.onVisit(remote(p.visitId), (source) => this.call('POST', `/visits/${into}/merge`, { sourceVisitId: source, party: p.party }, key));
      }
      case 'visit.grouped': {
        const ids = (p.visitIds as string[]).map(remote);
        if (ids.some((id) => !id)) return { kind: 'permanent', code: 'VISIT_NOT_SENT', message: 'グループ内に予約台帳へ連携されていない来店があります。' };
        const [rep, ...members] = ids as string[];
        const answer = await this.call('POST', '/groups', { kind: 'visits', groupRef: p.groupId, representativeVisitId: rep, memberVisitIds: members }, key);
        const group = answer.body.group as { id?: string } | undefined;
        return classify(answer) ?? { kind: 'done', refs: group?.id ? { [`group:${String(p.groupId)}`]: group.id } : {} };
      }
      case 'visit.ungrouped': {
        // A group of seated visits is known by the register's group id; a group seated at once
        // (group.seated) by the visit's own id, which was its groupRef.
        const groupId = remote(`group:${String(p.groupId)}`) ?? remote(`group:${p.visitId}`);
        if (!groupId) return { kind: 'done' }; // the group never reached the ledger
        const answer = await this.call('DELETE', `/groups/${groupId}`, undefined, key);
        return answer.status === 404 ? { kind: 'done' } : classify(answer) ?? { kind: 'done' };
      }
      case 'visit.split': {
        // A table left a group seated at once: its member visit on the ledger becomes this visit's.
        const found = await this.call('GET', `/visits/by-ref/${encodeURIComponent(`${String(p.fromVisitId)}/${String(p.tableId)}`)}`);
        if (found.status === 404) return { kind: 'done' };
        const visit = found.body.visit as { id?: string } | undefined;
        return classify(found) ?? { kind: 'done', refs: visit?.id ? { [p.visitId]: visit.id } : {} };
      }
      case 'visit.checkedOut':
        return this.onVisit(remote(p.visitId), (id) => this.call('POST', `/visits/${id}/checkout`, p.slip, key));
      case 'reservation.changed': {
        const answer = await this.call('PATCH', `/reservations/${String(p.remoteId)}`, p.change, key);
        return classify(answer) ?? { kind: 'done' };
      }
      default:
        return { kind: 'permanent', code: 'UNKNOWN_EVENT', message: `未対応の連携種別です（${event.type}）。` };
    }
  }

  /** Look up before create: after a lost answer the visit may already exist under our id. */
  private async seat(event: OutboxEvent, p: Payload): Promise<Delivery> {
    const group = event.type === 'group.seated';
    const tableIds = p.tableIds as string[];
    if (event.attempts > 0) {
      const found = await this.call('GET', group ? `/groups/by-ref/${p.visitId}` : `/visits/by-ref/${p.visitId}`);
      if (found.status === 200) return done(found, p.visitId, group);
      if (found.status !== 404) return classify(found) ?? { kind: 'retry', code: 'LOOKUP', message: NETWORK_ERROR };
    }
    const answer = group
      ? await this.call('POST', '/groups', { kind: 'seat', groupRef: p.visitId, posTableIds: tableIds, party: p.party, reservationId: p.reservationRemoteId }, event.eventId)
      : await this.call('POST', '/visits', { visitRef: p.visitId, reservationId: p.reservationRemoteId, posTableId: tableIds[0], party: p.party }, event.eventId);
    return classify(answer) ?? done(answer, p.visitId, group);
  }

  private async onVisit(remoteId: string | null, send: (id: string) => Promise<HttpAnswer>): Promise<Delivery> {
    if (!remoteId) return missing();
    const answer = await send(remoteId);
    return classify(answer) ?? { kind: 'done' };
  }

  async link(storeId: string, linkCode: string): Promise<{ token: string }> {
    const answer = await requestJson(`${this.base}/link`, { method: 'POST', body: { storeId, linkCode }, key: `link-${storeId}-${Date.now()}`, timeoutMs: this.timeoutMs });
    const token = answer.body.apiKey;
    if (answer.status >= 200 && answer.status < 300 && typeof token === 'string') return { token };
    throw unavailable(answer);
  }

  async unlink(): Promise<void> {
    const answer = await this.call('DELETE', '/link', undefined, `unlink-${Date.now()}`);
    if (answer.status !== 200 && answer.status !== 401) throw unavailable(answer);
  }

  async pushTables(tables: TablePush[]): Promise<MappingRow[]> {
    const answer = await this.call('PUT', '/tables', {
      tables: tables.map((t) => ({ posTableId: t.tableId, name: t.name, floor: t.floor, capacity: t.seats, kind: t.kind })),
    }, `tables-${Date.now()}`);
    if (answer.status !== 200) throw unavailable(answer);
    return mappingOf(answer.body);
  }

  async mapping(): Promise<MappingRow[]> {
    const answer = await this.call('GET', '/tables');
    if (answer.status !== 200) throw unavailable(answer);
    return mappingOf(answer.body);
  }

  async pull(from: string, to: string, cursor: string | null): Promise<PullResult> {
    const out: PulledReservation[] = [];
    let next = cursor;
    // Paged: bounded so a runaway ledger cannot keep the puller busy for ever.
    for (let page = 0; page < 50; page++) {
      const q = new URLSearchParams({ from, to, limit: '200', ...(next ? { updatedSince: next } : {}) });
      const answer = await this.call('GET', `/reservations?${q}`);
      if (answer.status !== 200) throw unavailable(answer);
      const body = answer.body as { reservations: Entry[]; blocks: Entry[]; cursor: number; hasMore: boolean };
      out.push(...body.reservations.map((e) => toPulled(e, 'reservation')), ...body.blocks.map((b) => toPulled(b, 'block')));
      next = String(body.cursor);
      if (!body.hasMore) break;
    }
    return { reservations: out, cursor: next };
  }
}

const missing = (): Delivery => ({ kind: 'permanent', code: 'VISIT_NOT_SENT', message: 'この来店は予約台帳に連携されていません。' });

function done(answer: HttpAnswer, visitId: string, group: boolean): Delivery {
  if (group) {
    const g = (answer.body.group ?? answer.body) as { id?: string; representativeVisitId?: string };
    return { kind: 'done', remoteRef: g.id, refs: { ...(g.representativeVisitId ? { [visitId]: g.representativeVisitId } : {}), ...(g.id ? { [`group:${visitId}`]: g.id } : {}) } };
  }
  const v = answer.body.visit as { id?: string } | undefined;
  return { kind: 'done', remoteRef: v?.id, refs: v?.id ? { [visitId]: v.id } : {} };
}

function mappingOf(body: Record<string, unknown>): MappingRow[] {
  const tables = (body.tables ?? []) as Array<{ posTableId: string; seatId: string | null; seatName: string | null }>;
  return tables.filter((t) => t.seatId).map((t) => ({ tableId: t.posTableId, remoteSeatId: t.seatId!, remoteName: t.seatName ?? '' }));
}

function toPulled(e: Entry, kind: 'reservation' | 'block'): PulledReservation {
  return {
    remoteId: e.id, kind, businessDay: e.businessDay, startAt: Date.parse(e.startAt), durationMin: e.durationMin,
    party: e.party ?? 0, guestName: kind === 'block' ? 'ブロック' : e.guestName, tableId: e.table?.posTableId ?? null,
    status: kind === 'block' ? (e.removed ? 'キャンセル' : '来店前') : e.status, memo: e.storeMemo ?? e.reason ?? '', request: e.guestRequest ?? '',
    prepayment: e.prepaymentAmount ?? 0, points: e.points ?? 0, courseName: e.courseName ?? '', courseDetail: e.courseDetail ?? '', remarks: e.remarks ?? '',
  };
}

function unavailable(answer: HttpAnswer): LedgerUnavailable {
  const message = answer.status === 0 ? NETWORK_ERROR : typeof answer.body.message === 'string' ? answer.body.message : '予期せぬエラーが発生しました。';
  return new LedgerUnavailable(`ledger answered ${answer.status} ${String(answer.body.code ?? '')}`, message);
}
