import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { renderApiDocs } from '../../scripts/gen-api-docs.ts';

it('docs/api.md matches the contract (run `npm run docs:api` after changing it)', () => {
  expect(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'api.md'), 'utf8')).toBe(renderApiDocs());
});
