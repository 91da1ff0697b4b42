// The rural firefighter amriyeh's contract: every enum once (with its Persian titles), and the zod schemas of the
// call and of the application, shared by server and web.
import { z } from 'zod';
import { toPersianDigits } from '../../core/fa/normalize.js';
import { zFaText, zJalaliDate, zMobile, zNationalCode } from '../../core/fa/zod.js';

/** Education levels, lowest first: the order is the ranking "at least X" compares with. */
export const EDUCATION_LEVELS = ['below_diploma', 'diploma', 'associate', 'bachelor', 'master', 'doctorate'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_TITLES: Record<EducationLevel, string> = {
  below_diploma: 'زیر دیپلم',
  diploma: 'دیپلم',
  associate: 'کاردانی',
  bachelor: 'کارشناسی',
  master: 'کارشناسی ارشد',
  doctorate: 'دکتری',
};
/** The rank of a level (0 = below diploma); "at least diploma" is `educationRank(x) >= educationRank('diploma')`. */
export function educationRank(level: EducationLevel): number {
  return EDUCATION_LEVELS.indexOf(level);
}

export const MARITAL_STATUSES = ['single', 'married'] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];
export const MARITAL_TITLES: Record<MaritalStatus, string> = { single: 'مجرد', married: 'متأهل' };

/**
 * Conscription (نظام وظیفه) status, as the applicant's record at the conscription office states it. Only what an
 * amriyeh needs: whether he still owes his service and may be dispatched (the call decides which it accepts).
 */
export const CONSCRIPTION_STATUSES = ['eligible', 'ready_to_serve', 'student_deferment', 'absent', 'serving', 'exempt', 'completed'] as const;
export type ConscriptionStatus = (typeof CONSCRIPTION_STATUSES)[number];
export const CONSCRIPTION_TITLES: Record<ConscriptionStatus, string> = {
  eligible: 'مشمول (در انتظار اعزام)',
  ready_to_serve: 'دارای برگ آماده به خدمت',
  student_deferment: 'دارای معافیت تحصیلی',
  absent: 'غایب',
  serving: 'در حال خدمت',
  exempt: 'معاف از خدمت',
  completed: 'دارای کارت پایان خدمت',
};

/**
 * Priority groups of the scoring. `married` and `native` follow from the form (marital status, places of birth and
 * residence against the station); the others are claimed with supporting documents (CLAIMABLE_PRIORITY_GROUPS) and
 * verified by the district reviewer.
 */
export const PRIORITY_GROUPS = ['martyr_family', 'veteran', 'freed_pow', 'relief_supported', 'married', 'native', 'deprived_area'] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];
export const PRIORITY_TITLES: Record<PriorityGroup, string> = {
  martyr_family: 'خانواده معظم شهدا',
  veteran: 'جانبازان و فرزندان جانبازان',
  freed_pow: 'آزادگان و فرزندان آزادگان',
  relief_supported: 'تحت پوشش کمیته امداد امام خمینی (ره) یا سازمان بهزیستی',
  married: 'متأهل',
  native: 'بومی روستا / بخش محل ایستگاه',
  deprived_area: 'ساکن مناطق محروم',
};
export const CLAIMABLE_PRIORITY_GROUPS = ['martyr_family', 'veteran', 'freed_pow', 'relief_supported', 'deprived_area'] as const;
export type ClaimablePriorityGroup = (typeof CLAIMABLE_PRIORITY_GROUPS)[number];

/** Where the applicant must reside, relative to the station: anywhere, or in its province, county or district. */
export const RESIDENCE_SCOPES = ['any', 'province', 'county', 'district'] as const;
export type ResidenceScope = (typeof RESIDENCE_SCOPES)[number];
export const RESIDENCE_TITLES: Record<ResidenceScope, string> = {
  any: 'بدون شرط سکونت',
  province: 'سکونت در استان محل ایستگاه',
  county: 'سکونت در شهرستان محل ایستگاه',
  district: 'سکونت در بخش محل ایستگاه',
};

export const CALL_STATES = ['draft', 'open', 'closed', 'allocated', 'archived'] as const;
export type CallState = (typeof CALL_STATES)[number];
export const CALL_STATE_TITLES: Record<CallState, string> = {
  draft: 'پیش‌نویس',
  open: 'در حال ثبت‌نام',
  closed: 'پایان ثبت‌نام و در حال بررسی',
  allocated: 'گزینش انجام شد',
  archived: 'بایگانی',
};

/** Workflow states of an application (the workflow definition lives in server/workflow.ts, to come). */
export const APPLICATION_STATES = [
  'submitted',
  'returned',
  'district_approved',
  'eligible',
  'selected',
  'reserve',
  'not_selected',
  'issued',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];
