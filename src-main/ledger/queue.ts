import type { QueueRow } from '../../src-shared/contract/index.ts';
import type { OutboxRow } from '../outbox/outbox.ts';
import type { DB } from '../store/db.ts';

const LABELS: Record<string, string> = {
  'visit.seated': '配席', 'group.seated': 'グループ配席', 'visit.cancelled': '来店取消', 'visit.changed': '人数変更',
  'visit.moved': 'テーブル移動', 'visit.merged': 'テーブル統合', 'visit.grouped': 'テーブルグループ', 'visit.ungrouped': 'グループ解除',
  'visit.checkedOut': '会計情報', 'reservation.changed': '予約変更', 'sales.closed': '売上データ（閉局）',
};

/** One line staff can read: what the change is and where it happened. */
function summary(db: DB, row: OutboxRow): string {
  const p = JSON.parse(row.payload) as Record<string, unknown>;
  const label = LABELS[row.event_type] ?? row.event_type;
  const ids = (p.tableIds as string[] | undefined) ?? (p.toTableId ? [String(p.toTableId)] : []);
  const names = ids.map((id) => (db.prepare('SELECT name FROM tables WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? id);
  const party = typeof p.party === 'number' ? ` ${p.party}名` : '';
  return `${label}${names.length ? ` ${names.join('・')}` : ''}${party}`;
}

/** `sending` says whether the relay is delivering the row right now (kept in memory, not written). */
export function queueRow(db: DB, row: OutboxRow, sending: (seq: number) => boolean = () => false): QueueRow {
  const status = row.status === 'pending' && sending(row.seq) ? 'in_flight' : row.status;
  return {
    seq: row.seq, eventId: row.event_id, target: row.target, aggregate: `${row.agg_type}:${row.agg_id}`, type: row.event_type,
    status: status as QueueRow['status'], attempts: row.attempts, nextAttemptAt: row.next_attempt_at, createdAt: row.created_at,
    doneAt: row.done_at, cause: row.last_error, code: row.last_error_code, summary: summary(db, row),
    resolvedBy: row.resolved_by, resolvedNote: row.resolved_note,
  };
}

export function queueRows(db: DB, open: boolean, limit: number, sending?: (seq: number) => boolean): QueueRow[] {
  const rows = db.prepare(`SELECT * FROM outbox ${open ? "WHERE status IN ('pending', 'in_flight', 'parked')" : ''} ORDER BY seq DESC LIMIT ?`).all(limit) as OutboxRow[];
  return rows.map((r) => queueRow(db, r, sending));
}
