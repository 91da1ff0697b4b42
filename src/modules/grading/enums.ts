// The grading service's enums, each once with its Persian titles.

/** What is graded: a municipality (grades 1–12) or a dehyari (grades 1–6). */
export const SUBJECTS = ['municipality', 'dehyari'] as const;
export type Subject = (typeof SUBJECTS)[number];
export const SUBJECT_TITLES: Record<Subject, string> = { municipality: 'شهرداری', dehyari: 'دهیاری' };
export const MAX_GRADE: Record<Subject, number> = { municipality: 12, dehyari: 6 };
/** Years that must pass after a grade before a dehyari may ask for a new review. */
export const DEHYARI_REVIEW_YEARS = 4;

/** States of an upgrade request (workflow `grading.request`). */
export const REQUEST_STATES = ['submitted', 'returned', 'expert_review', 'committee', 'approved', 'issued', 'rejected', 'withdrawn'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const REQUEST_STATE_TITLES: Record<RequestState, string> = {
  submitted: 'بررسی تکمیل مدارک در استانداری',
  returned: 'بازگشت برای اصلاح',
  expert_review: 'بررسی کارشناسی در معاونت',
  committee: 'در انتظار تصمیم کارگروه درجه‌بندی',
  approved: 'تصویب شده، در انتظار صدور حکم',
  issued: 'حکم درجه صادر شد',
  rejected: 'رد شده',
  withdrawn: 'انصراف',
};

/** How an indicator's value is given: a number (points from bands) or one of fixed choices (points per choice). */
export const INDICATOR_KINDS = ['number', 'choice'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** An expert's verdict on one indicator of a request. */
export const INDICATOR_VERDICTS = ['accepted', 'adjusted'] as const;
export type IndicatorVerdict = (typeof INDICATOR_VERDICTS)[number];
