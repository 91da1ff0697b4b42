// Time left until a round's deadline, by the server's clock (never the phone's): the page remembers how far the
// phone's clock is from the server's (`serverNow` of the answer) and counts with that difference. Pure.
import { toPersianDigits } from '../../../../core/fa/normalize.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far the server's clock is ahead of this device's (ms): add it to Date.now() to get the server's time. */
export function clockSkew(serverNow: string, deviceNowAtAnswer: number): number {
  const s = Date.parse(serverNow);
  return Number.isFinite(s) ? s - deviceNowAtAnswer : 0;
}

/** Milliseconds until `closesAt` by the server's clock (negative once passed). */
export function msLeft(closesAt: string, skew: number, deviceNow: number): number {
  const c = Date.parse(closesAt);
  return Number.isFinite(c) ? c - (deviceNow + skew) : 0;
}

/**
 * The time left in words, two units at most, rounded down: «۳ روز و ۴ ساعت», «۵ ساعت و ۱۲ دقیقه», «۱۲ دقیقه»,
 * «کمتر از یک دقیقه»; null once passed.
 */
export function timeLeftText(ms: number): string | null {
  if (ms <= 0) return null;
  if (ms < MINUTE) return 'کمتر از یک دقیقه';
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  const m = Math.floor((ms % HOUR) / MINUTE);
  const part = (n: number, unit: string) => `${toPersianDigits(n)} ${unit}`;
  if (d > 0) return h > 0 ? `${part(d, 'روز')} و ${part(h, 'ساعت')}` : part(d, 'روز');
  if (h > 0) return m > 0 ? `${part(h, 'ساعت')} و ${part(m, 'دقیقه')}` : part(h, 'ساعت');
  return part(m, 'دقیقه');
}
