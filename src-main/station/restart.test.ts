import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TillSummary } from '../../src-shared/contract/index.ts';
import { cmdId, login, tempDir, value } from '../testing/harness.ts';
import { startStation } from '../testing/station-process.ts';

describe('restart after SIGKILL', () => {
  it('keeps every change a command answered ok for, even when killed right after the answer', async () => {
    const dir = tempDir();
    let station = await startStation(dir);
    try {
      const sessionId = await login(station.call);
      const opened = value<TillSummary>(await station.call({ method: 'till.open', input: { total: 30_000 }, sessionId, commandId: cmdId() }));
      value(await station.call({ method: 'till.cashMove', input: { kind: 'in', amount: 1_234, reason: '両替' }, sessionId, commandId: cmdId() }));
      await station.kill('SIGKILL'); // no shutdown hook runs: only what was committed survives
      station = await startStation(dir);
      const again = await login(station.call);
      const status = value<TillSummary | null>(await station.call({ method: 'till.status', input: {}, sessionId: again }));
      expect(status).toMatchObject({ sessionId: opened.sessionId, status: 'open', cashIn: 1_234, expectedCash: 31_234 });
    } finally {
      await station.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
