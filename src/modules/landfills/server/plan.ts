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
//
// Parts: plan-types.ts (public types, PlanError), plan-input.ts (validation), plan-exact.ts (tiny scenarios),
// plan-greedy.ts, plan-search.ts, plan-vns.ts (uncapacitated search), plan-bound.ts (bound), plan-capacity*.ts
// (capacities), plan-assemble.ts (the result), plan-explain.ts (the Persian explanation).
import { ROAD_FACTOR } from './geo.js';
import { assemble } from './plan-assemble.js';
import { assignWithCapacities } from './plan-capacity.js';
import { exactAssign } from './plan-capacity-exact.js';
import { capacityMoves, coverDemand, fitsCapacities, largestSites } from './plan-capacity-moves.js';
import { lagrangianBound } from './plan-bound.js';
import { EXACT_WORK, exactSolve, exactWork } from './plan-exact.js';
import { bestSingleSite, greedy } from './plan-greedy.js';
import { validatePlanInput } from './plan-input.js';
import { buildInstance, defaultNeighbours } from './plan-instance.js';
import { rng, SwapSearch, type Move } from './plan-search.js';
import { PlanError, type Found, type PlanInput, type PlanOptions, type PlanPhase, type PlanResult } from './plan-types.js';
import { shake, topMoves } from './plan-vns.js';

/** Nodes the exact assignment may visit when the constructive one finds no feasible packing at all. */
const FALLBACK_NODES = 200_000;

export { ROAD_FACTOR };
export { explainPlan, type PlanExplanation } from './plan-explain.js';
export { PlanError } from './plan-types.js';
export type { PlanInput, PlanOptions, PlanPhase, PlanProgress, PlanResult, PlanSite, PlanVillage, SiteLoad } from './plan-types.js';

const DEFAULT_TIME_LIMIT_S = 50;
const DEFAULT_WORK_BUDGET = 1.2e10;

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
    const wide = pMode ? largestSites(inst, p!) : Array.from({ length: m }, (_, j) => j);
    let all = evaluate(wide);
    if (!all) {
      // The constructive assignment can miss a tight packing (e.g. capacities 8 + 3 for a demand of 11); a bounded
      // exact search finds one when it exists — on small scenarios at once, on large ones it gives up as before.
      const ex = exactAssign(inst, wide, FALLBACK_NODES);
      if (ex && ex !== 'limit') all = { found: { open: wide.slice().sort((x, y) => x - y), site: ex.site, objective: ex.cost + (pMode ? 0 : F * wide.length) }, prices: bestPrices.slice() };
    }
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
