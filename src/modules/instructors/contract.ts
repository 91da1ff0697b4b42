// The instructor bank's contract: the training taxonomy, the versioned weighted criteria, an instructor's profile,
// the reviewers' inputs, courses and the evaluations after them, as zod schemas shared by server and web.
import { z } from 'zod';
import { zFaText, zJalaliDate, zNationalCode } from '../../core/fa/zod.js';
import { overlappingBand } from '../../core/scoring/bands.js';

export * from './enums.js';
import { choiceValuesOf, COURSE_MODES, DEGREES, EVALUATION_ITEMS, isChoiceMeasure, MEASURES, PUBLICATION_KINDS, RATING_ITEMS } from './enums.js';

const INT_MAX = 2_147_483_647;
const zId = (error: string) => z.number({ error }).int({ error }).positive({ error }).max(INT_MAX, { error });
/** A taxonomy key: 'municipal_finance', 'fire_safety'. */
export const zFieldKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'کلید زمینه تخصصی فقط حروف کوچک لاتین، رقم و _ است' });
const zYear = z.number({ error: 'سال را وارد کنید' }).int({ error: 'سال باید عدد صحیح باشد' }).min(1330, { error: 'سال از ۱۳۳۰ به بعد' }).max(1500, { error: 'سال معتبر نیست' });
const zShare = z.number({ error: 'سهم باید عدد باشد' }).min(0, { error: 'سهم بین ۰ و ۱ است' }).max(1, { error: 'سهم بین ۰ و ۱ است' });
const zBound = z.number({ error: 'حد باید عدد باشد' }).finite().nullable();
/** An item's id inside the profile (made by the form): lets a reviewer mark that item's evidence verified. */
const zItemId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, { error: 'شناسه ردیف معتبر نیست' });
/** Evidence of an item: documents uploaded first via /api/v1/documents. */
const zDocs = z.array(z.uuid({ error: 'سند معتبر نیست' })).max(5, { error: 'حداکثر ۵ سند برای هر ردیف' }).default([]);
const zOptText = (max: number) => z.string().trim().max(max, { error: `حداکثر ${max} نویسه` }).default('');

// ---- taxonomy -------------------------------------------------------------------------------------------------------

/** A field of expertise of the organization's training taxonomy (admin edits). */
export const FieldInput = z.object({
  key: zFieldKey,
  title: zFaText(120),
  /** study fields that count as matching this expertise (compared after Persian normalization; a contained word counts) */
  relatedStudies: z.array(zFaText(100)).max(60).default([]),
  active: z.boolean().default(true),
});
export type FieldInput = z.infer<typeof FieldInput>;

// ---- criteria ---------------------------------------------------------------------------------------------------------

/** A band of a number measure: values min ≤ v < max earn `share` of the criterion's weight. */
export const CriterionBand = z
  .object({ min: zBound, max: zBound, share: zShare })
  .refine((b) => b.min === null || b.max === null || b.min < b.max, { error: 'حد پایین باید از حد بالا کمتر باشد', path: ['max'] });
export type CriterionBand = z.infer<typeof CriterionBand>;

/** A choice of a choice measure (degree_level: a degree; field_match: highest | any | none) and its share. */
export const CriterionChoice = z.object({ value: z.string().max(40), share: zShare });
export type CriterionChoice = z.infer<typeof CriterionChoice>;

