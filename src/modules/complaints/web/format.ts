// Small pure helpers shared by the citizen and staff screens (no React, no Mantine, no zod: the public pages import them).
import { formatJalaliDate, formatJalaliDateTime } from '../../../core/fa/jalali.js';
import { toAsciiDigits, toPersianDigits } from '../../../core/fa/normalize.js';

/** A tracking code as typed or pasted (Persian/Arabic/ASCII digits, spaces, dashes) → ASCII digits only. */
export function cleanCode(input: string): string {
  return toAsciiDigits(input).replace(/\D/g, '');
}

/** Codes are digits only, at least 12 of them (12 random + a check digit). */
export function looksLikeCode(code: string): boolean {
  return /^\d{12,20}$/.test(code);
}

/**
 * A tracking code grouped for reading over the phone, in Persian digits: groups of three, the last group taking
 * the rest ('1234567890123' → '۱۲۳ ۴۵۶ ۷۸۹ ۰۱۲۳'). Show it inside an LTR element so the groups keep their order.
 */
export function groupCode(code: string): string {
  const d = cleanCode(code);
  const groups: string[] = [];
  let i = 0;
  while (d.length - i > 4) {
    groups.push(d.slice(i, i + 3));
    i += 3;
  }
  if (i < d.length) groups.push(d.slice(i));
  return toPersianDigits(groups.join(' '));
}

/** Jalali date with Persian digits, or '—' for nothing / a bad value. */
export function jDate(d: string | number | Date | null | undefined): string {
  if (d === null || d === undefined || d === '') return '—';
  try {
    return formatJalaliDate(d);
  } catch {
    return '—';
  }
}

/** Jalali date and time with Persian digits, or '—'. */
export function jDateTime(d: string | number | Date | null | undefined): string {
  if (d === null || d === undefined || d === '') return '—';
  try {
    return formatJalaliDateTime(d);
  } catch {
    return '—';
  }
}

/** A count with Persian digits and the Persian thousands separator: 4000 → '۴٬۰۰۰'. */
export function faNumber(n: number, fractionDigits = 0): string {
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

/** Mobile for display: Persian digits, kept in LTR order by the caller's <bdi>. */
export function faMobile(m: string | null | undefined): string {
  return m ? toPersianDigits(m) : '—';
}

/** Coordinates for display: 5 decimals, Persian digits and decimal separator. */
export function faCoord(n: number): string {
  return toPersianDigits(n.toFixed(5)).replace('.', '٫');
}
