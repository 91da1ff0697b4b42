// Assigning villages to a fixed set of open sites when sites have capacities, with single sourcing (each village
// goes to exactly one site): a generalized assignment problem (GAP), NP-hard on its own. Two constructions:
//   • capacity prices: each village goes to the site minimizing distance + price; an overloaded site raises its
//     price just enough for the villages cheapest to divert to cover the excess (plus ε, as in auction algorithms)
//     — greedy dual prices of the transportation problem; scales to national size;
//   • regret greedy (Martello & Toth): repeatedly place the village that would lose most if it missed its best site
//     that still has room (regret = w_i × (second feasible distance − first)), re-evaluated lazily;
// then repair — a village that fits nowhere makes room at a near site by moving that site's villages to other
// sites with spare capacity, cheapest first — and improvement: shift moves (a village to a nearer site with room)
// and swap moves (two villages of different sites exchange places) until none improves. Up to 5,000 villages both
// constructions run and the better result is kept.
// Capacities are never exceeded: every placement checks the residual capacity first. `feasible = false` means no
// complete assignment was found (for single sourcing this can happen even when total capacity suffices — bin
// packing). For tiny instances exactAssign() (plan-capacity-exact.ts) answers the question exactly
// by branch and bound. Building blocks (heap, candidate lists, CapState) are in plan-capacity-state.ts.
import type { Instance } from './plan-instance.js';
import { CapState, MaxHeap } from './plan-capacity-state.js';

export interface Assignment {
  /** site per village (-1 when unassigned) */
  site: Int32Array;
  cost: number;
  load: Float64Array;
  feasible: boolean;
}

export interface AssignOptions {
  /** shift/swap improvement after construction (default true) */
  improve?: boolean;
  /** construction: regret greedy, capacity prices, or both keeping the better (default: both up to 5,000 villages) */
  method?: 'regret' | 'prices' | 'best';
  /** capacity prices per site to start from (warm start); updated in place by the price construction */
  prices?: Float64Array;
}

/** Regret greedy: returns the villages it could not place. */
function regretConstruct(st: CapState): number[] {
  const { n, w } = st.inst;
  let f1 = -1;
  let d1 = Infinity;
  let d2 = Infinity;
  const firstTwo = (i: number) => {
    f1 = -1;
    d1 = Infinity;
    d2 = Infinity;
    const wi = w[i]!;
    st.each(i, (j, d) => {
      if (st.residual[j]! < wi) return false;
      if (f1 < 0) {
        f1 = j;
        d1 = d;
        return false;
      }
      d2 = d;
      return true;
    });
  };
  const regret = (i: number) => (d2 === Infinity ? Infinity : w[i]! * (d2 - d1));
  const heap = new MaxHeap();
  const unassigned: number[] = [];
  for (let i = 0; i < n; i++) {
    if (w[i]! <= 0) continue;
    firstTwo(i);
    if (f1 < 0) unassigned.push(i);
    else heap.push(regret(i), i);
  }
  while (heap.size > 0) {
    const [pr, i] = heap.pop();
    firstTwo(i);
    if (f1 < 0) {
      unassigned.push(i);
      continue;
    }
    const now = regret(i);
    if (now !== pr && !(Math.abs(now - pr) <= 1e-12 * Math.abs(pr))) {
      heap.push(now, i);
      continue;
    }
    st.attach(i, f1, d1);
  }
  return unassigned;
}

/**
 * Capacity prices: every village goes to the site minimizing distance + price; while a site is overloaded its
 * price rises by just enough for the villages cheapest to divert (smallest increase of distance + price) to cover
 * the excess, and those move to their next best site. Prices only rise, so villages leave crowded sites for the
 * nearest ones with room — the dual prices of the transportation problem, found greedily. Returns the villages
 * left over when rounds run out (to be repaired).
 */
