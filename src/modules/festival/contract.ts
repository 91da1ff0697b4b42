// The festival's contract: a round's settings (axes, categories, rubric, dates, requirements), a plan as its owner
// writes it, screening and judging inputs, and the showcase's questions — zod schemas shared by server and web.
import { z } from 'zod';
import { toAsciiDigits } from '../../core/fa/normalize.js';
import { zFaText, zJalaliDate } from '../../core/fa/zod.js';

export * from './enums.js';
import { FUNDING_SOURCES, OPTIONAL_PARTS, ROUND_STATES, ENTRY_STATES, OWNER_KINDS, MAX_PLAN_PHOTOS } from './enums.js';

const INT_MAX = 2_147_483_647;
/** Rials: whole, non-negative, below 10^15 (a plan of a thousand trillion rials is a typo). */
const zRial = (what: string) =>
  z.number({ error: `${what} باید عدد باشد` }).int({ error: `${what} باید عدد صحیح (ریال) باشد` }).min(0, { error: `${what} منفی نیست` }).max(999_999_999_999_999, { error: `${what} بیش از حد بزرگ است` });
const zCount = (what: string) =>
  z.number({ error: `${what} باید عدد باشد` }).int({ error: `${what} باید عدد صحیح باشد` }).min(0, { error: `${what} منفی نیست` }).max(10_000_000, { error: `${what} بیش از حد بزرگ است` });
/** Optional free text: trimmed, control characters dropped, '' when absent. */
const zOptText = (max: number) =>
  z.string({ error: 'متن معتبر نیست' }).overwrite((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim()).pipe(z.string().max(max, { error: `حداکثر ${max} نویسه` })).default('');
/** A key of an axis, category, criterion or document: lower-case Latin, digits and _. */
export const zKey = z.string({ error: 'کلید را وارد کنید' }).regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'کلید فقط حروف کوچک لاتین، رقم و _ است' });
const zDocIds = (max: number) => z.array(z.uuid({ error: 'سند معتبر نیست' }), { error: 'فهرست سندها معتبر نیست' }).max(max, { error: `حداکثر ${max} فایل` }).default([]);
export const zEntryId = z.uuid({ error: 'شناسه طرح معتبر نیست' });

/** A phone people may call: a mobile or a landline with its area code ('۰۱۱-۳۳۲۲۴۴۵۵'); output is ASCII digits. */
export const zPhone = z
  .string({ error: 'شماره تماس را وارد کنید' })
  .transform((s) => toAsciiDigits(s).replace(/[\s\-()]/g, ''))
  .refine((s) => /^0\d{10}$/.test(s), { error: 'شماره تماس باید ۱۱ رقم و با ۰ شروع شود (مانند ۰۹۱۲۱۲۳۴۵۶۷ یا ۰۱۱۳۳۲۲۴۴۵۵)' });

// ---- rounds -----------------------------------------------------------------------------------------------------------

export const RubricCriterion = z.object({
  key: zKey,
  title: zFaText(200),
  /** Share of the axis total (the weights of an axis add up to 100). */
  weight: z.number({ error: 'وزن باید عدد باشد' }).int({ error: 'وزن عدد صحیح است' }).min(1, { error: 'وزن حداقل ۱' }).max(100, { error: 'وزن حداکثر ۱۰۰' }),
  /** Scores run from 0 to max (half points allowed). */
  max: z.number({ error: 'سقف امتیاز باید عدد باشد' }).int({ error: 'سقف امتیاز عدد صحیح است' }).min(2, { error: 'سقف امتیاز حداقل ۲' }).max(100, { error: 'سقف امتیاز حداکثر ۱۰۰' }),
});
export type RubricCriterion = z.infer<typeof RubricCriterion>;

const uniqueKeys = <T extends { key: string }>(items: T[]) => new Set(items.map((i) => i.key)).size === items.length;

export const Axis = z
  .object({
    key: zKey,
    title: zFaText(200),
    categories: z.array(z.object({ key: zKey, title: zFaText(150) })).max(20, { error: 'حداکثر ۲۰ زیرمحور' }).default([]),
    rubric: z.array(RubricCriterion).min(1, { error: 'دست‌کم یک معیار داوری' }).max(12, { error: 'حداکثر ۱۲ معیار داوری' }),
  })
  .refine((a) => uniqueKeys(a.categories), { error: 'کلید زیرمحورها تکراری است', path: ['categories'] })
  .refine((a) => uniqueKeys(a.rubric), { error: 'کلید معیارها تکراری است', path: ['rubric'] })
  .refine((a) => a.rubric.reduce((s, c) => s + c.weight, 0) === 100, { error: 'جمع وزن معیارهای هر محور باید ۱۰۰ باشد', path: ['rubric'] });
