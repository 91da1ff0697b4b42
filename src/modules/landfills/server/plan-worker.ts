// The worker thread that solves one planning scenario (scenario-runner.ts starts it), so a national solve (~30 s of
// CPU) never blocks the server's event loop. It receives the solver input, the display names and which candidates
// are existing sites; it posts the solver's progress as it goes, then either the finished ScenarioResult (plan and
// its Persian explanation) or the error. It never touches the database: the runner writes everything.
import { parentPort, workerData } from 'node:worker_threads';
import type { ScenarioResult } from '../api-types.js';
import { explainPlan, PlanError, solvePlan, type PlanInput, type PlanProgress, type PlanResult } from './plan.js';

/** What the runner hands the worker (`workerData`). */
export interface PlanJob {
  kind: 'landfill-plan';
  input: PlanInput;
  /** solver id → display name */
  names: Record<string, string>;
  /** candidates that are existing sites (closing one removes a pollution point) */
  existingSiteIds: string[];
}

/** What the worker posts back. */
export type PlanWorkerMessage =
  | { type: 'progress'; progress: PlanProgress }
  | { type: 'done'; result: ScenarioResult }
  | { type: 'plan-error'; kind: PlanError['kind']; en: string; fa: string; path: string | null }
  | { type: 'error'; message: string };

/** The stored result: the plan, the pollution points it removes, and its explanation. */
export function scenarioResult(job: Omit<PlanJob, 'kind'>, plan: PlanResult): ScenarioResult {
  const open = new Set(plan.open);
  const existing = new Set(job.existingSiteIds);
  const explanation = explainPlan(job.input, plan, { names: job.names, existingSiteIds: job.existingSiteIds });
  return {
    open: plan.open,
    assignment: { ...plan.assignment },
    cost: plan.cost,
    fixedCost: plan.fixedCost,
    objective: plan.objective,
    lowerBound: plan.lowerBound,
    gap: plan.gap,
    loads: plan.loads,
    stats: { method: plan.stats.method, provedOptimal: plan.stats.provedOptimal, stoppedBy: plan.stats.stoppedBy, elapsedMs: plan.stats.elapsedMs },
    pollutionPointsRemoved: job.input.sites.filter((s) => !open.has(s.id) && existing.has(s.id)).length,
    explanation,
  };
}

function run(port: NonNullable<typeof parentPort>, job: PlanJob): void {
  try {
    const plan = solvePlan(job.input, { onProgress: (progress) => port.postMessage({ type: 'progress', progress } satisfies PlanWorkerMessage) });
    port.postMessage({ type: 'done', result: scenarioResult(job, plan) } satisfies PlanWorkerMessage);
  } catch (e) {
    const msg: PlanWorkerMessage = e instanceof PlanError
      ? { type: 'plan-error', kind: e.kind, en: e.en, fa: e.fa, path: e.path ?? null }
      : { type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    port.postMessage(msg);
  }
}

// Only inside a worker started with a plan job (importing this file elsewhere, e.g. for its types, does nothing).
const job = workerData as PlanJob | null | undefined;
if (parentPort && job && job.kind === 'landfill-plan') run(parentPort, job);
