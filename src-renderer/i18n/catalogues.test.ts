import { describe, expect, it } from 'vitest';
import en from './en.json' with { type: 'json' };
import ja from './ja.json' with { type: 'json' };

/** Flattened keys, with English plural forms (_one/_other) folded into their base key. */
const keys = (obj: object, prefix = ''): string[] =>
  Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`.replace(/_(one|other)$/, '')]);

describe('catalogues', () => {
  it('have the same keys in Japanese and English', () => {
    expect([...new Set(keys(en))].sort()).toEqual([...new Set(keys(ja))].sort());
  });

  it('have no empty strings', () => {
    const values = (obj: object): string[] => Object.values(obj).flatMap((v) => (typeof v === 'object' ? values(v as object) : [v as string]));
    expect([...values(ja), ...values(en)].filter((v) => !v.trim())).toEqual([]);
  });
});
