import { describe, expect, it } from 'vitest';
import { clockSkew, msLeft, timeLeftText } from './countdown.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('timeLeftText', () => {
  it('says days and hours, hours and minutes, or minutes, rounded down', () => {
    expect(timeLeftText(3 * DAY + 4 * HOUR + 59 * MIN)).toBe('۳ روز و ۴ ساعت');
    expect(timeLeftText(2 * DAY + 10 * MIN)).toBe('۲ روز');
    expect(timeLeftText(5 * HOUR + 12 * MIN + 30_000)).toBe('۵ ساعت و ۱۲ دقیقه');
    expect(timeLeftText(HOUR)).toBe('۱ ساعت');
    expect(timeLeftText(12 * MIN)).toBe('۱۲ دقیقه');
    expect(timeLeftText(59_000)).toBe('کمتر از یک دقیقه');
  });
  it('is null once the deadline has passed', () => {
    expect(timeLeftText(0)).toBeNull();
    expect(timeLeftText(-5 * MIN)).toBeNull();
  });
});

describe('counting by the server clock', () => {
  it('uses the server time, not the phone clock', () => {
    // The phone is 2 hours behind the server.
    const device = Date.parse('2025-09-20T10:00:00Z');
    const skew = clockSkew('2025-09-20T12:00:00Z', device);
    expect(skew).toBe(2 * HOUR);
    // Deadline 3 hours after the server's now: 3 hours left, whatever the phone shows.
    expect(msLeft('2025-09-20T15:00:00Z', skew, device)).toBe(3 * HOUR);
    // 30 minutes later on the phone.
    expect(msLeft('2025-09-20T15:00:00Z', skew, device + 30 * MIN)).toBe(2.5 * HOUR);
  });
  it('falls back to no skew for a bad server time', () => {
    expect(clockSkew('nonsense', 1000)).toBe(0);
  });
});
