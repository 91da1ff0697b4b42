// The grading engine, table-driven: band edges (exactly at min is in, exactly at max is out), open bounds, missing
// required vs optional indicators, values out of the accepted range, choices, total → grade at the thresholds, the
// top grade's toNextGrade, the subject checks of a definition, and the shipped example tables.
import { describe, expect, it } from 'vitest';
import { RuleDefinition, type IndicatorValue } from '../contract.js';
import { DEFAULT_RULES } from './default-rules.js';
import { bandText, definitionProblems, evaluate, gradeFor, maxGradeOf, type RuleSetLike } from './rules.js';

// A small municipality-like rule set: population bands (open below and above), an optional number, a choice.
const definition = RuleDefinition.parse({
  indicators: [
    {
      key: 'population',
      title: 'جمعیت',
      unit: 'نفر',
      kind: 'number',
      min: 0,
      max: 1_000_000,
      bands: [
        { min: null, max: 10_000, points: 5 },
        { min: 10_000, max: 25_000, points: 10 },
        { min: 25_000, max: 50_000, points: 20 },
        { min: 50_000, max: null, points: 30 },
      ],
    },
    { key: 'area', title: 'مساحت', unit: 'هکتار', kind: 'number', required: false, min: 0, max: null, bands: [{ min: 100, max: 200, points: 7.5 }] },
    {
      key: 'status',
      title: 'موقعیت',
      kind: 'choice',
      choices: [
        { value: 'capital', title: 'مرکز استان', points: 20 },
        { value: 'other', title: 'سایر', points: 2.5 },
      ],
    },
  ],
  grades: [
    { grade: 2, minPoints: 10 },
    { grade: 3, minPoints: 25 },
    { grade: 4, minPoints: 40 },
    { grade: 5, minPoints: 55 },
  ],
});
const rules: RuleSetLike = { id: 7, version: 3, title: 'آزمایشی', isExample: false, definition, maxGrade: 5 };
const part = (values: Record<string, IndicatorValue>, key: string) => evaluate(rules, values).parts.find((p) => p.key === key)!;

describe('number bands', () => {
  it.each([
    [0, 5, 'کمتر از ۱۰٬۰۰۰ نفر: ۵ امتیاز'],
    [9_999.5, 5, 'کمتر از ۱۰٬۰۰۰ نفر: ۵ امتیاز'],
    [10_000, 10, 'از ۱۰٬۰۰۰ تا کمتر از ۲۵٬۰۰۰ نفر: ۱۰ امتیاز'], // exactly at min: in
    [24_999, 10, 'از ۱۰٬۰۰۰ تا کمتر از ۲۵٬۰۰۰ نفر: ۱۰ امتیاز'],
    [25_000, 20, 'از ۲۵٬۰۰۰ تا کمتر از ۵۰٬۰۰۰ نفر: ۲۰ امتیاز'], // exactly at max of the previous band: out of it
    [50_000, 30, '۵۰٬۰۰۰ نفر و بیشتر: ۳۰ امتیاز'],
    [1_000_000, 30, '۵۰٬۰۰۰ نفر و بیشتر: ۳۰ امتیاز'], // the accepted maximum itself is accepted
  ])('population %d → %d points', (v, points, rule) => {
    const p = part({ population: v, status: 'other' }, 'population');
    expect(p).toMatchObject({ points, rule, missing: false, outOfRange: false, maxPoints: 30 });
  });

  it('shows the value in Persian digits with its unit', () => {
    expect(part({ population: 25_400 }, 'population').valueText).toBe('۲۵٬۴۰۰ نفر');
    expect(part({ area: 150.25 }, 'area').valueText).toBe('۱۵۰٫۲۵ هکتار');
  });

  it.each([
    [99.99, 0, 'در هیچ بازه‌ای نیست: ۰ امتیاز'],
    [100, 7.5, 'از ۱۰۰ تا کمتر از ۲۰۰ هکتار: ۷٫۵ امتیاز'],
    [200, 0, 'در هیچ بازه‌ای نیست: ۰ امتیاز'],
  ])('a value in no band earns 0: area %d → %d', (v, points, rule) => {
    expect(part({ area: v }, 'area')).toMatchObject({ points, rule, outOfRange: false });
  });

  it.each([
    [-1, true],
    [1_000_001, true],
    [0, false],
  ])('population %d out of the accepted range: %s, 0 points', (v, out) => {
    const p = part({ population: v }, 'population');
    expect(p.outOfRange).toBe(out);
    if (out) {
      expect(p.points).toBe(0);
      expect(p.rule).toContain('خارج از محدوده');
    }
  });

  it('a text where a number belongs is invalid, 0 points', () => {
    expect(part({ population: 'many' }, 'population')).toMatchObject({ points: 0, outOfRange: true, missing: false });
  });

  it('band text with both bounds open', () => {
    expect(bandText({ min: null, max: null, points: 4 }, 'نفر')).toBe('هر مقدار: ۴ امتیاز');
  });
});

