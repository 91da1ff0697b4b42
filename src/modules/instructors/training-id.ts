// The training ID (شناسه آموزشی) of a qualified instructor: human-readable, with a check digit, never reused.
//   YYYY-PP-NNNNN-C   e.g. 1405-02-00123-7
// YYYY the Jalali year of the first qualification, PP the two-digit Statistical Centre code of his
// province (Markazi is 00), NNNNN a running number (one database sequence for the whole country, so never reused and
// unique by itself — the year and province are for people reading it), C the Verhoeff check digit of the 11 digits before
// it: every single mistyped digit and every swap of two neighbouring digits is caught.
import { toAsciiDigits } from '../../core/fa/normalize.js';
import { verhoeffDigit, verhoeffValid } from '../../core/codes/verhoeff.js';

export const TRAINING_ID_RE = /^(\d{4})-(\d{2})-(\d{5})-(\d)$/;

/** The ID of running number `seq` (1…99,999) issued in Jalali `year` for province code `province` (0…99). */
export function formatTrainingId(year: number, province: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1300 || year > 1499) throw new RangeError(`year ${year} out of range`);
  if (!Number.isInteger(province) || province < 0 || province > 99) throw new RangeError(`province ${province} out of range`);
  if (!Number.isInteger(seq) || seq < 1 || seq > 99_999) throw new RangeError(`sequence ${seq} out of range`);
  const body = `${year}${String(province).padStart(2, '0')}${String(seq).padStart(5, '0')}`;
  return `${body.slice(0, 4)}-${body.slice(4, 6)}-${body.slice(6)}-${verhoeffDigit(body)}`;
}

/**
 * A typed ID in its canonical form, or null when it is not one (wrong length, or a check digit that does not match:
 * a typo). Accepts Persian or Arabic digits, and dashes, spaces or nothing between the groups.
 */
export function normalizeTrainingId(typed: string): string | null {
  const digits = toAsciiDigits(typed).replace(/[\s\-–_/]/g, '');
  if (!/^\d{12}$/.test(digits) || !verhoeffValid(digits)) return null;
  const year = Number(digits.slice(0, 4));
  if (year < 1300 || year > 1499 || Number(digits.slice(6, 11)) === 0) return null;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 11)}-${digits[11]}`;
}
