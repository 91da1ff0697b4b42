// Open-set level helpers of the capacitated phase of the planner (plan.ts): candidate swap moves ranked by the
// capacity prices (capacityMoves), making an open set hold the total demand (coverDemand), the p largest sites, and
// a check that a nearest-site assignment respects every capacity.
import { Candidates } from './plan-capacity-state.js';
import type { Instance } from './plan-instance.js';

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

export function fitsCapacities(inst: Instance, site: Int32Array): boolean {
  const load = new Float64Array(inst.m);
  for (let i = 0; i < inst.n; i++) load[site[i]!] = load[site[i]!]! + inst.w[i]!;
  for (let j = 0; j < inst.m; j++) if (load[j]! > inst.cap[j]! * (1 + 1e-12)) return false;
  return true;
}

export function largestSites(inst: Instance, p: number): number[] {
  return Array.from({ length: inst.m }, (_, j) => j)
    .sort((a, b) => inst.cap[b]! - inst.cap[a]! || a - b)
    .slice(0, p)
    .sort((a, b) => a - b);
}

/**
 * Makes an open set able to hold the total demand: with p fixed, the smallest open site is swapped for the largest
 * closed one until capacity suffices; with a fixed cost, the largest closed sites are added.
 */
export function coverDemand(inst: Instance, open: number[], pMode: boolean): number[] {
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