/** A weighted criterion: points = weight × the share its scale gives the measured value. */
export const Criterion = z
  .object({
    measure: z.enum(MEASURES, { error: 'معیار معتبر نیست' }),
    weight: z.number({ error: 'وزن باید عدد باشد' }).min(0, { error: 'وزن نمی‌تواند منفی باشد' }).max(100, { error: 'وزن حداکثر ۱۰۰ است' }),
    bands: z.array(CriterionBand).max(20).default([]),
    choices: z.array(CriterionChoice).max(10).default([]),
    /** how the criterion is read, shown with it («مدرک بالاتر از کارشناسی ارشد…») */
    note: z.string().trim().max(300).default(''),
  })
  .superRefine((c, ctx) => {
    if (isChoiceMeasure(c.measure)) {
      const allowed = choiceValuesOf(c.measure);
      const given = new Set(c.choices.map((x) => x.value));
      if (c.choices.some((x) => !allowed.includes(x.value))) ctx.addIssue({ code: 'custom', message: 'گزینه معتبر نیست', path: ['choices'] });
      if (given.size !== c.choices.length) ctx.addIssue({ code: 'custom', message: 'گزینه تکراری', path: ['choices'] });
      if (allowed.some((v) => !given.has(v))) ctx.addIssue({ code: 'custom', message: 'برای همه گزینه‌ها سهم تعیین کنید', path: ['choices'] });
    } else {
      if (c.bands.length === 0) ctx.addIssue({ code: 'custom', message: 'دست‌کم یک بازه لازم است', path: ['bands'] });
      if (overlappingBand(c.bands) >= 0) ctx.addIssue({ code: 'custom', message: 'بازه‌ها هم‌پوشانی دارند', path: ['bands'] });
    }
  });
export type Criterion = z.infer<typeof Criterion>;

/** A criteria version's body: the criteria (weights sum to 100), the pass score, and how long a qualification lasts. */
export const CriteriaDefinition = z
  .object({
    criteria: z.array(Criterion).min(1, { error: 'دست‌کم یک معیار لازم است' }).max(MEASURES.length),
    /** the least total (of 100) the pre-score recommends for qualification in a field */
    passScore: z.number({ error: 'حد نصاب را وارد کنید' }).min(0).max(100, { error: 'حد نصاب حداکثر ۱۰۰ است' }),
    /** years a qualification is valid */
    validityYears: z.number({ error: 'مدت اعتبار را وارد کنید' }).int().min(1, { error: 'دست‌کم ۱ سال' }).max(5, { error: 'حداکثر ۵ سال' }),
  })
  .superRefine((d, ctx) => {
    if (new Set(d.criteria.map((c) => c.measure)).size !== d.criteria.length) ctx.addIssue({ code: 'custom', message: 'هر معیار یک بار می‌آید', path: ['criteria'] });
    const sum = Math.round(d.criteria.reduce((s, c) => s + c.weight, 0) * 100) / 100;
    if (sum !== 100) ctx.addIssue({ code: 'custom', message: `جمع وزن‌ها باید ۱۰۰ باشد (اکنون ${sum})`, path: ['criteria'] });
  });
export type CriteriaDefinition = z.infer<typeof CriteriaDefinition>;

/** A new criteria version (admin or a national training expert). Versions are never edited. */
export const CriteriaSetCreate = z.object({
  title: zFaText(200),
  /** Jalali date the version takes effect ('1405/01/01'); applications filed on or after it use it */
  effectiveFrom: z.string().regex(/^\d{4}\/\d{2}\/\d{2}$/, { error: 'تاریخ اجرا را به صورت ۱۴۰۵/۰۱/۰۱ وارد کنید' }),
  approvedBy: zFaText(200),
  definition: CriteriaDefinition,
});
export type CriteriaSetCreate = z.infer<typeof CriteriaSetCreate>;

// ---- profile ----------------------------------------------------------------------------------------------------------

export const EducationItem = z.object({
  id: zItemId,
  degree: z.enum(DEGREES, { error: 'مقطع را انتخاب کنید' }),
  field: zFaText(100),
  university: zFaText(150),
  year: zYear,
  documents: zDocs,
});
export type EducationItem = z.infer<typeof EducationItem>;

export const TeachingItem = z.object({
  id: zItemId,
  course: zFaText(150),
  organization: zFaText(150),
  /** the taxonomy field the course belongs to */
  field: zFieldKey,
  hours: z.number({ error: 'ساعت را وارد کنید' }).int({ error: 'ساعت باید عدد صحیح باشد' }).min(1, { error: 'دست‌کم ۱ ساعت' }).max(2000, { error: 'حداکثر ۲٬۰۰۰ ساعت در هر ردیف' }),
  year: zYear,
  documents: zDocs,
});
export type TeachingItem = z.infer<typeof TeachingItem>;