export const APPLICATION_STATE_TITLES: Record<ApplicationState, string> = {
  submitted: 'ثبت شده، در انتظار بررسی بخشداری',
  returned: 'بازگشت برای اصلاح',
  district_approved: 'تأیید بخشداری، در انتظار بررسی استانداری',
  eligible: 'واجد شرایط گزینش',
  selected: 'پذیرفته شده',
  reserve: 'ذخیره',
  not_selected: 'پذیرفته نشده',
  issued: 'امریه صادر شد',
  rejected: 'رد شده',
  withdrawn: 'انصراف داده شده',
};

export const MAX_PREFERENCES = 5;
const INT_MAX = 2_147_483_647;
const zId = (error: string) => z.number({ error }).int({ error }).positive({ error }).max(INT_MAX, { error });

/** The call's published eligibility rules. Empty `acceptedFields` = any field; null ages = no bound. */
export const EligibilityRules = z
  .object({
    minEducation: z.enum(EDUCATION_LEVELS, { error: 'مقطع تحصیلی معتبر نیست' }).nullable().default(null),
    acceptedFields: z.array(zFaText(100)).max(300).default([]),
    minAge: z.number().int().min(0).max(100).nullable().default(null),
    maxAge: z.number().int().min(0).max(100).nullable().default(null),
    residence: z.enum(RESIDENCE_SCOPES, { error: 'شرط سکونت معتبر نیست' }).default('province'),
    conscriptionStatuses: z.array(z.enum(CONSCRIPTION_STATUSES, { error: 'وضعیت نظام وظیفه معتبر نیست' })).min(1, { error: 'دست‌کم یک وضعیت نظام وظیفه را بپذیرید' }),
  })
  .refine((r) => r.minAge === null || r.maxAge === null || r.minAge <= r.maxAge, { error: 'حداقل سن از حداکثر سن بیشتر است', path: ['maxAge'] });
export type EligibilityRules = z.infer<typeof EligibilityRules>;

const zWeight = z.number({ error: 'وزن معیار را وارد کنید' }).min(0, { error: 'وزن نمی‌تواند منفی باشد' }).max(1000, { error: 'وزن حداکثر ۱۰۰۰ است' });
const zShare = z.number().min(0).max(1);

/**
 * The call's published scoring criteria. `weight` is the most points a criterion can give; the shares (0–1) say
 * which fraction of it a case earns. Each kind at most once.
 */
export const ScoringCriterion = z.discriminatedUnion('kind', [
  /** Native of the station's village (full weight) or of its district (`districtShare`), by birth or residence. */
  z.object({ kind: z.literal('native'), weight: zWeight, districtShare: zShare.default(0.5) }),
  /** Education level: the share of each level. */
  z.object({ kind: z.literal('education'), weight: zWeight, shares: z.partialRecord(z.enum(EDUCATION_LEVELS), zShare) }),
  /** Field of study relevant to firefighting (compared after Persian normalization). */
  z.object({ kind: z.literal('field_relevance'), weight: zWeight, fields: z.array(zFaText(100)).max(300) }),
  /** Resident of an area certified as deprived. */
  z.object({ kind: z.literal('deprived_area'), weight: zWeight }),
  /** Priority groups: the share of each; an applicant in several gets the largest one. */
  z.object({
    kind: z.literal('priority_group'),
    weight: zWeight,
    shares: z.partialRecord(z.enum(['martyr_family', 'veteran', 'freed_pow', 'relief_supported']), zShare),
  }),
  z.object({ kind: z.literal('married'), weight: zWeight }),
]);
export type ScoringCriterion = z.infer<typeof ScoringCriterion>;
export type CriterionKind = ScoringCriterion['kind'];
export const CRITERION_TITLES: Record<CriterionKind, string> = {
  native: 'بومی بودن (روستا / بخش محل ایستگاه)',
  education: 'مقطع تحصیلی',
  field_relevance: 'ارتباط رشته تحصیلی با آتش‌نشانی',
  deprived_area: 'سکونت در مناطق محروم',
  priority_group: 'گروه‌های دارای اولویت (ایثارگران، مددجویان)',
  married: 'تأهل',
};
export const ScoringCriteria = z
  .array(ScoringCriterion)
  .max(20)
  .refine((cs) => new Set(cs.map((c) => c.kind)).size === cs.length, { error: 'هر معیار امتیاز تنها یک بار می‌آید' });

