// Consolidation planning for village landfills: which candidate sites to keep as regional sites and which village
// sends its waste where — the capacitated p-median / facility-location problem. Pure and deterministic: the same
// scenario always gives the same plan (seeded PRNG, deterministic budgets, ties broken by input order); only the
// optional time limit, a safety cap, can stop the search earlier on a slower machine (reported in stats.stoppedBy).
//
// Problem. Villages i with demand w_i (tons/day), candidate sites j with capacity Q_j (or none), haul distance d_ij
// (supplied matrix, or great-circle × ROAD_FACTOR). Minimize Σ_i w_i d(i, site of i) (ton-km per day) with either
//   p   — exactly p sites kept (p-median), or
//   openCost F — each kept site costs F, in the same unit (facility location); the objective is then
//        cost + F × (number of sites kept),
// each village going to exactly one kept site and no site receiving more than its capacity (single sourcing).
//
// Method.
//   • Tiny scenarios (a few villages and sites) are solved exactly by enumeration (with an exact branch and bound
//     for the capacitated assignment); the plan is then proven optimal.
//   • Otherwise: greedy construction → swap-based local search with the fast-interchange structures of Resende &
//     Werneck (plan-search.ts) → variable neighbourhood search (Hansen & Mladenović): shake by k random swaps
//     (k = 1..k_max, half of them near a random village), descend, keep only improvements, restart k at 1 after
//     one. VNS stops after a deterministic budget — a run of shakes without improvement, or an amount of work
//     proportional to (villages + open sites × sites) per move — or when the bound proves the plan optimal.
//   • Lower bound: Lagrangian relaxation of the assignment constraints maximized by subgradient optimization
//     (plan-bound.ts); with integer data the bound is rounded up. Reported as lowerBound; gap = (objective − LB) /
//     objective tells planners how far from optimal the plan can be at worst.
//   • Capacities: if the uncapacitated plan's nearest-site assignment respects every capacity, nothing is lost
//     (the uncapacitated bound is a bound for the capacitated problem too). Otherwise the assignment to a given
//     open set is a generalized assignment problem, solved by capacity prices (an auction-like price raise on
//     overloaded sites) and regret greedy, then repair and shift/swap improvement (plan-capacity.ts). Open sets come
//     from the uncapacitated plan and from the capacitated Lagrangian relaxation (each site a continuous knapsack —
//     a Lagrangian heuristic); a swap local search then evaluates the most promising moves exactly — ranked by the
//     capacity prices (what villages near a closed site would save against distance + price) and by the
//     uncapacitated profits — within a number of evaluations scaled to the size. Capacity is never exceeded; a
//     scenario whose total demand exceeds total capacity is refused up front, and one where whole villages cannot
//     be packed into the sites is refused when no assignment is found.
//
// Quality and speed (bench/landfill-plan.ts, bench/results/landfill-plan.md): the OR-Library pmed instances we have
// (pmed1–11, 15) are all solved to their published optimum in under a second each, same-size stand-ins for the
// others (up to n = 900, p = 200) in under 5 s; national scale (37,000 villages, 3,000 sites, p = 300) in 20–40 s.
// The remaining gap to our bound is mostly the LP gap of small p (the Lagrangian bound equals the LP bound here)
// and, with binding capacities, the weakness of the continuous-knapsack bound.
import { haversineKm, ROAD_FACTOR } from './geo.js';
import { assignWithCapacities, capacityMoves, exactAssign } from './plan-capacity.js';
import { lagrangianBound } from './plan-bound.js';
import { buildInstance, defaultNeighbours, type Instance } from './plan-instance.js';
import { bestSingleSite, greedy, rng, SwapSearch, type Move } from './plan-search.js';

export { ROAD_FACTOR };

export interface PlanSite {
  id: string;
  lat?: number | null;
  lon?: number | null;
  /** tons/day the site can take; null = unlimited */
  capacity: number | null;
}
export interface PlanVillage {
  id: string;
  lat?: number | null;
  lon?: number | null;
  /** waste generation, tons/day */
  demand: number;
}
export interface PlanInput {
  p: number | null;
  openCost: number | null;
  sites: PlanSite[];
  villages: PlanVillage[];
  /** distances[i][j] = village i → site j (km); replaces coordinates when present */
  distances: number[][] | null;
  timeLimitSeconds: number | null;
  /** road distance / great-circle distance, used with coordinates only (default ROAD_FACTOR) */
  roadFactor?: number | null;
}

export type PlanPhase = 'prepare' | 'exact' | 'greedy' | 'local-search' | 'bound' | 'vns' | 'capacity' | 'done';
export interface PlanProgress {
  phase: PlanPhase;
  elapsedMs: number;
  /** best objective found so far */
  best: number | null;
  lowerBound: number | null;
  /** rough share of the work budget used, 0..1 */
  fraction: number;
}

