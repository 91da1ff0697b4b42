// Is a plan ready to submit under its round's requirements? Pure: the form's meter and the server's refusal
// (422 `entry_incomplete`) run this same function, so they never disagree.
import type { Plan, RequiredDocument } from './contract.js';
import { PART_TITLES, type OptionalPart } from './enums.js';

/** What completeness needs of a round. */
export interface CompletenessRound {
  axes: readonly { key: string; categories: readonly { key: string }[] }[];
  requiredParts: readonly OptionalPart[];
  requiredDocuments: readonly RequiredDocument[];
}

export interface Completeness {
  ready: boolean;
  /** Persian names of what is still missing, in the form's order. */
  missing: string[];
  /** Share done, 0..100 (whole). */
  percent: number;
}

const filled = (s: string) => s.trim().length > 0;

/** Whether an optional part has something in it. */
export function partFilled(plan: Plan, part: OptionalPart): boolean {
  switch (part) {
    case 'problem':
    case 'partners':
    case 'lessons':
      return filled(plan[part]);
    case 'cost':
    case 'jobs':
    case 'incomePerYear':
    case 'beneficiaries':
    case 'investment':
      return plan[part] !== null;
    case 'funding':
    case 'figures':
    case 'photos':
      return plan[part].length > 0;
    case 'contact':
      return filled(plan.contactName) && plan.contactPhone !== '';
  }
}

/**
 * Checks a plan: the axis (one of the round's) and its category when the axis has categories, title, summary,
 * what was done, the village, every part the round requires and a file for each required document.
 */
export function entryCompleteness(plan: Plan, round: CompletenessRound, hasVillage: boolean): Completeness {
  const checks: [string, boolean][] = [];
  const axis = round.axes.find((a) => a.key === plan.axis);
  checks.push([PART_TITLES.axis, !!axis]);
  if (axis && axis.categories.length) checks.push(['زیرمحور', axis.categories.some((c) => c.key === plan.category)]);
  checks.push([PART_TITLES.village, hasVillage]);
  checks.push([PART_TITLES.title, filled(plan.title)]);
  checks.push([PART_TITLES.summary, filled(plan.summary)]);
  checks.push([PART_TITLES.actions, filled(plan.actions)]);
  for (const part of round.requiredParts) checks.push([PART_TITLES[part], partFilled(plan, part)]);
  for (const d of round.requiredDocuments) checks.push([d.title, (plan.documents[d.key]?.length ?? 0) > 0]);
  const missing = checks.filter(([, ok]) => !ok).map(([name]) => name);
  return { ready: missing.length === 0, missing, percent: Math.floor((100 * (checks.length - missing.length)) / checks.length) };
}
