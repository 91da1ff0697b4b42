// Values of `date` columns (a calendar day, no time): written from and read as Tehran calendar days, shown as Jalali.
import { jalaliParts, parseJalaliDate, tehranDateKey } from '../fa/jalali.js';

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The value for a `date` column from a Jalali day ('1405/01/01', Persian digits fine): the Gregorian calendar day as
 * UTC midnight, which the driver writes as that very day. Null when the text is not a real Jalali date.
 */
export function dbDateFromJalali(jalali: string): Date | null {
  const start = parseJalaliDate(jalali);
  return start ? dbDateOf(start) : null;
}

/** The value for a `date` column holding the Tehran calendar day of an instant. */
export function dbDateOf(at: Date): Date {
  return new Date(`${tehranDateKey(at)}T00:00:00Z`);
}

/** A `date` column's value (UTC midnight of the day) as a Jalali day with ASCII digits, '1405/01/01' (what the API sends). */
export function jalaliFromDbDate(d: Date): string {
  const { year, month, day } = jalaliParts(d);
  return `${year}/${pad2(month)}/${pad2(day)}`;
}