export interface PlanOptions {
  onProgress?: (p: PlanProgress) => void;
  /** 'auto' (default) solves tiny scenarios exactly; 'never' always runs the heuristic (used by tests) */
  exact?: 'auto' | 'never';
  /** neighbour-list length override (see plan-instance.ts) */
  neighbours?: number;
  /** PRNG seed (default fixed) */
  seed?: number;
  /** VNS: shakes without improvement before stopping (default from the size) */
  patience?: number;
  /** work budget in elementary steps (default 1.2e10: about 20 s of search at national scale on one server core) */
  workBudget?: number;
  /** capacitated assignments to evaluate when capacities bind (default from the size) */
  capacityEvaluations?: number;
  /** clock in ms (tests) */
  now?: () => number;
}

export interface SiteLoad {
  siteId: string;
  villages: number;
  load: number;
  capacity: number | null;
  /** Σ demand × distance of its villages */
  tonKm: number;
}

export interface PlanResult {
  open: string[];
  /** village id → site id, in the order of the input villages */
  assignment: Record<string, string>;
  /** Σ demand × distance (ton-km per day) */
  cost: number;
  /** openCost × open sites (0 with p) */
  fixedCost: number;
  /** what was minimized: cost + fixedCost */
  objective: number;
  /** valid lower bound on the optimal objective, or null when none was computed */
  lowerBound: number | null;
  /** (objective − lowerBound) / objective, 0 when proven optimal */
  gap: number | null;
  loads: SiteLoad[];
  stats: {
    method: 'exact' | 'heuristic';
    provedOptimal: boolean;
    stoppedBy: 'optimal' | 'converged' | 'work-budget' | 'time-limit';
    elapsedMs: number;
    shakes: number;
    moves: number;
    boundIterations: number;
    neighbours: number;
    capacityBinding: boolean;
    /** capacitated assignments evaluated */
    evaluations: number;
  };
}

/** A scenario the planner refuses, with the reason in Persian and English. */
export class PlanError extends Error {
  constructor(
    readonly kind: 'invalid' | 'infeasible',
    readonly en: string,
    readonly fa: string,
    readonly path?: string,
  ) {
    super(path ? `${path}: ${en}` : en);
    this.name = 'PlanError';
  }
}

const DEFAULT_TIME_LIMIT_S = 50;
const DEFAULT_WORK_BUDGET = 1.2e10;
const EXACT_WORK = 2e6;
const fmt = new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 1 });
const faNum = (x: number) => fmt.format(x);

