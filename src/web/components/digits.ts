import { toAsciiDigits } from '../../core/fa/normalize.js';

/** Keep only the digits of what was typed (Persian, Arabic or ASCII), as ASCII, at most `max` of them. */
export function onlyDigits(value: string, max: number): string {
  return toAsciiDigits(value).replace(/\D/g, '').slice(0, max);
}
