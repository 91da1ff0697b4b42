// Priority of landfill sites for funding: criterion weights from pairwise judgements (AHP), and a ranking of the
// sites on the weighted criteria (TOPSIS), each with its reasons.
//
// AHP (Saaty, "A scaling method for priorities in hierarchical structures", J. Math. Psychology 15, 1977): the
// experts say how much more important criterion i is than j on the 1–9 scale (a_ij, with a_ji = 1/a_ij). The
// weights are the principal eigenvector of the matrix (power iteration; the matrix is positive, so Perron–Frobenius
// guarantees a unique positive one), λmax its eigenvalue, CI = (λmax − n)/(n − 1) the consistency index and
// CR = CI / RI the consistency ratio, RI being Saaty's average CI of random matrices of that size. Judgements with
// CR ≥ 0.10 are refused (AhpInconsistentError) and the pair that departs most from the weights is named, so the
// experts know which judgement to revisit.
//
// TOPSIS (Hwang & Yoon 1981): each criterion column is vector-normalized (x / ‖column‖) and weighted; the ideal
// site takes the most urgent value of every criterion (the largest for a "benefit" criterion — more means more
// urgent, e.g. population exposed —, the smallest for a "cost" one — e.g. distance to the nearest water source),
// the anti-ideal the least urgent. A site's score is its relative closeness S⁻/(S⁺ + S⁻) ∈ [0, 1] (S⁺, S⁻: Euclidean
// distances to the ideal and anti-ideal); higher = more urgent. Per criterion the explanation says where the site
// stands between anti-ideal (0) and ideal (1), and which criteria pushed it up or held it down.

export const SAATY_RANDOM_INDEX: Record<number, number> = {
  1: 0, 2: 0, 3: 0.58, 4: 0.9, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49,
  11: 1.51, 12: 1.48, 13: 1.56, 14: 1.57, 15: 1.59,
};

/** Judgements are refused at or above this consistency ratio. */
export const MAX_CONSISTENCY_RATIO = 0.1;

export class PriorityInputError extends Error {
  constructor(
    readonly en: string,
    readonly fa: string,
    readonly path: string,
  ) {
    super(`${path}: ${en}`);
    this.name = 'PriorityInputError';
  }
}

export class AhpInconsistentError extends Error {
  readonly fa: string;
  constructor(
    readonly cr: number,
    /** the judgement furthest from the derived weights (indexes into the matrix) */
    readonly worst: { i: number; j: number; given: number; implied: number },
    labels: string[],
  ) {
    const li = labels[worst.i] ?? String(worst.i + 1);
    const lj = labels[worst.j] ?? String(worst.j + 1);
    const f = new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 3 });
    super(
      `the pairwise judgements are inconsistent (consistency ratio ${cr.toFixed(3)} ≥ ${MAX_CONSISTENCY_RATIO}); ` +
        `revisit "${li}" vs "${lj}": given ${fmtJudgement(worst.given)}, the other judgements imply about ${fmtJudgement(worst.implied)}`,
    );
    this.name = 'AhpInconsistentError';
    this.fa =
      `مقایسه‌های زوجی سازگار نیستند (نسبت سازگاری ${f.format(cr)} است و باید کمتر از ${f.format(MAX_CONSISTENCY_RATIO)} باشد). ` +
      `مقایسهٔ «${li}» با «${lj}» را بازبینی کنید: ${f.format(worst.given)} داده شده، ولی بقیهٔ مقایسه‌ها حدود ${f.format(worst.implied)} را نشان می‌دهند.`;
  }
}

function fmtJudgement(x: number): string {
  return x >= 1 ? x.toFixed(2) : `1/${(1 / x).toFixed(2)}`;
}

export interface AhpResult {
  weights: number[];
  lambdaMax: number;
  ci: number;
  ri: number;
  cr: number;
}

/**
 * AHP weights from a reciprocal pairwise comparison matrix. Throws PriorityInputError for a malformed matrix and
 * AhpInconsistentError when CR ≥ 0.10 (unless `allowInconsistent`, for display of the figures).
 */