function invalid(path: string, en: string, fa: string): PlanError {
  return new PlanError('invalid', en, fa, path);
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Semantic checks (the CLI checks the JSON shape before). Throws PlanError. */
export function validatePlanInput(input: PlanInput): void {
  const { p, openCost, sites, villages, distances } = input;
  if ((p === null || p === undefined) === (openCost === null || openCost === undefined)) {
    throw new PlanError(
      'invalid',
      'give exactly one of p (number of sites to keep) and openCost (fixed cost per kept site)',
      'دقیقاً یکی از دو مقدار را بدهید: p (تعداد مراکزی که می‌مانند) یا openCost (هزینهٔ ثابت هر مرکز)',
      p !== null && p !== undefined ? 'openCost' : 'p',
    );
  }
  if (sites.length === 0) throw invalid('sites', 'at least one candidate site is needed', 'دست‌کم یک محل کاندید لازم است');
  if (p !== null && p !== undefined && (!Number.isInteger(p) || p < 1 || p > sites.length)) {
    throw invalid('p', `must be an integer from 1 to the number of sites (${sites.length})`, `p باید عددی صحیح از ۱ تا تعداد محل‌های کاندید (${faNum(sites.length)}) باشد`);
  }
  if (openCost !== null && openCost !== undefined && (!finite(openCost) || openCost < 0)) {
    throw invalid('openCost', 'must be a finite number ≥ 0', 'هزینهٔ ثابت باید عددی نامنفی باشد');
  }
  const unique = (ids: string[], what: 'sites' | 'villages') => {
    const seen = new Set<string>();
    ids.forEach((id, k) => {
      if (typeof id !== 'string' || id.length === 0) throw invalid(`${what}.${k}.id`, 'must be a non-empty string', 'شناسه باید متنی ناتهی باشد');
      if (seen.has(id)) throw invalid(`${what}.${k}.id`, `duplicate id ${JSON.stringify(id)}`, `شناسهٔ تکراری ${JSON.stringify(id)}`);
      seen.add(id);
    });
  };
  unique(sites.map((s) => s.id), 'sites');
  unique(villages.map((v) => v.id), 'villages');
  sites.forEach((s, k) => {
    if (s.capacity !== null && (!finite(s.capacity) || s.capacity < 0)) {
      throw invalid(`sites.${k}.capacity`, 'must be null (unlimited) or a finite number ≥ 0', 'ظرفیت باید خالی (نامحدود) یا عددی نامنفی باشد');
    }
  });
  villages.forEach((v, k) => {
    if (!finite(v.demand) || v.demand < 0) throw invalid(`villages.${k}.demand`, 'must be a finite number ≥ 0', 'مقدار پسماند باید عددی نامنفی باشد');
  });
  if (distances !== null && distances !== undefined) {
    if (!Array.isArray(distances) || distances.length !== villages.length) {
      throw invalid('distances', `must have one row per village (${villages.length})`, `ماتریس فاصله باید برای هر روستا یک سطر داشته باشد (${faNum(villages.length)})`);
    }
    distances.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== sites.length) {
        throw invalid(`distances.${i}`, `must have one entry per site (${sites.length})`, `هر سطر ماتریس فاصله باید برای هر محل یک مقدار داشته باشد (${faNum(sites.length)})`);
      }
      row.forEach((d, j) => {
        if (!finite(d) || d < 0) throw invalid(`distances.${i}.${j}`, 'must be a finite number ≥ 0', 'فاصله باید عددی نامنفی باشد');
      });
    });
  } else {
    const checkPoint = (pt: { lat?: number | null; lon?: number | null }, path: string) => {
      if (!finite(pt.lat) || pt.lat < -90 || pt.lat > 90) throw invalid(`${path}.lat`, 'latitude in degrees (−90..90) is needed when no distance matrix is given', 'بدون ماتریس فاصله، عرض جغرافیایی (۹۰- تا ۹۰ درجه) لازم است');
      if (!finite(pt.lon) || pt.lon < -180 || pt.lon > 180) throw invalid(`${path}.lon`, 'longitude in degrees (−180..180) is needed when no distance matrix is given', 'بدون ماتریس فاصله، طول جغرافیایی (۱۸۰- تا ۱۸۰ درجه) لازم است');
    };
    sites.forEach((s, k) => checkPoint(s, `sites.${k}`));
    villages.forEach((v, k) => checkPoint(v, `villages.${k}`));
    const rf = input.roadFactor;
    if (rf !== null && rf !== undefined && (!finite(rf) || rf <= 0)) throw invalid('roadFactor', 'must be a number > 0', 'ضریب جاده باید عددی مثبت باشد');
  }
  const tl = input.timeLimitSeconds;
  if (tl !== null && tl !== undefined && (!finite(tl) || tl <= 0)) throw invalid('timeLimitSeconds', 'must be a number > 0', 'محدودیت زمان باید عددی مثبت باشد');

  // feasibility
  const demand = villages.reduce((a, v) => a + v.demand, 0);
  const caps = sites.map((s) => (s.capacity === null ? Infinity : s.capacity)).sort((a, b) => b - a);
  const usable = p !== null && p !== undefined ? caps.slice(0, p) : caps;
  const total = usable.reduce((a, c) => a + c, 0);
  if (demand > total * (1 + 1e-12)) {
    const en = p !== null && p !== undefined
      ? `infeasible: total demand ${demand} t/day exceeds the capacity of even the ${p === 1 ? 'largest site' : `${p} largest sites`} (${total})`
      : `infeasible: total demand ${demand} t/day exceeds the total capacity of all sites (${total})`;
    const fa = p !== null && p !== undefined
      ? `برنامهٔ شدنی وجود ندارد: مجموع پسماند روستاها (${faNum(demand)} تن در روز) از ظرفیت حتی ${faNum(p)} محل بزرگ‌تر (${faNum(total)}) بیشتر است`
      : `برنامهٔ شدنی وجود ندارد: مجموع پسماند روستاها (${faNum(demand)} تن در روز) از مجموع ظرفیت همهٔ محل‌ها (${faNum(total)}) بیشتر است`;
    throw new PlanError('infeasible', en, fa);
  }
  const maxCap = caps[0] ?? 0;
  villages.forEach((v, k) => {
    if (v.demand > maxCap) {
      throw new PlanError(
        'infeasible',
        `infeasible: village ${v.id} alone (${v.demand} t/day) exceeds the largest site capacity (${maxCap})`,
        `برنامهٔ شدنی وجود ندارد: پسماند روستای ${v.id} به‌تنهایی (${faNum(v.demand)} تن در روز) از ظرفیت بزرگ‌ترین محل (${faNum(maxCap)}) بیشتر است`,
        `villages.${k}.demand`,
      );
    }
  });
}

interface Found {
  open: number[];
  site: Int32Array;
  objective: number;
}

/** Work of exact enumeration: Σ over open sets of (capacitated ? |S|^n : n·|S|), capped. */
function exactWork(n: number, m: number, p: number | null, capacitated: boolean): number {
  let total = 0;
  let comb = 1; // C(m, k)
  for (let k = 1; k <= m; k++) {
    comb = (comb * (m - k + 1)) / k;
    if (p !== null && k !== p) continue;
    total += comb * (capacitated ? Math.pow(k, n) : n * k);
    if (total > EXACT_WORK) return Infinity;
  }
  return total;
}

