import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SiteInput } from '../contract.js';
import {
  codesOfRow,
  columnForHeader,
  columnHeader,
  exampleRow,
  IMPORT_COLUMNS,
  isTemplateExample,
  REQUIRED_COLUMNS,
  rowToSiteInput,
  type CodeResolver,
} from './import-format.js';

const DIVISIONS: Record<string, number> = { '9902010101': 7, '99020101': 3 };
const VILLAGES: Record<string, number> = { '9902010101001': 11, '9902010101002': 12, '9902010101003': 13 };
const resolver: CodeResolver = {
  division: (code) => (DIVISIONS[code] ? { id: DIVISIONS[code] } : null),
  village: (code) => (VILLAGES[code] ? { id: VILLAGES[code] } : null),
};

/** A valid row by column key, to which each case applies its changes. */
const good = (over: Record<string, string> = {}): Record<string, string> => ({
  name: 'محل دفن دهنو',
  kind: 'تخلیه روباز',
  lat: '36.5981',
  lon: '53.0154',
  division_code: '9902010101',
  ...over,
});

const H = {
  name: 'نام محل',
  kind: 'نوع محل',
  lat: 'عرض جغرافیایی',
  lon: 'طول جغرافیایی',
  division: 'کد آماری آبادی، دهستان یا بخش',
  villages: 'روستاهای تحت پوشش',
  area: 'مساحت (مترمربع)',
  flags: 'نشانه‌های حساسیت',
  status: 'وضعیت',
  year: 'سال شروع بهره‌برداری',
  fill: 'درصد پرشدگی',
  ext: 'شناسه خارجی',
} as const;

describe('the columns', () => {
  it('cover every SiteInput field but documentIds, with codes in place of divisionId and servedVillageIds', () => {
    const fields = Object.keys(SiteInput.shape).filter((f) => f !== 'documentIds').sort();
    expect(IMPORT_COLUMNS.map((c) => c.field as string).sort()).toEqual(fields);
    expect(IMPORT_COLUMNS.find((c) => c.field === 'divisionId')?.key).toBe('division_code');
    expect(IMPORT_COLUMNS.find((c) => c.field === 'servedVillageIds')?.key).toBe('villages_served');
    expect([...REQUIRED_COLUMNS].sort()).toEqual(['division_code', 'kind', 'lat', 'lon', 'name']);
    for (const c of IMPORT_COLUMNS) {
      expect(c.header).toMatch(/[\u0600-\u06FF]/);
      expect(c.help).toMatch(/[\u0600-\u06FF]/);
      expect(c.example).not.toBe('');
    }
  });

  it('find a column by header or key, whatever the keyboard, and never two columns by one name', () => {
    for (const c of IMPORT_COLUMNS) {
      expect(columnForHeader(c.header)).toBe(c);
      expect(columnForHeader(` ${c.key.toUpperCase()} `)).toBe(c);
    }
    const cases: [string, string | null][] = [
      ['شناسه خارجي', 'externalId'], // Arabic ي
      ['بهره بردار', 'operator'], // a space for the half-space
      ['مساحت', 'areaM2'], // without the unit
      ['  نام   محل ', 'name'],
      ['ايستگاه', null],
      ['', null],
    ];
    for (const [cell, key] of cases) expect(columnForHeader(cell)?.key ?? null).toBe(key);
    expect(new Set(IMPORT_COLUMNS.map((c) => c.header)).size).toBe(IMPORT_COLUMNS.length);
  });

  it('give the header of a column by key or by field name', () => {
    expect(columnHeader('division_code')).toBe(H.division);
    expect(columnHeader('divisionId')).toBe(H.division);
    expect(columnHeader('servedVillageIds')).toBe(H.villages);
    expect(columnHeader('lat')).toBe(H.lat);
    expect(columnHeader('nothing')).toBe('nothing');
  });
});

