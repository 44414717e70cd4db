import { describe, expect, it } from 'vitest';
import { luhnValid, maskCardNumbers, redactValue } from './redact.ts';

describe('card number redaction', () => {
  it('masks Luhn-valid card numbers in free text, with or without separators', () => {
    expect(maskCardNumbers('card 4111111111111111 ok')).toBe('card ****1111 ok');
    expect(maskCardNumbers('pan 4111-1111-1111-1111')).toBe('pan ****1111');
    expect(maskCardNumbers('jcb 3530 1113 3330 0000')).toBe('jcb ****0000');
  });
  it('keeps numbers that are not card numbers', () => {
    expect(luhnValid('1234567890123')).toBe(false);
    expect(maskCardNumbers('order 1234567890123')).toBe('order 1234567890123');
    expect(maskCardNumbers('¥12,000')).toBe('¥12,000');
  });
  it('walks objects and exempts slip numbers by key', () => {
    const out = redactValue({ slipNo: '4111111111111111', nested: { note: 'x 4111111111111111' }, n: 4111111111111111 });
    expect(out).toEqual({ slipNo: '4111111111111111', nested: { note: 'x ****1111' }, n: '****1111' });
  });
});
