// Eligibility of an amriyeh applicant against a call's published rules. Pure: the caller loads the division paths
// and passes the reference date; every failed rule comes back with its reason in Persian, as the applicant sees it.
import { jalaliParts, parseJalaliDate } from '../../../core/fa/jalali.js';
import { normalizeFa, toPersianDigits } from '../../../core/fa/normalize.js';
import { sameAncestor } from '../../../core/org/path.js';
import {
  CONSCRIPTION_TITLES,
  EDUCATION_TITLES,
  educationRank,
  type ConscriptionStatus,
  type EducationLevel,
  type EligibilityRules,
  type ResidenceScope,
} from '../contract.js';

/** What the rules look at. Division paths are the materialized paths of org_divisions ('/province/county/district/…/'). */
export interface EligibilityApplicant {
  /** The instant the birth day begins (as zJalaliDate gives it) or the Jalali date as typed ('۱۳۸۳/۱۲/۳۰'). */
  birthDate: Date | string;
  educationLevel: EducationLevel;
  fieldOfStudy: string;
  residencePath: string;
  conscriptionStatus: ConscriptionStatus;
  /** The stations he ranked, each with its village's division path. */
  stations: { id: string | number; name: string; path: string }[];
}

export interface EligibilityFailure { rule: 'birthDate' | 'education' | 'field' | 'age' | 'residence' | 'conscription'; message: string }
export interface EligibilityResult { eligible: boolean; failures: EligibilityFailure[] }

/**
 * Full years of age on the day `at` (in Tehran), counted in the Jalali calendar: a man is N on the N-th
 * anniversary of his Jalali birth day. Someone born on Esfand 30 (a leap day) has no anniversary in common years:
 * he completes his year on 1 Farvardin (the day after Esfand 29), never earlier — the (month, day) comparison below
 * does exactly that.
 */
export function ageInFullYears(birth: Date, at: Date): number {
  const b = jalaliParts(birth);
  const r = jalaliParts(at);
  const before = r.month < b.month || (r.month === b.month && r.day < b.day);
  return r.year - b.year - (before ? 1 : 0);
}


const SCOPE_DEPTH: Record<Exclude<ResidenceScope, 'any'>, number> = { province: 1, county: 2, district: 3 };
const SCOPE_NAME: Record<Exclude<ResidenceScope, 'any'>, string> = { province: 'استان', county: 'شهرستان', district: 'بخش' };


const fa = (n: number) => toPersianDigits(n);

/**
 * Checks an applicant against the call's rules on the reference date `at`: minimum education, accepted fields
 * (empty list = any; compared after normalizeFa, so Arabic ي/ك, half-spaces and digits do not matter), age range
 * in full Jalali years (inclusive at both ends), residence relative to each ranked station, accepted conscription
 * statuses. Returns every failure, not only the first, each with its Persian reason.
 */
export function checkEligibility(rules: EligibilityRules, applicant: EligibilityApplicant, at: Date): EligibilityResult {
  const failures: EligibilityFailure[] = [];

  if (rules.minEducation !== null && educationRank(applicant.educationLevel) < educationRank(rules.minEducation)) {
    failures.push({
      rule: 'education',
      message: `حداقل مقطع تحصیلی لازم «${EDUCATION_TITLES[rules.minEducation]}» است و مقطع شما «${EDUCATION_TITLES[applicant.educationLevel]}» است`,
    });
  }

  if (rules.acceptedFields.length > 0) {
    const field = normalizeFa(applicant.fieldOfStudy);
    if (!rules.acceptedFields.some((f) => normalizeFa(f) === field)) {
      const shown = applicant.fieldOfStudy.trim() || '—';
      failures.push({ rule: 'field', message: `رشته تحصیلی «${shown}» در فهرست رشته‌های پذیرفته‌شده این فراخوان نیست` });
    }
  }

  const birth = typeof applicant.birthDate === 'string' ? parseJalaliDate(applicant.birthDate) : applicant.birthDate;
  if (birth === null || Number.isNaN(birth.getTime())) {
    failures.push({ rule: 'birthDate', message: 'تاریخ تولد معتبر نیست' });
  } else if (rules.minAge !== null || rules.maxAge !== null) {
    const age = ageInFullYears(birth, at);
    if (rules.minAge !== null && age < rules.minAge) {
      failures.push({ rule: 'age', message: `سن شما در تاریخ مبنا ${fa(age)} سال تمام است؛ حداقل سن ${fa(rules.minAge)} سال است` });
    }
    if (rules.maxAge !== null && age > rules.maxAge) {
      failures.push({ rule: 'age', message: `سن شما در تاریخ مبنا ${fa(age)} سال تمام است؛ حداکثر سن ${fa(rules.maxAge)} سال است` });
    }
  }

  if (rules.residence !== 'any') {
    const depth = SCOPE_DEPTH[rules.residence];
    for (const st of applicant.stations) {
      if (!sameAncestor(applicant.residencePath, st.path, depth)) {
        failures.push({ rule: 'residence', message: `محل سکونت شما در ${SCOPE_NAME[rules.residence]} محل ایستگاه «${st.name}» نیست` });
      }
    }
  }

  if (!rules.conscriptionStatuses.includes(applicant.conscriptionStatus)) {
    const accepted = rules.conscriptionStatuses.map((s) => `«${CONSCRIPTION_TITLES[s]}»`).join('، ');
    failures.push({
      rule: 'conscription',
      message: `وضعیت نظام وظیفه «${CONSCRIPTION_TITLES[applicant.conscriptionStatus]}» پذیرفته نیست؛ وضعیت‌های پذیرفته: ${accepted}`,
    });
  }

  return { eligible: failures.length === 0, failures };
}

/**
 * EXAMPLE rules, to be replaced by the official ones the Deputy for Dehyari Affairs publishes with each call: at
 * least a diploma, any field, 18 to 30 full years, resident of the station's county, still owing service.
 */
export const DEFAULT_RULES: EligibilityRules = {
  minEducation: 'diploma',
  acceptedFields: [],
  minAge: 18,
  maxAge: 30,
  residence: 'county',
  conscriptionStatuses: ['eligible', 'ready_to_serve'],
};