function priceConstruct(st: CapState, mu: Float64Array, maxRounds = 150): number[] {
  const { n, w, cap } = st.inst;
  // best site by distance + price, other than `except`; distance-sorted candidates allow an early stop (price ≥ 0)
  let bj = -1;
  let bv = Infinity;
  let bd = Infinity;
  const best = (i: number, except: number) => {
    bj = -1;
    bv = Infinity;
    bd = Infinity;
    st.each(i, (j, d) => {
      if (d >= bv) return true;
      if (j === except) return false;
      const v = d + mu[j]!;
      if (v < bv) {
        bv = v;
        bj = j;
        bd = d;
      }
      return false;
    });
  };
  let sumD = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (w[i]! <= 0) continue;
    best(i, -1);
    st.attach(i, bj, bd);
    sumD += bd;
    count++;
  }
  // Each raise adds at least ε = 0.5% of the mean haul (as in auction algorithms): without it, villages tied between
  // two crowded sites bounce back and forth while the prices creep up.
  const eps = Math.max(1e-9, (0.005 * sumD) / Math.max(1, count));
  for (let round = 0; round < maxRounds; round++) {
    const over = st.open.filter((j) => st.residual[j]! < -1e-9 * (1 + cap[j]!));
    if (over.length === 0) return [];
    for (const j of over) {
      const excess = -st.residual[j]!;
      if (!(excess > 0)) continue;
      const own = mu[j]!;
      const moves = st.members[j]!.map((i) => {
        best(i, j);
        return { i, to: bj, d: bd, delta: bj < 0 ? Infinity : bv - (st.inst.dist(i, j) + own) };
      })
        .filter((x) => x.to >= 0)
        .sort((a, b) => a.delta - b.delta || w[b.i]! - w[a.i]! || a.i - b.i);
      let moved = 0;
      let k = 0;
      while (moved < excess - 1e-12 && k < moves.length) moved += w[moves[k++]!.i]!;
      if (k === 0) continue;
      mu[j] = own + Math.max(0, moves[k - 1]!.delta) + eps;
      for (let t = 0; t < k; t++) {
        const mv = moves[t]!;
        st.detach(mv.i);
        st.attach(mv.i, mv.to, mv.d);
      }
    }
  }
  // rounds exhausted: unload the overloaded sites, smallest villages last, for repair()
  const left: number[] = [];
  for (const j of st.open) {
    if (st.residual[j]! >= -1e-9 * (1 + cap[j]!)) continue;
    const list = st.members[j]!.slice().sort((a, b) => w[b]! - w[a]! || a - b);
    for (const i of list) {
      if (st.residual[j]! >= 0) break;
      st.detach(i);
      left.push(i);
    }
  }
  return left;
}

/** Places each leftover village by making room at a near site (moving that site's villages elsewhere). */
function repair(st: CapState, unassigned: number[]): boolean {
  const { w, cap } = st.inst;
  unassigned.sort((a, b) => w[b]! - w[a]! || a - b);
  for (const i of unassigned) {
    let placed = false;
    const order: number[] = [];
    st.each(i, (j) => {
      order.push(j);
      return false;
    });
    for (const j of order) {
      if (cap[j]! < w[i]!) continue;
      if (st.residual[j]! >= w[i]!) {
        st.attach(i, j);
        placed = true;
        break;
      }
      // evict villages of j to their cheapest alternatives, cheapest per ton first
      const options = st.members[j]!.map((k) => {
        const [b, d] = st.alternative(k, j);
        return { k, b, delta: b < 0 ? Infinity : d - st.inst.dist(k, j) };
      })
        .filter((o) => o.b >= 0)
        .sort((x, y) => x.delta - y.delta || x.k - y.k);
      const moved: [number, number][] = [];
      for (const o of options) {
        if (st.residual[j]! >= w[i]!) break;
        const [b] = st.alternative(o.k, j); // the first choice may have filled up meanwhile
        if (b < 0) continue;
        st.detach(o.k);
        st.attach(o.k, b);
        moved.push([o.k, j]);
      }
      if (st.residual[j]! >= w[i]!) {
        st.attach(i, j);
        placed = true;
        break;
      }
      for (let t = moved.length - 1; t >= 0; t--) {
        const [k, back] = moved[t]!;
        st.detach(k);
        st.attach(k, back);
      }
    }
    if (!placed) return false;
  }
  return true;
}

