import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPersianDigits } from '../fa/index.js';
import { formatTrackingCode, generateTrackingCode, isValidTrackingCode, normalizeTrackingCode, verhoeffDigit, verhoeffValid } from './tracking-code.js';

const body12 = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 }))
  .map(([first, rest]) => `${first}${rest.join('')}`);
const code = body12.map((b) => b + String(verhoeffDigit(b)));

describe('tracking codes', () => {
  it('are 13 digits, first not 0, and every generated code validates', () => {
    for (let i = 0; i < 2000; i++) {
      const c = generateTrackingCode();
      expect(c).toMatch(/^[1-9]\d{12}$/);
      expect(isValidTrackingCode(c)).toBe(true);
    }
  });

  it('are random: 10,000 generated codes are distinct', () => {
    expect(new Set(Array.from({ length: 10_000 }, generateTrackingCode)).size).toBe(10_000);
  });

  it('Verhoeff: known check digit (236 → 3)', () => {
    expect(verhoeffDigit('236')).toBe(3);
    expect(verhoeffValid('2363')).toBe(true);
    expect(verhoeffValid('2364')).toBe(false);
  });

  it('reject any single changed digit', () => {
    fc.assert(fc.property(code, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 9 }), (c, pos, delta) => {
      const d = (Number(c[pos]) + delta) % 10;
      const changed = c.slice(0, pos) + String(d) + c.slice(pos + 1);
      expect(isValidTrackingCode(changed)).toBe(false);
    }), { numRuns: 3000 });
  });

  it('reject any swap of two different neighbouring digits', () => {
    fc.assert(fc.property(code, fc.integer({ min: 0, max: 11 }), (c, pos) => {
      fc.pre(c[pos] !== c[pos + 1]);
      const swapped = c.slice(0, pos) + c[pos + 1] + c[pos] + c.slice(pos + 2);
      expect(isValidTrackingCode(swapped)).toBe(false);
    }), { numRuns: 3000 });
  });

  it('normalize Persian and Arabic digits, spaces, half-spaces and dashes; display form reads back', () => {
    fc.assert(fc.property(code, (c) => {
      expect(normalizeTrackingCode(c)).toBe(c);
      expect(normalizeTrackingCode(toPersianDigits(c))).toBe(c);
      expect(normalizeTrackingCode(formatTrackingCode(c))).toBe(c);
      expect(normalizeTrackingCode(` ${c.slice(0, 4)} ${c.slice(4, 8)}\u200c${c.slice(8)} `)).toBe(c);
    }), { numRuns: 300 });
    expect(normalizeTrackingCode('١٢٣')).toBeNull();
    expect(formatTrackingCode('1234567890123')).toBe('1234-5678-9012-3');
  });

  it('normalize gives null for anything that is not a valid code', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => {
      const n = normalizeTrackingCode(s);
      if (n !== null) expect(isValidTrackingCode(n)).toBe(true);
    }), { numRuns: 2000 });
    expect(normalizeTrackingCode('0' + '1'.repeat(12))).toBeNull();
    expect(normalizeTrackingCode('')).toBeNull();
    expect(normalizeTrackingCode('12345678901234')).toBeNull();
  });
});