export function ahpWeights(matrix: number[][], opts: { labels?: string[]; allowInconsistent?: boolean } = {}): AhpResult {
  const n = matrix.length;
  if (n === 0) throw new PriorityInputError('at least one criterion is needed', 'دست‌کم یک معیار لازم است', 'matrix');
  if (n > 15) throw new PriorityInputError('at most 15 criteria can be compared pairwise', 'حداکثر ۱۵ معیار را می‌توان زوجی مقایسه کرد', 'matrix');
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== n) throw new PriorityInputError(`row ${i + 1} must have ${n} entries`, `سطر ${i + 1} باید ${n} مقدار داشته باشد`, `matrix.${i}`);
    row.forEach((a, j) => {
      if (typeof a !== 'number' || !Number.isFinite(a) || a <= 0) throw new PriorityInputError('must be a positive number', 'هر مقایسه باید عددی مثبت باشد', `matrix.${i}.${j}`);
    });
  });
  for (let i = 0; i < n; i++) {
    if (Math.abs(matrix[i]![i]! - 1) > 1e-9) throw new PriorityInputError('a criterion compared with itself must be 1', 'مقایسهٔ هر معیار با خودش باید ۱ باشد', `matrix.${i}.${i}`);
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(matrix[i]![j]! * matrix[j]![i]! - 1) > 1e-6) {
        throw new PriorityInputError(`must be the reciprocal of matrix[${j}][${i}]`, `باید معکوس مقایسهٔ قرینه (${j + 1}، ${i + 1}) باشد`, `matrix.${i}.${j}`);
      }
    }
  }
  // power iteration
  let w = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < 10_000; it++) {
    const next = matrix.map((row) => row.reduce((s, a, j) => s + a * w[j]!, 0));
    const sum = next.reduce((s, x) => s + x, 0);
    for (let i = 0; i < n; i++) next[i] = next[i]! / sum;
    const delta = next.reduce((d, x, i) => Math.max(d, Math.abs(x - w[i]!)), 0);
    w = next;
    if (delta < 1e-15) break;
  }
  // with Σw = 1 and Aw = λw, λ = Σ_i (Aw)_i
  const lambdaMax = matrix.reduce((s, row) => s + row.reduce((t, a, j) => t + a * w[j]!, 0), 0);
  const ci = n > 1 ? Math.max(0, (lambdaMax - n) / (n - 1)) : 0;
  const ri = SAATY_RANDOM_INDEX[n]!;
  const cr = ri > 0 ? ci / ri : 0;
  if (cr >= MAX_CONSISTENCY_RATIO && !opts.allowInconsistent) {
    let worst = { i: 0, j: 1, given: matrix[0]![1]!, implied: w[0]! / w[1]! };
    let dev = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const e = (matrix[i]![j]! * w[j]!) / w[i]!;
        const d = Math.max(e, 1 / e);
        if (d > dev + 1e-12 && matrix[i]![j]! >= 1) {
          dev = d;
          worst = { i, j, given: matrix[i]![j]!, implied: w[i]! / w[j]! };
        }
      }
    }
    throw new AhpInconsistentError(cr, worst, opts.labels ?? []);
  }
  return { weights: w, lambdaMax, ci, ri, cr };
}

/** Builds the full reciprocal matrix from the judgements above the diagonal: upper[i][k] compares i with i+1+k. */
export function matrixFromUpper(upper: number[][], n: number): number[][] {
  const a: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = upper[i]?.[j - i - 1];
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new PriorityInputError('must be a positive number', 'هر مقایسه باید عددی مثبت باشد', `upper.${i}.${j - i - 1}`);
      a[i]![j] = v;
      a[j]![i] = 1 / v;
    }
  }
  return a;
}

// ---- TOPSIS ----------------------------------------------------------------------------------------------------

export interface Criterion {
  id: string;
  /** Persian label for explanations */
  label?: string;
  /** benefit: a larger value makes a site more urgent; cost: a smaller value does */
  kind: 'benefit' | 'cost';
}

export interface Alternative {
  id: string;
  /** one value per criterion, in the order of `criteria` */
  values: number[];
}

export interface CriterionPart {
  criterionId: string;
  value: number;
  weight: number;
  /** weighted normalized value */
  weighted: number;
  /** where the site stands on this criterion: 0 = least urgent site, 1 = most urgent */
  position: number;
}

export interface RankedSite {
  id: string;
  /** relative closeness to the ideal, 0..1 (higher = more urgent) */
  score: number;
  rank: number;
  dIdeal: number;
  dAntiIdeal: number;
  parts: CriterionPart[];
  /** plain-Persian reasons */
  text: string;
}

const f2 = new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 2 });