describe('rowToSiteInput', () => {
  it('turns the template example into the site it describes', () => {
    const { input, issues } = rowToSiteInput(exampleRow(), resolver);
    expect(issues).toEqual([]);
    expect(input).toMatchObject({
      externalId: 'KRM-0012',
      kind: 'open_dump',
      status: 'active',
      lat: 36.5981,
      lon: 53.0154,
      divisionId: 7,
      startYear: 1395,
      capacityUnit: 'm3',
      dailyIntakeT: 4.5,
      servedVillageIds: [11, 12],
      flags: ['river', 'flood'],
      documentIds: [],
    });
  });

  const bad: [string, Record<string, string>, { column: string; reason: string }[]][] = [
    ['a word for a number', good({ areaM2: 'دوازده هزار' }), [{ column: H.area, reason: 'مساحت باید عدد باشد' }]],
    ['a decimal comma (not a thousands group)', good({ lat: '36,5981' }), [{ column: H.lat, reason: 'عرض جغرافیایی باید عدد باشد' }]],
    [
      'lat and lon swapped (outside Iran)',
      good({ lat: '53.0154', lon: '36.5981' }),
      [
        { column: H.lat, reason: 'عرض جغرافیایی نمی‌تواند بیشتر از ۴۰ باشد' },
        { column: H.lon, reason: 'طول جغرافیایی نمی‌تواند کمتر از ۴۳٫۵ باشد' },
      ],
    ],
    ['an unknown kind', good({ kind: 'زباله‌دان' }), [{ column: H.kind, reason: 'نوع محل معتبر نیست' }]],
    ['an unknown status', good({ status: 'نیمه‌فعال' }), [{ column: H.status, reason: 'وضعیت محل معتبر نیست' }]],
    ['an unknown division code', good({ division_code: '123' }), [{ column: H.division, reason: 'کد ۱۲۳ در تقسیمات کشوری پیدا نشد' }]],
    ['a division code that is not digits', good({ division_code: 'ساری' }), [{ column: H.division, reason: 'کد آماری «ساری» معتبر نیست (فقط رقم)' }]],
    ['no division code', good({ division_code: ' ' }), [{ column: H.division, reason: 'کد آماری آبادی، دهستان یا بخش را وارد کنید' }]],
    [
      'a code Excel wrote in scientific notation',
      good({ division_code: '9.90201E+09' }),
      [{ column: H.division, reason: expect.stringContaining('نماد علمی') }],
    ],
    ['an empty name', good({ name: '' }), [{ column: H.name, reason: 'این بخش را پر کنید' }]],
    ['a name of spaces only', good({ name: ' \u200c ' }), [{ column: H.name, reason: 'این بخش را پر کنید' }]],
    [
      'unknown village codes, listed once',
      good({ villages_served: '9902010101001، 555؛777,555' }),
      [{ column: H.villages, reason: 'کد ۵۵۵، ۷۷۷ در تقسیمات کشوری پیدا نشد' }],
    ],
    ['an unknown flag', good({ flags: 'مجاورت رودخانه، جنگل' }), [{ column: H.flags, reason: 'نشانه حساسیت معتبر نیست' }]],
    ['a fractional year', good({ startYear: '1395.5' }), [{ column: H.year, reason: 'سال شروع باید عدد صحیح باشد' }]],
    ['a percent over 100', good({ fillPercent: '۱۲۰٪' }), [{ column: H.fill, reason: 'درصد پرشدگی نمی‌تواند بیشتر از ۱۰۰ باشد' }]],
    ['a bad external id', good({ externalId: 'a b' }), [{ column: H.ext, reason: 'شناسه خارجی فقط حرف، رقم و - _ . / می‌پذیرد' }]],
    [
      'an empty row',
      {},
      [
        { column: H.name, reason: 'این بخش را پر کنید' },
        { column: H.kind, reason: 'نوع محل معتبر نیست' },
        { column: H.lat, reason: 'عرض جغرافیایی باید عدد باشد' },
        { column: H.lon, reason: 'طول جغرافیایی باید عدد باشد' },
        { column: H.division, reason: 'کد آماری آبادی، دهستان یا بخش را وارد کنید' },
      ],
    ],
  ];
  it.each(bad)('reports %s against the column, in Persian, and gives no input', (_, row, expected) => {
    const { input, issues } = rowToSiteInput(row, resolver);
    expect(issues).toEqual(expected);
    expect(input).toBeNull();
  });

  const ok: [string, Record<string, string>, Partial<SiteInput>][] = [
    [
      'Persian and Arabic digits, ٫ and thousands separators',
      good({ lat: '۳۶٫۵۹۸۱', lon: '٥٣٫٠١٥٤', areaM2: '۱۲٬۰۰۰', capacity: '1,250,000.5', fillPercent: '۶۵٪', division_code: '۰۹۹۰۲۰۱۰۱۰۱', startYear: '۱۳۹۵' }),
      { lat: 36.5981, lon: 53.0154, areaM2: 12000, capacity: 1250000.5, fillPercent: 65, divisionId: 7, startYear: 1395 },
    ],
    [
      'enums by key, by title without the space, and typed with Arabic letters',
      good({ kind: 'SANITARY', status: 'پرشده', capacityUnit: 'تن', flags: 'wetland ؛ پهنه سيل گير;river,river' }),
      { kind: 'sanitary', status: 'full', capacityUnit: 't', flags: ['wetland', 'flood', 'river'] },
    ],
    ['a transfer station typed on an Arabic keyboard', good({ kind: 'ايستگاه انتقال' }), { kind: 'transfer' }],
    [
      'empty optional cells as null or the default',
      good({ externalId: '', status: '', areaM2: ' ', capacityUnit: '', flags: '', villages_served: '', operator: '' }),
      { externalId: null, status: 'active', areaM2: null, capacityUnit: 'm3', flags: [], servedVillageIds: [], operator: '' },
    ],
    [
      'village codes with any separator, duplicates once',
      good({ villages_served: '9902010101001؛ ۹۹۰۲۰۱۰۱۰۱۰۰۲ , 9902010101003\n9902010101001' }),
      { servedVillageIds: [11, 12, 13] },
    ],
    ['an external id with Persian digits, as ASCII', good({ externalId: 'KRM-۰۰۱۲' }), { externalId: 'KRM-0012' }],
    ['a name with Arabic ي and ك, cleaned', good({ name: '  محل  دفن   كوي ' }), { name: 'محل دفن کوی' }],
    ['a notes cell keeps its line breaks', good({ soilNotes: 'رسی\nشیب ملایم' }), { soilNotes: 'رسی\nشیب ملایم' }],
    ['a zero and an exponent', good({ distRoadM: '0', populationExposed: '2.4e3' }), { distRoadM: 0, populationExposed: 2400 }],
  ];
  it.each(ok)('reads %s', (_, row, expected) => {
    const { input, issues } = rowToSiteInput(row, resolver);
    expect(issues).toEqual([]);
    expect(input).toMatchObject(expected);
  });

  it('reports every problem of a row, in column order', () => {
    const { input, issues } = rowToSiteInput(good({ name: '', lat: 'x', division_code: '42', flags: 'جنگل' }), resolver);
    expect(input).toBeNull();
    expect(issues.map((i) => i.column)).toEqual([H.name, H.lat, H.division, H.flags]);
  });

  it('never throws on any cells, and gives an input exactly when there is no issue', () => {
    const keys = IMPORT_COLUMNS.map((c) => c.key);
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: fc.constantFrom(...'0123456789۰۱۲۳۴۵۶۷۸۹٫٬,.;؛،-+eE% '), maxLength: 15 }),
      fc.constantFrom('', 'فعال', 'تن', 'دفن بهداشتی', 'مجاورت رودخانه', '9902010101', '36.5', '53'),
    );
    const headers = new Set(IMPORT_COLUMNS.map((c) => c.header));
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys, 'other', '__proto__'), cell), (row) => {
        const { input, issues } = rowToSiteInput(row, resolver);
        expect(input === null).toBe(issues.length > 0);
        for (const i of issues) {
          expect(headers.has(i.column)).toBe(true);
          expect(i.reason).toMatch(/[\u0600-\u06FF]/);
        }
        if (input) expect(SiteInput.safeParse(input).success).toBe(true);
        const codes = codesOfRow(row);
        for (const c of [codes.division, ...codes.villages]) if (c !== null) expect(c).toMatch(/^(0|[1-9]\d*)$/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('codesOfRow', () => {
  const cases: [Record<string, string>, { division: string | null; villages: string[] }][] = [
    [{ division_code: '۰۹۹۰۲۰۱۰۱۰۱', villages_served: '1؛ 2 ,2 abc،٣' }, { division: '9902010101', villages: ['1', '2', '3'] }],
    [{ division_code: 'ساری' }, { division: null, villages: [] }],
    [{}, { division: null, villages: [] }],
  ];
  it.each(cases)('%j → %j', (row, expected) => expect(codesOfRow(row)).toEqual(expected));
});

describe('isTemplateExample', () => {
  it('recognizes the example left in, and nothing else', () => {
    expect(isTemplateExample(exampleRow())).toBe(true);
    expect(isTemplateExample({ ...exampleRow(), __row: '2' })).toBe(true);
    expect(isTemplateExample({ ...exampleRow(), name: 'محل دفن دیگر' })).toBe(false);
    expect(isTemplateExample(good())).toBe(false);
  });
});