export type Axis = z.infer<typeof Axis>;

export const RequiredDocument = z.object({ key: zKey, title: zFaText(150) });
export type RequiredDocument = z.infer<typeof RequiredDocument>;

/** A round as the national secretariat writes it. Dates are Jalali days; submissions close at the end of `deadline` (Tehran). */
export const RoundInput = z
  .object({
    year: z.number({ error: 'سال را وارد کنید' }).int({ error: 'سال عدد صحیح است' }).min(1400, { error: 'سال از ۱۴۰۰ به بعد' }).max(1500, { error: 'سال معتبر نیست' }),
    title: zFaText(200),
    axes: z.array(Axis).min(1, { error: 'دست‌کم یک محور' }).max(6, { error: 'حداکثر ۶ محور' }),
    opensOn: zJalaliDate,
    deadline: zJalaliDate,
    /** Optional parts of a plan this round requires. */
    requiredParts: z.array(z.enum(OPTIONAL_PARTS, { error: 'بخش معتبر نیست' })).max(OPTIONAL_PARTS.length).default([]),
    /** Documents every entry must attach (e.g. the dehyari council's approval). */
    requiredDocuments: z.array(RequiredDocument).max(10, { error: 'حداکثر ۱۰ سند لازم' }).default([]),
    judgesPerEntry: z.number({ error: 'تعداد داوران باید عدد باشد' }).int().min(3, { error: 'هر طرح دست‌کم ۳ داور' }).max(7, { error: 'حداکثر ۷ داور برای هر طرح' }).default(3),
    disagreementThreshold: z.number({ error: 'آستانه اختلاف باید عدد باشد' }).min(0.5, { error: 'آستانه اختلاف حداقل ۰٫۵' }).max(4, { error: 'آستانه اختلاف حداکثر ۴' }).default(1.5),
  })
  .refine((r) => uniqueKeys(r.axes), { error: 'کلید محورها تکراری است', path: ['axes'] })
  .refine((r) => uniqueKeys(r.requiredDocuments), { error: 'کلید سندها تکراری است', path: ['requiredDocuments'] })
  .refine((r) => r.opensOn.getTime() <= r.deadline.getTime(), { error: 'مهلت ارسال نباید پیش از شروع باشد', path: ['deadline'] });
export type RoundInput = z.infer<typeof RoundInput>;
export type RoundInputRaw = z.input<typeof RoundInput>;

/** Changing a round: its whole settings with the version the editor saw (409 on a stale one). */
export const RoundUpdate = RoundInput.and(z.object({ version: z.number().int().min(1).max(INT_MAX) }));

/** A round's state step (open / reopen is not a thing: a deadline is extended instead). */
export const RoundStep = z.object({ version: z.number({ error: 'نسخه لازم است' }).int().min(1).max(INT_MAX) });

// ---- a plan -------------------------------------------------------------------------------------------------------------

export const FundingLine = z.object({ source: z.enum(FUNDING_SOURCES, { error: 'منبع مالی معتبر نیست' }), amount: zRial('مبلغ') });
export const Figure = z.object({
  label: zFaText(100),
  unit: zOptText(30),
  before: z.number({ error: 'مقدار پیش از طرح باید عدد باشد' }).finite().min(-1e12).max(1e12),
  after: z.number({ error: 'مقدار پس از طرح باید عدد باشد' }).finite().min(-1e12).max(1e12),
});
export type Figure = z.infer<typeof Figure>;

/**
 * A plan as its owner writes it. Everything may be empty in a draft; what a submission needs is decided by
 * `entryCompleteness` (completeness.ts) from the round's requirements, so the form's meter and the server agree.
 */
export const PlanInput = z.object({
  axis: z.union([zKey, z.literal('')]).default(''),
  category: z.union([zKey, z.literal('')]).default(''),
  title: zOptText(150),
  summary: zOptText(1000),
  problem: zOptText(3000),
  actions: zOptText(5000),
  partners: zOptText(1000),
  /** The year the plan started (Jalali). */
  startYear: z.number({ error: 'سال شروع باید عدد باشد' }).int().min(1350, { error: 'سال شروع از ۱۳۵۰' }).max(1500, { error: 'سال شروع معتبر نیست' }).nullable().default(null),
  cost: zRial('هزینه').nullable().default(null),
  funding: z.array(FundingLine).max(10, { error: 'حداکثر ۱۰ منبع مالی' }).default([]),
  jobs: zCount('اشتغال').nullable().default(null),
  incomePerYear: zRial('درآمد سالانه').nullable().default(null),
  beneficiaries: zCount('بهره‌مندان').nullable().default(null),
  investment: zRial('سرمایه‌گذاری').nullable().default(null),
  figures: z.array(Figure).max(10, { error: 'حداکثر ۱۰ شاخص' }).default([]),
  lessons: zOptText(3000),
  contactName: zOptText(100),
  contactPhone: z.union([zPhone, z.literal('')]).default(''),
  photos: zDocIds(MAX_PLAN_PHOTOS),
  /** Documents by the round's required-document key. */
  documents: z.record(zKey, zDocIds(5)).default({}),
});
export type Plan = z.infer<typeof PlanInput>;
export type PlanRaw = z.input<typeof PlanInput>;

