import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Database } from '../db/client.js';
import { tehranDateKey, tehranDayOfWeek } from '../fa/index.js';
import { createTestDatabase } from '../../test/db.js';
import { addWorkingDays, invalidateHolidays, isWorkingDay, loadHolidays, setWeekendDays, subtractWorkingDays, weekendDays, workingDaysBetween } from './calendar.js';
import { wfHolidays } from './schema.js';

const DAY = 86_400_000;
const none = new Set<string>();
// Tehran midday instants: 2025-03-15 (Saturday) 12:00 +03:30.
const sat = new Date('2025-03-15T08:30:00Z');

describe('addWorkingDays (examples)', () => {
  it('skips Fridays: Saturday + 5 working days is the next Thursday, + 6 is the Saturday after', () => {
    expect(tehranDayOfWeek(sat)).toBe(6);
    expect(tehranDateKey(addWorkingDays(sat, 5, none))).toBe('2025-03-20');
    expect(tehranDateKey(addWorkingDays(sat, 6, none))).toBe('2025-03-22');
  });

  it('skips holidays (Nowruz) and keeps the time of day', () => {
    const nowruz = new Set(['2025-03-20', '2025-03-21', '2025-03-22', '2025-03-23', '2025-03-24']);
    const due = addWorkingDays(sat, 5, nowruz);
    expect(tehranDateKey(due)).toBe('2025-03-25');
    expect(due.getTime() - sat.getTime()).toBe(10 * DAY);
  });

  it('counts from the next day when started on a Friday; 0 days is the start itself', () => {
    const fri = new Date(sat.getTime() - DAY);
    expect(tehranDateKey(addWorkingDays(fri, 1, none))).toBe('2025-03-15');
    expect(addWorkingDays(fri, 0, none)).toEqual(fri);
  });

  it('honours a configured weekend (Thursday + Friday)', () => {
    expect(tehranDateKey(addWorkingDays(sat, 5, none, [4, 5]))).toBe('2025-03-22');
    setWeekendDays([4, 5]);
    try {
      expect(weekendDays()).toEqual([4, 5]);
      expect(tehranDateKey(addWorkingDays(sat, 5, none))).toBe('2025-03-22');
    } finally {
      setWeekendDays([5]);
    }
    expect(() => setWeekendDays([0, 1, 2, 3, 4, 5, 6])).toThrow();
  });

  it('refuses negative days and stops on a calendar with no working day', () => {
    expect(() => addWorkingDays(sat, -1, none)).toThrow(RangeError);
    expect(() => addWorkingDays(sat, 1, none, [0, 1, 2, 3, 4, 5, 6])).toThrow(/no working day/);
  });

  it('workingDaysBetween counts working days after the start up to the end, negative when late', () => {
    expect(workingDaysBetween(sat, addWorkingDays(sat, 6, none), none)).toBe(6);
    expect(workingDaysBetween(addWorkingDays(sat, 6, none), sat, none)).toBe(-6);
    expect(workingDaysBetween(sat, new Date(sat.getTime() + 3600_000), none)).toBe(0);
  });
});

// Property tests run from 2023 on: Iran has had no daylight saving time since late 2022, so days are 24 h.
const instant = fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true });
const holidaysNear = (start: Date) =>
  fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 40 }).map((offs) => new Set(offs.map((o) => tehranDateKey(new Date(start.getTime() + o * DAY)))));
const withHolidays = instant.chain((s) => fc.tuple(fc.constant(s), holidaysNear(s)));

describe('addWorkingDays (properties)', () => {
  it('never lands on a Friday or a holiday (days ≥ 1)', () => {
    fc.assert(fc.property(withHolidays, fc.integer({ min: 1, max: 60 }), ([s, h], n) => {
      const due = addWorkingDays(s, n, h);
      return tehranDayOfWeek(due) !== 5 && !h.has(tehranDateKey(due)) && isWorkingDay(due, h);
    }));
  });

  it('is monotone in days', () => {
    fc.assert(fc.property(withHolidays, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), ([s, h], a, b) => {
      const [n, m] = a <= b ? [a, b] : [b, a];
      return addWorkingDays(s, n, h).getTime() <= addWorkingDays(s, m, h).getTime();
    }));
  });

  it('adding n then m equals adding n + m', () => {
    fc.assert(fc.property(withHolidays, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), ([s, h], n, m) =>
      addWorkingDays(addWorkingDays(s, n, h), m, h).getTime() === addWorkingDays(s, n + m, h).getTime()));
  });

  it('workingDaysBetween inverts it', () => {
    fc.assert(fc.property(withHolidays, fc.integer({ min: 0, max: 60 }), ([s, h], n) => workingDaysBetween(s, addWorkingDays(s, n, h), h) === n));
  });

  it('subtractWorkingDays(start + n, d) equals start + (n - d) for d < n (reminders before a deadline)', () => {
    fc.assert(fc.property(withHolidays, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 39 }), ([s, h], n, d) =>
      d >= n || subtractWorkingDays(addWorkingDays(s, n, h), d, h).getTime() === addWorkingDays(s, n - d, h).getTime()));
    // Saturday 2025-03-22 minus 1 working day is Thursday 2025-03-20: the Friday is skipped.
    expect(tehranDateKey(subtractWorkingDays(addWorkingDays(sat, 6, none), 1, none))).toBe('2025-03-20');
  });
});

describe('loadHolidays', () => {
  let database: Database;
  beforeAll(async () => { database = await createTestDatabase(); });
  afterAll(async () => { await database.close(); });

  it('reads wf_holidays as Tehran date keys, cached until invalidated', async () => {
    invalidateHolidays();
    expect(await loadHolidays(database.db)).toEqual(new Set());
    await database.db.insert(wfHolidays).values([{ day: '2025-03-21', title: 'نوروز' }, { day: '2025-04-01', title: 'روز جمهوری اسلامی' }]);
    expect((await loadHolidays(database.db)).size).toBe(0); // still cached
    invalidateHolidays();
    expect(await loadHolidays(database.db)).toEqual(new Set(['2025-03-21', '2025-04-01']));
  });
});
