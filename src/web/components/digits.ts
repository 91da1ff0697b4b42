import { toAsciiDigits } from '../../core/fa/normalize.js';

/** Keep only the digits of what was typed (Persian, Arabic or ASCII), as ASCII, at most `max` of them. */
export function onlyDigits(value: string, max: number): string {
  return toAsciiDigits(value).replace(/\D/g, '').slice(0, max);
}

/** A decimal as typed (Persian or ASCII digits, '٫' '.' or '/' as the point) → ASCII '0.5', at most `fraction` decimals. */
export function decimalOnly(s: string, fraction = 3): string {
  const ascii = toAsciiDigits(s).replace(/[٫/]/g, '.').replace(/[^\d.]/g, '');
  const [int = '', ...rest] = ascii.split('.');
  if (fraction === 0) return int;
  return ascii.includes('.') ? `${int}.${rest.join('').slice(0, fraction)}` : int;
}
