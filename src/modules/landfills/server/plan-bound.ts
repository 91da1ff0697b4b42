// Lower bounds by Lagrangian relaxation, maximized by subgradient optimization (Held, Wolfe & Crowder 1974; the
// scheme of Beasley, "Lagrangean heuristics for location problems", EJOR 65, 1993).
//
// Model: min Σ_ij w_i d_ij x_ij (+ F Σ_j y_j)  s.t.  Σ_j x_ij = 1 (each village served), x_ij ≤ y_j,
// Σ_j y_j = p (p-median) — or the fixed cost F per open site —, and with capacities Σ_i w_i x_ij ≤ Q_j y_j.
// Relaxing the assignment constraints with multipliers λ_i gives, for any λ,
//   L(λ) = Σ_i λ_i + [p smallest ρ_j]  (p-median)   or   Σ_i λ_i + Σ_j min(0, F + ρ_j)  (fixed cost),
// where ρ_j is the best a site can do alone with reduced costs c_ij = w_i d_ij − λ_i:
//   uncapacitated: ρ_j = Σ_i min(0, c_ij);
//   capacitated:   ρ_j = min Σ_i c_ij x_ij s.t. Σ_i w_i x_ij ≤ Q_j, 0 ≤ x_ij ≤ 1 — a continuous knapsack, solved
//                  exactly by taking the most negative c_ij / w_i first (the LP relaxation of the site's
//                  knapsack: a weaker but still valid bound, and fast).
// Every L(λ) is a lower bound on the optimum (weak duality). The subgradient g_i = 1 − Σ_j x_ij of the chosen
// sites moves λ by t·g with t = θ·(UB − L)/‖g‖²; θ starts at 2 and halves after a run of iterations without a
// better bound. When g = 0 the relaxed solution is feasible and L(λ) is the optimum itself.
//
// Truncated neighbour lists (national scale): only pairs in a village's list are priced. To keep L(λ) valid, λ_i
// is capped at w_i × (distance to its last listed site): then c_ij ≥ 0 for every unlisted pair, which therefore
// contributes nothing anyway. The bound is valid for any λ, so the cap only limits how tight it can get.
import { selectSmallest, type Instance } from './plan-instance.js';

export interface BoundOptions {
  p: number | null;
  F: number;
  /** best known objective (drives the step size) */
  ub: number;
  /** starting multipliers (e.g. w_i × distance in the best known plan); changed in place */
  lambda: Float64Array;
  capacitated: boolean;
  maxIterations: number;
  /** stop when the bound reaches ub − tolerance */
  tolerance: number;
  deadline: number;
  now: () => number;
  /** called with the sites chosen by the relaxation every `heuristicEvery` iterations (Lagrangian heuristic) */
  onSites?: (sites: number[]) => void;
  heuristicEvery?: number;
  onIteration?: (it: number, best: number) => void;
  /** iterations without a better bound before θ halves */
  patience?: number;
  /** deflection: the direction is g + deflect·(previous direction) (Camerini, Fratta & Maffioli 1975) */
  deflect?: number;
  /** starting θ */
  theta?: number;
}

export interface BoundResult {
  bound: number;
  iterations: number;
  /** the relaxed solution was feasible: bound = optimum */
  exact: boolean;
}

