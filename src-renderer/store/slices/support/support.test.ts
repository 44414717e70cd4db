import { describe, expect, it } from 'vitest';
import { testStore } from '../../testing/fake-transport.ts';

const entry = (msg: string, level = 'info') => ({ time: 1, level, msg, raw: { msg } });

describe('support slice', () => {
  it('passes the level and text filters to the core', async () => {
    const { store, fake } = testStore({ 'support.logs': () => [entry('login failed', 'warn')] });
    store.getState().setLogText('  login ');
    store.getState().setLogLevel('warn');
    await store.getState().loadLogs();
    expect(fake.callsOf('support.logs').at(-1)?.input).toEqual({ level: 'warn', text: 'login', limit: 300 });
    expect(store.getState().logs.map((l) => l.msg)).toEqual(['login failed']);
  });

  it('keeps only the newest answer when filters change quickly', async () => {
    let n = 0;
    const { store } = testStore({
      'support.logs': async () => {
        const mine = ++n;
        await new Promise((r) => setTimeout(r, mine === 1 ? 30 : 0));
        return [entry(`answer ${mine}`)];
      },
    });
    const first = store.getState().loadLogs();
    const second = store.getState().loadLogs();
    await Promise.all([first, second]);
    expect(store.getState().logs.map((l) => l.msg)).toEqual(['answer 2']);
  });

  it('decodes the bundle for download', async () => {
    const bytes = [0x50, 0x4b, 0x03, 0x04, 0xff];
    const { store } = testStore({
      'support.bundle': () => ({ fileName: 'support-bundle.zip', base64: btoa(String.fromCharCode(...bytes)), bytes: bytes.length }),
    });
    const bundle = await store.getState().exportBundle();
    expect(bundle?.fileName).toBe('support-bundle.zip');
    expect([...(bundle?.data ?? [])]).toEqual(bytes);
    expect(store.getState().exporting).toBe(false);
  });
});
