// How the festival's pages write amounts and dates: rials in words of a size people read («۱٫۲ میلیارد ریال»),
// whole amounts with the Persian thousands separator, and a Jalali day of the API ('1404/06/31') in Persian digits.
// Pure.
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import { faNumber } from '../../../../web/format.js';

const STEPS: [number, string][] = [
  [1e12, 'هزار میلیارد'],
  [1e9, 'میلیارد'],
  [1e6, 'میلیون'],
];

/** An amount in short words: 1_250_000_000 → '۱٫۲۵ میلیارد'; below a million the whole number ('۸۵۰٬۰۰۰'). */
export function faShort(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  for (const [size, word] of STEPS) if (abs >= size) return `${faNumber(n / size, 2)} ${word}`;
  return faNumber(n);
}

/** Rials in short words with the unit: '۱٫۲۵ میلیارد ریال', or '—'. */
export function faRial(n: number | null | undefined): string {
  const s = faShort(n);
  return s === '—' ? s : `${s} ریال`;
}

/** A figure's value (may be negative or have decimals): '۱٬۵۰۰', '۲٫۵', '−۳'. */
export function faFigure(n: number): string {
  return n < 0 ? `−${faNumber(-n, 2)}` : faNumber(n, 2);
}

/** A Jalali day as the API writes it ('1404/06/31') in Persian digits. */
export const faDay = (d: string | null | undefined) => (d ? toPersianDigits(d) : '—');
