// Score of an amriyeh application from the call's published weighted criteria. Pure; every part carries its
// Persian reason, because the applicant sees his score broken down by criterion.
import { normalizeFa, toPersianDigits } from '../../../core/fa/normalize.js';
import {
  CRITERION_TITLES,
  EDUCATION_TITLES,
  PRIORITY_TITLES,
  type ClaimablePriorityGroup,
  type CriterionKind,
  type EducationLevel,
  type MaritalStatus,
  type ScoringCriterion,
} from '../contract.js';
import { sameAncestor } from '../../../core/org/path.js';

/** What the criteria look at. Only verified priority groups should be passed (the district reviewer checks them). */
export interface ScoringApplicant {
  educationLevel: EducationLevel;
  fieldOfStudy: string;
  maritalStatus: MaritalStatus;
  birthPlacePath: string;
  residencePath: string;
  priorityGroups: readonly ClaimablePriorityGroup[];
}

export interface ScorePart { criterion: CriterionKind; title: string; points: number; max: number; reason: string }
export interface ScoreResult { total: number; parts: ScorePart[] }

/** Two decimals, so totals are stable and readable (0.1 + 0.2 is shown as 0.3). */
const round2 = (x: number) => Math.round(x * 100) / 100;
const fa = (n: number) => toPersianDigits(n);


function part(c: ScoringCriterion, share: number, reason: string): ScorePart {
  return { criterion: c.kind, title: CRITERION_TITLES[c.kind], points: round2(c.weight * share), max: c.weight, reason };
}

function scoreOne(c: ScoringCriterion, a: ScoringApplicant): ScorePart {
  switch (c.kind) {
    case 'native': {
      // Station-independent on purpose (design notes, "Amriyeh: one score per applicant"): a score that depended on
      // the station he ranks first would reward misreporting his preferences. With the residence rule (he lives in
      // the station's county or district), "born where he lives" is what makes him a native of the station's area.
      if (sameAncestor(a.birthPlacePath, a.residencePath, 3)) return part(c, 1, 'در همان بخشی متولد شده‌اید که ساکن آن هستید');
      if (sameAncestor(a.birthPlacePath, a.residencePath, 2)) return part(c, c.countyShare, 'در همان شهرستانی متولد شده‌اید که ساکن آن هستید');
      return part(c, 0, 'محل تولد شما در شهرستان محل سکونتتان نیست');
    }
    case 'education': {
      const share = c.shares[a.educationLevel] ?? 0;
      return part(c, share, `مقطع تحصیلی «${EDUCATION_TITLES[a.educationLevel]}»`);
    }
    case 'field_relevance': {
      const field = normalizeFa(a.fieldOfStudy);
      const relevant = field !== '' && c.fields.some((f) => normalizeFa(f) === field);
      const shown = a.fieldOfStudy.trim() || '—';
      return part(c, relevant ? 1 : 0, relevant ? `رشته «${shown}» مرتبط با آتش‌نشانی است` : `رشته «${shown}» در فهرست رشته‌های مرتبط با آتش‌نشانی نیست`);
    }
    case 'deprived_area':
      return a.priorityGroups.includes('deprived_area')
        ? part(c, 1, 'سکونت در منطقه محروم تأیید شده است')
        : part(c, 0, 'سکونت در منطقه محروم اعلام یا تأیید نشده است');
    case 'priority_group': {
      let best: { group: keyof typeof c.shares; share: number } | null = null;
      for (const g of a.priorityGroups) {
        if (g === 'deprived_area') continue;
        const share = c.shares[g] ?? 0;
        if (best === null || share > best.share) best = { group: g, share };
      }
      return best === null
        ? part(c, 0, 'عضویت در گروه‌های دارای اولویت اعلام یا تأیید نشده است')
        : part(c, best.share, `عضو گروه «${PRIORITY_TITLES[best.group]}» (بیشترین امتیاز میان گروه‌های شما)`);
    }
    case 'married':
      return a.maritalStatus === 'married' ? part(c, 1, 'متأهل') : part(c, 0, 'مجرد');
  }
}

/**
 * Scores an applicant: one part per criterion, in the call's order, each `weight × share` rounded to two decimals
 * with its reason in Persian; `total` is the sum of the parts (so the breakdown adds up to what is shown).
 */
export function scoreApplication(criteria: readonly ScoringCriterion[], applicant: ScoringApplicant): ScoreResult {
  const parts = criteria.map((c) => scoreOne(c, applicant));
  return { total: round2(parts.reduce((s, p) => s + p.points, 0)), parts };
}

/** A part's points and maximum as the applicant reads them: '۷٫۵ از ۱۵'. */
export function formatPart(p: ScorePart): string {
  return `${fa(p.points).replace('.', '٫')} از ${fa(p.max).replace('.', '٫')}`;
}

/**
 * EXAMPLE criteria (100 points in all), to be replaced by the official ones the Deputy for Dehyari Affairs
 * publishes with each call. The weights and fields below are illustrative only.
 */
export const DEFAULT_CRITERIA: ScoringCriterion[] = [
  { kind: 'native', weight: 30, countyShare: 0.5 },
  { kind: 'education', weight: 15, shares: { below_diploma: 0, diploma: 0.4, associate: 0.7, bachelor: 1, master: 1, doctorate: 1 } },
  {
    kind: 'field_relevance',
    weight: 15,
    fields: ['آتش‌نشانی', 'آتش‌نشانی و خدمات ایمنی', 'ایمنی صنعتی', 'مهندسی ایمنی', 'بهداشت حرفه‌ای', 'امداد و نجات', 'فوریت‌های پزشکی', 'مدیریت بحران'],
  },
  { kind: 'deprived_area', weight: 10 },
  { kind: 'priority_group', weight: 20, shares: { martyr_family: 1, veteran: 0.8, freed_pow: 0.8, relief_supported: 0.6 } },
  { kind: 'married', weight: 10 },
];
