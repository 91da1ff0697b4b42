// The two database-free CLI commands of the amriyeh selection, as pure functions (src/cli.ts does the I/O):
//   amriyeh-allocate < input.json > output.json
//   lottery --seed KEY --pool N --pick K
// Each returns the exit code and the exact stdout / stderr text, so they are tested without spawning npm.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { allocate } from './allocate.js';
import { rfc3797Select } from './lottery.js';

export interface CommandResult { code: number; stdout: string; stderr: string }

const id = z.string().min(1);
const count = z.number().int().nonnegative();

export const allocationInputSchema = z.object({
  seed: z.string().min(1),
  stations: z.array(z.object({ id, province: z.string().min(1), seats: count })),
  provinceQuotas: z.record(z.string(), count),
  applicants: z.array(z.object({ id, province: z.string().min(1), score: z.number(), preferences: z.array(id) })),
}).superRefine((v, ctx) => {
  const unique = (ids: string[], what: 'stations' | 'applicants') => {
    const seen = new Set<string>();
    ids.forEach((x, i) => {
      if (seen.has(x)) ctx.addIssue({ code: 'custom', path: [what, i, 'id'], message: `duplicate id ${JSON.stringify(x)}` });
      seen.add(x);
    });
  };
  unique(v.stations.map((s) => s.id), 'stations');
  unique(v.applicants.map((a) => a.id), 'applicants');
});

function fail(message: string): CommandResult {
  return { code: 2, stdout: '', stderr: `${message.replace(/\s+/g, ' ').trim()}\n` };
}

/** `amriyeh-allocate`: the input JSON text (stdin) → the output JSON (stdout), or exit 2 with a one-line error. */
export function amriyehAllocateCommand(inputText: string): CommandResult {
  let raw: unknown;
  try {
    raw = JSON.parse(inputText);
  } catch (e) {
    return fail(`amriyeh-allocate: input is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = allocationInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.map(String).join('.') : '(root)';
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : '';
    return fail(`amriyeh-allocate: invalid input at ${where}: ${issue.message}${more}`);
  }
  return { code: 0, stdout: `${JSON.stringify(allocate(parsed.data))}\n`, stderr: '' };
}

const LOTTERY_USAGE = 'usage: lottery --seed KEY --pool N --pick K (KEY in RFC 3797 canonical form, e.g. 9319./2.5.8.10.12./9.18.26.34.41.45./; 0 <= K <= N)';

/** `lottery --seed KEY --pool N --pick K`: the K selected positions (1..N), one per line, in selection order. */
export function lotteryCommand(args: string[]): CommandResult {
  let values: { seed?: string; pool?: string; pick?: string };
  try {
    ({ values } = parseArgs({ args, strict: true, allowPositionals: false, options: { seed: { type: 'string' }, pool: { type: 'string' }, pick: { type: 'string' } } }));
  } catch (e) {
    return fail(`lottery: ${(e as Error).message}; ${LOTTERY_USAGE}`);
  }
  const { seed, pool, pick } = values;
  if (!seed || pool === undefined || pick === undefined) return fail(`lottery: --seed, --pool and --pick are required; ${LOTTERY_USAGE}`);
  const isCount = (s: string) => /^\d{1,9}$/.test(s);
  if (!isCount(pool) || !isCount(pick)) return fail(`lottery: --pool and --pick must be non-negative integers; ${LOTTERY_USAGE}`);
  const n = Number(pool);
  const k = Number(pick);
  if (k > n) return fail(`lottery: --pick (${k}) cannot exceed --pool (${n})`);
  const selected = rfc3797Select(seed, n, k);
  return { code: 0, stdout: selected.map((p) => `${p}\n`).join(''), stderr: '' };
}
