// How complete an instructor's profile is: the checks a submission needs (identity, a field of expertise, education
// with its documents, a teaching or work record, availability) and the optional ones that make a stronger file
// (publications, certificates, a short bio). Pure (types only from the contract): the form shows it live and the
// server refuses a submission while `ready` is false, with the same sentences.
import type { Completeness } from './api-types.js';
import type { Profile } from './contract.js';

/** What completeness reads of a profile (as saved, or as the form holds it). */
export type CompletenessInput = Pick<Profile, 'expertise' | 'education' | 'teaching' | 'experience' | 'publications' | 'certificates' | 'bio' | 'availability'> &
  Partial<Pick<Profile, 'nationalCode' | 'firstName' | 'lastName'>>;

interface Check {
  required: boolean;
  ok: (p: CompletenessInput) => boolean;
  /** what to do, when it does not hold */
  missing: string;
}

const filled = (s: string | undefined) => !!s && s.trim() !== '';

/** The checks, in the order the form shows them. */
export const COMPLETENESS_CHECKS: readonly Check[] = [
  { required: true, ok: (p) => filled(p.nationalCode) && filled(p.firstName) && filled(p.lastName), missing: 'کد ملی، نام و نام خانوادگی را وارد کنید.' },
  { required: true, ok: (p) => p.expertise.length > 0, missing: 'دست‌کم یک زمینه تخصصی انتخاب کنید.' },
  { required: true, ok: (p) => p.education.length > 0, missing: 'دست‌کم یک مدرک تحصیلی ثبت کنید.' },
  { required: true, ok: (p) => p.education.length > 0 && p.education.every((e) => e.documents.length > 0), missing: 'برای هر مدرک تحصیلی تصویر مدرک را بارگذاری کنید.' },
  { required: true, ok: (p) => p.teaching.length + p.experience.length > 0, missing: 'دست‌کم یک سابقه تدریس یا سابقه کار ثبت کنید.' },
  { required: true, ok: (p) => p.availability.inPerson || p.availability.online, missing: 'آمادگی تدریس حضوری یا برخط را مشخص کنید.' },
  { required: false, ok: (p) => p.publications.length > 0, missing: 'تألیفات خود را (در صورت وجود) ثبت کنید.' },
  { required: false, ok: (p) => p.certificates.length > 0, missing: 'گواهینامه‌های حرفه‌ای خود را (در صورت وجود) ثبت کنید.' },
  { required: false, ok: (p) => filled(p.bio), missing: 'چند خط معرفی درباره خود بنویسید.' },
];

/**
 * The share of checks that hold (0–100), whether every required check holds, and the sentences of the required
 * checks that do not (what blocks a submission).
 */
export function completeness(p: CompletenessInput): Completeness {
  const results = COMPLETENESS_CHECKS.map((c) => ({ c, ok: c.ok(p) }));
  const passed = results.filter((r) => r.ok).length;
  const missing = results.filter((r) => r.c.required && !r.ok).map((r) => r.c.missing);
  return { percent: Math.round((passed / COMPLETENESS_CHECKS.length) * 100), ready: missing.length === 0, missing };
}