function exactSolve(inst: Instance, p: number | null, F: number): Found | null | 'limit' {
  const { n, m, w, cap } = inst;
  const demand = w.reduce((a, x) => a + x, 0);
  let best: Found | null = null;
  const set: number[] = [];
  let limited = false;
  const visit = () => {
    if (set.length === 0) return;
    let cost: number;
    let site: Int32Array;
    if (inst.capacitated) {
      if (set.reduce((a, j) => a + cap[j]!, 0) < demand) return;
      const r = exactAssign(inst, set);
      if (r === 'limit') {
        limited = true;
        return;
      }
      if (r === null) return;
      cost = r.cost;
      site = r.site;
    } else {
      site = new Int32Array(n);
      cost = 0;
      for (let i = 0; i < n; i++) {
        let bj = -1;
        let bd = Infinity;
        for (const j of set) {
          const d = inst.dist(i, j);
          if (d < bd) {
            bd = d;
            bj = j;
          }
        }
        site[i] = bj;
        cost += w[i]! * bd;
      }
    }
    const objective = cost + (p === null ? F * set.length : 0);
    if (!best || objective < best.objective - 1e-12 * Math.max(1, Math.abs(objective))) best = { open: set.slice(), site, objective };
  };
  const rec = (start: number) => {
    if (p !== null && set.length === p) {
      visit();
      return;
    }
    if (p === null) visit();
    for (let j = start; j < m; j++) {
      set.push(j);
      rec(j + 1);
      set.pop();
    }
  };
  rec(0);
  if (limited) return 'limit';
  return best;
}

