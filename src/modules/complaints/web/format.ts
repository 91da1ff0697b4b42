// The complaints service's own formatting (tracking codes, coordinates), shared by its citizen and staff screens.
// Dates, numbers and sizes are the shell's (web/format.ts). No React, no Mantine, no zod: the public pages import it.
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

/** Coordinates for display: 5 decimals, Persian digits and decimal separator. */
export function faCoord(n: number): string {
  return toPersianDigits(n.toFixed(5)).replace('.', '٫');
}
