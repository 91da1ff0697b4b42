// Combining trainees' ratings of instructors so that few ratings do not outrank many.

/**
 * The Bayesian average of one instructor's ratings: (C·m + Σ ratings) / (C + n), where m is the mean rating over all
 * instructors and C the prior weight (how many ratings at the mean the instructor is assumed to have before his own).
 * With no ratings it is m; as ratings accumulate it moves to his own mean.
 */
export function bayesianAverage(ratings: { sum: number; count: number }, prior: { mean: number; weight: number }): number {
  if (!(ratings.count >= 0) || !(prior.weight >= 0)) throw new RangeError('counts and weights must be ≥ 0');
  if (ratings.count + prior.weight === 0) return prior.mean;
  return (prior.weight * prior.mean + ratings.sum) / (prior.weight + ratings.count);
}

/** The prior of a population: the mean of every rating, and a weight (default: the median number of ratings per instructor). */
export function ratingPrior(perInstructor: { sum: number; count: number }[], weight?: number): { mean: number; weight: number } {
  const total = perInstructor.reduce((a, r) => ({ sum: a.sum + r.sum, count: a.count + r.count }), { sum: 0, count: 0 });
  const counts = perInstructor.map((r) => r.count).sort((a, b) => a - b);
  const median = counts.length ? (counts.length % 2 ? counts[(counts.length - 1) / 2]! : (counts[counts.length / 2 - 1]! + counts[counts.length / 2]!) / 2) : 0;
  return { mean: total.count ? total.sum / total.count : 0, weight: weight ?? median };
}
