import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  FA_MESSAGES,
  zFaText,
  zJalaliDate,
  zLegalNationalId,
  zMobile,
  zNationalCode,
  zPostalCode,
  zSheba,
} from './zod.js';

/** The messages of a failed parse (empty when it succeeded). */
function messages(schema: z.ZodType, input: unknown): string[] {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('identifier schemas', () => {
  it.each([
    ['zNationalCode', zNationalCode, ' ۰۴۹۹۳۷۰۸۹۹ ', '0499370899'],
    ['zLegalNationalId', zLegalNationalId, '۱۰۳۸۰۲۸۴۷۹۰', '10380284790'],
    ['zMobile', zMobile, '+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹', '09123456789'],
    ['zPostalCode', zPostalCode, '۱۱۹۳۶-۵۳۴۷۱', '1193653471'],
    ['zSheba', zSheba, 'ir06 2960 0000 0010 0324 2000 01', 'IR062960000000100324200001'],
  ] as const)('%s accepts Persian digits and outputs the canonical form', (_name, schema, input, expected) => {
    expect(schema.parse(input)).toBe(expected);
  });

  it.each([
    ['zNationalCode', zNationalCode, '0499370898', FA_MESSAGES.nationalCodeInvalid],
    ['zLegalNationalId', zLegalNationalId, '10380284791', FA_MESSAGES.legalIdInvalid],
    ['zMobile', zMobile, '08123456789', FA_MESSAGES.mobileInvalid],
    ['zPostalCode', zPostalCode, '1234567890', FA_MESSAGES.postalCodeInvalid],
    ['zSheba', zSheba, 'IR062960000000100324200002', FA_MESSAGES.shebaInvalid],
  ] as const)('%s refuses an invalid value with one Persian message', (_name, schema, input, message) => {
    expect(messages(schema, input)).toEqual([message]);
  });

  it('says "enter it" (not "invalid") for an empty or missing value', () => {
    expect(messages(zNationalCode, '   ')).toEqual([FA_MESSAGES.nationalCodeEmpty]);
    expect(messages(zNationalCode, undefined)).toEqual([FA_MESSAGES.nationalCodeEmpty]);
    expect(messages(zMobile, 9123456789)).toEqual([FA_MESSAGES.mobileEmpty]);
  });

  it('stays a plain string in JSON Schema, for requests and responses', () => {
    const schema = z.object({ mobile: zMobile, code: zNationalCode });
    for (const io of ['input', 'output'] as const) {
      const json = z.toJSONSchema(schema, { io }) as { properties: Record<string, { type: string }> };
      expect(json.properties.mobile?.type).toBe('string');
    }
  });
});

describe('zJalaliDate', () => {
  it('parses Persian and ASCII dates to 00:00 Tehran', () => {
    expect(zJalaliDate.parse('۱۴۰۵/۰۹/۰۵').toISOString()).toBe('2026-11-25T20:30:00.000Z');
    expect(zJalaliDate.parse(' 1405-9-5 ').toISOString()).toBe('2026-11-25T20:30:00.000Z');
  });

  it('refuses a day that does not exist, and empty input', () => {
    expect(messages(zJalaliDate, '1404/12/30')).toEqual([FA_MESSAGES.dateInvalid]);
    expect(messages(zJalaliDate, '')).toEqual([FA_MESSAGES.dateEmpty]);
  });
});

describe('zFaText', () => {
  it('trims and keeps the text as typed, digits included', () => {
    expect(zFaText(20).parse('  پلاک ۱۲ كوچه ')).toBe('پلاک ۱۲ كوچه');
  });

  it('refuses text that is empty once spaces, half-spaces and tatweel are gone', () => {
    for (const s of ['', '   ', '\u200c', ' ـ \u200c ']) expect(messages(zFaText(10), s)).toEqual([FA_MESSAGES.textEmpty]);
  });

  it('refuses text longer than max with a Persian-digit message', () => {
    expect(messages(zFaText(3), 'سلام')).toEqual(['حداکثر ۳ نویسه مجاز است']);
    expect(zFaText(4).parse('سلام')).toBe('سلام');
  });
});

describe('zFaText and control characters', () => {
  it('removes NUL and other control characters but keeps newlines and tabs', () => {
    expect(zFaText(100).parse('سلام\u0000 دنیا\n\tخط\u0007')).toBe('سلام دنیا\n\tخط');
  });
});