/** Solves a planning scenario. Throws PlanError for invalid or infeasible input. */
export function solvePlan(input: PlanInput, options: PlanOptions = {}): PlanResult {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  validatePlanInput(input);
  const pMode = input.p !== null && input.p !== undefined;
  const p = pMode ? input.p! : null;
  const F = pMode ? 0 : input.openCost!;
  const deadline = t0 + (input.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_S) * 1000;
  const budget = options.workBudget ?? DEFAULT_WORK_BUDGET;
  const random = rng(options.seed ?? 0x5eed1e55);
  let phase: PlanPhase = 'prepare';
  let bestObj: number | null = null;
  let lower: number | null = null;
  let work = 0;
  let lastReport = -Infinity;
  const report = (force = false) => {
    if (!options.onProgress) return;
    const t = now();
    if (!force && t - lastReport < 200) return;
    lastReport = t;
    options.onProgress({ phase, elapsedMs: Math.round(t - t0), best: bestObj, lowerBound: lower, fraction: Math.min(1, work / budget) });
  };
  const enter = (ph: PlanPhase) => {
    phase = ph;
    report(true);
  };
  enter('prepare');

  const n = input.villages.length;
  const m = input.sites.length;
  const K = Math.max(1, Math.min(m, options.neighbours ?? defaultNeighbours(n, m, p)));
  const source = input.distances
    ? { matrix: input.distances }
    : {
        villages: input.villages.map((v) => ({ lat: v.lat!, lon: v.lon! })),
        sites: input.sites.map((s) => ({ lat: s.lat!, lon: s.lon! })),
        roadFactor: input.roadFactor ?? ROAD_FACTOR,
      };
  const inst = buildInstance(
    input.villages.map((v) => v.demand),
    input.sites.map((s) => s.capacity),
    source,
    K,
  );
  if (inst.integral && !pMode && !Number.isInteger(F)) inst.integral = false;
  const stats: PlanResult['stats'] = {
    method: 'heuristic',
    provedOptimal: false,
    stoppedBy: 'converged',
    elapsedMs: 0,
    shakes: 0,
    moves: 0,
    boundIterations: 0,
    neighbours: K,
    capacityBinding: false,
    evaluations: 0,
  };
  const finish = (found: Found, lb: number | null): PlanResult => {
    enter('done');
    return assemble(input, inst, found, F, lb, stats, Math.round(now() - t0));
  };

  // no villages: any p sites (the first ones) or a single site
  if (n === 0) {
    const open = pMode ? Array.from({ length: p! }, (_, j) => j) : [0];
    stats.method = 'exact';
    stats.provedOptimal = true;
    stats.stoppedBy = 'optimal';
    return finish({ open, site: new Int32Array(0), objective: F * (pMode ? 0 : 1) }, F * (pMode ? 0 : 1));
  }

  // tiny: exact enumeration
  if ((options.exact ?? 'auto') === 'auto' && exactWork(n, m, p, inst.capacitated) <= EXACT_WORK) {
    enter('exact');
    const r = exactSolve(inst, p, F);
    if (r === null) {
      throw new PlanError(
        'infeasible',
        'infeasible: no assignment of whole villages to sites respects the capacities',
        'برنامهٔ شدنی وجود ندارد: هیچ تخصیصی که هر روستا را کامل به یک محل بفرستد و از ظرفیت‌ها بیشتر نشود پیدا نمی‌شود',
      );
    }
    if (r !== 'limit') {
      stats.method = 'exact';
      stats.provedOptimal = true;
      stats.stoppedBy = 'optimal';
      return finish(r, r.objective);
    }
  }

  const tol = (x: number) => (inst.integral ? 1 - 1e-6 : 1e-9 * Math.max(1, Math.abs(x)));
  const roundLB = (x: number) => (inst.integral ? Math.ceil(x - 1e-7 * Math.max(1, Math.abs(x))) : x);
  const timeUp = () => now() > deadline;

  // ---- uncapacitated search -------------------------------------------------------------------------------
  let uncapLB = -Infinity;
  let uncapLambda: Float64Array | null = null;
  const search = new SwapSearch(inst, pMode, F);
  let bestOpen: number[];
  if (pMode && p === m) {
    bestOpen = Array.from({ length: m }, (_, j) => j);
    search.setOpen(bestOpen);
    uncapLB = search.objective();
  } else if (pMode && p === 1) {
    enter('greedy');
    const one = bestSingleSite(inst);
    bestOpen = [one.site];
    search.setOpen(bestOpen);
    uncapLB = one.cost;
    work += n * m;
  } else {
    enter('greedy');
    bestOpen = greedy(inst, p, F);
    work += n * m;
    search.setOpen(bestOpen);
    enter('local-search');
    search.localSearch(10 * m + 1000);
    work += search.moves * (n + search.nOpen * m);
    bestOpen = search.openSites();
    bestObj = search.objective();

    // Lagrangian bound, first pass (may prove optimality at once)
    enter('bound');
    const lambda = new Float64Array(n);
    uncapLambda = lambda;
    // start from w_i × midway between the closest and second-closest open distance
    for (let i = 0; i < n; i++) lambda[i] = inst.w[i]! * (search.d2[i]! < Infinity ? (search.d1[i]! + search.d2[i]!) / 2 : search.d1[i]!);
    const runBound = (maxIterations: number) => {
      const r = lagrangianBound(inst, {
        p, F, ub: bestObj!, lambda, capacitated: false, maxIterations, tolerance: tol(bestObj!), deadline, now,
        onIteration: () => report(),
      });
      stats.boundIterations += r.iterations;
      work += r.iterations * n * Math.min(K, 32);
      uncapLB = Math.max(uncapLB, r.bound);
      lower = roundLB(uncapLB);
    };
    runBound(600);

    // VNS
    enter('vns');
    const kmax = Math.max(1, Math.min(pMode ? Math.min(p!, m - p!) : m, 10));
    const patience = options.patience ?? Math.max(100, Math.min(5000, 10 * (pMode ? p! : search.nOpen) + 300));
    // with capacities the uncapacitated plan is only a starting point: most of the time goes to the capacity phase
    const vnsBudget = inst.capacitated ? budget * 0.2 : budget;
    let k = 1;
    let noImprove = 0;
    const log: Move[] = [];
    let sinceRebuild = 0;
    while (bestObj - roundLB(uncapLB) >= tol(bestObj)) {
      if (noImprove >= patience) {
        stats.stoppedBy = 'converged';
        break;
      }
      if (work >= vnsBudget) {
        stats.stoppedBy = 'work-budget';
        break;
      }
      if (timeUp()) {
        stats.stoppedBy = 'time-limit';
        break;
      }
      const movesBefore = search.moves;
      shake(search, k, random, log);
      search.localSearch(10 * m + 1000, log);
      const used = search.moves - movesBefore;
      work += used * (n + search.nOpen * m);
      stats.shakes++;
      if (search.objective() < bestObj - tol(bestObj)) {
        bestObj = search.objective();
        bestOpen = search.openSites();
        log.length = 0;
        k = 1;
        noImprove = 0;
      } else {
        search.undo(log);
        work += used * (n + search.nOpen * m);
        k = k >= kmax ? 1 : k + 1;
        noImprove++;
      }
      sinceRebuild += used;
      if (sinceRebuild > 2000) {
        search.rebuild();
        sinceRebuild = 0;
      }
      report();
    }
    // the incremental sums may have drifted: re-evaluate the best set exactly
    search.setOpen(bestOpen);
    bestObj = search.objective();
    if (!(bestObj - roundLB(uncapLB) < tol(bestObj)) && !timeUp()) {
      enter('bound');
      runBound(400);
    }
  }
  stats.moves = search.moves;
  bestObj = search.objective();
  if (pMode && p === 1 && !inst.capacitated) {
    stats.provedOptimal = true;
    stats.stoppedBy = 'optimal';
  }

  const nearest: Found = { open: bestOpen, site: Int32Array.from(search.c1), objective: bestObj };
  if (!inst.capacitated || fitsCapacities(inst, nearest.site)) {
    if (bestObj - roundLB(uncapLB) < tol(bestObj)) {
      stats.provedOptimal = true;
      stats.stoppedBy = 'optimal';
    }
    return finish(nearest, uncapLB === -Infinity ? null : roundLB(Math.min(uncapLB, bestObj)));
  }

  // ---- capacities bind --------------------------------------------------------------------------------------
  stats.capacityBinding = true;
  enter('capacity');
  // Each evaluation assigns all villages to an open set (plan-capacity.ts); the budget is a number of evaluations,
  // fewer on big scenarios where one costs most of a second.
  const maxEvaluations = options.capacityEvaluations ?? Math.max(15, Math.min(300, Math.round(6e5 / n)));
  let evaluations = 0;
  let bestPrices: Float64Array = new Float64Array(m);
  type Evaluated = { found: Found; prices: Float64Array };
  const evaluate = (open: number[]): Evaluated | null => {
    evaluations++;
    const prices = bestPrices.slice();
    const a = assignWithCapacities(inst, open, { prices });
    if (!a.feasible) return null;
    return { found: { open: open.slice().sort((x, y) => x - y), site: a.site, objective: a.cost + (pMode ? 0 : F * open.length) }, prices };
  };
  let best: Evaluated | null = evaluate(coverDemand(inst, bestOpen, pMode));
  if (best) {
    bestObj = best.found.objective;
    bestPrices = best.prices;
  }
  const better = (r: Evaluated | null, than: Evaluated | null) => r !== null && (than === null || r.found.objective < than.found.objective - tol(r.found.objective));

  // capacitated Lagrangian bound (warm-started from the uncapacitated multipliers) + Lagrangian heuristic
  const lambda = uncapLambda ? uncapLambda.slice() : Float64Array.from(search.d1, (d, i) => inst.w[i]! * d);
  const seen = new Set<string>();
  const capBound = lagrangianBound(inst, {
    p, F, ub: best ? best.found.objective : search.objective() * 2, lambda, capacitated: true,
    maxIterations: n > 20000 ? 100 : 300, tolerance: 0, deadline, now,
    heuristicEvery: 5,
    onIteration: () => report(),
    onSites: (sites) => {
      if (evaluations >= maxEvaluations / 4) return;
      const key = sites.join(',');
      if (seen.has(key)) return;
      seen.add(key);
      const r = evaluate(coverDemand(inst, sites, pMode));
      if (better(r, best)) {
        best = r;
        bestObj = r!.found.objective;
        bestPrices = r!.prices;
      }
    },
  });
  stats.boundIterations += capBound.iterations;
  const capLB = Math.max(uncapLB, capBound.bound);
  lower = roundLB(capLB);
  if (!best) {
    const all = evaluate(pMode ? largestSites(inst, p!) : Array.from({ length: m }, (_, j) => j));
    if (!all) {
      throw new PlanError(
        'infeasible',
        'no assignment of whole villages to sites within the capacities was found (capacity is too fragmented for single sourcing)',
        'تخصیصی پیدا نشد که هر روستا را کامل به یک محل بفرستد و از ظرفیت‌ها بیشتر نشود (ظرفیت‌ها برای تخصیص یک‌به‌یک بیش از حد پراکنده‌اند)',
      );
    }
    best = all;
    bestObj = all.found.objective;
    bestPrices = all.prices;
  }

  // capacitated swap local search: the most promising uncapacitated moves, evaluated with the full assignment
  let cur: Evaluated = best;
  for (let round = 0; round < 1000; round++) {
    if (cur.found.objective - roundLB(capLB) < tol(cur.found.objective)) break;
    if (evaluations >= maxEvaluations) {
      stats.stoppedBy = 'work-budget';
      break;
    }
    if (timeUp()) {
      stats.stoppedBy = 'time-limit';
      break;
    }
    // candidates: the best by capacity prices, then the best uncapacitated swaps
    search.setOpen(cur.found.open);
    const seenMove = new Set<string>();
    const moves = [...capacityMoves(inst, cur.found.open, cur.found.site, cur.prices, 8, pMode, F), ...topMoves(search, 4)].filter((mv) => {
      const key = `${mv.fIn}/${mv.gOut}`;
      if (seenMove.has(key)) return false;
      seenMove.add(key);
      return true;
    });
    let accepted = false;
    for (const mv of moves) {
      if (evaluations >= maxEvaluations || timeUp()) break;
      const next = cur.found.open.filter((j) => j !== mv.gOut);
      if (mv.fIn >= 0) next.push(mv.fIn);
      if (next.length === 0) continue;
      const r = evaluate(next);
      if (better(r, cur)) {
        cur = r!;
        bestPrices = r!.prices;
        accepted = true;
        break;
      }
    }
    report();
    if (!accepted) {
      stats.stoppedBy = 'converged';
      break;
    }
  }
  bestObj = cur.found.objective;
  stats.moves = search.moves;
  stats.evaluations = evaluations;
  if (bestObj - roundLB(capLB) < tol(bestObj)) {
    stats.provedOptimal = true;
    stats.stoppedBy = 'optimal';
  }
  return finish(cur.found, roundLB(Math.min(capLB, bestObj)));
}

