import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatJalaliDate,
  formatJalaliDateTime,
  formatJalaliLong,
  jalaliParts,
  jalaliToDate,
  parseJalaliDate,
  tehranDateKey,
  tehranDayOfWeek,
} from './jalali.js';
import { toPersianDigits } from './normalize.js';

const DAY = 86_400_000;
const pad2 = (n: number): string => String(n).padStart(2, '0');

describe('formatting', () => {
  const noonUtc = new Date('2026-11-26T12:00:00Z'); // 15:30 in Tehran

  it('formats 2026-11-26 as 1405/09/05 in every form', () => {
    expect(formatJalaliDate(noonUtc)).toBe('۱۴۰۵/۰۹/۰۵');
    expect(formatJalaliDateTime(noonUtc)).toBe('۱۴۰۵/۰۹/۰۵ ۱۵:۳۰');
    expect(formatJalaliLong(noonUtc)).toBe('۵ آذر ۱۴۰۵');
    expect(jalaliParts(noonUtc)).toEqual({ year: 1405, month: 9, day: 5 });
  });

  it('accepts ISO strings and epoch milliseconds', () => {
    expect(formatJalaliDate('2026-11-26T12:00:00Z')).toBe('۱۴۰۵/۰۹/۰۵');
    expect(formatJalaliDate(noonUtc.getTime())).toBe('۱۴۰۵/۰۹/۰۵');
  });

  it('uses Tehran time: the day changes at 20:30 UTC', () => {
    expect(formatJalaliDateTime('2026-11-25T20:29:00Z')).toBe('۱۴۰۵/۰۹/۰۴ ۲۳:۵۹');
    expect(formatJalaliDateTime('2026-11-25T20:30:00Z')).toBe('۱۴۰۵/۰۹/۰۵ ۰۰:۰۰');
  });

  it('knows Nowruz 1403 is 2024-03-20 and Nowruz 1404 is 2025-03-21', () => {
    expect(formatJalaliLong('2024-03-20T12:00:00Z')).toBe('۱ فروردین ۱۴۰۳');
    expect(formatJalaliDate('2025-03-20T12:00:00Z')).toBe('۱۴۰۳/۱۲/۳۰');
    expect(formatJalaliDate('2025-03-21T12:00:00Z')).toBe('۱۴۰۴/۰۱/۰۱');
  });

  it('throws a RangeError on an invalid date', () => {
    expect(() => formatJalaliDate('not a date')).toThrow(RangeError);
  });
});

describe('parseJalaliDate', () => {
  it.each(['1405/09/05', '۱۴۰۵/۰۹/۰۵', '١٤٠٥/٠٩/٠٥', '1405-9-5', ' 1405/9/05 '])('parses %j to 00:00 Tehran', (s) => {
    expect(parseJalaliDate(s)?.toISOString()).toBe('2026-11-25T20:30:00.000Z');
  });

  it('parses Nowruz 1403 to 2024-03-20 00:00 Tehran (UTC+03:30)', () => {
    const d = parseJalaliDate('1403/01/01');
    expect(d?.toISOString()).toBe('2024-03-19T20:30:00.000Z');
    expect(d && tehranDateKey(d)).toBe('2024-03-20');
  });

  it('accepts Esfand 30 of the leap year 1403 only', () => {
    expect(parseJalaliDate('1403/12/30')?.toISOString()).toBe('2025-03-19T20:30:00.000Z');
    expect(parseJalaliDate('1404/12/30')).toBeNull();
  });

  it.each([
    '1405/13/01',
    '1405/00/10',
    '1405/07/31',
    '1405/12/31',
    '1405/01/00',
    '1405/01/32',
    '1405/09-05',
    '05/09/1405',
    '14050905',
    '1405/09/05/01',
    'امروز',
    '',
    '1299/01/01',
    '1501/01/01',
  ])('returns null for %j', (s) => {
    expect(parseJalaliDate(s)).toBeNull();
  });

  it('uses the offset of the day for dates before Iran dropped DST in 2022', () => {
    expect(parseJalaliDate('1399/05/05')?.toISOString()).toBe('2020-07-25T19:30:00.000Z'); // +04:30
    expect(parseJalaliDate('1401/07/01')?.toISOString()).toBe('2022-09-22T20:30:00.000Z'); // +03:30
  });

  it.each([
    [1314, 3, 22, 'Tehran left local mean time: the clocks jumped 4 min 16 s at midnight'],
    [1357, 1, 5, 'DST began at midnight from +04:00 to +05:00'],
    [1357, 5, 14, 'DST ended at 01:00, after the day had begun'],
  ])('%i/%i/%i begins at the first instant of the day (%s)', (y, m, day) => {
    const d = jalaliToDate(y, m, day)!;
    expect(formatJalaliDate(d)).toBe(toPersianDigits(`${y}/${pad2(m)}/${pad2(day)}`));
    expect(jalaliParts(d.getTime() - 1).day).not.toBe(day);
  });

  it('matches Intl for every valid day and refuses exactly the days that do not exist', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1300, max: 1500 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const d = jalaliToDate(year, month, day);
          // Independent oracle for Esfand 30: Intl says what follows Esfand 29.
          const esfand29 = jalaliToDate(year, 12, 29);
          const leap = esfand29 !== null && jalaliParts(esfand29.getTime() + DAY + 3_600_000).day === 30;
          const days = month <= 6 ? 31 : month <= 11 ? 30 : leap ? 30 : 29;
          if (day > days) return d === null;
          return (
            d !== null &&
            formatJalaliDate(d) === toPersianDigits(`${year}/${pad2(month)}/${pad2(day)}`) &&
            jalaliParts(d.getTime() - 1).day !== day // d is where the day begins
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('round-trips: parsing the formatted date of any instant gives the start of its Tehran day', () => {
    const instant = fc.date({
      min: new Date('1921-03-21T00:00:00Z'),
      max: new Date('2120-01-01T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, (d) => {
        const start = parseJalaliDate(formatJalaliDate(d));
        return start !== null && start.getTime() <= d.getTime() && d.getTime() - start.getTime() < DAY + 3_600_000;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('tehranDayOfWeek / tehranDateKey', () => {
  it('2026-11-26 (1405/09/05) is a Thursday', () => {
    expect(tehranDayOfWeek(new Date('2026-11-26T12:00:00Z'))).toBe(4);
    expect(tehranDateKey(new Date('2026-11-26T12:00:00Z'))).toBe('2026-11-26');
  });

  it('counts days in Tehran, not UTC: Friday 21:00 UTC is already Saturday', () => {
    const d = new Date('2026-11-27T21:00:00Z');
    expect(tehranDayOfWeek(d)).toBe(6);
    expect(tehranDateKey(d)).toBe('2026-11-28');
    expect(tehranDayOfWeek(new Date('2026-11-27T20:29:59Z'))).toBe(5);
  });

  it('agrees with the Gregorian date of the instant moved by +03:30 (no DST since 2022)', () => {
    const instant = fc.date({
      min: new Date('2023-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, (d) => {
        const shifted = new Date(d.getTime() + 210 * 60_000);
        return tehranDateKey(d) === shifted.toISOString().slice(0, 10) && tehranDayOfWeek(d) === shifted.getUTCDay();
      }),
    );
  });
});
