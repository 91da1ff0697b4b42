// The grading engine: a rule set's band tables turn indicator values into points, the points into a grade. Pure (no
// database, no server-only imports): the staff screens import it too, to show the rules and the live grade the same
// way the server computes it.
import { bandRangeText, faNum, inBand, withUnit } from '../../../core/scoring/bands.js';
import type { Band, Choice, Indicator, IndicatorValue, RuleDefinition } from '../contract.js';
import { MAX_GRADE, SUBJECT_TITLES, type Subject } from '../enums.js';
import type { Evaluation, EvaluationPart, RuleSetView } from '../api-types.js';

/** What the engine needs of a stored rule set (a RuleSetView has it all; see rule-sets.ts toRuleSetLike). */
export interface RuleSetLike {
  id: number;
  version: number;
  title: string;
  isExample: boolean;
  definition: RuleDefinition;
  maxGrade: number;
}

export { bandRangeText, faNum, inBand };

/** The highest grade of a subject: 12 for municipalities, 6 for dehyaris. */
export function maxGradeOf(subject: Subject): number {
  return MAX_GRADE[subject];
}

/** Points are summed as decimals; keep two places so 0.1 + 0.2 reads 0.3. */
const round2 = (n: number) => Math.round(n * 100) / 100;

const pointsText = (points: number) => `${faNum(points)} امتیاز`;

/** A band as a rule: «از ۲۵٬۰۰۰ تا کمتر از ۵۰٬۰۰۰ نفر: ۲۰ امتیاز». */
export function bandText(band: Band, unit: string): string {
  return `${bandRangeText(band, unit)}: ${pointsText(band.points)}`;
}

/** A choice as a rule: «مرکز شهرستان: ۲۰ امتیاز». */
export function choiceText(choice: Choice): string {
  return `${choice.title}: ${pointsText(choice.points)}`;
}

/** The most points an indicator can give. */
export function indicatorMaxPoints(ind: Indicator): number {
  const all = ind.kind === 'number' ? ind.bands.map((b) => b.points) : ind.choices.map((c) => c.points);
  return all.length ? Math.max(...all) : 0;
}

/** The accepted range of a number indicator in words («بین ۰ و ۱۰۰٬۰۰۰ هکتار»), or null when unbounded. */
export function acceptedRangeText(ind: Pick<Indicator, 'min' | 'max' | 'unit'>): string | null {
  if (ind.min === null && ind.max === null) return null;
  if (ind.min === null) return `حداکثر ${withUnit(faNum(ind.max!), ind.unit)}`;
  if (ind.max === null) return `دست‌کم ${withUnit(faNum(ind.min), ind.unit)}`;
  return `بین ${faNum(ind.min)} و ${withUnit(faNum(ind.max), ind.unit)}`;
}

const MISSING_TEXT = 'ثبت نشده';

/** One indicator's points for a value, with the value and the rule that applied in words. */
export function evaluateIndicator(ind: Indicator, value: IndicatorValue | undefined): EvaluationPart {
  const base = { key: ind.key, title: ind.title, unit: ind.unit, value: value ?? null, maxPoints: indicatorMaxPoints(ind) };
  if (value === null || value === undefined) {
    return { ...base, valueText: MISSING_TEXT, points: 0, rule: ind.required ? 'شاخص الزامی ثبت نشده: ۰ امتیاز' : 'ثبت نشده: ۰ امتیاز', missing: ind.required, outOfRange: false };
  }
  if (ind.kind === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return { ...base, valueText: 'مقدار نامعتبر', points: 0, rule: 'مقدار باید عدد باشد: ۰ امتیاز', missing: false, outOfRange: true };
    }
    const valueText = withUnit(faNum(value), ind.unit);
    if ((ind.min !== null && value < ind.min) || (ind.max !== null && value > ind.max)) {
      return { ...base, valueText, points: 0, rule: `خارج از محدوده پذیرفته (${acceptedRangeText(ind)}): ۰ امتیاز`, missing: false, outOfRange: true };
    }
    const band = ind.bands.find((b) => inBand(b, value));
    if (!band) return { ...base, valueText, points: 0, rule: 'در هیچ بازه‌ای نیست: ۰ امتیاز', missing: false, outOfRange: false };
    return { ...base, valueText, points: band.points, rule: bandText(band, ind.unit), missing: false, outOfRange: false };
  }
  const choice = ind.choices.find((c) => c.value === value);
  if (!choice) return { ...base, valueText: 'گزینه نامعتبر', points: 0, rule: 'گزینه در فهرست نیست: ۰ امتیاز', missing: false, outOfRange: true };
  return { ...base, valueText: choice.title, points: choice.points, rule: choiceText(choice), missing: false, outOfRange: false };
}

