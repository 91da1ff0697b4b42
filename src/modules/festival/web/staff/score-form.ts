// A judge's scores of one entry as his form holds them (each criterion's score as chosen — '' before — and its
// comment), and the pure steps around it (unit-tested): the form of a saved score, the choices of a criterion (0..max
// in halves), the live weighted total (Σ weight × score / max, as the server computes it), and the body the API takes
// with the form's findings by criterion.
import type { JudgeEntryView } from '../../api-types.js';
import type { RubricCriterion, ScoreInput } from '../../contract.js';
import { jfa } from './fa-owner.js';

export type ScoreForm = Record<string, { score: string; comment: string }>;

/** The form of his saved score (or an empty one), a row per criterion of the rubric. */
export function scoreFormOf(rubric: readonly RubricCriterion[], saved: JudgeEntryView['score']): ScoreForm {
  return Object.fromEntries(
    rubric.map((c) => {
      const s = saved?.criteria[c.key];
      return [c.key, { score: s ? String(s.score) : '', comment: s?.comment ?? '' }];
    }),
  );
}

/** 0, 0.5, 1, … max. */
export function halfSteps(max: number): number[] {
  return Array.from({ length: Math.floor(max * 2) + 1 }, (_, i) => i / 2);
}

/** Σ weight × score / max over the criteria scored so far (0..100), and how many are scored. */
export function liveTotal(rubric: readonly RubricCriterion[], form: ScoreForm): { total: number; scored: number } {
  let total = 0;
  let scored = 0;
  for (const c of rubric) {
    const raw = form[c.key]?.score ?? '';
    if (raw === '') continue;
    const v = Number(raw);
    if (!Number.isFinite(v)) continue;
    total += (c.weight * v) / c.max;
    scored++;
  }
  return { total: Math.round(total * 100) / 100, scored };
}

/** The criteria as the API takes them; `errors` gets `${key}.score` / `${key}.comment` for what is missing. */
export function scoreBody(rubric: readonly RubricCriterion[], form: ScoreForm, errors: Record<string, string>): ScoreInput['criteria'] {
  const out: ScoreInput['criteria'] = {};
  for (const c of rubric) {
    const row = form[c.key] ?? { score: '', comment: '' };
    const v = row.score === '' ? NaN : Number(row.score);
    if (!Number.isFinite(v) || v < 0 || v > c.max || !Number.isInteger(v * 2)) errors[`${c.key}.score`] = jfa.score.scoreRequired;
    if (!row.comment.trim()) errors[`${c.key}.comment`] = jfa.score.commentRequired;
    out[c.key] = { score: Number.isFinite(v) ? v : 0, comment: row.comment.trim() };
  }
  return out;
}
