// The amriyeh service's own formatting, shared by its public pages and its staff screens (no React, no Mantine:
// the light public pages import it). Dates and plain numbers are the shell's (web/format.ts).
import { toPersianDigits } from '../../../core/fa/normalize.js';
import { faNumber } from '../../../web/format.js';

/** A score, a weight or a count with Persian digits and at most two decimals (72.5 → '۷۲٫۵'), or '—'. */
export function faNum(n: number | null | undefined): string {
  return faNumber(n, 2);
}

/**
 * A tracking or letter number in groups of four with Persian digits, as the SMS writes it ('۱۲۳۴-۵۶۷۸-۹۰۱۲-۳');
 * show it in an LTR element.
 */
export function groupCode(code: string): string {
  return toPersianDigits(code.replace(/(\d{4})(?=\d)/g, '$1-'));
}
