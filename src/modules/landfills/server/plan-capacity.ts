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
// packing). For tiny instances exactAssign() answers the question exactly by branch and bound.
import type { Instance } from './plan-instance.js';

export interface Assignment {
  /** site per village (-1 when unassigned) */
  site: Int32Array;
  cost: number;
  load: Float64Array;
  feasible: boolean;
}

class MaxHeap {
  private pri: number[] = [];
  private item: number[] = [];
  get size() {
    return this.pri.length;
  }
  private above(a: number, b: number) {
    return this.pri[a]! > this.pri[b]! || (this.pri[a] === this.pri[b] && this.item[a]! < this.item[b]!);
  }
  private swap(a: number, b: number) {
    [this.pri[a], this.pri[b]] = [this.pri[b]!, this.pri[a]!];
    [this.item[a], this.item[b]] = [this.item[b]!, this.item[a]!];
  }
  push(p: number, it: number) {
    this.pri.push(p);
    this.item.push(it);
    let c = this.pri.length - 1;
    while (c > 0) {
      const parent = (c - 1) >> 1;
      if (!this.above(c, parent)) break;
      this.swap(c, parent);
      c = parent;
    }
  }
  pop(): [number, number] {
    const top: [number, number] = [this.pri[0]!, this.item[0]!];
    const lp = this.pri.pop()!;
    const li = this.item.pop()!;
    if (this.pri.length > 0) {
      this.pri[0] = lp;
      this.item[0] = li;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let b = c;
        if (l < this.pri.length && this.above(l, b)) b = l;
        if (r < this.pri.length && this.above(r, b)) b = r;
        if (b === c) break;
        this.swap(b, c);
        c = b;
      }
    }
    return top;
  }
}

/** Open sites of a village in distance order: its neighbour list, then (lists truncated) the rest of the open set. */
class Candidates {
  private readonly fallback = new Map<number, { sites: Int32Array; dists: Float64Array }>();
  private readonly stamp: Int32Array;
  private stampNo = 0;
  constructor(
    private readonly inst: Instance,
    private readonly isOpen: Uint8Array,
    private readonly open: number[],
  ) {
    this.stamp = new Int32Array(inst.m);
  }

  /** Calls visit(site, distance) in increasing distance until it returns true. */
  each(i: number, visit: (j: number, d: number) => boolean): void {
    const { K, nbr, nd, full } = this.inst;
    const base = i * K;
    for (let k = 0; k < K; k++) {
      const j = nbr[base + k]!;
      if (this.isOpen[j] && visit(j, nd[base + k]!)) return;
    }
    if (full) return;
    let fb = this.fallback.get(i);
    if (!fb) {
      const s = ++this.stampNo;
      for (let k = 0; k < K; k++) this.stamp[nbr[base + k]!] = s;
      const rest = this.open.filter((j) => this.stamp[j] !== s);
      const d = new Map(rest.map((j) => [j, this.inst.dist(i, j)]));
      rest.sort((a, b) => d.get(a)! - d.get(b)! || a - b);
      fb = { sites: Int32Array.from(rest), dists: Float64Array.from(rest, (j) => d.get(j)!) };
      this.fallback.set(i, fb);
    }
    for (let t = 0; t < fb.sites.length; t++) if (visit(fb.sites[t]!, fb.dists[t]!)) return;
  }
}

export interface AssignOptions {
  /** shift/swap improvement after construction (default true) */
  improve?: boolean;
  /** construction: regret greedy, capacity prices, or both keeping the better (default: both up to 5,000 villages) */
  method?: 'regret' | 'prices' | 'best';
  /** capacity prices per site to start from (warm start); updated in place by the price construction */
  prices?: Float64Array;
}

