import { getDate, getMonth, getYear, newDate } from 'date-fns-jalali';
import { toAsciiDigits, toPersianDigits } from './normalize.js';

/** What the formatting functions accept: a Date, an ISO string, or epoch milliseconds. */
export type DateInput = Date | string | number;

const TZ = 'Asia/Tehran';
/**
 * Iran's offset from UTC today, +03:30, all year: Iran abolished daylight saving time in 2022 (the last DST
 * period ended in September 2022), so every date from Mehr 1401 on is at +03:30. Older dates get the historical
 * offsets of the time-zone database (e.g. +04:30 in summers before 2022), see jalaliToDate; should Iran change
 * its clocks again, Intl's time-zone data follows and nothing here needs to change.
 */
export const TEHRAN_OFFSET_MINUTES = 210;
/** Years parseJalaliDate accepts. Intl's Persian calendar and date-fns-jalali agree on every day in this span. */
export const JALALI_MIN_YEAR = 1300;
export const JALALI_MAX_YEAR = 1500;

// Formatters are costly to build; build each once. Numbers come out in Latin digits and are converted for
// display by us, so the output does not depend on how a given browser's ICU renders fa-IR.
const persianNumeric = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {
  timeZone: TZ,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});
const persianMonthName = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { timeZone: TZ, month: 'long' });
const gregorianNumeric = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
  timeZone: TZ,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

function toDate(d: DateInput): Date {
  const date = d instanceof Date ? d : new Date(d);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(d)}`);
  return date;
}

function numericParts(f: Intl.DateTimeFormat, d: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(d)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * The Jalali (Solar Hijri) year, month (1–12) and day of an instant, as seen in Tehran, in plain numbers.
 * Throws a RangeError on an invalid date, like every formatter here.
 */
export function jalaliParts(d: DateInput): { year: number; month: number; day: number } {
  const p = numericParts(persianNumeric, toDate(d));
  return { year: p.year ?? NaN, month: p.month ?? NaN, day: p.day ?? NaN };
}

/** Formats an instant as a Jalali date in Tehran, year/month/day with Persian digits: '۱۴۰۵/۰۹/۰۵'. */
export function formatJalaliDate(d: DateInput): string {
  const { year, month, day } = jalaliParts(d);
  return toPersianDigits(`${year}/${pad2(month)}/${pad2(day)}`);
}

/** Formats an instant as Jalali date and 24-hour Tehran time with Persian digits: '۱۴۰۵/۰۹/۰۵ ۱۵:۳۰'. */
export function formatJalaliDateTime(d: DateInput): string {
  const p = numericParts(persianNumeric, toDate(d));
  const hour = (p.hour ?? 0) % 24; // some engines say 24 for midnight
  return toPersianDigits(`${p.year}/${pad2(p.month ?? 0)}/${pad2(p.day ?? 0)} ${pad2(hour)}:${pad2(p.minute ?? 0)}`);
}

/** Formats an instant as a long Jalali date in Tehran, day, month name, year: '۵ آذر ۱۴۰۵'. */
export function formatJalaliLong(d: DateInput): string {
  const date = toDate(d);
  const { year, day } = jalaliParts(date);
  const month = persianMonthName.formatToParts(date).find((p) => p.type === 'month')?.value ?? '';
  return `${toPersianDigits(day)} ${month} ${toPersianDigits(year)}`;
}

/** Tehran's offset from UTC, in milliseconds, at an instant (from the time-zone database, via Intl). */
function tehranOffsetMs(t: number): number {
  const p = numericParts(gregorianNumeric, new Date(t));
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, (p.hour ?? 0) % 24, p.minute ?? 0, p.second ?? 0);
  return wall - (t - (((t % 1000) + 1000) % 1000));
}

/**
 * The instant at which the Jalali day year/month/day begins in Tehran, or null when no such day exists: month
 * outside 1–12, day 31 in months 7–12, Esfand 30 in a non-leap year, a year outside JALALI_MIN_YEAR..MAX.
 * From Mehr 1401 on that is 00:00 at UTC+03:30 (no DST any more); for older dates it is Tehran's
 * midnight at the offset of the day (+04:30 in old summers; 01:00 on the days DST began at midnight).
 * Calendar arithmetic is date-fns-jalali's.
 */
export function jalaliToDate(year: number, month: number, day: number): Date | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < JALALI_MIN_YEAR || year > JALALI_MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return null;
  // newDate works in the process's local zone; only its local calendar fields are used, never its instant.
  const local = newDate(year, month - 1, day);
  if (getYear(local) !== year || getMonth(local) !== month - 1 || getDate(local) !== day) return null; // overflowed
  const utcMidnight = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate());
  const guess = utcMidnight - TEHRAN_OFFSET_MINUTES * 60_000;
  const offset = tehranOffsetMs(guess);
  const exact = utcMidnight - offset;
  const onDay = (t: number) => Math.floor((t + tehranOffsetMs(t)) / 86_400_000) * 86_400_000 === utcMidnight;
  if (tehranOffsetMs(exact) === offset && !onDay(exact - 1000)) return new Date(exact); // an ordinary midnight
  // The clocks changed near this midnight (DST at 00:00 or 01:00, or leaving local mean time on 1314/03/22): the
  // day begins at the first second that is on it. Search the three hours before the earliest instant known to be
  // on the day; in that window the local date only moves forward.
  let hi = Math.min(...[guess, exact].filter(onDay));
  let lo = hi - 3 * 3_600_000;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (onDay(mid)) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/**
 * Parses a Jalali date typed by a person: 'YYYY/MM/DD' or 'YYYY-MM-DD' (month and day may have one digit; Persian
 * or Arabic digits are fine; surrounding spaces are ignored), e.g. '1405/09/05', '۱۴۰۵/۰۹/۰۵', '1405-9-5'.
 * Returns the instant the day begins in Tehran (see jalaliToDate), or null when the text is not a real date.
 */
export function parseJalaliDate(s: string): Date | null {
  const m = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/.exec(toAsciiDigits(s).trim());
  if (!m) return null;
  return jalaliToDate(Number(m[1]), Number(m[3]), Number(m[4]));
}

/** Gregorian calendar date of an instant in Tehran as [year, month 1–12, day]. */
function tehranYmd(d: Date): [number, number, number] {
  const p = numericParts(gregorianNumeric, toDate(d));
  return [p.year ?? NaN, p.month ?? NaN, p.day ?? NaN];
}

/** Day of the week of an instant in Tehran: 0 = Sunday (یکشنبه) … 6 = Saturday (شنبه); Friday (جمعه) is 5. */
export function tehranDayOfWeek(d: Date): number {
  const [y, m, day] = tehranYmd(d);
  return new Date(Date.UTC(y, m - 1, day)).getUTCDay();
}

/** The Gregorian calendar date of an instant in Tehran as 'YYYY-MM-DD' (a key for holiday tables and SLA days). */
export function tehranDateKey(d: Date): string {
  const [y, m, day] = tehranYmd(d);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(day)}`;
}
