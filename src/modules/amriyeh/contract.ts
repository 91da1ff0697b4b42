// The rural firefighter amriyeh's contract: every enum once (with its Persian titles), and the zod schemas of the
// call and of the application, shared by server and web.
import { z } from 'zod';
import { toPersianDigits } from '../../core/fa/normalize.js';
import { zFaText, zJalaliDate, zNationalCode } from '../../core/fa/zod.js';

export * from './enums.js';
import {
  CLAIMABLE_PRIORITY_GROUPS,
  CONSCRIPTION_STATUSES,
  EDUCATION_LEVELS,
  MARITAL_STATUSES,
  MAX_PREFERENCES,
  RESIDENCE_SCOPES,
} from './enums.js';

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
  /**
   * Native: born in the district (بخش) he lives in (full weight) or only in its county (`countyShare`). With the
   * residence rule this rewards natives of the station's area while keeping one score per applicant.
   */
  z.object({ kind: z.literal('native'), weight: zWeight, countyShare: zShare.default(0.5) }),
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

/** What an applicant submits (after signing in with the one-time code sent to his mobile: that mobile is his contact). */
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
  })
  .refine((a) => a.educationLevel === 'below_diploma' || a.fieldOfStudy !== '', { error: 'رشته تحصیلی را وارد کنید', path: ['fieldOfStudy'] });
export type ApplicationCreate = z.infer<typeof ApplicationCreate>;
