// The data generator (`npm run cli -- generate`): a whole country's worth of realistic records, written with
// set-based SQL in batches, so the lists and searches can be measured at the sizes the platform is built for.
// Also the library the benchmarks import (generateComplaints, generateFestivalPlans, generateScale).
import type { Database } from '../core/db/client.js';
import { generateComplaints, type GenerateOptions } from './complaints.js';
import { generateFestivalPlans } from './festival.js';
import { generateAmriyeh } from './amriyeh.js';
import { generateDivisions } from './divisions.js';
import { generateLandfills } from './landfills.js';

export { generateAmriyeh, generateComplaints, generateDivisions, generateFestivalPlans, generateLandfills, type GenerateOptions };

export type Scale = 'small' | 'medium' | 'national';

/** How many of each record a scale writes. `divisions`: import the real divisions with 37,000 generated villages. */
export interface ScaleCounts {
  divisions: boolean;
  complaints: number;
  plans: number;
  amriyeh: number;
  landfills: number;
}

export const SCALES: Record<Scale, ScaleCounts> = {
  small: { divisions: false, complaints: 10_000, plans: 2_000, amriyeh: 2_000, landfills: 500 },
  medium: { divisions: false, complaints: 100_000, plans: 20_000, amriyeh: 20_000, landfills: 2_000 },
  national: { divisions: true, complaints: 1_000_000, plans: 50_000, amriyeh: 200_000, landfills: 5_000 },
};

export interface GenerateReport {
  counts: ScaleCounts;
  /** Seconds per part, and in all. */
  seconds: Record<string, number>;
}

/** Generates `counts` (a scale's, or explicit ones), timing each part. */
export async function generateCounts(database: Database, counts: ScaleCounts, opts: GenerateOptions & { divisionsDir?: string } = {}): Promise<GenerateReport> {
  const log = opts.log ?? (() => {});
  const seconds: Record<string, number> = {};
  const t0 = Date.now();
  const part = async (name: string, fn: () => Promise<unknown>) => {
    const t = Date.now();
    await fn();
    seconds[name] = (Date.now() - t) / 1000;
    log(`${name}: done in ${seconds[name]!.toFixed(1)} s`);
  };
  if (counts.divisions) await part('divisions', () => generateDivisions(database, { ...opts, ...(opts.divisionsDir ? { dir: opts.divisionsDir } : {}) }));
  if (counts.complaints) await part('complaints', () => generateComplaints(database, counts.complaints, opts));
  if (counts.plans) await part('plans', () => generateFestivalPlans(database, counts.plans, opts));
  if (counts.amriyeh) await part('amriyeh', () => generateAmriyeh(database, counts.amriyeh, opts));
  if (counts.landfills) await part('landfills', () => generateLandfills(database, counts.landfills, opts));
  seconds.total = (Date.now() - t0) / 1000;
  return { counts, seconds };
}

/** Generates one of the predefined scales (see {@link SCALES}). */
export async function generateScale(database: Database, scale: Scale, opts: GenerateOptions = {}): Promise<GenerateReport> {
  return generateCounts(database, SCALES[scale], opts);
}