/** A province's quota in a call. */
export const ProvinceQuota = z.object({
  provinceId: zId('استان معتبر نیست'),
  quota: z.number({ error: 'سهمیه را وارد کنید' }).int().min(0, { error: 'سهمیه نمی‌تواند منفی باشد' }).max(1_000_000),
});

/** What the Deputy for Dehyari Affairs publishes when opening a call (فراخوان). */
export const CallCreate = z
  .object({
    title: zFaText(200),
    description: z.string().trim().max(4000).default(''),
    startsOn: zJalaliDate,
    endsOn: zJalaliDate,
    /** The day ages are computed on (e.g. the first day of the dispatch). */
    referenceDate: zJalaliDate,
    nationalQuota: z.number({ error: 'سهمیه کشوری را وارد کنید' }).int().min(0, { error: 'سهمیه نمی‌تواند منفی باشد' }).max(1_000_000),
    provinceQuotas: z
      .array(ProvinceQuota)
      .max(40)
      .refine((qs) => new Set(qs.map((q) => q.provinceId)).size === qs.length, { error: 'سهمیه هر استان تنها یک بار می‌آید' }),
    rules: EligibilityRules,
    criteria: ScoringCriteria,
    /** The RFC 3797 key of the tie-breaking lottery, once its public sources are known (it may be set later). */
    lotterySeed: z.string().trim().max(500).optional(),
  })
  .refine((c) => c.startsOn.getTime() <= c.endsOn.getTime(), { error: 'پایان ثبت‌نام پیش از آغاز آن است', path: ['endsOn'] })
  .refine((c) => c.provinceQuotas.reduce((s, q) => s + q.quota, 0) <= c.nationalQuota, {
    error: 'جمع سهمیه استان‌ها از سهمیه کشوری بیشتر است',
    path: ['provinceQuotas'],
  });
export type CallCreate = z.infer<typeof CallCreate>;

/** A priority-group claim, with the documents that support it. */
export const PriorityClaim = z.object({
  group: z.enum(CLAIMABLE_PRIORITY_GROUPS, { error: 'گروه اولویت معتبر نیست' }),
  documentIds: z.array(z.uuid()).min(1, { error: 'مدرک پشتیبان را بارگذاری کنید' }).max(5),
});

/** What an applicant submits (after signing in with the one-time code sent to his mobile). */
export const ApplicationCreate = z
  .object({
    callId: zId('فراخوان معتبر نیست'),
    nationalCode: zNationalCode,
    firstName: zFaText(50),
    lastName: zFaText(80),
    fatherName: zFaText(50),
    birthDate: zJalaliDate,
    educationLevel: z.enum(EDUCATION_LEVELS, { error: 'مقطع تحصیلی را انتخاب کنید' }),
    fieldOfStudy: z.string({ error: 'رشته تحصیلی را وارد کنید' }).trim().max(100, { error: 'حداکثر ۱۰۰ نویسه مجاز است' }).default(''),
    gpa: z
      .number({ error: 'معدل را وارد کنید' })
      .min(0, { error: 'معدل باید بین ۰ و ۲۰ باشد' })
      .max(20, { error: 'معدل باید بین ۰ و ۲۰ باشد' })
      .nullable()
      .default(null),
    residenceDivisionId: zId('محل سکونت را انتخاب کنید'),
    birthPlaceDivisionId: zId('محل تولد را انتخاب کنید'),
    maritalStatus: z.enum(MARITAL_STATUSES, { error: 'وضعیت تأهل را انتخاب کنید' }),
    priorityClaims: z
      .array(PriorityClaim)
      .max(CLAIMABLE_PRIORITY_GROUPS.length)
      .refine((cs) => new Set(cs.map((c) => c.group)).size === cs.length, { error: 'هر گروه اولویت تنها یک بار می‌آید' })
      .default([]),
    conscriptionStatus: z.enum(CONSCRIPTION_STATUSES, { error: 'وضعیت نظام وظیفه را انتخاب کنید' }),
    /** Stations in the order he prefers them (first = most wanted). */
    stationIds: z
      .array(zId('ایستگاه معتبر نیست'))
      .min(1, { error: 'دست‌کم یک ایستگاه را انتخاب کنید' })
      .max(MAX_PREFERENCES, { error: `حداکثر ${toPersianDigits(MAX_PREFERENCES)} ایستگاه را می‌توانید انتخاب کنید` })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'هر ایستگاه تنها یک بار انتخاب شود' }),
    mobile: zMobile,
  })
  .refine((a) => a.educationLevel === 'below_diploma' || a.fieldOfStudy !== '', { error: 'رشته تحصیلی را وارد کنید', path: ['fieldOfStudy'] });
export type ApplicationCreate = z.infer<typeof ApplicationCreate>;
