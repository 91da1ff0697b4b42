// Test data for the grading service: a municipality at a city, a dehyari at a village, a grade history row, and the
// indicator values that support a given municipality grade under the shipped example rules. Used by *.test.ts only.
import type { DbOrTx } from '../../../core/db/client.js';
import { orgDehyaris, orgMunicipalities } from '../../../core/org/schema.js';
import type { TestDivision } from '../../../test/factories.js';
import type { Subject } from '../enums.js';
import { dbDateFromJalali, dbDateOf, jalaliFromDbDate } from './rule-sets.js';
import { gradingHistory } from './schema.js';
import './index.js';

/** The municipality of a test city, with a core-table grade. */
export async function createMunicipality(db: DbOrTx, city: TestDivision, grade: number | null = null) {
  const [row] = await db.insert(orgMunicipalities).values({ divisionId: city.id, name: `شهرداری ${city.name}`, grade }).returning();
  return row!;
}

/** The dehyari of a test village, with a core-table grade. */
export async function createDehyari(db: DbOrTx, village: TestDivision, grade: number | null = null) {
  const [row] = await db.insert(orgDehyaris).values({ divisionId: village.id, name: `دهیاری ${village.name}`, grade }).returning();
  return row!;
}

/** A grade history row (an initial grade: no rule version, no request) effective on a Jalali day. */
export async function addGrade(db: DbOrTx, subject: Subject, division: TestDivision, grade: number, effective: string, orderNumber: string | null = null) {
  await db.insert(gradingHistory).values({ subject, divisionId: division.id, divisionPath: division.path, grade, ruleSetId: null, orderNumber, effectiveDate: dbDateFromJalali(effective)! });
}

/** The Jalali day `days` days ago ('1403/09/05'). */
export const jalaliDaysAgo = (days: number): string => jalaliFromDbDate(dbDateOf(new Date(Date.now() - days * 86_400_000)));

/**
 * Municipality values under the example rules (v1): 260 / 210 billion rials, 8,000 people, a district seat →
 * 11 + 10 + 5 + 6 = 32 points = grade 4.
 */
export const MUNICIPALITY_GRADE_4 = { continuous_income: 260, net_income: 210, population: 8_000, admin_status: 'district_center' };
/** Dehyari values under the example rules: 5 bn rials, 2,100 people, 90 ha, other, no tourism → 9 + 19 + 8 + 3 + 0 = 39 = grade 3. */
export const DEHYARI_GRADE_3 = { income: 5, population: 2_100, area: 90, center_status: 'other', tourism: 'none' };