export const ExperienceItem = z
  .object({
    id: zItemId,
    organization: zFaText(150),
    title: zFaText(150),
    fromYear: zYear,
    /** null: still there */
    toYear: zYear.nullable().default(null),
    documents: zDocs,
  })
  .refine((e) => e.toYear === null || e.toYear >= e.fromYear, { error: 'سال پایان نباید پیش از سال شروع باشد', path: ['toYear'] });
export type ExperienceItem = z.infer<typeof ExperienceItem>;

export const PublicationItem = z.object({
  id: zItemId,
  kind: z.enum(PUBLICATION_KINDS, { error: 'نوع اثر را انتخاب کنید' }),
  title: zFaText(300),
  publisher: zOptText(200),
  year: zYear,
  /** the field it belongs to (null: general) */
  field: zFieldKey.nullable().default(null),
  documents: zDocs,
});
export type PublicationItem = z.infer<typeof PublicationItem>;

export const CertificateItem = z.object({
  id: zItemId,
  title: zFaText(200),
  issuer: zFaText(150),
  year: zYear,
  documents: zDocs,
});
export type CertificateItem = z.infer<typeof CertificateItem>;

export const Availability = z.object({
  /** provinces he can teach in person (besides his own) */
  provinceIds: z.array(zId('استان معتبر نیست')).max(31).default([]),
  inPerson: z.boolean().default(true),
  online: z.boolean().default(false),
});
export type Availability = z.infer<typeof Availability>;

/**
 * An instructor's profile as he saves it (signed in with his mobile's one-time code: that mobile is his contact).
 * Saving does not submit: identity is required, the rest may be filled over several visits; submitting checks that
 * the profile is complete enough (see completeness in profile-rules.ts).
 */
export const ProfileInput = z
  .object({
    nationalCode: zNationalCode,
    firstName: zFaText(50),
    lastName: zFaText(80),
    birthDate: zJalaliDate,
    email: z.union([z.literal(''), z.email({ error: 'نشانی رایانامه معتبر نیست' }).max(200)]).default(''),
    /** the province he lives and mostly works in */
    provinceId: zId('استان را انتخاب کنید'),
    bio: zOptText(2000),
    /** fields of expertise from the taxonomy, most important first */
    expertise: z.array(zFieldKey).max(5, { error: 'حداکثر ۵ زمینه تخصصی' }).default([]),
    education: z.array(EducationItem).max(10).default([]),
    teaching: z.array(TeachingItem).max(60).default([]),
    experience: z.array(ExperienceItem).max(30).default([]),
    publications: z.array(PublicationItem).max(60).default([]),
    certificates: z.array(CertificateItem).max(30).default([]),
    availability: Availability.default({ provinceIds: [], inPerson: true, online: false }),
    /** the profile version the form was loaded from (0 for a new profile): a stale save gets 409 */
    version: z.number().int().min(0).default(0),
  })
  .superRefine((p, ctx) => {
    if (new Set(p.expertise).size !== p.expertise.length) ctx.addIssue({ code: 'custom', message: 'زمینه تکراری', path: ['expertise'] });
    const ids = [...p.education, ...p.teaching, ...p.experience, ...p.publications, ...p.certificates].map((i) => i.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'شناسه ردیف تکراری است', path: ['education'] });
  });
export type ProfileInput = z.input<typeof ProfileInput>;
export type Profile = z.output<typeof ProfileInput>;

// ---- review -----------------------------------------------------------------------------------------------------------

/** A measured value as a reviewer sets it: a number, or a choice value (degree_level, field_match). */
export const MeasureValue = z.union([z.number().finite().min(0).max(100_000), z.string().max(40)]);
export type MeasureValue = z.infer<typeof MeasureValue>;

/** The expert's review of one field of expertise of an application. */
export const FieldReview = z.object({
  /** measured values he corrects, each with the reason (evidence missing, hours not in this field…) */
  adjustments: z.partialRecord(z.enum(MEASURES), z.object({ value: MeasureValue, reason: zFaText(500) })).default({}),
  recommendation: z.enum(['qualified', 'not_qualified'], { error: 'پیشنهاد را انتخاب کنید' }),
  note: zOptText(1000),
});
export type FieldReview = z.infer<typeof FieldReview>;

