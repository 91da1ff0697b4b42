// Turning the planner's internal solution (site indices) into the public PlanResult: ids, assignment, cost,
// fixed cost, bound and gap, and the load of every kept site.
import type { Instance } from './plan-instance.js';
import type { Found, PlanInput, PlanResult } from './plan-types.js';

export function assemble(input: PlanInput, inst: Instance, found: Found, F: number, lb: number | null, stats: PlanResult['stats'], elapsedMs: number): PlanResult {
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
