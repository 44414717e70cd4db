import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { businessDayOf } from '../../src-shared/business-day.ts';

const root = join(import.meta.dirname, '..', '..');

/** A reservation line of the simulated ledger (docs/simulators/smart-reserve.md). */
export type LedgerReservation = {
  id: string; kind: 'reservation' | 'walk_in'; status: '来店前' | '来店済み' | '退店済み' | 'キャンセル'; businessDay: string; startTime: string;
  party: number; guestName: string; table: { seatId: string; seatName: string; posTableId: string | null; posTableName: string | null } | null;
  visitId: string | null; visitRef: string | null;
};
export type LedgerVisit = {
  id: string; visitRef: string; status: 'seated' | 'left' | 'cancelled'; reservationId: string | null; posTableId: string | null;
  table: { seatName: string } | null; party: number; groupId: string | null; mergedInto: string | null;
};

export type Sim = {
  url: string; controlUrl: string; storeId: string; linkCode: string; process: ChildProcess;
  /** Call the control API (`/_control/...`), which answers even while the REST API is faulted. */
  control: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
  stop: () => Promise<void>;
};

/** The SMART RESERVE simulator as a child process on free ports (killed with the worker: exit-with-parent). */
export async function startSim(timeoutMs = 15_000): Promise<Sim> {
  const child = spawn(join(root, 'node_modules/.bin/node'),
    ['--import', './e2e/exit-with-parent.ts', 'sim/smart-reserve/main.ts', '--port', '0', '--control-port', '0'],
    { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const info = await new Promise<{ url: string; controlUrl: string; storeId: string; linkCode: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`simulator not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { url: string; controlUrl: string; storeId: string; linkCode: string });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`simulator exited (${code}) before ready:\n${output}`));
    });
  });
  const control = async <T,>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${info.controlUrl}/_control${path}`, {
      method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`control ${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  return { ...info, process: child, control, stop };
}

/** The ledger's seats, named like the register's demo tables (1F T1..T12, C1..C8; 2F 201..208). */
export function demoSeats() {
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  return [
    ...range(12).map((i) => ({ id: `seat-T${i}`, name: `T${i}`, kind: 'テーブル', capacity: i <= 8 ? 4 : 6, floor: '1F' })),
    ...range(8).map((i) => ({ id: `seat-C${i}`, name: `C${i}`, kind: 'カウンター', capacity: 1, floor: '1F' })),
    ...range(8).map((i) => ({ id: `seat-${200 + i}`, name: String(200 + i), kind: 'テーブル', capacity: 6, floor: '2F' })),
  ];
}

const JST = 9 * 3600_000;

/**
 * The business day changes two hours before now (on the station and the ledger alike), so a
 * reservation a few hours ahead is always on today's business day, whatever time the suite runs.
 */
export function dayStartFor(now: number): string {
  const hour = (new Date(now + JST).getUTCHours() + 22) % 24;
  return `${String(hour).padStart(2, '0')}:00`;
}

/** The ledger's businessDay + startTime ("HH:MM", JST) of an instant. */
export function slotOf(at: number, dayStart: string): { businessDay: string; startTime: string } {
  return { businessDay: businessDayOf(at, dayStart), startTime: new Date(at + JST).toISOString().slice(11, 16) };
}