/** Ranks sites by TOPSIS. `weights` (≥ 0, any scale) are normalized to sum to 1. Ties keep the input order. */
export function topsis(criteria: Criterion[], weights: number[], alternatives: Alternative[]): RankedSite[] {
  const k = criteria.length;
  if (k === 0) throw new PriorityInputError('at least one criterion is needed', 'دست‌کم یک معیار لازم است', 'criteria');
  if (weights.length !== k) throw new PriorityInputError(`one weight per criterion (${k}) is needed`, `برای هر معیار یک وزن لازم است (${k})`, 'weights');
  weights.forEach((x, j) => {
    if (!Number.isFinite(x) || x < 0) throw new PriorityInputError('must be a finite number ≥ 0', 'وزن باید عددی نامنفی باشد', `weights.${j}`);
  });
  const wsum = weights.reduce((s, x) => s + x, 0);
  if (!(wsum > 0)) throw new PriorityInputError('at least one weight must be positive', 'دست‌کم یک وزن باید مثبت باشد', 'weights');
  const seen = new Set<string>();
  alternatives.forEach((a, i) => {
    if (seen.has(a.id)) throw new PriorityInputError(`duplicate id ${JSON.stringify(a.id)}`, `شناسهٔ تکراری ${JSON.stringify(a.id)}`, `alternatives.${i}.id`);
    seen.add(a.id);
    if (a.values.length !== k) throw new PriorityInputError(`one value per criterion (${k}) is needed`, `برای هر معیار یک مقدار لازم است (${k})`, `alternatives.${i}.values`);
    a.values.forEach((x, j) => {
      if (!Number.isFinite(x)) throw new PriorityInputError('must be a finite number', 'مقدار باید عددی متناهی باشد', `alternatives.${i}.values.${j}`);
    });
  });
  const w = weights.map((x) => x / wsum);
  const norm = criteria.map((_, j) => Math.sqrt(alternatives.reduce((s, a) => s + a.values[j]! ** 2, 0)));
  const v = alternatives.map((a) => a.values.map((x, j) => (norm[j]! > 0 ? (w[j]! * x) / norm[j]! : 0)));
  const ideal = criteria.map((c, j) => {
    const col = v.map((r) => r[j]!);
    return c.kind === 'benefit' ? Math.max(...col) : Math.min(...col);
  });
  const anti = criteria.map((c, j) => {
    const col = v.map((r) => r[j]!);
    return c.kind === 'benefit' ? Math.min(...col) : Math.max(...col);
  });
  const rows = alternatives.map((a, i) => {
    let sPlus = 0;
    let sMinus = 0;
    const parts: CriterionPart[] = criteria.map((c, j) => {
      const x = v[i]![j]!;
      sPlus += (x - ideal[j]!) ** 2;
      sMinus += (x - anti[j]!) ** 2;
      const span = ideal[j]! - anti[j]!;
      return { criterionId: c.id, value: a.values[j]!, weight: w[j]!, weighted: x, position: span !== 0 ? (x - anti[j]!) / span : 1 };
    });
    sPlus = Math.sqrt(sPlus);
    sMinus = Math.sqrt(sMinus);
    const score = sPlus === 0 ? 1 : sMinus / (sPlus + sMinus);
    return { i, id: a.id, score, dIdeal: sPlus, dAntiIdeal: sMinus, parts };
  });
  const order = rows.slice().sort((x, y) => y.score - x.score || x.i - y.i);
  const rankOf = new Map<number, number>();
  order.forEach((r, t) => rankOf.set(r.i, t + 1));
  const label = (j: number) => criteria[j]!.label ?? criteria[j]!.id;
  return rows.map((r) => {
    // pull toward urgency: weight × position; hold-back: weight × (1 − position)
    const byPull = r.parts.map((p, j) => ({ j, pull: p.weight * p.position, hold: p.weight * (1 - p.position) }));
    const strengths = byPull.filter((x) => x.pull > 0).sort((a, b) => b.pull - a.pull || a.j - b.j).slice(0, 2);
    const weak = byPull.filter((x) => x.hold > 0).sort((a, b) => b.hold - a.hold || a.j - b.j).slice(0, 2);
    let text = `رتبهٔ ${f2.format(rankOf.get(r.i)!)} از ${f2.format(alternatives.length)} با امتیاز اولویت ${f2.format(r.score)}`;
    if (strengths.length) text += `؛ بیشترین اثر در بالا بردن اولویت: ${strengths.map((s) => `«${label(s.j)}»`).join(' و ')}`;
    if (weak.length) text += `؛ بیشترین اثر در پایین نگه داشتن آن: ${weak.map((s) => `«${label(s.j)}»`).join(' و ')}`;
    return { id: r.id, score: r.score, rank: rankOf.get(r.i)!, dIdeal: r.dIdeal, dAntiIdeal: r.dAntiIdeal, parts: r.parts, text: `${text}.` };
  });
}