/** The grade a total earns: the highest grade whose minPoints ≤ total; below every threshold, grade 1. */
export function gradeFor(definition: Pick<RuleDefinition, 'grades'>, total: number): number {
  let grade = 1;
  for (const g of definition.grades) if (g.minPoints <= total && g.grade > grade) grade = g.grade;
  return grade;
}

/** Evaluates indicator values under a rule set: points per indicator, total, grade and what the next grade needs. */
export function evaluate(rules: RuleSetLike, values: Record<string, IndicatorValue>): Evaluation {
  const parts = rules.definition.indicators.map((ind) => evaluateIndicator(ind, Object.hasOwn(values, ind.key) ? values[ind.key] : null));
  const total = round2(parts.reduce((s, p) => s + p.points, 0));
  const grade = Math.min(Math.max(1, gradeFor(rules.definition, total)), rules.maxGrade);
  const next = rules.definition.grades.filter((g) => g.grade > grade && g.grade <= rules.maxGrade).sort((a, b) => a.grade - b.grade)[0];
  return {
    ruleSetId: rules.id,
    version: rules.version,
    ruleTitle: rules.title,
    isExample: rules.isExample,
    parts,
    total,
    grade,
    maxGrade: rules.maxGrade,
    toNextGrade: next ? round2(Math.max(0, next.minPoints - total)) : null,
    missing: parts.filter((p) => p.missing).map((p) => p.key),
  };
}

/** A problem of a definition that the schema cannot see alone (it depends on the subject). */
export interface DefinitionProblem {
  /** path inside the definition: 'grades', 'grades.3.grade' */
  path: string;
  message: string;
}

/**
 * What is wrong with a definition for a subject, beyond the contract's own checks: every grade within 1..max, a
 * threshold for each grade 2..max (grade 1 is the floor; a grade 1 row, if given, must be 0 points), and every
 * threshold reachable with the indicators' most points. Empty = fine.
 */
export function definitionProblems(subject: Subject, definition: RuleDefinition): DefinitionProblem[] {
  const max = maxGradeOf(subject);
  const out: DefinitionProblem[] = [];
  definition.grades.forEach((g, i) => {
    if (g.grade > max) out.push({ path: `grades.${i}.grade`, message: `درجه ${faNum(g.grade)} مجاز نیست؛ بالاترین درجه ${SUBJECT_TITLES[subject]} ${faNum(max)} است.` });
    if (g.grade === 1 && g.minPoints !== 0) out.push({ path: `grades.${i}.minPoints`, message: 'درجه ۱ کف درجه‌بندی است؛ حداقل امتیاز آن باید صفر باشد.' });
  });
  const given = new Set(definition.grades.map((g) => g.grade));
  const absent: number[] = [];
  for (let g = 2; g <= max; g++) if (!given.has(g)) absent.push(g);
  if (absent.length) out.push({ path: 'grades', message: `حداقل امتیاز درجه‌های ${absent.map(faNum).join('، ')} تعیین نشده است.` });
  const best = round2(definition.indicators.reduce((s, ind) => s + indicatorMaxPoints(ind), 0));
  definition.grades.forEach((g, i) => {
    if (g.grade <= max && g.minPoints > best) {
      out.push({ path: `grades.${i}.minPoints`, message: `حداقل امتیاز درجه ${faNum(g.grade)} (${faNum(g.minPoints)}) از بیشترین امتیاز ممکن شاخص‌ها (${faNum(best)}) بیشتر است.` });
    }
  });
  return out;
}

/** The evaluator's view of a stored rule set (the server's and the browser's one adapter). */
export function toRuleSetLike(view: Pick<RuleSetView, 'id' | 'version' | 'title' | 'isExample' | 'definition' | 'subject'>): RuleSetLike {
  return { id: view.id, version: view.version, title: view.title, isExample: view.isExample, definition: view.definition, maxGrade: maxGradeOf(view.subject) };
}

/** The indicators that ask for evidence (required, with an `evidence` text) and have no document: a request is incomplete without them. */
export function missingDocuments(definition: RuleDefinition, documents: Record<string, readonly unknown[] | undefined>): Indicator[] {
  return definition.indicators.filter((ind) => ind.required && ind.evidence && !documents[ind.key]?.length);
}
