import { describe, expect, it } from 'vitest';
import { instantOn } from './time.ts';

describe('reservation time on its business day', () => {
  it('puts times before the day start on the next date (a 01:30 booking of business day 11/21 is 11/22 01:30 JST)', () => {
    expect(new Date(instantOn('2026-11-21', '18:30', '05:00')).toISOString()).toBe('2026-11-21T09:30:00.000Z');
    expect(new Date(instantOn('2026-11-21', '01:30', '05:00')).toISOString()).toBe('2026-11-21T16:30:00.000Z');
  });
});
