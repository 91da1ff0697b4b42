// Exact solution of tiny planning scenarios by enumerating every open set (with the exact branch-and-bound
// assignment of plan-capacity-exact.ts when capacities apply); exactWork() decides whether a scenario is tiny.
import { exactAssign } from './plan-capacity-exact.js';
import type { Instance } from './plan-instance.js';
import type { Found } from './plan-types.js';

export const EXACT_WORK = 2e6;

/** Work of exact enumeration: Σ over open sets of (capacitated ? |S|^n : n·|S|), capped. */
export function exactWork(n: number, m: number, p: number | null, capacitated: boolean): number {
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

export function exactSolve(inst: Instance, p: number | null, F: number): Found | null | 'limit' {
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