/** A reviewer's step on an application. `version` is the application version the reviewer saw. */
export const ReviewInput = z.object({
  action: z.string().max(40),
  version: z.number().int().min(0),
  comment: z.string().trim().max(4000).nullable().optional(),
  /** expert_forward: a review of every field of the application */
  fields: z.record(zFieldKey, FieldReview).optional(),
  /** expert_forward: the profile items whose evidence he checked (item ids) */
  verifiedItems: z.array(zItemId).max(300).optional(),
  /** qualify: the fields the committee qualifies him in (at least one of the application's) */
  qualifiedFields: z.array(zFieldKey).max(5).optional(),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

// ---- courses ----------------------------------------------------------------------------------------------------------

export const CourseCreate = z
  .object({
    title: zFaText(200),
    field: zFieldKey,
    /** the province it is held in (scope of the organizer); null for a national online course */
    provinceId: zId('استان معتبر نیست').nullable(),
    mode: z.enum(COURSE_MODES, { error: 'شیوه برگزاری را انتخاب کنید' }),
    place: zOptText(300),
    startsOn: zJalaliDate,
    endsOn: zJalaliDate,
    hours: z.number({ error: 'ساعت دوره را وارد کنید' }).int().min(1, { error: 'دست‌کم ۱ ساعت' }).max(500, { error: 'حداکثر ۵۰۰ ساعت' }),
    trainees: z.number({ error: 'تعداد فراگیران را وارد کنید' }).int().min(1, { error: 'دست‌کم ۱ فراگیر' }).max(500, { error: 'حداکثر ۵۰۰ فراگیر' }),
    description: zOptText(2000),
  })
  .refine((c) => c.endsOn.getTime() >= c.startsOn.getTime(), { error: 'تاریخ پایان نباید پیش از تاریخ شروع باشد', path: ['endsOn'] })
  .refine((c) => c.mode === 'online' || c.provinceId !== null, { error: 'استان محل برگزاری دوره حضوری را انتخاب کنید', path: ['provinceId'] });
export type CourseCreate = z.input<typeof CourseCreate>;

export const AssignInput = z.object({
  profileId: zId('مدرس را انتخاب کنید'),
  /** hours he teaches in the course (default: all of it) */
  hours: z.number().int().min(1).max(500).optional(),
});

const zScore = z.number({ error: 'امتیاز ۱ تا ۵' }).int({ error: 'امتیاز ۱ تا ۵' }).min(1, { error: 'امتیاز ۱ تا ۵' }).max(5, { error: 'امتیاز ۱ تا ۵' });

/** A trainee's ratings (through the course's link) of the instructors of his course, with his trainee code. */
export const RatingSubmit = z.object({
  /** the trainee code handed out at the course (one rating per instructor per code) */
  code: z.string().trim().min(1, { error: 'کد فراگیر را وارد کنید' }).max(20, { error: 'کد فراگیر معتبر نیست' }),
  ratings: z
    .array(
      z.object({
        assignmentId: zId('مدرس معتبر نیست'),
        /** `overall` is required; the other items are optional (a trainee may skip them) */
        scores: z.partialRecord(z.enum(RATING_ITEMS), zScore).refine((s) => typeof s.overall === 'number', { error: 'رضایت کلی را انتخاب کنید' }),
        comment: zOptText(1000),
      }),
    )
    .min(1, { error: 'دست‌کم به یک مدرس امتیاز دهید' })
    .max(20),
});
export type RatingSubmit = z.infer<typeof RatingSubmit>;

/** The organizer's evaluation of an instructor of a held course. */
export const EvaluationInput = z.object({
  scores: z.record(z.enum(EVALUATION_ITEMS), zScore).refine((s) => EVALUATION_ITEMS.every((k) => typeof s[k] === 'number'), { error: 'به همه بندها امتیاز دهید' }),
  comment: zOptText(2000),
});
export type EvaluationInput = z.infer<typeof EvaluationInput>;
