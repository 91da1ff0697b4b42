// Small pure helpers that show dates, numbers and sizes in Persian (and tell a passed deadline), for every
// service's public pages and staff screens (no React, no Mantine, no zod: the light public pages import them).
import { formatJalaliDate, formatJalaliDateTime } from '../core/fa/jalali.js';
import { toPersianDigits } from '../core/fa/normalize.js';

/** What a missing value shows. */
export const NONE = '—';

/** A date formatter that answers '—' for nothing or a bad value. */
function orNone(format: (d: string | number | Date) => string): (d: string | number | Date | null | undefined) => string {
  return (d) => {
    if (d === null || d === undefined || d === '') return NONE;
    try {
      return format(d);
    } catch {
      return NONE;
    }
  };
}

/** Jalali date with Persian digits, or '—' for nothing / a bad value. */
export const jDate = orNone(formatJalaliDate);

/** Jalali date and time with Persian digits, or '—'. */
export const jDateTime = orNone(formatJalaliDateTime);

/**
 * A number with Persian digits and the Persian thousands separator, with at most `fractionDigits` decimals
 * (4000 → '۴٬۰۰۰', 72.5 with 2 → '۷۲٫۵'); '—' when there is none.
 */
export function faNumber(n: number | null | undefined, fractionDigits = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NONE;
  const fixed = fractionDigits > 0 ? n.toFixed(fractionDigits).replace(/\.?0+$/, '') : String(Math.round(n));
  const [int, frac] = fixed.split('.');
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, '٬');
  return toPersianDigits(frac ? `${grouped}٫${frac}` : grouped);
}

/** File size for people: '۲٫۴ مگابایت', '۳۵۰ کیلوبایت'. */
export function faSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${faNumber(bytes / (1024 * 1024), 1)} مگابایت`;
  return `${faNumber(Math.max(1, Math.round(bytes / 1024)))} کیلوبایت`;
}

/** A code (mobile, national code, letter number) in Persian digits, or '—'; show it in an LTR element. */
export function faDigits(s: string | null | undefined): string {
  return s ? toPersianDigits(s) : NONE;
}

/** True when a deadline has passed. */
export function isOverdue(dueAt: string | number | Date | null | undefined): boolean {
  return dueAt !== null && dueAt !== undefined && dueAt !== '' && new Date(dueAt).getTime() < Date.now();
}
