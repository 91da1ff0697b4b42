// The qualification pre-score: a criteria version's weighted scales applied to what a profile shows, per field of
// expertise, every part explained in Persian. Pure (no database, no server-only imports): the server scores with it
// and the screens show the criteria and a live pre-score with the same code.
import { normalizeFa } from '../../core/fa/normalize.js';
import { bandRangeText, faNum, inBand } from '../../core/scoring/bands.js';
import type { CriteriaDefinition, Criterion, FieldReview, MeasureValue, Profile } from './contract.js';
import { choiceValuesOf, DEGREE_TITLES, DEGREES, FIELD_MATCH_TITLES, isChoiceMeasure, MEASURE_TITLES, MEASURE_UNITS, type Degree, type FieldMatch, type Measure } from './enums.js';
import type { FieldScore, ScorePart } from './api-types.js';

/** What scoring reads of a profile (a saved profile or an application's snapshot). */
export type ScoredProfile = Pick<Profile, 'education' | 'teaching' | 'experience' | 'publications' | 'certificates'>;

/** A field of expertise as scoring needs it. */
export interface ScoredField {
  key: string;
  title: string;
  relatedStudies: readonly string[];
}

/** The instructor's rating: the Bayesian average (with no rating of his own it is the population's mean) and his count. */
export interface RatingInput {
  average: number;
  count: number;
}

/** Rating assumed when nobody in the bank has been rated yet: the middle of the 1–5 scale. */
export const NEUTRAL_RATING = 3;

const round2 = (n: number) => Math.round(n * 100) / 100;
const percent = (share: number) => `${faNum(Math.round(share * 100))}٪`;

/** Years covered by the experience items (overlapping jobs counted once); an open item runs to `year`. */
export function experienceYears(items: ScoredProfile['experience'], year: number): number {
  const spans = items
    .map((e) => [e.fromYear, Math.max(e.fromYear, e.toYear ?? year)] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of spans) {
    const start = Math.max(from, end);
    if (to > start) total += to - start;
    end = Math.max(end, to);
  }
  return total;
}

/** True when a study field matches a field of expertise: one contains one of its related studies (after normalization). */
export function studyMatches(study: string, field: ScoredField): boolean {
  const s = normalizeFa(study);
  if (!s) return false;
  return field.relatedStudies.some((r) => {
    const n = normalizeFa(r);
    return n !== '' && (s.includes(n) || n.includes(s));
  });
}

/** The highest degree of a profile, or null. */
export function highestDegree(education: ScoredProfile['education']): Degree | null {
  let best = -1;
  for (const e of education) best = Math.max(best, DEGREES.indexOf(e.degree));
  return best < 0 ? null : DEGREES[best]!;
}

/** The value a profile shows for a measure in a field (null: nothing to measure). */
export function measureValue(m: Measure, p: ScoredProfile, field: ScoredField, rating: RatingInput, year: number): MeasureValue | null {
  switch (m) {
    case 'degree_level':
      return highestDegree(p.education);
    case 'field_match': {
      const top = highestDegree(p.education);
      if (p.education.some((e) => e.degree === top && studyMatches(e.field, field))) return 'highest' satisfies FieldMatch;
      if (p.education.some((e) => studyMatches(e.field, field))) return 'any' satisfies FieldMatch;
      return 'none' satisfies FieldMatch;
    }
    case 'experience_years':
      return experienceYears(p.experience, year);
    case 'teaching_hours':
      return p.teaching.filter((t) => t.field === field.key).reduce((s, t) => s + t.hours, 0);
    case 'publications':
      return p.publications.filter((x) => x.field === field.key || x.field === null).length;
    case 'certificates':
      return p.certificates.length;
    case 'past_evaluations':
      return round2(rating.average);
  }
}

/** A measured value in words. */
export function valueText(m: Measure, v: MeasureValue | null, rating?: RatingInput): string {
  if (v === null) return 'ثبت نشده';
  if (m === 'degree_level') return DEGREE_TITLES[v as Degree] ?? String(v);
  if (m === 'field_match') return FIELD_MATCH_TITLES[v as FieldMatch] ?? String(v);
  if (typeof v !== 'number') return String(v);
  if (m === 'past_evaluations') {
    if (rating && rating.count === 0) return `بدون ارزیابی؛ میانگین کل بانک (${faNum(v)} از ۵)`;
    return rating ? `${faNum(v)} از ۵ (${faNum(Math.round(rating.count))} ارزیابی)` : `${faNum(v)} از ۵`;
  }
  return `${faNum(v)} ${MEASURE_UNITS[m]}`;
}

/** The share of its weight a criterion gives a value, and the rule that applied, in words. */
export function shareOf(c: Criterion, v: MeasureValue | null): { share: number; rule: string } {
  if (v === null) return { share: 0, rule: 'ثبت نشده: بدون امتیاز' };
  if (isChoiceMeasure(c.measure)) {
    const choice = c.choices.find((x) => x.value === v);
    if (!choice) return { share: 0, rule: 'گزینه در جدول معیار نیست: بدون امتیاز' };
    return { share: choice.share, rule: `${valueText(c.measure, v)}: ${percent(choice.share)} وزن` };
  }
  if (typeof v !== 'number') return { share: 0, rule: 'مقدار باید عدد باشد: بدون امتیاز' };
  const band = c.bands.find((b) => inBand(b, v));
  if (!band) return { share: 0, rule: 'در هیچ بازه‌ای نیست: بدون امتیاز' };
  return { share: band.share, rule: `${bandRangeText(band, MEASURE_UNITS[c.measure])}: ${percent(band.share)} وزن` };
}

/** The most a choice measure's value can be, in the order of its choices (for the editors). */
export const choicesOf = (m: Measure): readonly string[] => (isChoiceMeasure(m) ? choiceValuesOf(m) : []);

/**
 * The score of one field of expertise under a criteria version: each criterion's weight × the share of the measured
 * value (or the reviewer's adjusted value, with his reason), summed to a total of 100.
 */
export function scoreField(
  def: CriteriaDefinition,
  p: ScoredProfile,
  field: ScoredField,
  ctx: { rating: RatingInput; year: number },
  adjustments: FieldReview['adjustments'] = {},
): FieldScore {
  const parts: ScorePart[] = def.criteria.map((c) => {
    const measured = measureValue(c.measure, p, field, ctx.rating, ctx.year);
    const adj = adjustments[c.measure];
    const value = adj ? adj.value : measured;
    const { share, rule } = shareOf(c, value);
    return {
      measure: c.measure,
      title: MEASURE_TITLES[c.measure],
      value,
      valueText: valueText(c.measure, value, adj ? undefined : ctx.rating),
      share,
      points: round2(c.weight * share),
      weight: c.weight,
      rule,
      adjusted: adj ? { from: measured, reason: adj.reason } : null,
    };
  });
  const total = round2(parts.reduce((s, x) => s + x.points, 0));
  return { field: field.key, fieldTitle: field.title, total, passScore: def.passScore, passes: total >= def.passScore, parts };
}

/** The scores of several fields (unknown keys are skipped). */
export function scoreFields(
  def: CriteriaDefinition,
  p: ScoredProfile,
  fields: readonly string[],
  taxonomy: readonly ScoredField[],
  ctx: { rating: RatingInput; year: number },
  review: Record<string, Pick<FieldReview, 'adjustments'>> = {},
): FieldScore[] {
  const out: FieldScore[] = [];
  for (const key of fields) {
    const f = taxonomy.find((x) => x.key === key);
    if (f) out.push(scoreField(def, p, f, ctx, review[key]?.adjustments ?? {}));
  }
  return out;
}