describe('missing values and choices', () => {
  it('a missing required indicator: 0 points, listed in missing; a missing optional one is not', () => {
    const e = evaluate(rules, { status: 'capital' });
    expect(e.missing).toEqual(['population']);
    expect(part({ status: 'capital' }, 'population')).toMatchObject({ points: 0, missing: true, valueText: 'ثبت نشده', value: null });
    expect(part({ status: 'capital' }, 'area')).toMatchObject({ points: 0, missing: false });
    expect(evaluate(rules, { population: null, area: null, status: null }).missing).toEqual(['population', 'status']);
  });

  it.each([
    ['capital', 20, 'مرکز استان', 'مرکز استان: ۲۰ امتیاز', false],
    ['other', 2.5, 'سایر', 'سایر: ۲٫۵ امتیاز', false],
    ['village', 0, 'گزینه نامعتبر', 'گزینه در فهرست نیست: ۰ امتیاز', true],
  ])('choice %s → %d points', (v, points, valueText, rule, out) => {
    expect(part({ status: v }, 'status')).toMatchObject({ points, valueText, rule, outOfRange: out, maxPoints: 20 });
  });
});

describe('total → grade', () => {
  // population 5 (below 10,000) + status 2.5 = 7.5; each row adds to reach a total
  it.each([
    [{ population: 0, status: 'other' }, 7.5, 1, 2.5],
    [{ population: 0, status: 'other', area: 150 }, 15, 2, 10],
    [{ population: 10_000, status: 'other', area: 150 }, 20, 2, 5],
    [{ population: 0, status: 'capital' }, 25, 3, 15], // exactly at the threshold of grade 3
    [{ population: 25_000, status: 'capital' }, 40, 4, 15],
    [{ population: 50_000, status: 'capital' }, 50, 4, 5],
    [{ population: 50_000, status: 'capital', area: 150 }, 57.5, 5, null], // the top grade: nothing further
  ])('%j → total %d, grade %d, to next %s', (values, total, grade, toNext) => {
    const e = evaluate(rules, values);
    expect(e).toMatchObject({ total, grade, toNextGrade: toNext, maxGrade: 5, ruleSetId: 7, version: 3, ruleTitle: 'آزمایشی', isExample: false });
    expect(e.total).toBe(e.parts.reduce((s, p) => s + p.points, 0));
  });

  it.each([
    [0, 1],
    [9.99, 1],
    [10, 2],
    [24.99, 2],
    [25, 3],
    [55, 5],
    [1000, 5],
  ])('gradeFor(%d) = %d', (total, grade) => {
    expect(gradeFor(definition, total)).toBe(grade);
  });

  it('the grade never exceeds the rule set maximum', () => {
    const e = evaluate({ ...rules, maxGrade: 3 }, { population: 50_000, status: 'capital', area: 150 });
    expect(e.grade).toBe(3);
    expect(e.toNextGrade).toBeNull();
  });

  it('the next grade skips nothing: a gap in thresholds goes to the next given grade', () => {
    const gap = { ...rules, definition: { ...definition, grades: [{ grade: 2, minPoints: 10 }, { grade: 4, minPoints: 40 }] } };
    expect(evaluate(gap, { population: 0, status: 'capital' })).toMatchObject({ total: 25, grade: 2, toNextGrade: 15 });
  });
});

