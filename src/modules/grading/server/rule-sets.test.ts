// Rule versions on the real database: the shipped example inserted once, the version in effect switching on its
// effective date (the day before uses the old one), consecutive version numbers for concurrent publishers, admin only,
// bad definitions refused with Persian messages, usedBy counting requests, audit.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fa as zodFa } from 'zod/v4/locales';
import type { Actor } from '../../../core/access/actor.js';
import { auditLog } from '../../../core/audit/schema.js';
import { rows, sql, type Database } from '../../../core/db/client.js';
import { parseJalaliDate } from '../../../core/fa/jalali.js';
import { AppError } from '../../../core/http/errors.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { createTestDatabase } from '../../../test/db.js';
import { createStaff, createTree } from '../../../test/factories.js';
import type { RuleSetCreate } from '../contract.js';
import { DEFAULT_RULES } from './default-rules.js';
import { createRuleSet, currentRuleSet, dbDateFromJalali, ensureDefaultRules, getRuleSet, jalaliFromDbDate, listRuleSets, toRuleSetLike } from './rule-sets.js';
import { evaluate } from './rules.js';
import { gradingRequests, gradingRuleSets, gradingSheets } from './schema.js';

z.config(zodFa()); // as the app does

let database: Database;
let admin: Actor;
let expert: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createStaff(database.db, [['admin', null]]);
  expert = await createStaff(database.db, [['expert.municipal', null]]);
});

afterAll(async () => {
  await database?.close();
});

async function rejects(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('accepted');
}

/** A new version of a subject from its shipped definition, with changes. */
function version(subject: 'municipality' | 'dehyari', effectiveFrom: string, change: (d: RuleSetCreate['definition']) => void = () => {}): RuleSetCreate {
  const definition = structuredClone(DEFAULT_RULES[subject].definition);
  change(definition);
  return { subject, title: `جدول رسمی ${effectiveFrom}`, effectiveFrom, approvedBy: 'کارگروه درجه‌بندی، نامه ۱۲۳۴/ص', definition };
}

/** Late in the Tehran day before a Jalali date, and the very start of that date. */
const dayBefore = (jalali: string) => new Date(parseJalaliDate(jalali)!.getTime() - 60_000);
const dayStart = (jalali: string) => parseJalaliDate(jalali)!;

describe('dates', () => {
  it.each(['1400/01/01', '1405/03/15', '1403/12/30', '1405/06/31'])('%s survives the date column', async (j) => {
    // as drizzle writes a Date to a date column (its ISO text), and reads it back (the day's text → UTC midnight)
    const [row] = await rows<{ d: string }>(database.db, sql`select ${dbDateFromJalali(j)!.toISOString()}::date::text as d`);
    expect(jalaliFromDbDate(new Date(`${row!.d}T00:00:00Z`))).toBe(j);
  });
  it('refuses a date that does not exist', () => {
    expect(dbDateFromJalali('1404/12/30')).toBeNull(); // 1404 is not a leap year
  });
});

describe('the shipped example', () => {
  it('is inserted once per subject, however often start-up runs', async () => {
    await ensureDefaultRules(database.db);
    await ensureDefaultRules(database.db);
    for (const subject of ['municipality', 'dehyari'] as const) {
      const all = await listRuleSets(database.db, subject);
      expect(all).toHaveLength(1);
      expect(all[0]).toMatchObject({ subject, version: 1, isExample: true, effectiveFrom: DEFAULT_RULES[subject].effectiveFrom, title: DEFAULT_RULES[subject].title, createdBy: null, usedBy: 0 });
      expect(all[0]!.definition).toEqual(DEFAULT_RULES[subject].definition);
    }
    const events = await database.db.select().from(auditLog).where(eq(auditLog.action, 'grading.rules.example'));
    expect(events).toHaveLength(2);
  });

  it('is the version in effect, and grades with the engine', async () => {
    const v = await currentRuleSet(database.db, 'municipality', new Date());
    expect(v.version).toBe(1);
    const e = evaluate(toRuleSetLike(v), { population: 1_500_000, continuous_income: 30_000, net_income: 12_000, admin_status: 'province_center' });
    expect(e.maxGrade).toBe(12);
    expect(e.grade).toBeGreaterThanOrEqual(11);
  });

  it('nothing is in effect before its date: 409 no_rules', async () => {
    const err = await rejects(currentRuleSet(database.db, 'municipality', dayBefore(DEFAULT_RULES.municipality.effectiveFrom)));
    expect(err).toMatchObject({ status: 409, code: 'no_rules' });
    expect(err.title).toContain('شهرداری‌ها');
  });
});