export function lagrangianBound(inst: Instance, o: BoundOptions): BoundResult {
  const { n, m, K, nbr, nd, w, full } = inst;
  const lam = o.lambda;
  const capL = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    capL[i] = w[i] === 0 ? 0 : full ? Infinity : w[i]! * nd[i * K + K - 1]!;
    lam[i] = Math.max(0, Math.min(capL[i]!, lam[i]!));
  }
  const rho = new Float64Array(m);
  const sel = new Uint8Array(m);
  const idx = new Int32Array(m);
  const g = new Float64Array(n);
  // capacitated scratch
  const cap = inst.cap;
  let entSite = new Int32Array(0);
  let entCust = new Int32Array(0);
  let entRatio = new Float64Array(0);
  let entC = new Float64Array(0);
  let entX = new Float64Array(0);
  const bucketStart = new Int32Array(m + 1);
  let order = new Int32Array(0);

  let best = -Infinity;
  let theta = o.theta ?? 2;
  let noImprove = 0;
  const patience = o.patience ?? Math.max(10, Math.min(40, Math.round(n / 20)));
  const deflect = o.deflect ?? 0;
  const dir = new Float64Array(n);
  let it = 0;
  let exact = false;
  for (; it < o.maxIterations; it++) {
    if ((it & 7) === 0 && o.now() > o.deadline) break;
    let L = 0;
    for (let i = 0; i < n; i++) L += lam[i]!;
    rho.fill(0);
    if (!o.capacitated) {
      for (let i = 0; i < n; i++) {
        const l = lam[i]!;
        if (l <= 0) continue;
        const wi = w[i]!;
        const base = i * K;
        for (let k = 0; k < K; k++) {
          const c = wi * nd[base + k]! - l;
          if (c >= 0) break;
          const j = nbr[base + k]!;
          rho[j] = rho[j]! + c;
        }
      }
    } else {
      // collect the negative reduced costs, bucket them by site, fill each site's capacity by best ratio
      let E = 0;
      bucketStart.fill(0);
      for (let i = 0; i < n; i++) {
        const l = lam[i]!;
        if (l <= 0) continue;
        const wi = w[i]!;
        const base = i * K;
        for (let k = 0; k < K; k++) {
          if (wi * nd[base + k]! - l >= 0) break;
          bucketStart[nbr[base + k]! + 1]! += 1;
          E++;
        }
      }
      if (entSite.length < E) {
        const size = Math.max(E, entSite.length * 2);
        entSite = new Int32Array(size);
        entCust = new Int32Array(size);
        entRatio = new Float64Array(size);
        entC = new Float64Array(size);
        entX = new Float64Array(size);
        order = new Int32Array(size);
      }
      for (let j = 0; j < m; j++) bucketStart[j + 1] = bucketStart[j + 1]! + bucketStart[j]!;
      const fillAt = bucketStart.slice(0, m);
      for (let i = 0; i < n; i++) {
        const l = lam[i]!;
        if (l <= 0) continue;
        const wi = w[i]!;
        const base = i * K;
        for (let k = 0; k < K; k++) {
          const c = wi * nd[base + k]! - l;
          if (c >= 0) break;
          const j = nbr[base + k]!;
          const at = fillAt[j]!;
          fillAt[j] = at + 1;
          entSite[at] = j;
          entCust[at] = i;
          entC[at] = c;
          entRatio[at] = c / wi;
          order[at] = at;
        }
      }
      const byRatio = (a: number, b: number) => entRatio[a]! - entRatio[b]! || entCust[a]! - entCust[b]!;
      for (let j = 0; j < m; j++) {
        const s = bucketStart[j]!;
        const e = bucketStart[j + 1]!;
        if (e === s) continue;
        let demandHere = 0;
        for (let t = s; t < e; t++) demandHere += w[entCust[t]!]!;
        if (cap[j] === Infinity || demandHere <= cap[j]!) {
          let r = 0;
          for (let t = s; t < e; t++) {
            entX[t] = 1;
            r += entC[t]!;
          }
          rho[j] = r;
          continue;
        }
        const part = order.subarray(s, e);
        part.sort(byRatio);
        let room = cap[j]!;
        let r = 0;
        for (let t = 0; t < part.length; t++) {
          const q = part[t]!;
          const wi = w[entCust[q]!]!;
          let x = 0;
          if (room > 0) x = wi <= room ? 1 : room / wi;
          room -= x * wi;
          entX[q] = x;
          r += x * entC[q]!;
        }
        rho[j] = r;
      }
    }

    sel.fill(0);
    const chosen: number[] = [];
    if (o.p !== null) {
      for (let j = 0; j < m; j++) idx[j] = j;
      selectSmallest(idx, rho, o.p);
      for (let t = 0; t < o.p; t++) {
        const j = idx[t]!;
        sel[j] = 1;
        L += rho[j]!;
        chosen.push(j);
      }
    } else {
      for (let j = 0; j < m; j++) {
        const v = o.F + rho[j]!;
        if (v < 0) {
          sel[j] = 1;
          L += v;
          chosen.push(j);
        }
      }
    }
    if (best === -Infinity || L > best + 1e-6 * Math.max(1, Math.abs(best))) {
      noImprove = 0;
      best = L;
    } else {
      if (L > best) best = L;
      noImprove++;
    }
    o.onIteration?.(it, best);
    if (o.onSites && chosen.length > 0 && it % (o.heuristicEvery ?? 10) === 0) o.onSites(chosen.sort((a, b) => a - b));
    if (o.ub - best <= o.tolerance) break;

    // subgradient
    let norm = 0;
    if (!o.capacitated) {
      for (let i = 0; i < n; i++) {
        if (w[i] === 0) {
          g[i] = 0;
          continue;
        }
        const l = lam[i]!;
        const wi = w[i]!;
        const base = i * K;
        let cnt = 0;
        for (let k = 0; k < K; k++) {
          if (wi * nd[base + k]! - l >= 0) break;
          if (sel[nbr[base + k]!]) cnt++;
        }
        g[i] = 1 - cnt;
        norm += g[i]! * g[i]!;
      }
    } else {
      g.fill(1);
      for (let j = 0; j < m; j++) {
        if (!sel[j]) continue;
        for (let t = bucketStart[j]!; t < bucketStart[j + 1]!; t++) {
          const i = entCust[t]!;
          g[i] = g[i]! - entX[t]!;
        }
      }
      for (let i = 0; i < n; i++) {
        if (w[i] === 0) g[i] = 0;
        norm += g[i]! * g[i]!;
      }
    }
    if (deflect > 0 && norm > 0) {
      norm = 0;
      for (let i = 0; i < n; i++) {
        dir[i] = g[i]! + deflect * dir[i]!;
        norm += dir[i]! * dir[i]!;
      }
    } else if (norm > 0) dir.set(g);
    if (norm === 0) {
      // every village is served exactly once by the relaxation: uncapacitated, that is a feasible plan whose
      // cost is L, hence optimal; capacitated, the knapsacks may be fractional, so it only ends the ascent
      exact = !o.capacitated;
      break;
    }
    const step = (theta * Math.max(o.ub - L, 1e-9 * Math.max(1, Math.abs(o.ub)))) / norm;
    for (let i = 0; i < n; i++) {
      if (dir[i] === 0) continue;
      lam[i] = Math.max(0, Math.min(capL[i]!, lam[i]! + step * dir[i]!));
    }
    if (noImprove >= patience) {
      theta /= 2;
      noImprove = 0;
      if (theta < 2e-4) {
        it++;
        break;
      }
    }
  }
  return { bound: best, iterations: it, exact };
}
