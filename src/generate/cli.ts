// `npm run cli -- generate …`: parses the options and runs the generator, printing progress and timings.
import type { Database } from '../core/db/client.js';
import { generateCounts, SCALES, type Scale, type ScaleCounts } from './index.js';

export const GENERATE_USAGE = `generate --scale small|medium|national [--seed N] [--complaints N] [--plans N] [--amriyeh N] [--landfills N] [--divisions] [--divisions-dir DIR]
                               generate realistic data in bulk (national: real divisions + 37,000 dehyaris, 1M complaints, …)`;

const COUNT_FLAGS = ['complaints', 'plans', 'amriyeh', 'landfills'] as const;

/** Parses the arguments of `generate`; a string is the error to print. */
export function parseGenerateArgs(args: string[]): { counts: ScaleCounts; seed: number; dir?: string } | string {
  let counts: ScaleCounts | null = null;
  const explicit: Partial<Record<(typeof COUNT_FLAGS)[number], number>> = {};
  let divisions: boolean | undefined;
  let seed = 1;
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!.replace(/^--/, '');
    const value = args[i + 1];
    if (flag === 'divisions') { divisions = true; continue; }
    if (value === undefined) return `--${flag} needs a value`;
    i++;
    if (flag === 'scale') {
      if (!Object.hasOwn(SCALES, value)) return `unknown scale ${value} (small, medium or national)`;
      counts = { ...SCALES[value as Scale] };
    } else if (flag === 'seed' || (COUNT_FLAGS as readonly string[]).includes(flag)) {
      const n = Number(value);
      if (!Number.isSafeInteger(n) || n < 0) return `--${flag} must be a whole number ≥ 0`;
      if (flag === 'seed') seed = n;
      else explicit[flag as (typeof COUNT_FLAGS)[number]] = n;
    } else if (flag === 'divisions-dir') dir = value;
    else return `unknown option --${flag}`;
  }
  if (!counts && !Object.keys(explicit).length && !divisions) return 'give --scale or explicit counts';
  const base: ScaleCounts = counts ?? { divisions: false, complaints: 0, plans: 0, amriyeh: 0, landfills: 0 };
  return { counts: { ...base, ...explicit, ...(divisions !== undefined ? { divisions } : {}) }, seed, ...(dir ? { dir } : {}) };
}

/** Runs `generate` with `args` on `database`; returns the exit code. */
export async function generateCommand(database: Database, args: string[]): Promise<number> {
  const parsed = parseGenerateArgs(args);
  if (typeof parsed === 'string') {
    console.error(`generate: ${parsed}\nusage: npm run cli -- ${GENERATE_USAGE}`);
    return 2;
  }
  const start = Date.now();
  const log = (s: string) => console.log(`[${((Date.now() - start) / 1000).toFixed(1).padStart(6)} s] ${s}`);
  log(`generating on ${database.backend}: ${JSON.stringify(parsed.counts)} (seed ${parsed.seed})`);
  const report = await generateCounts(database, parsed.counts, { seed: parsed.seed, log, ...(parsed.dir ? { divisionsDir: parsed.dir } : {}) });
  console.log(JSON.stringify(report, null, 2));
  return 0;
}
