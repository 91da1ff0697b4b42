// Pure judging math for the festival of selected dehyari plans (issue 8).
//
// This file must stay pure: no database, no Node built-ins, no user-facing strings. The server uses it to compute
// rankings and agreement reports, and the web client can import the very same code to preview them, so both always
// agree on the numbers.

export interface RawScore {
  judge: string;
  entry: string;
  score: number;
}

export interface NormalizedScore extends RawScore {
  z: number;
}

// A judge's spread counts as zero when it is this small relative to the scale of his scores. An exact `=== 0` test is
// not enough: the mean of identical values such as 0.1, 0.1, 0.1 is not exactly 0.1 in floating point, and dividing a
// 1e-17 "spread" into 1e-17 deviations would give meaningless z-scores of ±1.
const RELATIVE_EPSILON = 1e-12;

function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number, got ${value}`);
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

// ---------------------------------------------------------------------------------------------------------------------
// 1. Per-judge normalization
// ---------------------------------------------------------------------------------------------------------------------

/**
 * Converts each judge's scores to z-scores against that judge's own mean and standard deviation, so a harsh (or
 * lenient, or narrow-ranged) judge does not sink (or lift) the entries he happened to be assigned.
 *
 * - Standard deviation: the POPULATION sd (divide by n). We are not estimating a judge's sd in some wider population
 *   of hypothetical entries; we are re-expressing the finite, fully observed set of scores he actually gave. With the
 *   population sd each judge's z-scores have exactly mean 0 and sd 1, so every judge carries the same weight. (The
 *   sample sd would merely shrink all z-scores of a judge by sqrt((n-1)/n), a factor that depends on how many entries
 *   he was given — an arbitrary penalty for judges with small loads.)
 * - A judge with a single score, or whose scores are all equal, carries no information about relative quality: his
 *   z-scores are all 0 (neutral), rather than NaN or an arbitrary blow-up.
 * - Each (judge, entry) pair must appear once: criterion scores are expected to be combined into one weighted score
 *   per judge and entry before calling this. A duplicate is a caller bug and throws.
 * - Output preserves the input order.
 */
export function normalizeScores(scores: readonly RawScore[]): NormalizedScore[] {
  const byJudge = new Map<string, number[]>();
  const seen = new Set<string>();
  for (const s of scores) {
    assertFinite(s.score, `score of judge ${s.judge} for entry ${s.entry}`);
    // JSON of the pair avoids collisions between ids that contain a separator character.
    const key = JSON.stringify([s.judge, s.entry]);
    if (seen.has(key)) throw new Error(`duplicate score of judge ${s.judge} for entry ${s.entry}`);
    seen.add(key);
    const list = byJudge.get(s.judge);
    if (list) list.push(s.score);
    else byJudge.set(s.judge, [s.score]);
  }

  const stats = new Map<string, { mean: number; sd: number }>();
  for (const [judge, values] of byJudge) {
    const m = mean(values);
    // Two-pass (centered) variance: numerically stable, unlike E[x²] − E[x]².
    let ss = 0;
    let scale = 0;
    for (const v of values) {
      ss += (v - m) ** 2;
      scale = Math.max(scale, Math.abs(v));
    }
    const sd = Math.sqrt(ss / values.length);
    stats.set(judge, { mean: m, sd: sd <= RELATIVE_EPSILON * Math.max(1, scale) ? 0 : sd });
  }

  return scores.map((s) => {
    const st = stats.get(s.judge)!;
    return { judge: s.judge, entry: s.entry, score: s.score, z: st.sd === 0 ? 0 : (s.score - st.mean) / st.sd };
  });
}

export interface EntryMean {
  entry: string;
  /** Mean of the judges' z-scores: the fair basis for ranking. */
  meanZ: number;
  /** Mean of the raw scores: shown alongside, since people read raw points more easily. */
  rawMean: number;
  /** Number of judges who scored the entry. */
  judges: number;
}

/** Per-entry summary of normalized scores, sorted by entry id so the result is deterministic. */
export function entryMeans(normalized: readonly NormalizedScore[]): EntryMean[] {
  const acc = new Map<string, { z: number; raw: number; judges: Set<string> }>();
  for (const s of normalized) {
    let a = acc.get(s.entry);
    if (!a) {
      a = { z: 0, raw: 0, judges: new Set() };
      acc.set(s.entry, a);
    }
    a.z += s.z;
    a.raw += s.score;
    a.judges.add(s.judge);
  }
  // Divide by the number of scores (equal to the number of judges, since normalizeScores rejects duplicates).
  return [...acc.entries()]
    .sort(([a], [b]) => compareIds(a, b))
    .map(([entry, a]) => ({ entry, meanZ: a.z / a.judges.size, rawMean: a.raw / a.judges.size, judges: a.judges.size }));
}

// ---------------------------------------------------------------------------------------------------------------------
// 2. Inter-judge agreement: intraclass correlation (Shrout & Fleiss 1979)
// ---------------------------------------------------------------------------------------------------------------------

export interface IccResult {
  /** Number of targets (entries, rows). */
  n: number;
  /** Number of judges (columns). */
  k: number;
  /** Between-targets mean square (BMS). */
  bms: number;
  /** Within-target mean square (WMS, one-way model). */
  wms: number;
  /** Between-judges mean square (JMS). */
  jms: number;
  /** Residual mean square (EMS, two-way model). */
  ems: number;
  // Each coefficient is null when its denominator is zero (e.g. every score identical): agreement is then undefined,
  // and a made-up 0 or 1 would be misleading in a report. Values can be negative (worse-than-chance agreement); they
  // are not clamped, because clamping hides a real signal about the judging.
  icc1_1: number | null;
  icc2_1: number | null;
  icc3_1: number | null;
  icc1_k: number | null;
  icc2_k: number | null;
  icc3_k: number | null;
}

function ratio(num: number, den: number, scale: number): number | null {
  // Denominators that are zero up to rounding count as zero (see RELATIVE_EPSILON).
  if (Math.abs(den) <= RELATIVE_EPSILON * Math.max(1, scale)) return null;
  return num / den;
}

/**
 * Shrout & Fleiss (1979) intraclass correlations for a complete matrix: rows are entries (targets), columns are judges.
 *   ICC(1,1) = (BMS − WMS) / (BMS + (k−1)·WMS)                    one-way random: each entry by different judges
 *   ICC(2,1) = (BMS − EMS) / (BMS + (k−1)·EMS + k·(JMS − EMS)/n)   two-way random: judges a sample of a judge pool
 *   ICC(3,1) = (BMS − EMS) / (BMS + (k−1)·EMS)                    two-way mixed: these judges only (consistency)
 *   ICC(1,k) = (BMS − WMS) / BMS
 *   ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS)/n)
 *   ICC(3,k) = (BMS − EMS) / BMS
 * The ",k" forms are the reliability of the mean of the k judges, which is what the ranking actually uses.
 * Returns null when there are fewer than 2 entries or 2 judges (no variance to partition). Throws on a ragged matrix
 * or a non-finite value, both caller bugs.
 */
export function icc(matrix: readonly (readonly number[])[]): IccResult | null {
  const n = matrix.length;
  const k = matrix[0]?.length ?? 0;
  for (const row of matrix) {
    if (row.length !== k) throw new Error('icc: matrix must be rectangular (every entry scored by every judge)');
    for (const v of row) assertFinite(v, 'icc: matrix value');
  }
  if (n < 2 || k < 2) return null;

  let total = 0;
  let scale = 0;
  for (const row of matrix) for (const v of row) {
    total += v;
    scale = Math.max(scale, Math.abs(v));
  }
  const grand = total / (n * k);
  const rowMeans = matrix.map((row) => mean(row));
  const colMeans = Array.from({ length: k }, (_, j) => mean(matrix.map((row) => row[j]!)));

  let ssTotal = 0;
  for (const row of matrix) for (const v of row) ssTotal += (v - grand) ** 2;
  let ssRows = 0;
  for (const m of rowMeans) ssRows += k * (m - grand) ** 2;
  let ssCols = 0;
  for (const m of colMeans) ssCols += n * (m - grand) ** 2;
  // Residual computed directly from the two-way decomposition x − rowMean − colMean + grand, not as a difference of
  // sums of squares, so it cannot come out slightly negative through cancellation.
  let ssErr = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) ssErr += (matrix[i]![j]! - rowMeans[i]! - colMeans[j]! + grand) ** 2;
  }
  const ssWithin = ssCols + ssErr; // = ssTotal − ssRows

  const bms = ssRows / (n - 1);
  const wms = ssWithin / (n * (k - 1));
  const jms = ssCols / (k - 1);
  const ems = ssErr / ((n - 1) * (k - 1));
  // Mean squares are on the scale of squared scores.
  const s2 = scale * scale;

  return {
    n,
    k,
    bms,
    wms,
    jms,
    ems,
    icc1_1: ratio(bms - wms, bms + (k - 1) * wms, s2),
    icc2_1: ratio(bms - ems, bms + (k - 1) * ems + (k * (jms - ems)) / n, s2),
    icc3_1: ratio(bms - ems, bms + (k - 1) * ems, s2),
    icc1_k: ratio(bms - wms, bms, s2),
    icc2_k: ratio(bms - ems, bms + (jms - ems) / n, s2),
    icc3_k: ratio(bms - ems, bms, s2),
  };
}

export interface IccFromScoresResult {
  /**
   * 'complete': every entry was scored by the same set of judges, so the full Shrout & Fleiss table is available in
   * `full`. 'incomplete': the usual festival design (each entry ≥3 judges out of many); only the one-way model is
   * meaningful, because with different judges per entry the judge effect cannot be separated from the error.
   */
  design: 'complete' | 'incomplete';
  entries: number;
  /** Distinct judges across all scores. */
  judges: number;
  /** Unbalanced-ANOVA effective group size n0 = (N − Σnᵢ²/N)/(a − 1); equals k for a complete design. */
  n0: number;
  /** Harmonic mean of judges per entry: the k used for the average-measures ICC(1,k). */
  kHarmonic: number;
  bms: number;
  wms: number;
  /** One-way single-judge ICC(1,1) with the unbalanced n0. */
  icc1_1: number | null;
  /** One-way average-measures ICC(1,k) by Spearman–Brown from ICC(1,1) at k = kHarmonic. */
  icc1_k: number | null;
  /** Full Shrout & Fleiss result when design is 'complete' (rows by entry id, columns by judge id). */
  full: IccResult | null;
}

/**
 * Agreement from a list of scores (usually the raw scores of one axis; pass z-scores as `score` to measure agreement
 * after removing each judge's harshness).
 *
 * Real festivals are incomplete designs: each entry has its own ≥3 judges out of a larger pool. There the one-way
 * random model — ICC(1) — is the right one (Shrout & Fleiss: "each target is rated by a different set of judges").
 * We compute it from a one-way ANOVA that allows unequal numbers of judges per entry:
 *   BMS = Σ nᵢ(m̄ᵢ − m̄)² / (a − 1),  WMS = Σᵢ Σⱼ (xᵢⱼ − m̄ᵢ)² / (N − a)
 *   ICC(1,1) = (BMS − WMS) / (BMS + (n0 − 1)·WMS),  n0 = (N − Σnᵢ²/N) / (a − 1)
 * (the standard unbalanced-ANOVA variance-component estimator; n0 = k when balanced, so this reduces exactly to
 * Shrout & Fleiss ICC(1,1)). For the average-measures value we apply Spearman–Brown with k = the HARMONIC mean of
 * judges per entry: the error variance of an entry's mean is σ²/nᵢ, and the average of 1/nᵢ is 1/harmonic-mean, so the
 * harmonic mean is the number of judges that an "average" entry's mean effectively rests on. (Spearman–Brown at k = n0
 * would give (BMS − WMS)/BMS; for a balanced design both coincide with ICC(1,k).)
 *
 * When every entry happens to share the same judge set, the full two-way table from `icc()` is also returned.
 * Entries with a single score are kept (they inform the between-entry variance, not the within). Returns null with
 * fewer than 2 entries or no within-entry replication (N − a < 1).
 */
export function iccFromScores(scores: readonly RawScore[]): IccFromScoresResult | null {
  const byEntry = new Map<string, Map<string, number>>();
  const allJudges = new Set<string>();
  for (const s of scores) {
    assertFinite(s.score, `score of judge ${s.judge} for entry ${s.entry}`);
    let m = byEntry.get(s.entry);
    if (!m) {
      m = new Map();
      byEntry.set(s.entry, m);
    }
    if (m.has(s.judge)) throw new Error(`duplicate score of judge ${s.judge} for entry ${s.entry}`);
    m.set(s.judge, s.score);
    allJudges.add(s.judge);
  }
  const a = byEntry.size;
  const N = scores.length;
  if (a < 2 || N - a < 1) return null;

  const groups = [...byEntry.values()].map((m) => [...m.values()]);
  let total = 0;
  let scale = 0;
  for (const g of groups) for (const v of g) {
    total += v;
    scale = Math.max(scale, Math.abs(v));
  }
  const grand = total / N;
  let ssb = 0;
  let ssw = 0;
  let sumN2 = 0;
  let sumInv = 0;
  for (const g of groups) {
    const m = mean(g);
    ssb += g.length * (m - grand) ** 2;
    for (const v of g) ssw += (v - m) ** 2;
    sumN2 += g.length ** 2;
    sumInv += 1 / g.length;
  }
  const bms = ssb / (a - 1);
  const wms = ssw / (N - a);
  const n0 = (N - sumN2 / N) / (a - 1);
  const kHarmonic = a / sumInv;
  const s2 = scale * scale;

  const icc1_1 = ratio(bms - wms, bms + (n0 - 1) * wms, s2);
  const icc1_k = icc1_1 === null ? null : ratio(kHarmonic * icc1_1, 1 + (kHarmonic - 1) * icc1_1, 1);

  // Complete design: every entry has exactly the full judge set.
  const judgeIds = [...allJudges].sort(compareIds);
  const complete = [...byEntry.values()].every((m) => m.size === judgeIds.length);
  let full: IccResult | null = null;
  if (complete) {
    const entryIds = [...byEntry.keys()].sort(compareIds);
    full = icc(entryIds.map((e) => judgeIds.map((j) => byEntry.get(e)!.get(j)!)));
  }

  return {
    design: complete ? 'complete' : 'incomplete',
    entries: a,
    judges: allJudges.size,
    n0,
    kHarmonic,
    bms,
    wms,
    icc1_1,
    icc1_k,
    full,
  };
}

// ---------------------------------------------------------------------------------------------------------------------
// 3. Disagreement flag
// ---------------------------------------------------------------------------------------------------------------------

export interface Disagreement {
  /** max − min of the entry's judges' z-scores. */
  spread: number;
  flagged: boolean;
}

/**
 * Flags an entry for discussion when its judges' z-scores are spread wider than `threshold`.
 *
 * Spread is the RANGE (max − min), not the sd: with the usual 3 judges an sd is a noisy, hard-to-read figure, while
 * "two judges placed this entry 2 standard deviations apart" is exactly what the secretariat needs to see, and a single
 * dissenting judge is what should trigger discussion — the range reacts to him fully, the sd dilutes him. Pass
 * z-scores (from normalizeScores) so a judge's general harshness is not mistaken for disagreement. Fewer than two
 * scores → spread 0, never flagged (nobody to disagree with). Strictly greater than the threshold flags.
 */
export function disagreement(entryScores: readonly number[], threshold: number): Disagreement {
  if (!Number.isFinite(threshold) || threshold < 0) throw new RangeError('disagreement: threshold must be finite and ≥ 0');
  if (entryScores.length < 2) return { spread: 0, flagged: false };
  let min = Infinity;
  let max = -Infinity;
  for (const v of entryScores) {
    assertFinite(v, 'disagreement: score');
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const spread = max - min;
  return { spread, flagged: spread > threshold };
}

// ---------------------------------------------------------------------------------------------------------------------
// 4. Ranking
// ---------------------------------------------------------------------------------------------------------------------

// Plain code-unit comparison, not localeCompare: the order must be identical in every browser and on the server,
// whatever the locale. Ids are opaque, so no human ordering is needed.
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface Ranked {
  id: string;
  value: number;
  rank: number;
}

/**
 * Standard competition ranking ("1224"): higher value is better and gets rank 1; equal values share a rank and the
 * next distinct value skips the shared places. Output is ordered by rank, then by id, so ties are listed stably.
 * Values are compared exactly; round them first (e.g. to 2 decimals of mean z) if near-equal values should tie.
 */
export function rank(items: readonly { id: string; value: number }[]): Ranked[] {
  for (const it of items) assertFinite(it.value, `rank: value of ${it.id}`);
  const sorted = [...items].sort((a, b) => b.value - a.value || compareIds(a.id, b.id));
  const out: Ranked[] = [];
  sorted.forEach((it, i) => {
    const prev = out[i - 1];
    const r = prev && prev.value === it.value ? prev.rank : i + 1;
    out.push({ id: it.id, value: it.value, rank: r });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// 5. Judge assignment
// ---------------------------------------------------------------------------------------------------------------------
