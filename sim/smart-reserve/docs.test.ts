import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorBody, type ErrorCode } from './errors.ts';
import { Faults } from './faults.ts';
import { Ledger } from './ledger.ts';
import { createApiApp } from './routes-api.ts';

const doc = readFileSync(new URL('../../docs/simulators/smart-reserve.md', import.meta.url), 'utf8');
const source = readFileSync(new URL('./errors.ts', import.meta.url), 'utf8');

describe('docs/simulators/smart-reserve.md', () => {
  it('lists every REST route', () => {
    const app = createApiApp(new Ledger(), new Faults(), new AbortController().signal);
    const routes = app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !doc.includes(`\`${r}\``))).toEqual([]);
  });

  it('lists every error code with its message', () => {
    const codes = [...source.matchAll(/^ {2}([A-Z_]+): \[/gm)].map((m) => m[1] as ErrorCode);
    expect(codes.length).toBeGreaterThan(30);
    expect(codes.filter((code) => !doc.includes(`\`${code}\` | ${errorBody(code).message}`))).toEqual([]);
  });
});
