import { jalaliToDate, tehranDateKey } from '../fa/index.js';
import type { DbOrTx } from '../db/client.js';
import { invalidateHolidays } from './calendar.js';
import { wfHolidays } from './schema.js';

/**
 * Iran's official holidays that fall on a fixed solar (Jalali) date. Holidays of the lunar calendar move every
 * year and are entered by the administrator (POST /api/v1/holidays) from the official calendar.
 */
export const FIXED_SOLAR_HOLIDAYS: { month: number; day: number; title: string }[] = [
  { month: 1, day: 1, title: 'عید نوروز' },
  { month: 1, day: 2, title: 'عید نوروز' },
  { month: 1, day: 3, title: 'عید نوروز' },
  { month: 1, day: 4, title: 'عید نوروز' },
  { month: 1, day: 12, title: 'روز جمهوری اسلامی' },
  { month: 1, day: 13, title: 'روز طبیعت' },
  { month: 3, day: 14, title: 'رحلت امام خمینی' },
  { month: 3, day: 15, title: 'قیام ۱۵ خرداد' },
  { month: 11, day: 22, title: 'پیروزی انقلاب اسلامی' },
  { month: 12, day: 29, title: 'ملی شدن صنعت نفت' },
];

/** Adds the fixed solar holidays of the given Jalali years (existing days are left as they are). */
export async function seedFixedHolidays(db: DbOrTx, years: number[]): Promise<number> {
  const values = years.flatMap((y) =>
    FIXED_SOLAR_HOLIDAYS.map((h) => ({ day: tehranDateKey(jalaliToDate(y, h.month, h.day)!), title: h.title })),
  );
  const inserted = await db.insert(wfHolidays).values(values).onConflictDoNothing().returning();
  invalidateHolidays();
  return inserted.length;
}
