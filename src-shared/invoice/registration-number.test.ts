import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  corporateCheckDigit, isValidCorporateNumber, parseRegistrationNumber, RegistrationNumberError, validateRegistrationNumber,
} from './index.ts';

// Real corporate numbers published on the NTA 法人番号公表サイト.
const PUBLISHED = [
  ['7000012050002', '国税庁'],
  ['1000011000005', '国立国会図書館'],
  ['1180301018771', 'トヨタ自動車株式会社'],
  ['7010705000725', '日本税理士会連合会'],
  ['4011001098993', '株式会社FoundingBase'],
] as const;

describe('corporate check digit', () => {
  it.each(PUBLISHED)('%s (%s) is valid', (number) => {
    expect(isValidCorporateNumber(number)).toBe(true);
    expect(corporateCheckDigit(number.slice(1))).toBe(Number(number[0]));
    expect(validateRegistrationNumber(`T${number}`)).toEqual({ ok: true, value: `T${number}`, digits: number, checkDigitValid: true });
  });

  it('the NTA worked example: base 700110005901 → 8', () => {
    expect(corporateCheckDigit('700110005901')).toBe(8);
    expect(corporateCheckDigit('000000000000')).toBe(9); // sum 0 → 9, never 0
  });

  it('detects every single-digit change except 0↔9 (a known limit of mod 9)', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{12}$/), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }), (base, pos, delta) => {
      const valid = `${corporateCheckDigit(base)}${base}`;
      const old = Number(base[pos]);
      const next = (old + delta) % 10;
      fc.pre(!((old === 0 && next === 9) || (old === 9 && next === 0)));
      const typo = valid.slice(0, pos + 1) + String(next) + valid.slice(pos + 2);
      expect(isValidCorporateNumber(typo)).toBe(false);
    }), { numRuns: 300 });
  });
});

describe('validateRegistrationNumber', () => {
  it('normalises full-width, lower case, spaces and hyphens', () => {
    for (const input of ['ｔ７０００－０１２０－５０００２', 't7000012050002', ' T 7000-0120-50002 ', 'Ｔ7000012050002']) {
      expect(parseRegistrationNumber(input)).toBe('T7000012050002');
    }
  });

  it('rejects bad formats with Japanese staff messages', () => {
    const cases: Array<[string, string]> = [
      ['', 'EMPTY'], ['  ', 'EMPTY'], ['7000012050002', 'FORMAT'], ['T700001205000', 'FORMAT'],
      ['T70000120500021', 'FORMAT'], ['T700001205000X', 'FORMAT'], ['A7000012050002', 'FORMAT'],
    ];
    for (const [input, code] of cases) {
      const r = validateRegistrationNumber(input);
      expect(r.ok ? 'ok' : r.code).toBe(code);
    }
    const r = validateRegistrationNumber('T123');
    expect(r.ok ? '' : r.message).toBe('登録番号は「T」と13桁の数字で入力してください。');
  });

  it('rejects a wrong check digit for corporations, reports it for individuals', () => {
    const wrong = validateRegistrationNumber('T8000012050002');
    expect(wrong).toEqual({ ok: false, code: 'CHECK_DIGIT', message: '登録番号に誤りがあります。番号をもう一度確認してください。' });
    expect(validateRegistrationNumber('T1180301018772').ok).toBe(false);
    expect(validateRegistrationNumber('T1234567890123', { issuer: 'individual' }))
      .toEqual({ ok: true, value: 'T1234567890123', digits: '1234567890123', checkDigitValid: false });
    expect(() => parseRegistrationNumber('T1234567890123')).toThrow(RegistrationNumberError);
  });
});
