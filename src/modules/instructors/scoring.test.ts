// The qualification pre-score, table-driven: profiles × a criteria version → each criterion's part and the total,
// every expected number computed by hand in the comments; experience years with overlapping jobs; the study-field
// match after Persian normalization; a reviewer's adjustments; and, over random profiles, totals within 0–100 that
// are the sum of their parts and never fall when more is shown.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CriteriaDefinition, type Profile } from './contract.js';
import { DEGREES, MEASURES, type Measure } from './enums.js';
import { experienceYears, scoreField, scoreFields, studyMatches, type RatingInput, type ScoredField, type ScoredProfile } from './scoring.js';
import { DEFAULT_CRITERIA } from './server/defaults.js';

/** A criteria version whose numbers are easy to follow by hand. */
const DEF: CriteriaDefinition = {
  passScore: 60,
  validityYears: 3,
  criteria: [
    { measure: 'degree_level', weight: 20, bands: [], note: '', choices: [{ value: 'diploma', share: 0 }, { value: 'associate', share: 0.25 }, { value: 'bachelor', share: 0.5 }, { value: 'master', share: 0.75 }, { value: 'doctorate', share: 1 }] },
    { measure: 'field_match', weight: 20, bands: [], note: '', choices: [{ value: 'highest', share: 1 }, { value: 'any', share: 0.5 }, { value: 'none', share: 0 }] },
    { measure: 'experience_years', weight: 20, choices: [], note: '', bands: [{ min: null, max: 3, share: 0 }, { min: 3, max: 10, share: 0.5 }, { min: 10, max: null, share: 1 }] },
    { measure: 'teaching_hours', weight: 20, choices: [], note: '', bands: [{ min: null, max: 50, share: 0 }, { min: 50, max: 200, share: 0.5 }, { min: 200, max: null, share: 1 }] },
    { measure: 'publications', weight: 10, choices: [], note: '', bands: [{ min: null, max: 1, share: 0 }, { min: 1, max: 3, share: 0.5 }, { min: 3, max: null, share: 1 }] },
    { measure: 'certificates', weight: 5, choices: [], note: '', bands: [{ min: null, max: 1, share: 0 }, { min: 1, max: null, share: 1 }] },
    { measure: 'past_evaluations', weight: 5, choices: [], note: '', bands: [{ min: null, max: 3, share: 0 }, { min: 3, max: 4, share: 0.5 }, { min: 4, max: null, share: 1 }] },
  ],
};
const FINANCE: ScoredField = { key: 'municipal_finance', title: 'مالیه و درآمدهای شهری', relatedStudies: ['حسابداری', 'مدیریت مالی'] };
const IT: ScoredField = { key: 'it', title: 'فناوری اطلاعات', relatedStudies: ['مهندسی کامپیوتر'] };
const YEAR = 1405;
const UNRATED: RatingInput = { average: 3, count: 0 };

const empty: ScoredProfile = { education: [], teaching: [], experience: [], publications: [], certificates: [] };
const edu = (degree: Profile['education'][number]['degree'], field: string, id = `e-${degree}`) => ({ id, degree, field, university: 'دانشگاه تهران', year: 1390, documents: [] });
const teach = (field: string, hours: number, id = `t-${field}-${hours}`) => ({ id, course: 'دوره', organization: 'شهرداری', field, hours, year: 1400, documents: [] });
const job = (fromYear: number, toYear: number | null, id = `x-${fromYear}`) => ({ id, organization: 'شهرداری', title: 'کارشناس', fromYear, toYear, documents: [] });
const pub = (field: string | null, id: string) => ({ id, kind: 'article' as const, title: 'مقاله', publisher: '', year: 1400, field, documents: [] });
const cert = (id: string) => ({ id, title: 'گواهی', issuer: 'سازمان', year: 1399, documents: [] });