describe('publishing a version', () => {
  it('switches on its effective date: the day before uses v1, on the day v2', async () => {
    const v2 = await createRuleSet(database.db, admin, version('municipality', '1405/03/15', (d) => (d.grades[0]!.minPoints = 11)));
    expect(v2).toMatchObject({ subject: 'municipality', version: 2, isExample: false, effectiveFrom: '1405/03/15', usedBy: 0 });
    expect(v2.createdBy).toMatch(/^کارمند/);
    expect((await currentRuleSet(database.db, 'municipality', dayBefore('1405/03/15'))).version).toBe(1);
    expect((await currentRuleSet(database.db, 'municipality', dayStart('1405/03/15'))).version).toBe(2);
    expect((await currentRuleSet(database.db, 'municipality', new Date(dayStart('1405/03/15').getTime() + 23 * 3_600_000))).version).toBe(2);
    // the other subject is untouched
    expect((await currentRuleSet(database.db, 'dehyari', dayStart('1405/03/15'))).version).toBe(1);
    expect((await listRuleSets(database.db, 'municipality')).map((r) => r.version)).toEqual([2, 1]);
    const [event] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'grading.rules.create'));
    expect(event).toMatchObject({ entityType: 'grading_rule_set', entityId: String(v2.id), actorId: admin.id });
  });

  it('two admins at once get versions 2 and 3; on the same date the higher version is in effect', async () => {
    const [a, b] = await Promise.all([
      createRuleSet(database.db, admin, version('dehyari', '1405/07/01')),
      createRuleSet(database.db, admin, version('dehyari', '1405/07/01')),
    ]);
    expect([a!.version, b!.version].sort()).toEqual([2, 3]);
    expect((await currentRuleSet(database.db, 'dehyari', dayStart('1405/07/01'))).version).toBe(3);
  });

  it('only with the grading.rules permission (403), and nothing is stored', async () => {
    const before = (await listRuleSets(database.db, 'municipality')).length;
    const err = await rejects(createRuleSet(database.db, expert, version('municipality', '1406/01/01')));
    expect(err.status).toBe(403);
    expect(await listRuleSets(database.db, 'municipality')).toHaveLength(before);
  });

  it.each([
    ['overlapping bands', 400, 'body.definition.indicators.0.bands', 'بازه‌های امتیاز هم‌پوشانی دارند', version('municipality', '1406/01/01', (d) => (d.indicators[0]!.bands[1]!.min = 10))],
    ['thresholds not increasing', 400, 'body.definition.grades', 'حداقل امتیاز هر درجه باید از درجه پایین‌تر بیشتر باشد', version('municipality', '1406/01/01', (d) => (d.grades[3]!.minPoints = d.grades[2]!.minPoints))],
    ['a grade above the dehyari maximum', 422, 'body.definition.grades.5.grade', 'درجه ۷ مجاز نیست؛ بالاترین درجه دهیاری ۶ است.', version('dehyari', '1406/01/01', (d) => d.grades.push({ grade: 7, minPoints: 95 }))],
    ['a missing grade threshold', 422, 'body.definition.grades', 'حداقل امتیاز درجه‌های ۶ تعیین نشده است.', version('dehyari', '1406/01/01', (d) => d.grades.pop())],
    ['an unreachable threshold', 422, 'body.definition.grades.10.minPoints', 'حداقل امتیاز درجه ۱۲ (۱۵۰) از بیشترین امتیاز ممکن شاخص‌ها (۱۰۰) بیشتر است.', version('municipality', '1406/01/01', (d) => (d.grades[10]!.minPoints = 150))],
    ['a day that does not exist', 400, 'body.effectiveFrom', 'تاریخ اجرا یک تاریخ شمسی درست نیست.', version('municipality', '1404/12/30')],
  ])('refuses %s with a Persian message', async (_, status, path, message, input) => {
    const before = (await database.db.select({ id: gradingRuleSets.id }).from(gradingRuleSets)).length;
    const err = await rejects(createRuleSet(database.db, admin, input));
    expect(err.status).toBe(status);
    expect(err.extra?.errors).toContainEqual({ path, message });
    expect((await database.db.select({ id: gradingRuleSets.id }).from(gradingRuleSets)).length).toBe(before);
  });
});

describe('usedBy', () => {
  it('counts the requests that used a version', async () => {
    const tree = await createTree(database.db);
    const muni = await createStaff(database.db, [['municipality', tree.city]]);
    const v1 = (await listRuleSets(database.db, 'municipality')).find((r) => r.version === 1)!;
    const [c] = await database.db.insert(wfCases).values({ definition: 'grading.municipality', state: 'submitted', divisionId: tree.city.id, divisionPath: tree.city.path, title: 'درجه‌بندی' }).returning();
    const [sheet] = await database.db.insert(gradingSheets).values({ subject: 'municipality', divisionId: tree.city.id, divisionPath: tree.city.path, year: 1404, values: {} }).returning();
    const e = evaluate(toRuleSetLike(v1), {});
    await database.db.insert(gradingRequests).values({
      caseId: c!.id, trackingCode: 'GR-TEST-1', subject: 'municipality', divisionId: tree.city.id, divisionPath: tree.city.path, sheetId: sheet!.id, year: 1404,
      ruleSetId: v1.id, values: {}, evaluation: e, supportedGrade: e.grade, justification: 'آزمایش', createdById: muni.id!,
    });
    const after = await listRuleSets(database.db, 'municipality');
    expect(after.find((r) => r.version === 1)!.usedBy).toBe(1);
    expect(after.find((r) => r.version === 2)!.usedBy).toBe(0);
    expect((await getRuleSet(database.db, v1.id))!.usedBy).toBe(1);
    expect(await getRuleSet(database.db, 999_999)).toBeNull();
  });
});
