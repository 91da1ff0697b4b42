// Public types of the landfill planner (plan.ts): the scenario (sites, villages, distances), options, progress
// reports, the result, the PlanError it throws, and the internal Found solution shared by the planner's parts.

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

/** A solution in internal indices: open sites, site per village, objective. */
export interface Found {
  open: number[];
  site: Int32Array;
  objective: number;
}
