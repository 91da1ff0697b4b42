// The two database-free CLI commands of the landfill service, as pure functions (src/cli.ts does the I/O):
//   landfill-plan [--progress] < scenario.json > plan.json
//   landfill-allocate < input.json > output.json
// Errors go to stderr as two lines, English then Persian, with exit code 2 for invalid input and 3 for a
// scenario that has no feasible plan.
import { z } from 'zod';
import { KnapsackError, solveKnapsack } from './knapsack.js';
import { PlanError, solvePlan, type PlanInput, type PlanProgress } from './plan.js';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

const id = z.string().min(1);
const num = z.number();
const coord = num.nullable().optional();

export const planInputSchema = z.object({
  p: num.nullable().optional(),
  openCost: num.nullable().optional(),
  sites: z.array(z.object({ id, lat: coord, lon: coord, capacity: num.nullable().optional() })),
  villages: z.array(z.object({ id, lat: coord, lon: coord, demand: num })),
  distances: z.array(z.array(num)).nullable().optional(),
  timeLimitSeconds: num.nullable().optional(),
  roadFactor: num.nullable().optional(),
});

export const allocateInputSchema = z.object({
  budget: num,
  items: z.array(z.object({ id, cost: num, value: num })),
});

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function fail(command: string, code: number, en: string, fa: string): CommandResult {
  return { code, stdout: '', stderr: `${command}: ${oneLine(en)}\n${command}: ${oneLine(fa)}\n` };
}

function parse<T>(command: string, text: string, schema: z.ZodType<T>): T | CommandResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail(command, 2, `input is not valid JSON: ${(e as Error).message}`, 'ورودی JSON معتبر نیست');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : '';
    return fail(command, 2, `invalid input at ${where}: ${issue.message}${more}`, `ورودی نامعتبر در ${where}`);
  }
  return parsed.data;
}

const isResult = (x: unknown): x is CommandResult => typeof x === 'object' && x !== null && 'code' in x && 'stderr' in x;

const PLAN_USAGE = 'usage: landfill-plan [--progress] < scenario.json';

/**
 * `landfill-plan`: scenario JSON (stdin) → `{"open", "assignment", "cost", "lowerBound"}` (stdout); with a fixed
 * opening cost also `"objective"` (= cost + openCost × open sites), which is what lowerBound bounds. `--progress`
 * reports the search on stderr through `progress` as it runs.
 */
export function landfillPlanCommand(text: string, args: string[] = [], progress?: (line: string) => void): CommandResult {
  const showProgress = args.includes('--progress');
  const unknown = args.filter((a) => a !== '--progress');
  if (unknown.length) return fail('landfill-plan', 2, `unknown argument ${unknown[0]}; ${PLAN_USAGE}`, `آرگومان ناشناخته ${unknown[0]}`);
  const data = parse('landfill-plan', text, planInputSchema);
  if (isResult(data)) return data;
  const input: PlanInput = {
    p: data.p ?? null,
    openCost: data.openCost ?? null,
    sites: data.sites.map((s) => ({ id: s.id, lat: s.lat ?? null, lon: s.lon ?? null, capacity: s.capacity ?? null })),
    villages: data.villages.map((v) => ({ id: v.id, lat: v.lat ?? null, lon: v.lon ?? null, demand: v.demand })),
    distances: data.distances ?? null,
    timeLimitSeconds: data.timeLimitSeconds ?? null,
    roadFactor: data.roadFactor ?? null,
  };
  const onProgress = showProgress && progress
    ? (e: PlanProgress) => progress(`landfill-plan: ${e.phase} ${(e.elapsedMs / 1000).toFixed(1)}s best=${e.best ?? '-'} bound=${e.lowerBound ?? '-'} work=${Math.round(e.fraction * 100)}%\n`)
    : undefined;
  try {
    const r = solvePlan(input, { onProgress });
    const out: Record<string, unknown> = { open: r.open, assignment: r.assignment, cost: r.cost, lowerBound: r.lowerBound };
    if (input.openCost !== null) out.objective = r.objective;
    return { code: 0, stdout: `${JSON.stringify(out)}\n`, stderr: '' };
  } catch (e) {
    if (e instanceof PlanError) {
      if (e.kind === 'infeasible') return fail('landfill-plan', 3, e.en, e.fa);
      return fail('landfill-plan', 2, `invalid input${e.path ? ` at ${e.path}` : ''}: ${e.en}`, `ورودی نامعتبر${e.path ? ` در ${e.path}` : ''}: ${e.fa}`);
    }
    throw e;
  }
}

/** `landfill-allocate`: `{"budget", "items": [{"id", "cost", "value"}]}` → `{"selected": [id…], "value"}`. */
export function landfillAllocateCommand(text: string, args: string[] = []): CommandResult {
  if (args.length) return fail('landfill-allocate', 2, `unknown argument ${args[0]}; usage: landfill-allocate < input.json`, `آرگومان ناشناخته ${args[0]}`);
  const data = parse('landfill-allocate', text, allocateInputSchema);
  if (isResult(data)) return data;
  try {
    const r = solveKnapsack(data);
    return { code: 0, stdout: `${JSON.stringify({ selected: r.selected, value: r.value })}\n`, stderr: '' };
  } catch (e) {
    if (e instanceof KnapsackError) return fail('landfill-allocate', 2, `invalid input at ${e.path}: ${e.en}`, `ورودی نامعتبر در ${e.path}: ${e.fa}`);
    throw e;
  }
}
