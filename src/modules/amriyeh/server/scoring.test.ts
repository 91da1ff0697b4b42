import { describe, expect, it } from 'vitest';
import { ScoringCriteria, type ScoringCriterion } from '../contract.js';
import { DEFAULT_CRITERIA, formatPart, scoreApplication, type ScoringApplicant } from './scoring.js';

// Division paths: province 1 / county 10 / district 100 / rural district 1000 / village 10000.
const VILLAGE = '/1/10/100/1000/10000/';
const base: ScoringApplicant = {
  educationLevel: 'diploma',
  fieldOfStudy: 'ادبیات فارسی',
  maritalStatus: 'single',
  birthPlacePath: '/2/20/',
  residencePath: '/2/20/200/',
  priorityGroups: [],
};

const points = (c: ScoringCriterion, a: Partial<ScoringApplicant>) => scoreApplication([c], { ...base, ...a }).parts[0]!.points;

describe('scoreApplication, criterion by criterion', () => {
  const native: ScoringCriterion = { kind: 'native', weight: 30, countyShare: 0.5 };
  const education: ScoringCriterion = { kind: 'education', weight: 15, shares: { diploma: 0.4, bachelor: 1 } };
  const field: ScoringCriterion = { kind: 'field_relevance', weight: 15, fields: ['آتش‌نشانی', 'ایمنی صنعتی'] };
  const deprived: ScoringCriterion = { kind: 'deprived_area', weight: 10 };
  const groups: ScoringCriterion = { kind: 'priority_group', weight: 20, shares: { martyr_family: 1, veteran: 0.8, relief_supported: 0.6 } };
  const married: ScoringCriterion = { kind: 'married', weight: 10 };

  it.each<[string, ScoringCriterion, Partial<ScoringApplicant>, number]>([
    ['native: born in the village he lives in', native, { birthPlacePath: VILLAGE, residencePath: VILLAGE }, 30],
    ['native: born in another village of the district he lives in', native, { birthPlacePath: '/1/10/100/1001/10010/', residencePath: VILLAGE }, 30],
    ['native: born in the county, another district', native, { birthPlacePath: '/1/10/101/', residencePath: VILLAGE }, 15],
    ['native: born in another county of the province', native, { birthPlacePath: '/1/11/110/', residencePath: VILLAGE }, 0],
    ['native: born in another province', native, { residencePath: VILLAGE }, 0],
    ['native: a prefix of ids is not a prefix of the path (/1/100 vs /1/10)', native, { birthPlacePath: '/1/100/1000/', residencePath: VILLAGE }, 0],
    ['education: diploma', education, {}, 6],
    ['education: bachelor', education, { educationLevel: 'bachelor' }, 15],
    ['education: a level without a share', education, { educationLevel: 'master' }, 0],
    ['field: relevant, typed with Arabic ي and a space for the half-space', field, { fieldOfStudy: 'آتش نشاني' }, 15],
    ['field: not relevant', field, {}, 0],
    ['field: empty', field, { fieldOfStudy: '' }, 0],
    ['deprived area: verified', deprived, { priorityGroups: ['deprived_area'] }, 10],
    ['deprived area: not claimed', deprived, {}, 0],
    ['priority groups: none', groups, {}, 0],
    ['priority groups: relief supported', groups, { priorityGroups: ['relief_supported'] }, 12],
    ['priority groups: the largest share counts, not the sum', groups, { priorityGroups: ['relief_supported', 'martyr_family', 'veteran'] }, 20],
    ['priority groups: a group without a share', groups, { priorityGroups: ['freed_pow'] }, 0],
    ['priority groups: deprived area is its own criterion', groups, { priorityGroups: ['deprived_area'] }, 0],
    ['married', married, { maritalStatus: 'married' }, 10],
    ['single', married, {}, 0],
  ])('%s → %d', (_name, c, a, want) => {
    expect(points(c, a)).toBe(want);
  });

  it('weights are configurable', () => {
    expect(points({ kind: 'married', weight: 3.5 }, { maritalStatus: 'married' })).toBe(3.5);
    expect(points({ kind: 'native', weight: 9, countyShare: 1 / 3 }, { birthPlacePath: '/1/10/101/', residencePath: '/1/10/100/' })).toBe(3);
  });
});

describe('scoreApplication, the whole breakdown', () => {
  it('with the example criteria: parts in order, explained, adding up to the total', () => {
    const out = scoreApplication(DEFAULT_CRITERIA, {
      ...base,
      educationLevel: 'bachelor',
      fieldOfStudy: 'ایمنی صنعتی',
      maritalStatus: 'married',
      birthPlacePath: '/1/10/100/1001/',
      residencePath: '/1/10/101/1010/',
      priorityGroups: ['veteran', 'deprived_area'],
    });
    expect(out.parts.map((p) => [p.criterion, p.points, p.max])).toEqual([
      ['native', 15, 30],
      ['education', 15, 15],
      ['field_relevance', 15, 15],
      ['deprived_area', 10, 10],
      ['priority_group', 16, 20],
      ['married', 10, 10],
    ]);
    expect(out.total).toBe(81);
    expect(out.parts[4]!.reason).toBe('عضو گروه «جانبازان و فرزندان جانبازان» (بیشترین امتیاز میان گروه‌های شما)');
    for (const p of out.parts) {
      expect(p.title).toMatch(/[\u0600-\u06FF]/);
      expect(p.reason).toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('totals are rounded to two decimals and equal the sum of the shown parts', () => {
    const cs: ScoringCriterion[] = [
      { kind: 'native', weight: 10, countyShare: 0.333 },
      { kind: 'education', weight: 0.1, shares: { diploma: 1 } },
      { kind: 'married', weight: 0.2 },
    ];
    const out = scoreApplication(cs, { ...base, birthPlacePath: '/1/10/101/', residencePath: '/1/10/100/', maritalStatus: 'married' });
    expect(out.parts.map((p) => p.points)).toEqual([3.33, 0.1, 0.2]);
    expect(out.total).toBe(3.63);
  });

  it('no criteria, no points', () => {
    expect(scoreApplication([], base)).toEqual({ total: 0, parts: [] });
  });

  it('formats a part with Persian digits', () => {
    expect(formatPart({ criterion: 'native', title: '', points: 7.5, max: 15, reason: '' })).toBe('۷٫۵ از ۱۵');
  });

  it('the example criteria are valid published criteria (100 points) and each kind appears once', () => {
    expect(ScoringCriteria.parse(DEFAULT_CRITERIA)).toEqual(DEFAULT_CRITERIA);
    expect(DEFAULT_CRITERIA.reduce((s, c) => s + c.weight, 0)).toBe(100);
    expect(ScoringCriteria.safeParse([...DEFAULT_CRITERIA, { kind: 'married', weight: 1 }]).success).toBe(false);
  });
});
