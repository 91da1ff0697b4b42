// Pure helpers of the plan form (PlanForm.tsx): the form's state (what was typed, numbers as text), the state from a
// saved plan, the plan the form sends (and the completeness meter reads), the light client checks (the server's
// contract is the authority) and the mapping of the server's field errors to the form's fields. Error keys are the
// plan's paths without `plan.` ('title', 'funding.0.amount', 'documents.approval') and 'village'.
import { toAsciiDigits } from '../../../../core/fa/normalize.js';
import { fieldErrors } from '../../../../web/api.js';
import type { Plan } from '../../contract.js';
import type { FundingSource } from '../../titles.js';
import { planFa } from './fa-plan.js';

export type Errors = Record<string, string>;

export interface FundingRow { key: string; source: FundingSource | ''; amount: string }
export interface FigureRow { key: string; label: string; unit: string; before: string; after: string }

export interface FormState {
  axis: string;
  category: string;
  title: string;
  summary: string;
  problem: string;
  actions: string;
  partners: string;
  /** numbers as typed, ASCII digits ('' for none) */
  startYear: string;
  cost: string;
  funding: FundingRow[];
  jobs: string;
  incomePerYear: string;
  beneficiaries: string;
  investment: string;
  figures: FigureRow[];
  lessons: string;
  contactName: string;
  contactPhone: string;
  photos: string[];
  documents: Record<string, string[]>;
}

export type NumberKey = 'startYear' | 'cost' | 'jobs' | 'incomePerYear' | 'beneficiaries' | 'investment';

/** Digits allowed in each whole-number field (rials up to 10^15, counts up to 10^7, a year). */
export const NUMBER_DIGITS: Record<NumberKey, number> = { startYear: 4, cost: 15, jobs: 8, incomePerYear: 15, beneficiaries: 8, investment: 15 };
export const MAX_FUNDING = 10;
export const MAX_FIGURES = 10;

let seq = 0;
/** A key for a new row (React's list key; never sent). */
export const rowKey = () => `r${++seq}`;

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** The form's state: empty for a new plan, or the saved one. */
export function stateFrom(plan: Plan | null): FormState {
  return {
    axis: plan?.axis ?? '',
    category: plan?.category ?? '',
    title: plan?.title ?? '',
    summary: plan?.summary ?? '',
    problem: plan?.problem ?? '',
    actions: plan?.actions ?? '',
    partners: plan?.partners ?? '',
    startYear: text(plan?.startYear),
    cost: text(plan?.cost),
    funding: (plan?.funding ?? []).map((f) => ({ key: rowKey(), source: f.source, amount: text(f.amount) })),
    jobs: text(plan?.jobs),
    incomePerYear: text(plan?.incomePerYear),
    beneficiaries: text(plan?.beneficiaries),
    investment: text(plan?.investment),
    figures: (plan?.figures ?? []).map((f) => ({ key: rowKey(), label: f.label, unit: f.unit, before: text(f.before), after: text(f.after) })),
    lessons: plan?.lessons ?? '',
    contactName: plan?.contactName ?? '',
    contactPhone: plan?.contactPhone ?? '',
    photos: [...(plan?.photos ?? [])],
    documents: Object.fromEntries(Object.entries(plan?.documents ?? {}).map(([k, v]) => [k, [...v]])),
  };
}

/** A whole number as typed ('' → null). */
export function wholeOrNull(s: string): number | null {
  const t = toAsciiDigits(s).trim();
  return /^\d{1,16}$/.test(t) ? Number(t) : null;
}

/** A decimal as typed, possibly negative ('−۳٫۵', '-3.5', '1500'); null when it is not a number. */
export function decimalOrNull(s: string): number | null {
  const t = toAsciiDigits(s).trim().replace(/[٫,]/g, '.').replace(/^[−–]/, '-');
  return /^-?\d{1,13}(\.\d{1,4})?$/.test(t) ? Number(t) : null;
}

