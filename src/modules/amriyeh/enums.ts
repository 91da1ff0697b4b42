// The rural firefighter amriyeh's enums, each once with its Persian titles. No zod here: the public pages import
// this file, and it must not pull the validation library into their bundle.
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
  native: 'بومی (متولد بخش یا شهرستان محل سکونت)',
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

/** Workflow states of an application (the workflow definition is server/workflow.ts). */
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
  'revoked',
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
  revoked: 'امریه ابطال شد',
};

export const MAX_PREFERENCES = 5;

/** Kinds of the published scoring criteria (their parameters are in contract.ts's ScoringCriterion). */
export const CRITERION_KINDS = ['native', 'education', 'field_relevance', 'deprived_area', 'priority_group', 'married'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];
export const CRITERION_TITLES: Record<CriterionKind, string> = {
  native: 'بومی بودن (تولد در بخش یا شهرستان محل سکونت)',
  education: 'مقطع تحصیلی',
  field_relevance: 'ارتباط رشته تحصیلی با آتش‌نشانی',
  deprived_area: 'سکونت در مناطق محروم',
  priority_group: 'گروه‌های دارای اولویت (ایثارگران، مددجویان)',
  married: 'تأهل',
};
