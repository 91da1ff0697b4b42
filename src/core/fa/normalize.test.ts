import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAR_MAP } from './charmap.js';
import { FA_NORMALIZE_SQL, normalizeFa, toAsciiDigits, toPersianDigits } from './normalize.js';

describe('toAsciiDigits / toPersianDigits', () => {
  it.each([
    ['۱۲۳', '123'],
    ['٤٥٦', '456'],
    ['۰۹۱۲-٣٤٥ 67', '0912-345 67'],
    ['بدون رقم', 'بدون رقم'],
  ])('toAsciiDigits(%j) is %j', (input, expected) => {
    expect(toAsciiDigits(input)).toBe(expected);
  });

  it('converts ASCII digits, and numbers, to Persian digits', () => {
    expect(toPersianDigits('1405/09/05')).toBe('۱۴۰۵/۰۹/۰۵');
    expect(toPersianDigits(1234567890)).toBe('۱۲۳۴۵۶۷۸۹۰');
  });
});

describe('normalizeFa', () => {
  it.each([
    ['علي', 'علی'],
    ['كرمان', 'کرمان'],
    ['۱۲۳', '123'],
    ['١٢٣', '123'],
    ['مدرسة', 'مدرسه'],
    ['خانۀ ما', 'خانه ما'],
    ['موسى', 'موسی'],
    ['أحمد إمام ٱلله', 'احمد امام الله'],
    ['آب', 'آب'],
    ['\u0627\u0653ب', 'آب'], // decomposed آ
    ['مسؤول', 'مسوول'],
    ['پايين', 'پایین'],
    ['ی\u0654', 'ئ'],
    ['سلامـــت', 'سلامت'],
    ['مُحَمَّد', 'محمد'],
    ['می‌روم', 'می روم'],
    ['می روم', 'می روم'],
    ['  تهران \t\n  کرج  ', 'تهران کرج'],
    ['a\u200b\u200d\ufeffb', 'a b'],
    ['\u200fشهر\u200e', 'شهر'],
    ['Tehran ABC', 'tehran abc'],
    ['ÉSTANBUL İ', 'Éstanbul İ'], // only A–Z is lower-cased
    ['', ''],
  ])('normalizeFa(%j) is %j', (input, expected) => {
    expect(normalizeFa(input)).toBe(expected);
  });

  it('makes the half-space and the space spellings of a word equal', () => {
    expect(normalizeFa('می‌روم')).toBe(normalizeFa('می روم'));
    expect(normalizeFa('كتاب‌هاي')).toBe(normalizeFa('کتاب های'));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(mixedString, (s) => normalizeFa(normalizeFa(s)) === normalizeFa(s)));
  });
});

// The alphabet for random strings: every character the normalization touches, plus ordinary Persian and Latin.
const alphabet = [
  ...CHAR_MAP.keys(),
  ...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآئء',
  ...'abcxyz0123456789',
  ' ',
  ' ',
  '-',
  '،',
  '؟',
  'İ',
  'É',
  'Σ',
  '😀',
];
const mixedString = fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 40 });

describe('FA_NORMALIZE_SQL', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = new PGlite({ extensions: { pg_trgm } });
    await db.exec(FA_NORMALIZE_SQL);
  });
  afterAll(async () => {
    await db.close();
  });

  const sqlNormalize = async (s: string): Promise<string | null> =>
    (await db.query<{ n: string | null }>('SELECT fa_normalize($1) AS n', [s])).rows[0]?.n ?? null;

  it('is plain ASCII, so a migration file carries no invisible characters', () => {
    expect(FA_NORMALIZE_SQL).toMatch(/^[\x20-\x7e\n]*$/);
    expect(FA_NORMALIZE_SQL).toMatch(/^CREATE OR REPLACE FUNCTION fa_normalize\(t text\) RETURNS text/);
    expect(FA_NORMALIZE_SQL).toContain('IMMUTABLE PARALLEL SAFE STRICT');
  });

  it('gives the same result as normalizeFa on the table examples', async () => {
    for (const s of ['علي', 'كرمان', '۱۲۳', 'می‌روم', '\u0627\u0653ب', 'ÉSTANBUL İ', '  a  ']) {
      expect(await sqlNormalize(s)).toBe(normalizeFa(s));
    }
  });

  it('gives the same result as normalizeFa on random mixed Persian/Arabic/Latin strings', async () => {
    await fc.assert(
      fc.asyncProperty(mixedString, async (s) => {
        expect(await sqlNormalize(s)).toBe(normalizeFa(s));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same result as normalizeFa on random Unicode text', async () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !s.includes('\0'));
    await fc.assert(
      fc.asyncProperty(text, async (s) => {
        expect(await sqlNormalize(s)).toBe(normalizeFa(s));
      }),
      { numRuns: 200 },
    );
  });

  it('does not use lower(): PostgreSQL lower() and JS toLowerCase() disagree outside A-Z', async () => {
    // Why only A–Z is folded: lower() depends on the database's locale and differs from JS (İ here).
    const r = await db.query<{ l: string }>(`SELECT lower('İ') AS l`);
    expect(r.rows[0]?.l).not.toBe('İ'.toLowerCase());
    expect(FA_NORMALIZE_SQL).not.toMatch(/lower\(/);
  });

  it('returns NULL for NULL and can back a trigram index', async () => {
    expect((await db.query<{ n: null }>('SELECT fa_normalize(NULL) AS n')).rows[0]?.n).toBeNull();
    await db.exec(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE TABLE place (name text NOT NULL);
      CREATE INDEX place_name_trgm ON place USING gin (fa_normalize(name) gin_trgm_ops);
      INSERT INTO place VALUES ('كرمانشاه'), ('تهران'), ('خانۀ فرهنگ');`);
    const r = await db.query<{ name: string }>(
      `SELECT name FROM place WHERE fa_normalize(name) LIKE '%' || fa_normalize($1) || '%' ORDER BY name`,
      ['کرمان'],
    );
    expect(r.rows.map((x) => x.name)).toEqual(['كرمانشاه']);
  });
});