describe('definition checks for a subject', () => {
  const full = (grades: { grade: number; minPoints: number }[]) => ({ ...definition, grades });
  it('a dehyari set needs thresholds for grades 2 to 6 and no grade above 6', () => {
    const ok = full([2, 3, 4, 5, 6].map((g) => ({ grade: g, minPoints: g * 5 })));
    expect(definitionProblems('dehyari', ok)).toEqual([]);
    const above = definitionProblems('dehyari', full([2, 3, 4, 5, 6, 7].map((g) => ({ grade: g, minPoints: g * 5 }))));
    expect(above).toContainEqual({ path: 'grades.5.grade', message: 'درجه ۷ مجاز نیست؛ بالاترین درجه دهیاری ۶ است.' });
    const gaps = definitionProblems('dehyari', full([{ grade: 2, minPoints: 5 }, { grade: 6, minPoints: 30 }]));
    expect(gaps).toContainEqual({ path: 'grades', message: 'حداقل امتیاز درجه‌های ۳، ۴، ۵ تعیین نشده است.' });
  });

  it('a threshold above the best possible total is unreachable', () => {
    const p = definitionProblems('dehyari', full([2, 3, 4, 5, 6].map((g) => ({ grade: g, minPoints: g * 15 }))));
    // best = 30 + 7.5 + 20 = 57.5: grades 4 (60), 5 (75), 6 (90) cannot be reached
    expect(p.map((x) => x.path)).toEqual(['grades.2.minPoints', 'grades.3.minPoints', 'grades.4.minPoints']);
    expect(p[0]!.message).toContain('۵۷٫۵');
  });

  it('a grade 1 row must be 0 points', () => {
    const p = definitionProblems('dehyari', full([1, 2, 3, 4, 5, 6].map((g) => ({ grade: g, minPoints: g }))));
    expect(p).toEqual([{ path: 'grades.0.minPoints', message: 'درجه ۱ کف درجه‌بندی است؛ حداقل امتیاز آن باید صفر باشد.' }]);
  });
});

describe('the shipped example tables', () => {
  it.each(['municipality', 'dehyari'] as const)('%s: valid, labelled as an example, a threshold for every grade', (subject) => {
    const d = DEFAULT_RULES[subject];
    expect(RuleDefinition.safeParse(d.definition).success).toBe(true);
    expect(definitionProblems(subject, d.definition)).toEqual([]);
    expect(d.definition.grades.map((g) => g.grade)).toEqual(Array.from({ length: maxGradeOf(subject) - 1 }, (_, i) => i + 2));
    expect(d.title).toContain('نمونه — جایگزین جدول‌های رسمی آیین‌نامه شود');
  });

  const muni = { id: 1, version: 1, title: DEFAULT_RULES.municipality.title, isExample: true, definition: DEFAULT_RULES.municipality.definition, maxGrade: 12 };
  const dehyari = { id: 2, version: 1, title: DEFAULT_RULES.dehyari.title, isExample: true, definition: DEFAULT_RULES.dehyari.definition, maxGrade: 6 };
  it.each([
    ['a district seat of 5,000 with a small income', muni, { population: 5_000, continuous_income: 40, net_income: 20, admin_status: 'district_center' }, 2, 3],
    ['a county seat of 100,000', muni, { population: 100_000, continuous_income: 1_500, net_income: 800, admin_status: 'county_center' }, 7, 9],
    ['a provincial capital of 1.5 million', muni, { population: 1_500_000, continuous_income: 30_000, net_income: 12_000, admin_status: 'province_center' }, 11, 12],
    ['a small village', dehyari, { population: 400, income: 0.8, area: 15, center_status: 'other', tourism: 'none' }, 1, 1],
    ['a large tourism-target village at a district seat', dehyari, { population: 8_000, income: 30, area: 300, center_status: 'district_center', tourism: 'tourism_target' }, 6, 6],
  ])('%s grades plausibly', (_, r, values, lo, hi) => {
    const e = evaluate(r, values);
    expect(e.missing).toEqual([]);
    expect(e.grade).toBeGreaterThanOrEqual(lo);
    expect(e.grade).toBeLessThanOrEqual(hi);
  });
});
