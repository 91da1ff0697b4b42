// Consolidation-planning solver quality and speed (issue 5's target: within 0.5% of the optimum on the OR-Library
// p-median instances pmed1–pmed40, each in under 10 s; national scale — 37,000 villages, 3,000 sites — under a minute).
//   1. OR-Library pmedN present in bench/data/pmed/ (see its README): gap to the published optimum, our bound, time.
//   2. For every pmedN not present, a graph of the same n and p built the same way (Beasley's construction, our seed):
//      its optimum is unknown, so the gap is measured against our own Lagrangian lower bound (an upper estimate of
//      the true gap).
//   3. National-scale synthetic scenarios: p = 300 without and with capacities, and a fixed opening cost.
// Usage: npx tsx bench/landfill-plan.ts [--only pmed|national]  →  bench/results/landfill-plan.json and .md
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { solvePlan, type PlanInput, type PlanResult } from '../src/modules/landfills/server/plan.js';
import { nationalScenario, parsePmed, PMED_OPTIMA, pmedScenario, syntheticPmedText } from './landfill-pmed.js';

const GRID: [number, number][] = [
  [100, 5], [100, 10], [100, 10], [100, 20], [100, 33], [200, 5], [200, 10], [200, 20], [200, 40], [200, 67],
  [300, 5], [300, 10], [300, 30], [300, 60], [300, 100], [400, 5], [400, 10], [400, 40], [400, 80], [400, 133],
  [500, 5], [500, 10], [500, 50], [500, 100], [500, 167], [600, 5], [600, 10], [600, 60], [600, 120], [600, 200],
  [700, 5], [700, 10], [700, 70], [700, 140], [800, 5], [800, 10], [800, 80], [900, 5], [900, 10], [900, 90],
];

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;

interface PmedRow {
  instance: string;
  source: 'OR-Library' | 'synthetic';
  n: number;
  p: number;
  cost: number;
  optimum: number | null;
  /** (cost − optimum) / optimum, when the optimum is published */
  gapToOptimum: number | null;
  lowerBound: number | null;
  /** (cost − lowerBound) / cost */
  gapToBound: number | null;
  provedOptimal: boolean;
  seconds: number;
  stoppedBy: string;
}

function timed(input: PlanInput): { r: PlanResult; seconds: number } {
  const t = performance.now();
  const r = solvePlan(input);
  return { r, seconds: (performance.now() - t) / 1000 };
}

const pmedRows: PmedRow[] = [];
if (only !== 'national') {
  GRID.forEach(([n, p], k) => {
    const name = `pmed${k + 1}`;
    const file = new URL(`data/pmed/${name}.txt`, import.meta.url);
    let input: PlanInput;
    let source: PmedRow['source'];
    if (existsSync(file)) {
      input = pmedScenario(file.pathname, 10);
      source = 'OR-Library';
    } else {
      const { dist } = parsePmed(syntheticPmedText(n, p, 1000 + k));
      const ids = dist.map((_, i) => `${i + 1}`);
      input = { p, openCost: null, sites: ids.map((id) => ({ id, capacity: null })), villages: ids.map((id) => ({ id, demand: 1 })), distances: dist, timeLimitSeconds: 10 };
      source = 'synthetic';
    }
    const { r, seconds } = timed(input);
    const optimum = source === 'OR-Library' ? PMED_OPTIMA[k]! : null;
    const row: PmedRow = {
      instance: source === 'OR-Library' ? name : `${name}-like`,
      source,
      n,
      p,
      cost: r.cost,
      optimum,
      gapToOptimum: optimum === null ? null : (r.cost - optimum) / optimum,
      lowerBound: r.lowerBound,
      gapToBound: r.gap,
      provedOptimal: r.stats.provedOptimal,
      seconds: Math.round(seconds * 100) / 100,
      stoppedBy: r.stats.stoppedBy,
    };
    pmedRows.push(row);
    console.log(`${row.instance.padEnd(12)} n=${n} p=${p} cost=${r.cost} ${optimum !== null ? `opt=${optimum} gap=${(row.gapToOptimum! * 100).toFixed(3)}%` : ''} LB=${r.lowerBound} (${((r.gap ?? 0) * 100).toFixed(3)}%) ${row.seconds}s ${row.stoppedBy}`);
  });
}

interface NationalRow {
  scenario: string;
  villages: number;
  sites: number;
  p: number | null;
  capacities: boolean;
  open: number;
  cost: number;
  objective: number;
  lowerBound: number | null;
  gapToBound: number | null;
  seconds: number;
  stoppedBy: string;
  phases: { phase: string; atSeconds: number }[];
}
const nationalRows: NationalRow[] = [];
if (only !== 'pmed') {
  const cases: [string, PlanInput][] = [
    ['p = 300, no capacities', nationalScenario(37_000, 3_000, 300)],
    ['p = 300, capacities (total 1.3× demand)', nationalScenario(37_000, 3_000, 300, { capacities: true })],
    ['fixed cost per site (2,000 ton-km/day)', nationalScenario(37_000, 3_000, null, { openCost: 2000 })],
  ];
  for (const [label, input] of cases) {
    const phases: { phase: string; atSeconds: number }[] = [];
    const t = performance.now();
    const r = solvePlan(input, {
      onProgress: (e) => {
        if (phases.at(-1)?.phase !== e.phase) phases.push({ phase: e.phase, atSeconds: Math.round(e.elapsedMs / 100) / 10 });
      },
    });
    const seconds = (performance.now() - t) / 1000;
    const row: NationalRow = {
      scenario: label,
      villages: input.villages.length,
      sites: input.sites.length,
      p: input.p,
      capacities: input.sites.some((s) => s.capacity !== null),
      open: r.open.length,
      cost: Math.round(r.cost),
      objective: Math.round(r.objective),
      lowerBound: r.lowerBound === null ? null : Math.round(r.lowerBound),
      gapToBound: r.gap,
      seconds: Math.round(seconds * 10) / 10,
      stoppedBy: r.stats.stoppedBy,
      phases,
    };
    nationalRows.push(row);
    console.log(`national ${label}: open=${row.open} objective=${row.objective} LB=${row.lowerBound} gap=${((r.gap ?? 0) * 100).toFixed(2)}% ${row.seconds}s ${row.stoppedBy}`);
  }
}

