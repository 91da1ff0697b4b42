// The instructor bank's enums, each once with its Persian titles.

/** Degree levels, lowest first. */
export const DEGREES = ['diploma', 'associate', 'bachelor', 'master', 'doctorate'] as const;
export type Degree = (typeof DEGREES)[number];
export const DEGREE_TITLES: Record<Degree, string> = {
  diploma: 'دیپلم',
  associate: 'کاردانی',
  bachelor: 'کارشناسی',
  master: 'کارشناسی ارشد',
  doctorate: 'دکتری',
};

/** Kinds of publication. */
export const PUBLICATION_KINDS = ['book', 'article', 'translation', 'report'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];
export const PUBLICATION_KIND_TITLES: Record<PublicationKind, string> = { book: 'کتاب', article: 'مقاله', translation: 'ترجمه', report: 'گزارش پژوهشی' };

/**
 * What a qualification criterion measures in a profile. Each is computed from the profile (see scoring.ts); the
 * criteria set gives each a weight and a scale.
 *  degree_level      the highest degree (choice scale: DEGREES)
 *  field_match       the study field against the expertise field's related studies (choice: highest | any | none)
 *  experience_years  years of professional experience (bands)
 *  teaching_hours    hours taught in this field of expertise (bands)
 *  publications      number of publications in this field (bands)
 *  certificates      number of professional certificates (bands)
 *  past_evaluations  the Bayesian average of trainees' and organizers' ratings, 1–5 (bands)
 */
export const MEASURES = ['degree_level', 'field_match', 'experience_years', 'teaching_hours', 'publications', 'certificates', 'past_evaluations'] as const;
export type Measure = (typeof MEASURES)[number];
export const MEASURE_TITLES: Record<Measure, string> = {
  degree_level: 'مقطع تحصیلی',
  field_match: 'ارتباط رشته تحصیلی با زمینه تخصصی',
  experience_years: 'سابقه کار تخصصی',
  teaching_hours: 'ساعت تدریس در این زمینه',
  publications: 'تألیفات در این زمینه',
  certificates: 'گواهینامه‌های حرفه‌ای',
  past_evaluations: 'ارزیابی دوره‌های گذشته',
};
/** The unit shown after a measure's value. */
export const MEASURE_UNITS: Record<Measure, string> = {
  degree_level: '',
  field_match: '',
  experience_years: 'سال',
  teaching_hours: 'ساعت',
  publications: 'اثر',
  certificates: 'گواهی',
  past_evaluations: 'از ۵',
};
/** Measures scored by choices (the others by bands of a number). */
export const CHOICE_MEASURES = ['degree_level', 'field_match'] as const satisfies readonly Measure[];
export type ChoiceMeasure = (typeof CHOICE_MEASURES)[number];
export const isChoiceMeasure = (m: Measure): m is ChoiceMeasure => (CHOICE_MEASURES as readonly string[]).includes(m);

/** The values of the field_match measure. */
export const FIELD_MATCHES = ['highest', 'any', 'none'] as const;
export type FieldMatch = (typeof FIELD_MATCHES)[number];
export const FIELD_MATCH_TITLES: Record<FieldMatch, string> = {
  highest: 'رشته بالاترین مدرک مرتبط است',
  any: 'رشته یکی از مدارک مرتبط است',
  none: 'رشته تحصیلی مرتبط نیست',
};

/** The values a choice measure takes, lowest first. */
export function choiceValuesOf(m: ChoiceMeasure): readonly string[] {
  return m === 'degree_level' ? DEGREES : FIELD_MATCHES;
}

/** States of a qualification application (workflow `instructors.qualification`). */
export const APPLICATION_STATES = ['submitted', 'returned', 'committee', 'qualified', 'not_qualified', 'withdrawn'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];
export const APPLICATION_STATE_TITLES: Record<ApplicationState, string> = {
  submitted: 'بررسی کارشناسی',
  returned: 'نیاز به اطلاعات بیشتر',
  committee: 'در انتظار تصمیم کمیته',
  qualified: 'صلاحیت تأیید شد',
  not_qualified: 'صلاحیت تأیید نشد',
  withdrawn: 'انصراف',
};

