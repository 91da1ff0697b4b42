// The grading service's contract: a versioned rule set (indicators with band tables → points, points → grade), an
// indicator sheet, an upgrade request and the reviewers' inputs, as zod schemas shared by server and web.
import { z } from 'zod';
import { zFaText } from '../../core/fa/zod.js';
import { overlappingBand } from '../../core/scoring/bands.js';

export * from './enums.js';
import { INDICATOR_VERDICTS, SUBJECTS } from './enums.js';

const INT_MAX = 2_147_483_647;
const zId = (error: string) => z.number({ error }).int({ error }).positive({ error }).max(INT_MAX, { error });
const zKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'کلید شاخص فقط حروف کوچک لاتین، رقم و _ (تا ۴۰ نویسه) است' });
const zPoints = z.number({ error: 'امتیاز باید عدد باشد' }).min(0, { error: 'امتیاز نمی‌تواند منفی باشد' }).max(10_000, { error: 'امتیاز حداکثر ۱۰٬۰۰۰ است' });
const zBound = z.number({ error: 'حد باید عدد باشد' }).finite().nullable();

/**
 * A band: values v with min ≤ v < max earn `points` (null = unbounded on that side). Bands of an indicator must not
 * overlap; a value in no band earns 0.
 */
export const Band = z.object({ min: zBound, max: zBound, points: zPoints }).refine((b) => b.min === null || b.max === null || b.min < b.max, { error: 'حد پایین باید از حد بالا کمتر باشد', path: ['max'] });
export type Band = z.infer<typeof Band>;

export const Choice = z.object({ value: zKey, title: zFaText(100), points: zPoints });
export type Choice = z.infer<typeof Choice>;

/** An indicator of the grading instruction. */
export const Indicator = z
  .object({
    key: zKey,
    title: zFaText(150),
    /** Persian unit shown after the value («میلیارد ریال», «نفر», «هکتار») */
    unit: z.string().trim().max(40).default(''),
    kind: z.enum(['number', 'choice']),
    bands: z.array(Band).max(50).default([]),
    choices: z.array(Choice).max(20).default([]),
    /** accepted range of a number value */
    min: z.number().finite().nullable().default(0),
    max: z.number().finite().nullable().default(null),
    required: z.boolean().default(true),
    /** what supporting document is expected («گواهی سرشماری», «صورت‌های مالی حسابرسی‌شده») */
    evidence: z.string().trim().max(200).default(''),
  })
  .superRefine((ind, ctx) => {
    if (ind.kind === 'number' && ind.bands.length === 0) ctx.addIssue({ code: 'custom', message: 'برای شاخص عددی دست‌کم یک بازه امتیاز لازم است', path: ['bands'] });
    if (ind.kind === 'choice' && ind.choices.length < 2) ctx.addIssue({ code: 'custom', message: 'برای شاخص گزینه‌ای دست‌کم دو گزینه لازم است', path: ['choices'] });
    if (overlappingBand(ind.bands) >= 0) ctx.addIssue({ code: 'custom', message: 'بازه‌های امتیاز هم‌پوشانی دارند', path: ['bands'] });
    if (new Set(ind.choices.map((c) => c.value)).size !== ind.choices.length) ctx.addIssue({ code: 'custom', message: 'گزینه تکراری', path: ['choices'] });
  });
export type Indicator = z.infer<typeof Indicator>;

/** A rule set's body: its indicators and the least total points of each grade (1 is the lowest grade, 12 — or 6 for dehyaris — the highest). */
export const RuleDefinition = z
  .object({
    indicators: z.array(Indicator).min(1, { error: 'دست‌کم یک شاخص لازم است' }).max(30),
    /** one row per grade: a total of at least `minPoints` earns `grade` (the highest grade whose threshold is met; below every threshold: grade 1) */
    grades: z.array(z.object({ grade: z.number().int().min(1).max(12), minPoints: zPoints })).min(1).max(12),
  })
  .superRefine((d, ctx) => {
    if (new Set(d.indicators.map((i) => i.key)).size !== d.indicators.length) ctx.addIssue({ code: 'custom', message: 'کلید شاخص تکراری است', path: ['indicators'] });
    if (new Set(d.grades.map((g) => g.grade)).size !== d.grades.length) ctx.addIssue({ code: 'custom', message: 'هر درجه یک بار', path: ['grades'] });
    const byGrade = [...d.grades].sort((a, b) => a.grade - b.grade);
    for (let i = 1; i < byGrade.length; i++) {
      if (byGrade[i]!.minPoints <= byGrade[i - 1]!.minPoints) {
        ctx.addIssue({ code: 'custom', message: 'حداقل امتیاز هر درجه باید از درجه پایین‌تر بیشتر باشد', path: ['grades'] });
        break;
      }
    }
  });
export type RuleDefinition = z.infer<typeof RuleDefinition>;

/** A new version of a subject's rules (admin). */
export const RuleSetCreate = z.object({
  subject: z.enum(SUBJECTS),
  title: zFaText(200),
  /** Jalali date the version takes effect ('1405/01/01') — decisions on or after it use it */
  effectiveFrom: z.string().regex(/^\d{4}\/\d{2}\/\d{2}$/, { error: 'تاریخ اجرا را به صورت ۱۴۰۵/۰۱/۰۱ وارد کنید' }),
  /** who approved the instruction (person or body, with the letter number) */
  approvedBy: zFaText(200),
  definition: RuleDefinition,
});
export type RuleSetCreate = z.infer<typeof RuleSetCreate>;

/** An indicator value as entered: a number, a choice key, or null (not given). */
export const IndicatorValue = z.union([z.number().finite(), zKey, z.null()]);
export type IndicatorValue = z.infer<typeof IndicatorValue>;

/** A yearly indicator sheet of one municipality (its city) or dehyari (its village). */
export const SheetInput = z.object({
  subject: z.enum(SUBJECTS),
  divisionId: zId('شهرداری یا دهیاری را انتخاب کنید'),
  /** Jalali year of the figures */
  year: z.number().int().min(1390).max(1500),
  values: z.record(zKey, IndicatorValue),
  /** supporting documents per indicator (uploaded first via /api/v1/documents) */
  documents: z.record(zKey, z.array(z.uuid()).max(5)).default({}),
});
export type SheetInput = z.infer<typeof SheetInput>;

/** An upgrade request from a saved sheet. */
export const RequestCreate = z.object({
  sheetId: zId('برگه شاخص‌ها را انتخاب کنید'),
  justification: zFaText(4000),
});
export type RequestCreate = z.infer<typeof RequestCreate>;

/** A reviewer's step. `version` is the request version the reviewer saw. */
export const ReviewInput = z.object({
  action: z.string().max(40),
  version: z.number().int().min(0),
  comment: z.string().trim().max(4000).nullable().optional(),
  /** expert review: per indicator, accepted as submitted or adjusted to a value with a reason */
  verdicts: z
    .record(zKey, z.object({ verdict: z.enum(INDICATOR_VERDICTS), value: IndicatorValue.optional(), reason: z.string().trim().max(1000).default(''), documentsVerified: z.boolean().default(false) }))
    .optional(),
  /** committee approval: Jalali effective date */
  effectiveDate: z.string().regex(/^\d{4}\/\d{2}\/\d{2}$/).optional(),
});
export type ReviewInput = z.infer<typeof ReviewInput>;