/** What was typed in a decimal box, kept as ASCII: digits, one point, a leading minus. */
export function decimalTyped(s: string): string {
  const t = toAsciiDigits(s).replace(/[٫,/]/g, '.').replace(/^[−–]/, '-');
  const neg = t.startsWith('-');
  const [int = '', ...rest] = t.replace(/[^\d.]/g, '').split('.');
  const body = rest.length ? `${int.slice(0, 13)}.${rest.join('').slice(0, 4)}` : int.slice(0, 13);
  return neg ? `-${body}` : body;
}

/** The plan the form sends (and the completeness meter reads): trimmed text, numbers or null, rows as typed. */
export function planFrom(s: FormState): Plan {
  return {
    axis: s.axis,
    category: s.category,
    title: s.title.trim(),
    summary: s.summary.trim(),
    problem: s.problem.trim(),
    actions: s.actions.trim(),
    partners: s.partners.trim(),
    startYear: wholeOrNull(s.startYear),
    cost: wholeOrNull(s.cost),
    funding: s.funding.map((f) => ({ source: f.source as FundingSource, amount: wholeOrNull(f.amount) as number })),
    jobs: wholeOrNull(s.jobs),
    incomePerYear: wholeOrNull(s.incomePerYear),
    beneficiaries: wholeOrNull(s.beneficiaries),
    investment: wholeOrNull(s.investment),
    figures: s.figures.map((f) => ({ label: f.label.trim(), unit: f.unit.trim(), before: decimalOrNull(f.before) as number, after: decimalOrNull(f.after) as number })),
    lessons: s.lessons.trim(),
    contactName: s.contactName.trim(),
    contactPhone: toAsciiDigits(s.contactPhone).replace(/[\s\-()]/g, ''),
    photos: [...s.photos],
    documents: Object.fromEntries(Object.entries(s.documents).filter(([, v]) => v.length > 0)),
  };
}

/**
 * What the form can tell before sending a draft: the malformed (a half-filled row, a bad phone, a year out of range).
 * Missing parts are not errors in a draft; the completeness meter lists them.
 */
export function validate(s: FormState): Errors {
  const e: Errors = {};
  const year = wholeOrNull(s.startYear);
  if (s.startYear.trim() && (year === null || year < 1350 || year > 1500)) e.startYear = planFa.startYearInvalid;
  s.funding.forEach((f, i) => {
    if (!f.source) e[`funding.${i}.source`] = planFa.required;
    if (wholeOrNull(f.amount) === null) e[`funding.${i}.amount`] = planFa.required;
  });
  s.figures.forEach((f, i) => {
    if (!f.label.trim()) e[`figures.${i}.label`] = planFa.required;
    if (!f.before.trim()) e[`figures.${i}.before`] = planFa.required;
    else if (decimalOrNull(f.before) === null) e[`figures.${i}.before`] = planFa.figureInvalid;
    if (!f.after.trim()) e[`figures.${i}.after`] = planFa.required;
    else if (decimalOrNull(f.after) === null) e[`figures.${i}.after`] = planFa.figureInvalid;
  });
  const phone = toAsciiDigits(s.contactPhone).replace(/[\s\-()]/g, '');
  if (phone && !/^0\d{10}$/.test(phone)) e.contactPhone = planFa.phoneInvalid;
  return e;
}

/**
 * Server field errors → this form's fields: `plan.` is dropped; a row's field keeps its path ('funding.2.amount');
 * an error on a whole row lands on its list; a document list on its upload ('documents.approval'); `villageId` on
 * the village.
 */
export function mapServerErrors(err: unknown): Errors {
  const mapped: Errors = {};
  for (const [raw, msg] of Object.entries(fieldErrors(err))) {
    const path = raw.replace(/^plan\.?/, '');
    let key: string;
    if (path.startsWith('villageId')) key = 'village';
    else {
      const row = /^(funding|figures)\.(\d+)\.(\w+)/.exec(path);
      const doc = /^documents\.(\w+)/.exec(path);
      if (row) key = `${row[1]}.${row[2]}.${row[3]}`;
      else if (doc) key = `documents.${doc[1]}`;
      else key = path.split('.')[0] || 'form';
    }
    mapped[key] ??= msg;
  }
  return mapped;
}