// --only: keep the other section from the previous results file
const resultsFile = new URL('results/landfill-plan.json', import.meta.url);
if (only && existsSync(resultsFile)) {
  const previous = JSON.parse(readFileSync(resultsFile, 'utf8')) as { pmed?: PmedRow[]; national?: NationalRow[] };
  if (only === 'national') pmedRows.push(...(previous.pmed ?? []));
  if (only === 'pmed') nationalRows.push(...(previous.national ?? []));
}

const lib = pmedRows.filter((r) => r.source === 'OR-Library');
const syn = pmedRows.filter((r) => r.source === 'synthetic');
const summary = {
  orLibrary: lib.length
    ? {
        instances: lib.length,
        atOptimum: lib.filter((r) => r.gapToOptimum === 0).length,
        meanGapToOptimum: lib.reduce((a, r) => a + r.gapToOptimum!, 0) / lib.length,
        maxGapToOptimum: Math.max(...lib.map((r) => r.gapToOptimum!)),
        provedOptimal: lib.filter((r) => r.provedOptimal).length,
        maxSeconds: Math.max(...lib.map((r) => r.seconds)),
      }
    : null,
  synthetic: syn.length
    ? {
        instances: syn.length,
        provedOptimal: syn.filter((r) => r.provedOptimal).length,
        meanGapToBound: syn.reduce((a, r) => a + (r.gapToBound ?? 0), 0) / syn.length,
        maxGapToBound: Math.max(...syn.map((r) => r.gapToBound ?? 0)),
        maxSeconds: Math.max(...syn.map((r) => r.seconds)),
      }
    : null,
};
const result = { date: new Date().toISOString(), node: process.version, summary, pmed: pmedRows, national: nationalRows };
mkdirSync(new URL('results/', import.meta.url), { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify(result, null, 2)}\n`);

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)}%`);
let md = `# Landfill consolidation planning benchmark\n\n${result.date} · Node ${result.node} · one core\n\n`;
md += 'Target (issue 5): within 0.5% of the optimum on OR-Library pmed1–pmed40, each under 10 s; national scale under a minute.\n\n';
if (summary.orLibrary) {
  const s = summary.orLibrary;
  md += `**OR-Library instances available here: ${s.instances}** — at the published optimum: ${s.atOptimum}; mean gap ${pct(s.meanGapToOptimum)}, max ${pct(s.maxGapToOptimum)}; proved optimal by our own bound: ${s.provedOptimal}; slowest ${s.maxSeconds} s.\n\n`;
}
if (summary.synthetic) {
  const s = summary.synthetic;
  md += `**Instances not available here, replaced by graphs of the same n and p built the same way (${s.instances})** — optimum unknown, so measured against our Lagrangian lower bound (the true gap is at most this): mean ${pct(s.meanGapToBound)}, max ${pct(s.maxGapToBound)}; proved optimal: ${s.provedOptimal}; slowest ${s.maxSeconds} s.\n\n`;
}
if (pmedRows.length) {
  md += '| instance | n | p | cost | published optimum | gap to optimum | lower bound | gap to bound | proved optimal | seconds |\n|---|---|---|---|---|---|---|---|---|---|\n';
  for (const r of pmedRows) md += `| ${r.instance} | ${r.n} | ${r.p} | ${r.cost} | ${r.optimum ?? '—'} | ${pct(r.gapToOptimum)} | ${r.lowerBound ?? '—'} | ${pct(r.gapToBound)} | ${r.provedOptimal ? 'yes' : 'no'} | ${r.seconds} |\n`;
  md += '\n';
}
if (nationalRows.length) {
  md += '## National scale (synthetic: 37,000 villages in 430 clusters, 3,000 candidate sites, great-circle × 1.3)\n\n';
  md += '| scenario | sites kept | ton-km/day (+ fixed) | lower bound | gap to bound | seconds | stopped by | phases (s) |\n|---|---|---|---|---|---|---|---|\n';
  for (const r of nationalRows) md += `| ${r.scenario} | ${r.open} | ${r.objective} | ${r.lowerBound ?? '—'} | ${pct(r.gapToBound)} | ${r.seconds} | ${r.stoppedBy} | ${r.phases.map((p) => `${p.phase} ${p.atSeconds}`).join(', ')} |\n`;
}
writeFileSync(new URL('results/landfill-plan.md', import.meta.url), md);