/** Doctorate in accounting typed with Arabic yeh and kaf, two overlapping jobs, hours and publications in two fields. */
const STRONG: ScoredProfile = {
  education: [edu('doctorate', 'حسابداري'), edu('bachelor', 'اقتصاد')],
  teaching: [teach('municipal_finance', 120), teach('it', 300)],
  experience: [job(1390, 1395), job(1393, 1398)],
  publications: [pub('municipal_finance', 'p1'), pub(null, 'p2'), pub('it', 'p3')],
  certificates: [cert('c1'), cert('c2')],
};
/** A master's in public administration (unrelated) over a bachelor's in accounting; a job still held; a gap between jobs. */
const MIXED: ScoredProfile = {
  education: [edu('master', 'مدیریت دولتی'), edu('bachelor', 'حسابداری')],
  teaching: [teach('municipal_finance', 150), teach('municipal_finance', 50, 't2')],
  experience: [job(1400, null), job(1395, 1397)],
  publications: [],
  certificates: [],
};

type Row = [name: string, profile: ScoredProfile, field: ScoredField, rating: RatingInput, adjustments: Record<string, { value: number | string; reason: string }>, parts: Record<Measure, number>, total: number];

const TABLE: Row[] = [
  // nothing shown: only the rating (the bank's mean 3 → band [3,4) → 0.5 × 5 = 2.5) earns points
  ['empty profile', empty, FINANCE, UNRATED, {}, { degree_level: 0, field_match: 0, experience_years: 0, teaching_hours: 0, publications: 0, certificates: 0, past_evaluations: 2.5 }, 2.5],
  // doctorate 1×20=20; 'حسابداري' normalizes to 'حسابداری' on the highest degree → 20; jobs 1390–1395 and 1393–1398
  // overlap → 1390–1398 = 8 years → 0.5×20=10; 120 h in finance (the 300 h in IT do not count) → 0.5×20=10;
  // 1 finance + 1 general publication = 2 → 0.5×10=5; 2 certificates → 5; rating 4.2 → 1×5=5. Total 75.
  ['strong, finance', STRONG, FINANCE, { average: 4.2, count: 12 }, {}, { degree_level: 20, field_match: 20, experience_years: 10, teaching_hours: 10, publications: 5, certificates: 5, past_evaluations: 5 }, 75],
  // same profile in IT: no study matches → 0; 300 h → 20; the IT and the general publication = 2 → 5. 20+0+10+20+5+5+5 = 65.
  ['strong, IT', STRONG, IT, { average: 4.2, count: 12 }, {}, { degree_level: 20, field_match: 0, experience_years: 10, teaching_hours: 20, publications: 5, certificates: 5, past_evaluations: 5 }, 65],
  // master 0.75×20=15; accounting is the bachelor's, not the highest → any → 10; 1400–now(1405) = 5 + 1395–1397 = 2
  // → 7 years → 10; 150 + 50 = 200 h → band [200,∞) → 20; nothing else; rating 2.9 → 0. Total 55.
  ['mixed', MIXED, FINANCE, { average: 2.9, count: 3 }, {}, { degree_level: 15, field_match: 10, experience_years: 10, teaching_hours: 20, publications: 0, certificates: 0, past_evaluations: 0 }, 55],
  // the expert finds the doctorate unproven (master → 15) and 40 h of evidence (→ 0): 75 − 5 − 10 = 60
  ['strong, adjusted', STRONG, FINANCE, { average: 4.2, count: 12 }, { degree_level: { value: 'master', reason: 'مدرک دکتری ارائه نشد' }, teaching_hours: { value: 40, reason: 'گواهی تدریس ۸۰ ساعت ندارد' } },
    { degree_level: 15, field_match: 20, experience_years: 10, teaching_hours: 0, publications: 5, certificates: 5, past_evaluations: 5 }, 60],
  // an adjusted rating of 4 (band [4,∞)) replaces the measured 2.9: 55 + 5 = 60, which passes (≥ 60)
  ['mixed, rating adjusted', MIXED, FINANCE, { average: 2.9, count: 3 }, { past_evaluations: { value: 4, reason: 'ارزیابی دوره ۱۴۰۴ ثبت نشده بود' } },
    { degree_level: 15, field_match: 10, experience_years: 10, teaching_hours: 20, publications: 0, certificates: 0, past_evaluations: 5 }, 60],
];