function fitsCapacities(inst: Instance, site: Int32Array): boolean {
  const load = new Float64Array(inst.m);
  for (let i = 0; i < inst.n; i++) load[site[i]!] = load[site[i]!]! + inst.w[i]!;
  for (let j = 0; j < inst.m; j++) if (load[j]! > inst.cap[j]! * (1 + 1e-12)) return false;
  return true;
}

function largestSites(inst: Instance, p: number): number[] {
  return Array.from({ length: inst.m }, (_, j) => j)
    .sort((a, b) => inst.cap[b]! - inst.cap[a]! || a - b)
    .slice(0, p)
    .sort((a, b) => a - b);
}

/**
 * Makes an open set able to hold the total demand: with p fixed, the smallest open site is swapped for the largest
 * closed one until capacity suffices; with a fixed cost, the largest closed sites are added.
 */
function coverDemand(inst: Instance, open: number[], pMode: boolean): number[] {
  const demand = inst.w.reduce((a, x) => a + x, 0);
  const set = open.slice();
  const capOf = (s: number[]) => s.reduce((a, j) => a + inst.cap[j]!, 0);
  const closed = Array.from({ length: inst.m }, (_, j) => j)
    .filter((j) => !set.includes(j))
    .sort((a, b) => inst.cap[b]! - inst.cap[a]! || a - b);
  let c = 0;
  while (capOf(set) < demand && c < closed.length) {
    const add = closed[c++]!;
    if (pMode) {
      let small = 0;
      for (let t = 1; t < set.length; t++) if (inst.cap[set[t]!]! < inst.cap[set[small]!]!) small = t;
      if (inst.cap[set[small]!]! >= inst.cap[add]!) break;
      set[small] = add;
    } else set.push(add);
  }
  return set.sort((a, b) => a - b);
}