/** The partial assignment being built: site per village, residual capacity, villages per site. */
class CapState {
  readonly site: Int32Array;
  readonly residual: Float64Array;
  readonly members: number[][];
  private readonly at: Int32Array;
  readonly cand: Candidates;
  cost = 0;
  work = 0;
  constructor(
    readonly inst: Instance,
    readonly open: number[],
  ) {
    const isOpen = new Uint8Array(inst.m);
    for (const j of open) isOpen[j] = 1;
    this.residual = new Float64Array(inst.m);
    for (const j of open) this.residual[j] = inst.cap[j]!;
    this.site = new Int32Array(inst.n).fill(-1);
    this.members = Array.from({ length: inst.m }, () => []);
    this.at = new Int32Array(inst.n);
    this.cand = new Candidates(inst, isOpen, open);
  }
  each(i: number, visit: (j: number, d: number) => boolean): void {
    this.cand.each(i, (j, d) => {
      this.work++;
      return visit(j, d);
    });
  }
  attach(i: number, j: number, d = this.inst.dist(i, j)): void {
    this.site[i] = j;
    this.at[i] = this.members[j]!.length;
    this.members[j]!.push(i);
    this.residual[j] = this.residual[j]! - this.inst.w[i]!;
    this.cost += this.inst.w[i]! * d;
  }
  detach(i: number): void {
    const j = this.site[i]!;
    const list = this.members[j]!;
    const last = list.pop()!;
    if (last !== i) {
      list[this.at[i]!] = last;
      this.at[last] = this.at[i]!;
    }
    this.residual[j] = this.residual[j]! + this.inst.w[i]!;
    this.cost -= this.inst.w[i]! * this.inst.dist(i, j);
    this.site[i] = -1;
  }
  /** nearest open site with room for village k, other than `except` */
  alternative(k: number, except: number): [number, number] {
    let best = -1;
    let bd = Infinity;
    const wk = this.inst.w[k]!;
    this.each(k, (j, d) => {
      if (j === except || this.residual[j]! < wk) return false;
      best = j;
      bd = d;
      return true;
    });
    return [best, bd];
  }
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

/**
 * Exact single-source assignment to the given open sites by depth-first branch and bound (villages by decreasing
 * demand, sites by increasing cost, bound = cost so far + each remaining village at its cheapest site).
 * Returns null when no assignment respects the capacities. For tiny instances only (the caller checks the size).
 */
export function exactAssign(inst: Instance, open: number[], nodeLimit = 5_000_000): { site: Int32Array; cost: number } | null | 'limit' {
  const { n, w, cap } = inst;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => w[b]! - w[a]! || a - b);
  const choices = order.map((i) => open.slice().sort((a, b) => inst.dist(i, a) - inst.dist(i, b) || a - b));
  const minCost = order.map((i, t) => w[i]! * inst.dist(i, choices[t]![0]!));
  const rest = new Float64Array(n + 1);
  for (let t = n - 1; t >= 0; t--) rest[t] = rest[t + 1]! + minCost[t]!;
  const residual = new Map(open.map((j) => [j, cap[j]!]));
  const cur = new Int32Array(n).fill(-1);
  let best: Int32Array | null = null;
  let bestCost = Infinity;
  let nodes = 0;
  const dfs = (t: number, c: number): boolean => {
    if (++nodes > nodeLimit) return false;
    if (c + rest[t]! >= bestCost - 1e-12 * Math.max(1, bestCost)) return true;
    if (t === n) {
      bestCost = c;
      best = cur.slice();
      return true;
    }
    const i = order[t]!;
    for (const j of choices[t]!) {
      const r = residual.get(j)!;
      if (r < w[i]!) continue;
      residual.set(j, r - w[i]!);
      cur[i] = j;
      const ok = dfs(t + 1, c + w[i]! * inst.dist(i, j));
      residual.set(j, r);
      cur[i] = -1;
      if (!ok) return false;
    }
    return true;
  };
  if (!dfs(0, 0)) return 'limit';
  return best ? { site: best, cost: bestCost } : null;
}

export interface CapMove {
  fIn: number;
  gOut: number;
  estimate: number;
}

/**
 * Candidate moves for the capacitated search, priced with the capacity prices μ of the current assignment: a village
 * at site s "pays" d(i, s) + μ_s. Opening closed site f would save each nearby village max(0, pay − d(i, f)) per ton,
 * taken best first up to f's capacity; closing open site g would cost its villages the difference to their next
 * best d + μ. Pairs are ranked by saving − cost (their interaction ignored: the evaluation is exact anyway).
 */
export function capacityMoves(inst: Instance, open: number[], site: Int32Array, prices: Float64Array, T: number, pMode: boolean, F: number): CapMove[] {
  const { n, m, w, cap } = inst;
  const isOpen = new Uint8Array(m);
  for (const j of open) isOpen[j] = 1;
  const pay = new Float64Array(n);
  for (let i = 0; i < n; i++) if (site[i]! >= 0) pay[i] = inst.dist(i, site[i]!) + prices[site[i]!]!;
  // saving of each closed site, filled by the best savings per ton up to its capacity
  const gain = new Float64Array(m);
  const items: { s: number; w: number }[] = [];
  for (let f = 0; f < m; f++) {
    if (isOpen[f]) continue;
    items.length = 0;
    for (let t = inst.invStart[f]!; t < inst.invStart[f + 1]!; t++) {
      const i = inst.invCust[t]!;
      const s = pay[i]! - inst.invDist[t]!;
      if (s > 0 && w[i]! > 0) items.push({ s, w: w[i]! });
    }
    items.sort((a, b) => b.s - a.s);
    let room = cap[f]!;
    let g = 0;
    for (const it of items) {
      if (room <= 0) break;
      const take = Math.min(room, it.w);
      g += take * it.s;
      room -= take;
    }
    gain[f] = g;
  }
  // cost of closing each open site: its villages move to their next best d + μ
  const loss = new Float64Array(m);
  const cand = new Candidates(inst, isOpen, open);
  for (let i = 0; i < n; i++) {
    const s = site[i]!;
    if (s < 0 || w[i]! <= 0) continue;
    let bv = Infinity;
    cand.each(i, (j, d) => {
      if (d >= bv) return true;
      if (j !== s) bv = Math.min(bv, d + prices[j]!);
      return false;
    });
    loss[s] = loss[s]! + w[i]! * (bv === Infinity ? 1e12 : Math.max(0, bv - pay[i]!));
  }
  const closed = Array.from({ length: m }, (_, j) => j).filter((j) => !isOpen[j] && gain[j]! > 0).sort((a, b) => gain[b]! - gain[a]! || a - b).slice(0, 2 * T);
  const opened = open.slice().sort((a, b) => loss[a]! - loss[b]! || a - b).slice(0, 2 * T);
  const moves: CapMove[] = [];
  for (const f of closed) for (const g of opened) moves.push({ fIn: f, gOut: g, estimate: gain[f]! - loss[g]! });
  if (!pMode) {
    for (const f of closed) moves.push({ fIn: f, gOut: -1, estimate: gain[f]! - F });
    if (open.length > 1) for (const g of opened) moves.push({ fIn: -1, gOut: g, estimate: F - loss[g]! });
  }
  return moves.sort((a, b) => b.estimate - a.estimate || a.fIn - b.fIn || a.gOut - b.gOut).slice(0, T);
}
