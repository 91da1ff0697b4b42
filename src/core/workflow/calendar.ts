import { tehranDateKey, tehranDayOfWeek } from '../fa/index.js';
import type { DbOrTx } from '../db/client.js';
import { wfHolidays } from './schema.js';

const DAY_MS = 86_400_000;
/** The Iranian weekend: Friday (5, with 0 = Sunday). Some offices also close on Thursday; see setWeekendDays. */
export const IRAN_WEEKEND: readonly number[] = [5];
// A year without a single working day means a broken holiday list or weekend; stop instead of looping forever.
const MAX_IDLE_DAYS = 366;

let weekend: readonly number[] = IRAN_WEEKEND;

/** Sets the weekend days used by the engine (0 = Sunday … 6 = Saturday), e.g. [4, 5] for Thursday + Friday. */
export function setWeekendDays(days: readonly number[]): void {
  const set = [...new Set(days)];
  if (set.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) throw new Error('weekend days must be 0..6');
  if (set.length >= 7) throw new Error('a week needs at least one working day');
  weekend = set;
}

/** The weekend days in effect. */
export function weekendDays(): readonly number[] {
  return weekend;
}

/** True when the Tehran calendar day of `d` is neither a weekend day nor in `holidays` ('YYYY-MM-DD'). */
export function isWorkingDay(d: Date, holidays: ReadonlySet<string>, weekendDays: readonly number[] = weekend): boolean {
  return !weekendDays.includes(tehranDayOfWeek(d)) && !holidays.has(tehranDateKey(d));
}

/**
 * The instant `days` working days after `start`: the same time of day on the `days`-th working day after
 * start's Tehran calendar day (start's own day never counts, so 1 = "by this time on the next working day").
 * For days ≥ 1 the result is never on a weekend day or holiday. Adding n then m equals adding n + m.
 * Steps whole days of 24 h, which is exact in Tehran since Iran dropped daylight saving time in 2022.
 */
export function addWorkingDays(start: Date, days: number, holidays: ReadonlySet<string>, weekendDays: readonly number[] = weekend): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  let t = start.getTime();
  let idle = 0;
  for (let left = days; left > 0; ) {
    t += DAY_MS;
    if (isWorkingDay(new Date(t), holidays, weekendDays)) (left--, (idle = 0));
    else if (++idle > MAX_IDLE_DAYS) throw new Error('no working day within a year: check the holiday list');
  }
  return new Date(t);
}

/**
 * The instant `days` working days before `end`, counted like {@link addWorkingDays} backwards: for
 * `end = addWorkingDays(start, n)` and `days < n` it equals `addWorkingDays(start, n - days)` (e.g. a reminder
 * `days` working days before a deadline). For days ≥ 1 the result is on a working day.
 */
export function subtractWorkingDays(end: Date, days: number, holidays: ReadonlySet<string>, weekendDays: readonly number[] = weekend): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  let t = end.getTime();
  let idle = 0;
  for (let left = days; left > 0; ) {
    t -= DAY_MS;
    if (isWorkingDay(new Date(t), holidays, weekendDays)) (left--, (idle = 0));
    else if (++idle > MAX_IDLE_DAYS) throw new Error('no working day within a year: check the holiday list');
  }
  return new Date(t);
}

/**
 * Working days from `from`'s Tehran day (exclusive) to `to`'s (inclusive): the n with
 * `addWorkingDays(from, n)` landing on `to`'s day when that day is a working day. Negative when `to` is earlier
 * (that many working days late), 0 on the same day.
 */
export function workingDaysBetween(from: Date, to: Date, holidays: ReadonlySet<string>, weekendDays: readonly number[] = weekend): number {
  if (to.getTime() < from.getTime()) return -workingDaysBetween(to, from, holidays, weekendDays);
  const end = tehranDateKey(to);
  let n = 0;
  for (let t = from.getTime() + DAY_MS; tehranDateKey(new Date(t)) <= end; t += DAY_MS) if (isWorkingDay(new Date(t), holidays, weekendDays)) n++;
  return n;
}

const TTL_MS = 60_000;
// One cache per process, not per handle: the engine reads holidays inside transactions, and every transaction is
// a new handle. The list is national and changes a few times a year, so a minute of staleness is harmless.
let cached: { at: number; days: Set<string> } | null = null;

/**
 * The official holidays from `wf_holidays` as 'YYYY-MM-DD' keys, cached for a minute. Call
 * {@link invalidateHolidays} after editing the list so this instance sees the change at once (others within a minute).
 */
export async function loadHolidays(db: DbOrTx): Promise<Set<string>> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.days;
  const list = await db.select({ day: wfHolidays.day }).from(wfHolidays);
  cached = { at: Date.now(), days: new Set(list.map((r) => r.day)) };
  return cached.days;
}

/** Forgets the cached holidays (after the holiday list was edited). */
export function invalidateHolidays(): void {
  cached = null;
}