/**
 * VNS shake: k random moves. Half are local — a random village's own site is swapped for one of the village's
 * nearest closed sites — so that at national scale a shake perturbs one region instead of two far-apart ones; the
 * rest are uniform. With a fixed cost, opens and closes are mixed in.
 */
function shake(s: SwapSearch, k: number, random: () => number, log: Move[]): void {
  const { m, n, K, nbr } = s.inst;
  if (s.nOpen === 0) return;
  const uniformClosed = () => {
    if (s.nOpen >= m) return -1;
    for (;;) {
      const f = Math.floor(random() * m);
      if (!s.isOpen[f]) return f;
    }
  };
  for (let t = 0; t < k; t++) {
    let fIn = -1;
    let gOut = -1;
    const kind = random();
    if (random() < 0.5) {
      const i = Math.floor(random() * n);
      const f = nbr[i * K + Math.floor(random() * Math.min(K, 10))]!;
      fIn = s.isOpen[f] ? uniformClosed() : f;
      gOut = s.c1[i]! >= 0 ? s.c1[i]! : s.openList[Math.floor(random() * s.nOpen)]!;
    } else {
      fIn = uniformClosed();
      gOut = s.openList[Math.floor(random() * s.nOpen)]!;
    }
    if (!s.pMode) {
      if (kind < 0.2) gOut = -1; // open only
      else if (kind < 0.4 && s.nOpen >= 2) fIn = -1; // close only
      if (s.nOpen < 2) gOut = -1;
    }
    if (fIn < 0 && (gOut < 0 || s.pMode)) continue;
    s.apply(fIn, gOut);
    log.push({ fIn, gOut, profit: 0 });
  }
}

/** The T best moves by uncapacitated profit (for the capacitated search to evaluate exactly). */
function topMoves(s: SwapSearch, T: number): Move[] {
  const { m } = s.inst;
  const top: Move[] = [];
  const consider = (fIn: number, gOut: number, profit: number) => {
    if (top.length === T && profit <= top[T - 1]!.profit) return;
    let at = top.length;
    while (at > 0 && top[at - 1]!.profit < profit) at--;
    top.splice(at, 0, { fIn, gOut, profit });
    if (top.length > T) top.pop();
  };
  if (s.nOpen >= 2 || s.pMode) {
    for (let a = 0; a < s.nOpen; a++) {
      const g = s.openList[a]!;
      const row = s.rowAt(a);
      for (let f = 0; f < m; f++) {
        if (s.isOpen[f]) continue;
        consider(f, g, s.gain[f]! - s.loss[g]! + (row && s.nOpen >= 2 ? row[f]! : 0));
      }
    }
  }
  if (!s.pMode) {
    for (let f = 0; f < m; f++) if (!s.isOpen[f]) consider(f, -1, s.gain[f]! - s.F);
    if (s.nOpen >= 2) for (let a = 0; a < s.nOpen; a++) consider(-1, s.openList[a]!, s.F - s.loss[s.openList[a]!]!);
  }
  return top;
}

function assemble(input: PlanInput, inst: Instance, found: Found, F: number, lb: number | null, stats: PlanResult['stats'], elapsedMs: number): PlanResult {
  const open = found.open.slice().sort((a, b) => a - b);
  const assignment: Record<string, string> = Object.create(null) as Record<string, string>;
  const load = new Float64Array(inst.m);
  const tonKm = new Float64Array(inst.m);
  const count = new Int32Array(inst.m);
  let cost = 0;
  input.villages.forEach((v, i) => {
    const j = found.site[i]!;
    assignment[v.id] = input.sites[j]!.id;
    load[j] = load[j]! + v.demand;
    count[j] = count[j]! + 1;
    const c = v.demand * inst.dist(i, j);
    tonKm[j] = tonKm[j]! + c;
    cost += c;
  });
  const fixedCost = F * open.length;
  const objective = cost + fixedCost;
  const lowerBound = lb === null || lb === -Infinity ? null : Math.min(lb, objective);
  const gap = lowerBound === null ? null : objective > 0 ? Math.max(0, (objective - lowerBound) / objective) : 0;
  stats.elapsedMs = elapsedMs;
  return {
    open: open.map((j) => input.sites[j]!.id),
    assignment,
    cost,
    fixedCost,
    objective,
    lowerBound,
    gap,
    loads: open.map((j) => ({
      siteId: input.sites[j]!.id,
      villages: count[j]!,
      load: load[j]!,
      capacity: input.sites[j]!.capacity,
      tonKm: tonKm[j]!,
    })),
    stats,
  };
}

// ---- explanation ---------------------------------------------------------------------------------------------