/** Creating a draft: the plan, and — for an entrepreneur, or a dehyari of several villages — the village. */
export const EntryCreate = z.object({
  roundId: z.number({ error: 'دوره جشنواره معتبر نیست' }).int().positive().max(INT_MAX),
  villageId: z.number({ error: 'روستا را انتخاب کنید' }).int().positive().max(INT_MAX).nullable().default(null),
  plan: PlanInput,
});
/** Saving a draft or a returned entry: the plan (and village) with the version the owner saw (409 on a stale one). */
export const EntryUpdate = z.object({
  villageId: z.number({ error: 'روستا را انتخاب کنید' }).int().positive().max(INT_MAX).nullable().default(null),
  plan: PlanInput,
  version: z.number({ error: 'نسخه لازم است' }).int().min(1).max(INT_MAX),
});
export const EntryVersion = z.object({ version: z.number({ error: 'نسخه لازم است' }).int().min(1).max(INT_MAX) });

// ---- screening, judging ----------------------------------------------------------------------------------------------------

export const SCREENING_ACTIONS = ['province_accept', 'province_return', 'province_reject', 'national_accept', 'national_return', 'national_reject'] as const;
export const ScreeningInput = z.object({
  action: z.enum(SCREENING_ACTIONS, { error: 'اقدام معتبر نیست' }),
  comment: zOptText(2000),
  /** The case version the screener saw. */
  expectedVersion: z.number({ error: 'نسخه لازم است' }).int().min(1).max(INT_MAX),
});
export type ScreeningInput = z.infer<typeof ScreeningInput>;

/** The judges of a round and each one's home county (an automatic conflict with entries from it). */
export const RoundJudges = z.object({
  judges: z
    .array(z.object({ userId: z.number().int().positive().max(INT_MAX), countyId: z.number().int().positive().max(INT_MAX).nullable().default(null) }))
    .max(200, { error: 'حداکثر ۲۰۰ داور' })
    .refine((js) => new Set(js.map((j) => j.userId)).size === js.length, { error: 'داور تکراری است' }),
});

/** A judge's scores for one entry: every rubric criterion with a score (0..max, halves allowed) and a comment. */
export const ScoreInput = z.object({
  criteria: z.record(
    zKey,
    z.object({
      score: z.number({ error: 'امتیاز باید عدد باشد' }).min(0, { error: 'امتیاز منفی نیست' }).max(100).multipleOf(0.5, { error: 'امتیاز با گام نیم' }),
      comment: zFaText(1000),
    }),
  ),
  /** The score row version the judge saw (0 for the first save). */
  version: z.number().int().min(0).max(INT_MAX).default(0),
});
export type ScoreInput = z.infer<typeof ScoreInput>;

export const ConflictInput = z.object({ reason: zFaText(500) });

/** Announcing: the winners the secretariat chose (the response of the results call suggests them). */
export const AnnounceInput = z.object({
  winners: z.array(zEntryId).max(500),
  version: z.number({ error: 'نسخه لازم است' }).int().min(1).max(INT_MAX),
});

// ---- the showcase ------------------------------------------------------------------------------------------------------------

export const QuestionInput = z.object({ question: zFaText(1000) });
export const AnswerInput = z.object({ answer: zFaText(2000) });
export const ReplicateInput = z.object({ villageId: z.number().int().positive().max(INT_MAX).nullable().default(null), note: zOptText(500) });

export const SHOWCASE_SORTS = ['relevance', 'jobs', 'recent', 'replications'] as const;
export const ShowcaseQuery = z.object({
  q: z.string().max(100, { error: 'حداکثر ۱۰۰ نویسه' }).optional(),
  axis: zKey.optional(),
  category: zKey.optional(),
  provinceId: z.coerce.number().int().positive().max(INT_MAX).optional(),
  year: z.coerce.number().int().min(1400).max(1500).optional(),
  minJobs: z.coerce.number().int().min(0).max(10_000_000).optional(),
  sort: z.enum(SHOWCASE_SORTS).default('relevance'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(12),
});
export type ShowcaseQuery = z.infer<typeof ShowcaseQuery>;

export { ROUND_STATES, ENTRY_STATES, OWNER_KINDS };