describe('scoreField, table-driven', () => {
  it.each(TABLE)('%s', (_name, profile, field, rating, adjustments, parts, total) => {
    const s = scoreField(DEF, profile, field, { rating, year: YEAR }, adjustments);
    expect(Object.fromEntries(s.parts.map((p) => [p.measure, p.points]))).toEqual(parts);
    expect(s.total).toBe(total);
    expect(s.passes).toBe(total >= DEF.passScore);
    for (const p of s.parts) {
      expect(p.adjusted === null).toBe(!adjustments[p.measure]);
      if (p.adjusted) expect(p.adjusted.reason).toBe(adjustments[p.measure]!.reason);
    }
  });

  it('explains each part in Persian: the value, the band or choice that applied, what the reviewer replaced', () => {
    const s = scoreField(DEF, STRONG, FINANCE, { rating: UNRATED, year: YEAR }, { teaching_hours: { value: 40, reason: 'سند ندارد' } });
    const by = Object.fromEntries(s.parts.map((p) => [p.measure, p]));
    expect(by.degree_level!.valueText).toBe('دکتری');
    expect(by.field_match!.value).toBe('highest');
    expect(by.experience_years!.valueText).toBe('۸ سال');
    expect(by.teaching_hours!.adjusted).toEqual({ from: 120, reason: 'سند ندارد' });
    expect(by.teaching_hours!.rule).toContain('کمتر از ۵۰ ساعت');
    expect(by.past_evaluations!.valueText).toContain('بدون ارزیابی');
  });

  it('a choice the criteria do not list, or a number where a choice belongs, earns nothing', () => {
    const s = scoreField(DEF, STRONG, FINANCE, { rating: UNRATED, year: YEAR }, { degree_level: { value: 7, reason: 'x' }, teaching_hours: { value: 'many', reason: 'y' } });
    expect(s.parts.find((p) => p.measure === 'degree_level')!.points).toBe(0);
    expect(s.parts.find((p) => p.measure === 'teaching_hours')!.points).toBe(0);
  });

  it('scoreFields keeps the order asked and skips unknown fields', () => {
    expect(scoreFields(DEF, STRONG, ['it', 'astrology', 'municipal_finance'], [FINANCE, IT], { rating: UNRATED, year: YEAR }).map((s) => s.field)).toEqual(['it', 'municipal_finance']);
  });
});

describe('experienceYears', () => {
  const cases: [string, [number, number | null][], number][] = [
    ['none', [], 0],
    ['one job', [[1390, 1395]], 5],
    ['overlapping jobs count once', [[1390, 1395], [1393, 1398]], 8],
    ['a gap is not counted', [[1390, 1395], [1396, 1398]], 7],
    ['a job inside another', [[1390, 1400], [1392, 1395]], 10],
    ['unsorted, touching', [[1398, 1400], [1390, 1398]], 10],
    ['still held runs to this year', [[1400, null]], 5],
    ['still held, overlapping a closed one', [[1402, null], [1398, 1404]], 7],
    ['starting next year is nothing yet', [[1406, null]], 0],
    ['same year start and end', [[1395, 1395]], 0],
  ];
  it.each(cases)('%s', (_n, spans, years) => {
    expect(experienceYears(spans.map(([a, b], i) => job(a, b, `j${i}`)), YEAR)).toBe(years);
  });
});

describe('study field match (Persian normalization, containment)', () => {
  const cases: [string, boolean][] = [
    ['حسابداری', true],
    ['حسابداري', true], // Arabic yeh
    ['  حسابداری  ', true],
    ['حسابداری دولتی', true], // contains a related study
    ['مدیریت‌مالی', true], // ZWNJ where the related study has a space
    ['مالی', true], // contained in «مدیریت مالی»
    ['مهندسی کامپیوتر', false],
    ['', false],
  ];
  it.each(cases)('«%s» → %s', (study, matches) => {
    expect(studyMatches(study, FINANCE)).toBe(matches);
  });
});