/** Shift moves (to a nearer site with room) and swap moves (two villages exchange sites) until none improves. */
function improveAssignment(st: CapState): void {
  const { n, w } = st.inst;
  const eps = (x: number) => 1e-12 * Math.max(1, Math.abs(x));
  for (let pass = 0; pass < 20; pass++) {
    let improved = false;
    for (let i = 0; i < n; i++) {
      const wi = w[i]!;
      if (wi <= 0) continue;
      const a = st.site[i]!;
      const da = st.inst.dist(i, a);
      let target = -1;
      let td = 0;
      st.each(i, (j, d) => {
        if (d >= da) return true;
        if (j !== a && st.residual[j]! >= wi) {
          target = j;
          td = d;
          return true;
        }
        return false;
      });
      if (target >= 0) {
        st.detach(i);
        st.attach(i, target, td);
        improved = true;
      }
    }
    for (let i = 0; i < n; i++) {
      const wi = w[i]!;
      if (wi <= 0) continue;
      const a = st.site[i]!;
      const da = st.inst.dist(i, a);
      const nearer: [number, number][] = [];
      st.each(i, (j, d) => {
        if (d >= da) return true;
        if (j !== a) nearer.push([j, d]);
        return nearer.length >= 4;
      });
      let done = false;
      for (const [b, db] of nearer) {
        const list = st.members[b]!;
        for (let t = 0; t < list.length && !done; t++) {
          const k = list[t]!;
          const wk = w[k]!;
          if (st.residual[a]! + wi < wk || st.residual[b]! + wk < wi) continue;
          st.work++;
          const delta = wi * (db - da) + wk * (st.inst.dist(k, a) - st.inst.dist(k, b));
          if (delta < -eps(st.cost)) {
            st.detach(i);
            st.detach(k);
            st.attach(i, b, db);
            st.attach(k, a);
            improved = true;
            done = true;
          }
        }
        if (done) break;
      }
    }
    if (!improved) break;
  }
}

function finishAssignment(st: CapState, feasible: boolean): Assignment & { work: number } {
  const { n, m, w } = st.inst;
  // villages without demand go to their nearest open site
  for (let i = 0; i < n; i++) {
    if (w[i]! > 0 || st.site[i]! >= 0) continue;
    st.each(i, (j) => {
      st.site[i] = j;
      return true;
    });
  }
  const load = new Float64Array(m);
  let cost = 0;
  for (let i = 0; i < n; i++) {
    const j = st.site[i]!;
    if (j < 0) continue;
    load[j] = load[j]! + w[i]!;
    if (w[i]! > 0) cost += w[i]! * st.inst.dist(i, j);
  }
  return { site: st.site, cost: feasible ? cost : Infinity, load, feasible, work: st.work };
}

export function assignWithCapacities(inst: Instance, open: number[], opts: AssignOptions = {}): Assignment & { work: number } {
  const method = opts.method ?? (inst.n <= 5000 ? 'best' : 'prices');
  if (method === 'best') {
    const a = assignWithCapacities(inst, open, { ...opts, method: 'prices' });
    const b = assignWithCapacities(inst, open, { ...opts, method: 'regret' });
    const pick = a.cost <= b.cost ? a : b;
    return { ...pick, work: a.work + b.work };
  }
  const st = new CapState(inst, open);
  const left = method === 'prices' ? priceConstruct(st, opts.prices ?? new Float64Array(inst.m)) : regretConstruct(st);
  const feasible = repair(st, left);
  if (feasible && (opts.improve ?? true)) improveAssignment(st);
  return finishAssignment(st, feasible);
}
