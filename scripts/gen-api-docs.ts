import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { events, methods } from '../src-shared/contract/index.ts';

/**
 * docs/api.md is generated from the contract (`npm run docs:api`), so it cannot drift:
 * a test checks the committed file equals this output.
 */
export function renderApiDocs(): string {
  const schema = (s: z.ZodType) => {
    try {
      return compact(z.toJSONSchema(s, { unrepresentable: 'any', io: 'input' }) as Json);
    } catch {
      return '(see src-shared/contract)';
    }
  };
  const access = (a: unknown) => (a === 'public' ? 'anyone' : a === 'staff' ? 'any staff' : (a as string[]).includes('manager') ? (a as string[]).join(', ') : `${(a as string[]).join(', ')}, manager`);
  const lines = [
    '# API',
    '',
    'Generated from `src-shared/contract` by `npm run docs:api`; do not edit by hand.',
    '',
    'Every call is an envelope `{method, input, commandId?, sessionId?}`; every answer is',
    '`{ok: true, value}` or `{ok: false, error: {code, message, fields?}}` with `message` in Japanese for staff.',
    'Commands must carry a client-made `commandId`; repeating it returns the first result without applying the command again.',
    'Transports: Electron IPC (`window.pos.invoke`), HTTP `POST /api/rpc` on the station, and in-process.',
    'Events are pushed over IPC (`window.pos.subscribe`) or the server-sent event stream `GET /api/events`.',
    '',
    '## Methods',
    '',
  ];
  for (const [name, def] of Object.entries(methods)) {
    lines.push(`### \`${name}\``, '', `${def.summary}`, '', `- kind: ${def.kind}`, `- access: ${access(def.access)}`,
      `- input: \`${schema(def.input)}\``, `- output: \`${schema(def.output)}\``, '');
  }
  lines.push('## Events', '');
  for (const [name, def] of Object.entries(events)) lines.push(`### \`${name}\``, '', def.summary, '', `- payload: \`${schema(def.payload)}\``, '');
  return lines.join('\n');
}

type Json = { type?: string | string[]; properties?: Record<string, Json>; required?: string[]; items?: Json; enum?: unknown[];
  anyOf?: Json[]; oneOf?: Json[]; additionalProperties?: Json | boolean; minimum?: number; maximum?: number; const?: unknown };

/** A TypeScript-like one-liner of a JSON schema: `{ kind: 'in' | 'out'; amount: int(1..99999999) }`. */
function compact(j: Json): string {
  if (j.enum) return j.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (j.const !== undefined) return JSON.stringify(j.const);
  const alts = j.anyOf ?? j.oneOf;
  if (alts) return alts.map(compact).join(' | ');
  const type = Array.isArray(j.type) ? j.type.join(' | ') : j.type;
  if (type === 'object' && j.properties) {
    const req = new Set(j.required ?? []);
    return `{ ${Object.entries(j.properties).map(([k, v]) => `${k}${req.has(k) ? '' : '?'}: ${compact(v)}`).join('; ')} }`;
  }
  if (type === 'object') return typeof j.additionalProperties === 'object' ? `Record<string, ${compact(j.additionalProperties)}>` : 'object';
  if (type === 'array') return `Array<${j.items ? compact(j.items) : 'unknown'}>`;
  if (type === 'integer') {
    const lo = j.minimum !== undefined && j.minimum > -1e15 ? j.minimum : null;
    const hi = j.maximum !== undefined && j.maximum < 1e15 ? j.maximum : null;
    return lo === null && hi === null ? 'int' : `int(${lo ?? ''}..${hi ?? ''})`;
  }
  return type ?? 'unknown';
}

if (import.meta.main) {
  writeFileSync(join(import.meta.dirname, '..', 'docs', 'api.md'), renderApiDocs());
  console.log('docs/api.md written');
}
