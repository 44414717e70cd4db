import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Client } from './testing.ts';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

describe('CLI (sim/smart-reserve/main.ts)', () => {
  it('serves a seeded demo day the register can link to, push tables to and pull', async () => {
    const child = spawn(process.execPath, [MAIN, '--port', '0', '--control-port', '0', '--seed-demo', '--now', '2026-05-01T16:00:00+09:00', '--frozen'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no output within 10 s')), 10_000);
        createInterface({ input: child.stdout }).once('line', (l) => {
          clearTimeout(timer);
          resolve(l);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      const info = JSON.parse(line) as Body;
      expect(info).toMatchObject({ storeId: 'S001', linkCode: 'LINK-S001', demo: { businessDay: '2026-05-01' } });
      const api = new Client(info.apiBase as string);
      const link = await api.post<Body>('/link', { storeId: 'S001', linkCode: 'LINK-S001' });
      api.apiKey = link.body.apiKey as string;
      const tables = ['T1', 'T5', 'C1', 'C5', '201', '203', '205'].map((name) => ({ posTableId: `reg-${name}`, name }));
      const pushed = await api.send<Body>('PUT', '/tables', { tables });
      expect(pushed.body.mapped).toBe(tables.length); // --seed-demo maps same-named tables
      const pulled = await api.get<Body>('/reservations?from=2026-04-30&to=2026-05-02');
      expect(pulled.body.reservations).toHaveLength(info.demo.reservations.length);
      expect(pulled.body.reservations.find((r: Body) => r.guestName === 'ですとさいとう')?.table.posTableId).toBe('reg-T1');
      const control = new Client(info.controlBase as string);
      expect((await control.get<Body>('/clock')).body.now).toBe('2026-05-01T16:00:00+09:00');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
