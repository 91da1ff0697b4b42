// How ratings feed the qualification score: the bank's prior (mean of every rating, weight the median count), an
// instructor's Bayesian average as scoring reads it, and re-evaluating the approved scores of a profile with his
// current rating (after every trainee rating or organizer evaluation, and at a decision).
import { eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../../core/db/client.js';
import { jalaliParts } from '../../../core/fa/jalali.js';
import { bayesianAverage, ratingPrior } from '../rating.js';
import { NEUTRAL_RATING, scoreFields, type RatingInput, type ScoredProfile } from '../scoring.js';
import type { FieldScore } from '../api-types.js';
import type { CriteriaDefinition, FieldReview } from '../contract.js';
import { currentCriteria, getCriteria } from './criteria.js';
import { taxonomy } from './fields.js';
import { instApplications, instProfiles } from './schema.js';

export type ProfileRow = typeof instProfiles.$inferSelect;
export interface Prior {
  mean: number;
  weight: number;
}

/**
 * The prior of the Bayesian average over every rated instructor: the mean of all ratings and the median number of
 * ratings per rated instructor. Nobody rated yet: the middle of the scale with no weight.
 */
export async function bankPrior(db: DbOrTx): Promise<Prior> {
  const rated = await db.select({ sum: instProfiles.ratingSum, count: instProfiles.ratingCount }).from(instProfiles).where(gt(instProfiles.ratingCount, 0));
  if (!rated.length) return { mean: NEUTRAL_RATING, weight: 0 };
  return ratingPrior(rated);
}

/** What scoring reads of an instructor's rating: his Bayesian average (the prior's mean when unrated) and his count. */
export function ratingInputOf(profile: Pick<ProfileRow, 'ratingSum' | 'ratingCount'>, prior: Prior): RatingInput {
  return { average: bayesianAverage({ sum: profile.ratingSum, count: profile.ratingCount }, prior), count: profile.ratingCount };
}

/** His rating as the screens show it: null average until he has a rating of his own. */
export function ratingView(profile: Pick<ProfileRow, 'ratingSum' | 'ratingCount'>, prior: Prior): { average: number | null; count: number } {
  const count = profile.ratingCount;
  return { average: count > 0 ? Math.round(ratingInputOf(profile, prior).average * 100) / 100 : null, count: Math.round(count * 100) / 100 };
}

/** The Jalali year experience is counted up to for an application filed at `at` (open jobs run to it). */
export const scoringYear = (at: Date): number => jalaliParts(at).year;

/** Scores of `fields` of a profile (or snapshot) under a criteria definition, with a reviewer's adjustments. */
export async function scoreProfile(
  db: DbOrTx,
  def: CriteriaDefinition,
  data: ScoredProfile,
  fields: readonly string[],
  rating: RatingInput,
  at: Date,
  review: Record<string, Pick<FieldReview, 'adjustments'>> = {},
): Promise<FieldScore[]> {
  return scoreFields(def, data, fields, await taxonomy(db), { rating, year: scoringYear(at) }, review);
}

/**
 * Re-evaluates a profile's approved scores with his current rating and writes `scores` and `bestScore`: the snapshot,
 * the expert's adjustments and the criteria version of the application whose decision is in force, for the qualified
 * fields. A profile qualified without such an application (imported, test data) is scored from its saved data under
 * the criteria in force now. Not qualified in anything: no scores. Call it in the transaction that changed the
 * rating (or the qualification).
 */
export async function recomputeScores(tx: DbOrTx, profileId: number): Promise<Record<string, number>> {
  const [p] = await tx.select().from(instProfiles).where(eq(instProfiles.id, profileId));
  if (!p) return {};
  let scores: Record<string, number> = {};
  if (p.qualifiedFields.length) {
    const rating = ratingInputOf(p, await bankPrior(tx));
    const [app] = p.decisionApplicationId ? await tx.select().from(instApplications).where(eq(instApplications.id, p.decisionApplicationId)) : [];
    const criteria = app ? await getCriteria(tx, app.criteriaSetId) : await currentCriteria(tx);
    const found = app
      ? await scoreProfile(tx, criteria!.definition, app.snapshot, p.qualifiedFields, rating, app.createdAt, app.review)
      : await scoreProfile(tx, criteria!.definition, p.data, p.qualifiedFields, rating, new Date());
    scores = Object.fromEntries(found.map((s) => [s.field, s.total]));
  }
  const values = Object.values(scores);
  await tx.update(instProfiles).set({ scores, bestScore: values.length ? Math.max(...values) : null }).where(eq(instProfiles.id, profileId));
  return scores;
}