export interface PlanExplanation {
  /** one paragraph for the planner */
  summary: string;
  kept: { siteId: string; text: string }[];
  closed: { siteId: string; text: string }[];
}

/**
 * The plan in plain Persian: how many sites are kept and closed (pollution points removed), total ton-km, how far
 * from optimal it can be, and per kept site its villages and load against capacity. `names` maps ids to display
 * names; `existingSiteIds`, when given, marks which candidates are existing dump sites (closing one removes a
 * pollution point) — otherwise every candidate counts as existing.
 */
export function explainPlan(
  input: PlanInput,
  result: PlanResult,
  opts: { names?: Record<string, string>; existingSiteIds?: string[] } = {},
): PlanExplanation {
  const name = (id: string) => opts.names?.[id] ?? id;
  const openSet = new Set(result.open);
  const existing = opts.existingSiteIds ? new Set(opts.existingSiteIds) : null;
  const closedSites = input.sites.filter((s) => !openSet.has(s.id));
  const closedExisting = closedSites.filter((s) => !existing || existing.has(s.id));
  const newOpened = existing ? result.open.filter((id) => !existing.has(id)) : [];
  const pct = new Intl.NumberFormat('fa-IR', { style: 'percent', maximumFractionDigits: 1 });

  const parts: string[] = [];
  parts.push(
    `از ${faNum(input.sites.length)} محل کاندید، ${faNum(result.open.length)} محل به‌عنوان مرکز منطقه‌ای دفن پسماند می‌ماند` +
      (newOpened.length ? ` (${faNum(newOpened.length)} محل از آن‌ها تازه است)` : '') +
      ` و ${faNum(closedSites.length)} محل بسته می‌شود` +
      (closedExisting.length ? `؛ یعنی ${faNum(closedExisting.length)} کانون آلودگی کمتر.` : '.'),
  );
  parts.push(`پسماند ${faNum(input.villages.length)} روستا با مجموع حمل روزانهٔ ${faNum(result.cost)} تن-کیلومتر به این مراکز می‌رسد.`);
  if (result.fixedCost > 0) parts.push(`هزینهٔ ثابت مراکز ${faNum(result.fixedCost)} و جمع کل ${faNum(result.objective)} است.`);
  if (result.stats.provedOptimal) parts.push('این برنامه بهینه است: هیچ برنامهٔ دیگری با همین داده‌ها هزینهٔ کمتری ندارد.');
  else if (result.gap !== null) {
    parts.push(
      `کران پایین ${faNum(result.lowerBound!)} است؛ پس این برنامه حداکثر ${pct.format(result.gap)} از بهترین برنامهٔ ممکن گران‌تر است (معمولاً بسیار کمتر).`,
    );
  }
  const full = result.loads.filter((l) => l.capacity !== null && l.capacity > 0 && l.load / l.capacity >= 0.95);
  if (full.length) parts.push(`${faNum(full.length)} مرکز تقریباً با تمام ظرفیت کار می‌کند؛ افزایش ظرفیت آن‌ها می‌تواند برنامه را ارزان‌تر کند.`);

  const kept = result.loads.map((l) => {
    let text = `«${name(l.siteId)}»: ${faNum(l.villages)} روستا، ${faNum(l.load)} تن پسماند در روز`;
    if (l.capacity !== null) text += ` از ظرفیت ${faNum(l.capacity)} (${pct.format(l.capacity > 0 ? l.load / l.capacity : 0)})`;
    text += `، حمل ${faNum(l.tonKm)} تن-کیلومتر در روز.`;
    return { siteId: l.siteId, text };
  });
  // Where the villages nearest to a closed site now go (the kept site receiving most of them). Needs each
  // village's nearest candidate: computed when the scenario is small enough (≤ 5 M village-site pairs).
  const receivers = new Map<string, string>();
  if (closedSites.length > 0 && input.villages.length * input.sites.length <= 5_000_000) {
    const counts = new Map<string, Map<string, number>>();
    input.villages.forEach((v, i) => {
      let nearest = -1;
      let bd = Infinity;
      input.sites.forEach((s, j) => {
        const d = input.distances ? input.distances[i]![j]! : haversineKm(v.lat!, v.lon!, s.lat!, s.lon!);
        if (d < bd) {
          bd = d;
          nearest = j;
        }
      });
      const near = input.sites[nearest]!.id;
      if (openSet.has(near)) return;
      const c = counts.get(near) ?? new Map<string, number>();
      const to = result.assignment[v.id]!;
      c.set(to, (c.get(to) ?? 0) + 1);
      counts.set(near, c);
    });
    for (const [site, c] of counts) {
      const top = [...c.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
      if (top) receivers.set(site, top[0]);
    }
  }
  const closed = closedSites.map((s) => {
    const to = receivers.get(s.id);
    const isExisting = !existing || existing.has(s.id);
    let text = `«${name(s.id)}» ${isExisting ? 'بسته می‌شود' : 'ساخته نمی‌شود'}`;
    text += to ? `؛ روستاهای اطراف آن به «${name(to)}» می‌روند.` : '.';
    return { siteId: s.id, text };
  });
  return { summary: parts.join(' '), kept, closed };
}