/** Why an application was filed: the first one, a renewal before (or after) expiry, or changes after qualification. */
export const APPLICATION_KINDS = ['initial', 'renewal', 'update'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
export const APPLICATION_KIND_TITLES: Record<ApplicationKind, string> = { initial: 'احراز صلاحیت', renewal: 'تمدید صلاحیت', update: 'بازبینی پس از تغییر پرونده' };

/**
 * Where an instructor stands, as shown on his page and in the bank:
 *  draft        profile not yet submitted
 *  in_review    an application is open
 *  qualified    holds a valid qualification (training ID valid)
 *  expired      the qualification's validity has passed
 *  not_qualified the last decision was negative and he holds no valid qualification
 */
export const INSTRUCTOR_STATUSES = ['draft', 'in_review', 'qualified', 'expired', 'not_qualified'] as const;
export type InstructorStatus = (typeof INSTRUCTOR_STATUSES)[number];
export const INSTRUCTOR_STATUS_TITLES: Record<InstructorStatus, string> = {
  draft: 'پیش‌نویس',
  in_review: 'در حال بررسی',
  qualified: 'دارای صلاحیت معتبر',
  expired: 'صلاحیت منقضی شده',
  not_qualified: 'فاقد صلاحیت',
};

/** How a course is held, and how an instructor is available. */
export const COURSE_MODES = ['in_person', 'online'] as const;
export type CourseMode = (typeof COURSE_MODES)[number];
export const COURSE_MODE_TITLES: Record<CourseMode, string> = { in_person: 'حضوری', online: 'برخط (مجازی)' };

/** A course's life: planned (instructors assigned) → held (ended; trainees rate, organizer evaluates) → closed; or cancelled. */
export const COURSE_STATES = ['planned', 'held', 'closed', 'cancelled'] as const;
export type CourseState = (typeof COURSE_STATES)[number];
export const COURSE_STATE_TITLES: Record<CourseState, string> = {
  planned: 'برنامه‌ریزی شده',
  held: 'برگزار شده، در حال ارزیابی',
  closed: 'ارزیابی بسته شد',
  cancelled: 'لغو شده',
};

/** The items of a trainee's rating of an instructor (each 1–5). `overall` is what the Bayesian average uses. */
export const RATING_ITEMS = ['overall', 'knowledge', 'delivery', 'usefulness'] as const;
export type RatingItem = (typeof RATING_ITEMS)[number];
export const RATING_ITEM_TITLES: Record<RatingItem, string> = {
  overall: 'رضایت کلی از مدرس',
  knowledge: 'تسلط بر موضوع',
  delivery: 'شیوه ارائه و پاسخ به پرسش‌ها',
  usefulness: 'کاربردی بودن مطالب برای کار شما',
};

/** The items of an organizer's evaluation of an instructor (each 1–5). */
export const EVALUATION_ITEMS = ['content', 'delivery', 'punctuality', 'materials'] as const;
export type EvaluationItem = (typeof EVALUATION_ITEMS)[number];
export const EVALUATION_ITEM_TITLES: Record<EvaluationItem, string> = {
  content: 'محتوای علمی و انطباق با سرفصل',
  delivery: 'کیفیت ارائه',
  punctuality: 'وقت‌شناسی و تعهد',
  materials: 'جزوه و منابع آموزشی',
};
/** An organizer's evaluation counts as this many trainee ratings in the Bayesian average (its mean of the items). */
export const ORGANIZER_EVALUATION_WEIGHT = 3;

/** The purpose of the documents uploaded as evidence of profile items. */
export const EVIDENCE_PURPOSE = 'instructor-evidence';

/** Days before expiry when the instructor is reminded to renew (and may file a renewal). */
export const RENEWAL_REMINDER_DAYS = [60, 14] as const;
/** A renewal may be filed this many days before expiry (or any time after). */
export const RENEWAL_WINDOW_DAYS = 90;
