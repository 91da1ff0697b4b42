// "Similar plans" for the festival's public showcase (issue 8): pure text similarity over selected plans.
//
// This file must stay pure: no database, no Node built-ins, no user-facing strings. The server can rank similar plans
// for a plan page and the web client can import the very same code, so both always agree.

import { normalizeFa } from '../../core/fa/normalize.js';
import { sameAncestor } from '../../core/org/path.js';

/** A plan as seen by the similarity ranking. */
export interface SimilarPlanInput {
  id: string;
  axis: string;
  category: string | null;
  /** Materialized division path of the plan's province (or deeper), e.g. '/3/' or '/3/41/270/'. */
  provincePath: string;
  /** Title + summary + what was done, concatenated; any Persian/Arabic spelling, digits or half-spaces. */
  text: string;
}

export interface SimilarPlan {
  id: string;
  score: number;
}

/**
 * Persian stop words, already in `normalizeFa` form (Persian ی/ک, no half-spaces). Words of one letter (e.g. و) are
 * dropped by the length rule anyway but are listed so the list reads as what it is. Plural suffixes written after a
 * half-space (گلخانه‌ها) become separate tokens after normalization (ZWNJ → space), hence ها / های here.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    'و', 'در', 'به', 'از', 'که', 'این', 'آن', 'را', 'با', 'برای', 'تا', 'یک', 'است', 'بود', 'شد', 'شده', 'شود',
    'می', 'نمی', 'های', 'ها', 'هایی', 'ای', 'یا', 'هم', 'نیز', 'بر', 'اما', 'ولی', 'اگر', 'پس', 'چون', 'همه', 'هر',
    'دیگر', 'خود', 'ما', 'من', 'او', 'آنها', 'ایشان', 'کرد', 'کرده', 'کند', 'کنند', 'کردن', 'دارد', 'داشت', 'بین',
    'روی', 'پیش', 'پی', 'طی', 'توسط', 'نیست', 'باید', 'بوده', 'گردید', 'گیرد', 'چه', 'چند', 'همین', 'همان', 'وی',
  ].map(normalizeFa),
);

/**
 * Bonuses added to the text (cosine) similarity, which lies in [0, 1]. They are small on purpose: text decides, and
 * the bonuses only break near-ties in favour of plans from the same axis, the same sub-category, and the same province
 * (so that nearby experiences, which a dehyari can visit and replicate most easily, surface first). The largest
 * possible score is therefore 1 + 0.1 + 0.05 + 0.05 = 1.2.
 */
export const SIMILARITY_BONUS = {
  sameAxis: 0.1,
  /** Only when both categories are non-null and equal. */
  sameCategory: 0.05,
  /** Same first node of the materialized path (the province), see `sameAncestor`. */
  sameProvince: 0.05,
} as const;

// Scores are rounded to this many decimals, so that mathematically equal scores computed along slightly different
// floating-point paths compare equal and the tie-break by id decides, deterministically.
const SCORE_DECIMALS = 1e12;

/**
 * Splits a text into search tokens: `normalizeFa` first (so Arabic ي/ك, Persian/Arabic digits, half-spaces and
 * diacritics do not matter), then split on anything that is not a letter, combining mark or digit, then drop stop words
 * (`STOP_WORDS`) and tokens shorter than 2 characters (code points). Order and duplicates are kept.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const token of normalizeFa(text).split(/[^\p{L}\p{M}\p{N}]+/u)) {
    if ([...token].length < 2) continue;
    if (STOP_WORDS.has(token)) continue;
    out.push(token);
  }
  return out;
}

type Vector = Map<string, number>;

function termCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Unit-length TF-IDF vector (sublinear tf: 1 + ln count); an empty text gives an empty vector. */
function tfidf(counts: ReadonlyMap<string, number>, idf: ReadonlyMap<string, number>): Vector {
  const v: Vector = new Map();
  let norm2 = 0;
  for (const [term, count] of counts) {
    const w = (1 + Math.log(count)) * (idf.get(term) ?? 0);
    if (w <= 0) continue;
    v.set(term, w);
    norm2 += w * w;
  }
  const norm = Math.sqrt(norm2);
  if (norm > 0) for (const [term, w] of v) v.set(term, w / norm);
  return v;
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) {
    const other = large.get(term);
    if (other !== undefined) dot += w * other;
  }
  // Both vectors have unit length (or are empty), so the dot product is the cosine; clamp floating-point overshoot.
  return Math.min(1, Math.max(0, dot));
}

/**
 * The plans most similar to `target`, best first, at most `limit` of them.
 *
 * - Collection: `plans` plus `target` (the target's own document counts once, even when it is also in `plans`;
 *   among plans sharing an id only the first is used). IDF comes from this collection only:
 *   idf(t) = ln((1 + N) / (1 + df(t))) + 1 (smoothed, so a word found in every plan still weighs a little).
 * - Text score: cosine similarity of the TF-IDF vectors (tf = 1 + ln count) of `tokenize(text)`, in [0, 1].
 * - Score = text score + the `SIMILARITY_BONUS`es that apply (same axis, same non-null category, same province).
 * - The target (any plan with the target's id) is never returned; plans with a score of 0 (nothing in common) are
 *   left out; ties are broken by id (ascending, by UTF-16 code units, independent of locale).
 *
 * `limit` must be a non-negative integer (RangeError otherwise); 0 gives [].
 */
export function similarPlans(
  target: SimilarPlanInput,
  plans: readonly SimilarPlanInput[],
  limit = 4,
): SimilarPlan[] {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a non-negative integer, got ${limit}`);
  if (limit === 0) return [];

  const candidates: SimilarPlanInput[] = [];
  const seen = new Set<string>([target.id]);
  for (const p of plans) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    candidates.push(p);
  }
  if (candidates.length === 0) return [];

  const targetCounts = termCounts(tokenize(target.text));
  const candidateCounts = candidates.map((p) => termCounts(tokenize(p.text)));
  const df = new Map<string, number>();
  for (const counts of [targetCounts, ...candidateCounts]) {
    for (const term of counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const n = candidates.length + 1;
  const idf = new Map<string, number>();
  for (const [term, d] of df) idf.set(term, Math.log((1 + n) / (1 + d)) + 1);

  const targetVector = tfidf(targetCounts, idf);
  const scored: SimilarPlan[] = [];
  candidates.forEach((p, i) => {
    let score = cosine(targetVector, tfidf(candidateCounts[i]!, idf));
    if (p.axis === target.axis) score += SIMILARITY_BONUS.sameAxis;
    if (p.category !== null && p.category === target.category) score += SIMILARITY_BONUS.sameCategory;
    if (sameAncestor(p.provincePath, target.provincePath, 1)) score += SIMILARITY_BONUS.sameProvince;
    score = Math.round(score * SCORE_DECIMALS) / SCORE_DECIMALS;
    if (score > 0) scored.push({ id: p.id, score });
  });

  scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, limit);
}
