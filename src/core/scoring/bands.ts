// Band scales shared by every scoring table of the platform (grading indicators, instructor criteria): a band covers
// min ≤ v < max (a null bound is open), and is read out in Persian. Pure: server and browser import it.
import { toPersianDigits } from '../fa/normalize.js';

export interface BandBounds {
  min: number | null;
  max: number | null;
}

/** A number in Persian digits with the Persian thousands separator and at most 3 decimals: 25000 → '۲۵٬۰۰۰'. */
export function faNum(n: number): string {
  const [int, frac] = String(Math.round(n * 1000) / 1000).split('.');
  const sign = int!.startsWith('-') ? '-' : '';
  const grouped = int!.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, '٬');
  return toPersianDigits(`${sign}${grouped}${frac ? `٫${frac}` : ''}`);
}

/** `text` followed by its unit, when there is one. */
export const withUnit = (text: string, unit: string) => (unit ? `${text} ${unit}` : text);

/** True when v lies in the band: min ≤ v < max, a null bound open. */
export function inBand(band: BandBounds, v: number): boolean {
  return (band.min === null || v >= band.min) && (band.max === null || v < band.max);
}

/** The range a band covers, in words: «از ۲۵٬۰۰۰ تا کمتر از ۵۰٬۰۰۰ نفر», «کمتر از ۵٬۰۰۰ نفر», «۱٬۰۰۰٬۰۰۰ نفر و بیشتر». */
export function bandRangeText(band: BandBounds, unit: string): string {
  if (band.min === null && band.max === null) return 'هر مقدار';
  if (band.min === null) return withUnit(`کمتر از ${faNum(band.max!)}`, unit);
  if (band.max === null) return `${withUnit(faNum(band.min), unit)} و بیشتر`;
  return withUnit(`از ${faNum(band.min)} تا کمتر از ${faNum(band.max)}`, unit);
}

/** The first pair of overlapping bands' index in `bands` sorted by min, or -1 when none overlap. */
export function overlappingBand(bands: readonly BandBounds[]): number {
  const sorted = [...bands].sort((a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity));
  for (let i = 1; i < sorted.length; i++) if ((sorted[i - 1]!.max ?? Infinity) > (sorted[i]!.min ?? -Infinity)) return i;
  return -1;
}
