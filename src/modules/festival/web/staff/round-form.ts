// A round's settings as the secretariat's editor holds them (numbers as typed strings), and the pure steps between
// that form and the API: a new round's defaults, the form of a saved round, each axis's running weight total, fresh
// keys for what he adds (keys are never typed: they are Latin), which fields are locked once the round is open, and
// the body the API takes with the form's own findings by path (the server checks again).
import { parseJalaliDate } from '../../../../core/fa/jalali.js';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import type { RoundView } from '../../api-types.js';
import type { RoundInputRaw } from '../../contract.js';
import { DEFAULT_AXES, DEFAULT_DISAGREEMENT_THRESHOLD, DEFAULT_JUDGES_PER_ENTRY, DEFAULT_RUBRIC, type OptionalPart } from '../../enums.js';
import { rfa } from './fa-round.js';

export interface CriterionForm {
  key: string;
  title: string;
  weight: string;
  max: string;
}
export interface AxisForm {
  key: string;
  title: string;
  categories: { key: string; title: string }[];
  rubric: CriterionForm[];
}
export interface RoundForm {
  year: string;
  title: string;
  opensOn: string;
  deadline: string;
  axes: AxisForm[];
  requiredParts: OptionalPart[];
  requiredDocuments: { key: string; title: string }[];
  judgesPerEntry: string;
  disagreementThreshold: string;
}

const e = rfa.errors;
const str = (n: number) => String(n);
const num = (raw: string): number | null => (raw.trim() === '' || raw === '.' ? null : Number(raw));

/** A new round of a Jalali year: the two axes of the festival with their categories and the default rubric. */
export function defaultRoundForm(year: number): RoundForm {
  return {
    year: str(year),
    title: rfa.defaultTitle(toPersianDigits(year)),
    opensOn: '',
    deadline: '',
    axes: DEFAULT_AXES.map((a) => ({
      key: a.key,
      title: a.title,
      categories: a.categories.map((c) => ({ key: c.key, title: c.title })),
      rubric: DEFAULT_RUBRIC.map((c) => ({ key: c.key, title: c.title, weight: str(c.weight), max: str(c.max) })),
    })),
    requiredParts: ['jobs', 'photos', 'contact'],
    requiredDocuments: [],
    judgesPerEntry: str(DEFAULT_JUDGES_PER_ENTRY),
    disagreementThreshold: str(DEFAULT_DISAGREEMENT_THRESHOLD),
  };
}

/** The form of a saved round. */
export function roundFormOf(r: RoundView): RoundForm {
  return {
    year: str(r.year),
    title: r.title,
    opensOn: r.opensOn,
    deadline: r.deadline,
    axes: r.axes.map((a) => ({
      key: a.key,
      title: a.title,
      categories: a.categories.map((c) => ({ ...c })),
      rubric: a.rubric.map((c) => ({ key: c.key, title: c.title, weight: str(c.weight), max: str(c.max) })),
    })),
    requiredParts: [...r.requiredParts],
    requiredDocuments: r.requiredDocuments.map((d) => ({ ...d })),
    judgesPerEntry: str(r.judgesPerEntry),
    disagreementThreshold: str(r.disagreementThreshold),
  };
}

/** The sum of an axis's criterion weights as typed (what is not a number counts 0). */
export function weightTotal(axis: Pick<AxisForm, 'rubric'>): number {
  return axis.rubric.reduce((s, c) => s + (Number.isFinite(num(c.weight) ?? 0) ? (num(c.weight) ?? 0) : 0), 0);
}

/** A key not among `taken`: `${prefix}${n}` with the smallest n from 1 (lower-case Latin, as the API wants keys). */
export function freshKey(prefix: string, taken: readonly string[]): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** What the form may change: everything in draft, title/deadline/rubric while open (before judging), nothing after. */
export type Editable = RoundView['editable'];
export type RoundField = 'year' | 'title' | 'dates.opensOn' | 'dates.deadline' | 'axes' | 'rubric' | 'requirements' | 'judging';
export function canChange(editable: Editable, field: RoundField): boolean {
  if (editable === 'all') return true;
  if (editable === 'none') return false;
  return field === 'title' || field === 'dates.deadline' || field === 'rubric';
}

function whole(raw: string, min: number, max: number, path: string, errors: Record<string, string>): number {
  const v = num(raw);
  if (v === null || !Number.isInteger(v) || v < min || v > max) errors[path] = e.wholeRange(toPersianDigits(min), toPersianDigits(max));
  return v ?? 0;
}

/** The body of POST/PUT (without the version); `errors` gets the form's findings by path. */
export function roundBody(f: RoundForm, errors: Record<string, string>): RoundInputRaw {
  const year = whole(f.year, 1400, 1500, 'year', errors);
  if (!f.title.trim()) errors.title = e.required;
  const opens = parseJalaliDate(f.opensOn);
  const deadline = parseJalaliDate(f.deadline);
  if (!opens) errors.opensOn = f.opensOn ? e.date : e.required;
  if (!deadline) errors.deadline = f.deadline ? e.date : e.required;
  if (opens && deadline && opens.getTime() > deadline.getTime()) errors.deadline = e.deadlineBeforeOpen;
  if (f.axes.length === 0) errors.axes = e.noAxes;
  const axes = f.axes.map((a, i) => {
    const p = `axes.${i}`;
    if (!a.title.trim()) errors[`${p}.title`] = e.required;
    a.categories.forEach((c, j) => {
      if (!c.title.trim()) errors[`${p}.categories.${j}.title`] = e.required;
    });
    if (a.rubric.length === 0) errors[`${p}.rubric`] = e.noCriteria;
    const rubric = a.rubric.map((c, j) => {
      if (!c.title.trim()) errors[`${p}.rubric.${j}.title`] = e.required;
      return { key: c.key, title: c.title.trim(), weight: whole(c.weight, 1, 100, `${p}.rubric.${j}.weight`, errors), max: whole(c.max, 2, 100, `${p}.rubric.${j}.max`, errors) };
    });
    if (a.rubric.length > 0 && weightTotal(a) !== 100) errors[`${p}.rubric`] = e.weightTotal(toPersianDigits(weightTotal(a)));
    return { key: a.key, title: a.title.trim(), categories: a.categories.map((c) => ({ key: c.key, title: c.title.trim() })), rubric };
  });
  f.requiredDocuments.forEach((d, j) => {
    if (!d.title.trim()) errors[`requiredDocuments.${j}.title`] = e.required;
  });
  const judgesPerEntry = whole(f.judgesPerEntry, 3, 7, 'judgesPerEntry', errors);
  const threshold = num(f.disagreementThreshold);
  if (threshold === null || !(threshold >= 0.5 && threshold <= 4)) errors.disagreementThreshold = e.thresholdRange;
  return {
    year,
    title: f.title.trim(),
    axes,
    opensOn: f.opensOn,
    deadline: f.deadline,
    requiredParts: f.requiredParts,
    requiredDocuments: f.requiredDocuments.map((d) => ({ key: d.key, title: d.title.trim() })),
    judgesPerEntry,
    disagreementThreshold: threshold ?? 0,
  };
}
