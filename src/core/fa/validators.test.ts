import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidLegalNationalId,
  isValidNationalCode,
  nationalCodeFrom,
  isValidPostalCode,
  isValidSheba,
  normalizeMobile,
  normalizeNationalCode,
  normalizePostalCode,
  normalizeSheba,
} from './validators.js';

describe('isValidNationalCode', () => {
  it.each([
    ['0499370899', true],
    ['0790419904', true],
    ['0084575948', true],
    ['۰۴۹۹۳۷۰۸۹۹', true],
    ['٠٤٩٩٣٧٠٨٩٩', true],
    ['049-937089-9', true],
    [' 0499370899 ', true],
    ['0499370898', false], // wrong check digit
    ['1111111111', false], // right check digit, but all the same digit
    ['0000000000', false],
    ['499370899', false], // leading zero dropped
    ['04993708990', false],
    ['049937089a', false],
    ['', false],
  ])('%j → %s', (code, valid) => {
    expect(isValidNationalCode(code)).toBe(valid);
  });

  it('returns the canonical 10 ASCII digits', () => {
    expect(normalizeNationalCode('۰۴۹-۹۳۷۰۸۹-۹')).toBe('0499370899');
    expect(normalizeNationalCode('0499370898')).toBeNull();
  });

  it('for any 9-digit prefix exactly one check digit is valid', () => {
    // Excluded: the prefixes the checksum-independent rules refuse (all the same digit, digits 4–9 all zero).
    const prefix = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
      .map((ds) => ds.join(''))
      .filter((p) => !/^(\d)\1{8}$/.test(p) && p.slice(3, 9) !== '000000');
    fc.assert(
      fc.property(prefix, (p) => {
        const valid = [...'0123456789'].filter((c) => isValidNationalCode(p + c));
        return valid.length === 1;
      }),
      { numRuns: 500 },
    );
  });
});

describe('isValidLegalNationalId', () => {
  it.each([
    ['10380284790', true],
    ['14007650912', true],
    ['۱۰۳۸۰۲۸۴۷۹۰', true],
    ['10380284791', false], // wrong check digit
    ['103802847901', false], // 12 digits: the library alone would accept it
    ['1038028479', false],
    ['00000000000', false],
    ['', false],
  ])('%j → %s', (id, valid) => {
    expect(isValidLegalNationalId(id)).toBe(valid);
  });
});

describe('normalizeMobile', () => {
  it.each([
    ['09123456789', '09123456789'],
    ['+989123456789', '09123456789'],
    ['00989123456789', '09123456789'],
    ['989123456789', '09123456789'],
    ['9123456789', '09123456789'],
    ['۰۹۱۲۳۴۵۶۷۸۹', '09123456789'],
    ['+۹۸ ۹۳۵ ۱۲۳ ۴۵۶۷', '09351234567'],
    ['(0912) 345-6789', '09123456789'],
    ['09341234567', '09341234567'], // a prefix missing from persian-tools' operator table
    ['08123456789', null],
    ['0912345678', null],
    ['091234567890', null],
    ['+979123456789', null],
    ['0912345678a', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected);
  });
});

describe('isValidPostalCode', () => {
  it.each([
    ['1193653471', true],
    ['۱۱۹۳۶-۵۳۴۷۱', true],
    ['3315993141', true],
    ['1234567890', false], // 2 in the first five
    ['1103653471', false], // 0 in the first five
    ['1111111111', false],
    ['9999999999', false],
    ['119365347', false],
    ['', false],
  ])('%j → %s', (code, valid) => {
    expect(isValidPostalCode(code)).toBe(valid);
  });

  it('returns the canonical 10 ASCII digits', () => {
    expect(normalizePostalCode('11936 53471')).toBe('1193653471');
  });
});

describe('isValidSheba', () => {
  it.each([
    ['IR820540102680020817909002', true],
    ['IR062960000000100324200001', true],
    ['ir06 2960 0000 0010 0324 2000 01', true],
    ['IR۰۶۲۹۶۰۰۰۰۰۰۰۱۰۰۳۲۴۲۰۰۰۰۱', true],
    ['IR062960000000100324200002', false], // mod-97 fails
    ['062960000000100324200001', false], // no IR
    ['DE062960000000100324200001', false],
    ['IR06296000000010032420000', false],
    ['', false],
  ])('%j → %s', (iban, valid) => {
    expect(isValidSheba(iban)).toBe(valid);
  });

  it('returns the canonical upper-case form without spaces', () => {
    expect(normalizeSheba('ir06 2960 0000 0010 0324 2000 01')).toBe('IR062960000000100324200001');
  });
});

describe('nationalCodeFrom', () => {
  it('makes codes the validator accepts, and any other last digit is refused', () => {
    for (const n of [0, 1, 13_542_41, 207_100_000, 999_999_999, 123_456_789]) {
      const code = nationalCodeFrom(n);
      if (/^(\d)\1{9}$/.test(code) || /^\d{3}0{6}/.test(code)) continue;
      expect(isValidNationalCode(code), code).toBe(true);
      for (let d = 0; d < 10; d++) if (String(d) !== code[9]) expect(isValidNationalCode(code.slice(0, 9) + d)).toBe(false);
    }
    expect(nationalCodeFrom(1_354_241)).toBe('0013542419');
  });
});