// ---- properties over random profiles ---------------------------------------------------------------------------
const STUDIES = ['حسابداری', 'مدیریت مالی', 'اقتصاد', 'شهرسازی', 'مهندسی کامپیوتر', 'حقوق', 'علوم اجتماعی'];
const FIELDS = ['municipal_finance', 'it', 'urban_planning'];
const arbProfile: fc.Arbitrary<ScoredProfile> = fc.record({
  education: fc.array(fc.record({ degree: fc.constantFrom(...DEGREES), field: fc.constantFrom(...STUDIES) }), { maxLength: 4 }).map((xs) => xs.map((x, i) => edu(x.degree, x.field, `e${i}`))),
  teaching: fc.array(fc.record({ field: fc.constantFrom(...FIELDS), hours: fc.integer({ min: 1, max: 2000 }) }), { maxLength: 8 }).map((xs) => xs.map((x, i) => teach(x.field, x.hours, `t${i}`))),
  experience: fc.array(fc.record({ from: fc.integer({ min: 1340, max: 1410 }), len: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }) }), { maxLength: 6 })
    .map((xs) => xs.map((x, i) => job(x.from, x.len === null ? null : x.from + x.len, `x${i}`))),
  publications: fc.array(fc.option(fc.constantFrom(...FIELDS), { nil: null }), { maxLength: 8 }).map((xs) => xs.map((f, i) => pub(f, `p${i}`))),
  certificates: fc.array(fc.constant(0), { maxLength: 5 }).map((xs) => xs.map((_, i) => cert(`c${i}`))),
});
const arbRating = fc.record({ average: fc.double({ min: 1, max: 5, noNaN: true }), count: fc.integer({ min: 0, max: 200 }) });
const DEFS = [DEF, DEFAULT_CRITERIA.definition];

describe('properties', () => {
  it('any profile: every total is within 0–100, the sum of its parts, each part within its weight', () => {
    fc.assert(fc.property(arbProfile, arbRating, fc.constantFrom(...DEFS), fc.constantFrom(FINANCE, IT), (p, rating, def, field) => {
      const s = scoreField(def, p, field, { rating, year: YEAR });
      expect(s.total).toBeGreaterThanOrEqual(0);
      expect(s.total).toBeLessThanOrEqual(100);
      expect(s.total).toBeCloseTo(s.parts.reduce((a, x) => a + x.points, 0), 6);
      for (const part of s.parts) expect(part.points).toBeGreaterThanOrEqual(0), expect(part.points).toBeLessThanOrEqual(part.weight + 1e-9);
      expect(s.parts.map((x) => x.measure)).toEqual(def.criteria.map((c) => c.measure));
      expect(s.passes).toBe(s.total >= def.passScore);
    }), { numRuns: 300 });
  });

  it('showing more (hours taught in the field, a certificate, a higher degree) never lowers the score', () => {
    fc.assert(fc.property(arbProfile, arbRating, fc.integer({ min: 1, max: 500 }), fc.constantFrom(...DEFS), (p, rating, hours, def) => {
      const ctx = { rating, year: YEAR };
      const before = scoreField(def, p, FINANCE, ctx).total;
      const more: ScoredProfile = { ...p, teaching: [...p.teaching, teach('municipal_finance', hours, 'extra')], certificates: [...p.certificates, cert('extra-c')] };
      expect(scoreField(def, more, FINANCE, ctx).total).toBeGreaterThanOrEqual(before);
      const doctor: ScoredProfile = { ...p, education: [...p.education, edu('doctorate', 'علوم اجتماعی', 'extra-e')] };
      const d = scoreField(def, doctor, FINANCE, ctx).parts.find((x) => x.measure === 'degree_level')!;
      expect(d.points).toBe(d.weight);
    }), { numRuns: 200 });
  });

  it('the shipped example criteria use all seven measures with weights summing to 100', () => {
    expect(DEFAULT_CRITERIA.definition.criteria.map((c) => c.measure).sort()).toEqual([...MEASURES].sort());
    expect(DEFAULT_CRITERIA.definition.criteria.reduce((a, c) => a + c.weight, 0)).toBe(100);
    expect(CriteriaDefinition.safeParse(DEFAULT_CRITERIA.definition).success).toBe(true);
    expect(CriteriaDefinition.safeParse(DEF).success).toBe(true);
  });
});
