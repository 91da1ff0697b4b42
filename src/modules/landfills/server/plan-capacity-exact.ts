// Exact single-source assignment of villages to a fixed open set by branch and bound — for tiny instances only
// (exact enumeration in plan-exact.ts).
import type { Instance } from './plan-instance.js';

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
