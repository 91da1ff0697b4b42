// Fund allocation (exact 0/1 knapsack) speed: 2,000 sites, budgets of 5·10^6 and 10^7 whole units, on the classic
// families of Pisinger's generator — uncorrelated, weakly correlated, strongly correlated, subset sum — plus the
// realistic case of issue 5 (TOPSIS priority scores in 0..1, funding needs unrelated to them). Exactness is checked
// against the plain budget DP on the same families at budget 10^5 (the DP at 10^7 would need 2·10^10 steps).
// Usage: npx tsx bench/landfill-allocate.ts  →  bench/results/landfill-allocate.json and .md
import { mkdirSync, writeFileSync } from 'node:fs';
import { knapsackDP, solveKnapsack, type KnapsackItem } from '../src/modules/landfills/server/knapsack.js';
import { seededRandom } from '../src/core/random.js';

const rng = seededRandom;

type Family = 'realistic' | 'uncorrelated' | 'weakly correlated' | 'strongly correlated' | 'subset sum';
const FAMILIES: Family[] = ['realistic', 'uncorrelated', 'weakly correlated', 'strongly correlated', 'subset sum'];

/** n items with costs in 1..R. */
function items(family: Family, n: number, R: number, seed: number): KnapsackItem[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, k) => {
    const cost = 1 + Math.floor(r() * R);
    let value: number;
    switch (family) {
      case 'realistic':
        value = Math.round(r() * 1e6) / 1e6; // a TOPSIS closeness score
        break;
      case 'uncorrelated':
        value = 1 + Math.floor(r() * R);
        break;
      case 'weakly correlated':
        value = Math.max(1, cost + Math.floor(r() * (R / 5)) - Math.floor(R / 10));
        break;
      case 'strongly correlated':
        value = cost + Math.floor(R / 10);
        break;
      case 'subset sum':
        value = cost;
        break;
    }
    return { id: `site-${k}`, cost, value };
  });
}

const rows: { family: Family; items: number; maxCost: number; budget: number; ms: number; states: number; value: number; dpChecked: boolean }[] = [];
for (const [R, budget] of [[10_000, 5_000_000], [100_000, 10_000_000]] as const) {
  for (const family of FAMILIES) {
    const list = items(family, 2000, R, 7 + R + FAMILIES.indexOf(family));
    const t = performance.now();
    const res = solveKnapsack({ budget, items: list });
    const ms = performance.now() - t;
    rows.push({ family, items: 2000, maxCost: R, budget, ms: Math.round(ms), states: res.states, value: res.value, dpChecked: false });
    console.log(`${family.padEnd(20)} costs ≤ ${R} budget ${budget}: ${Math.round(ms)} ms, ${res.states} states, value ${res.value}`);
  }
}
// exactness against the budget DP at a budget the DP can afford
const checks: { family: Family; budget: number; agree: boolean; ms: number; dpMs: number }[] = [];
for (const family of FAMILIES) {
  const list = items(family, 2000, 100, 99 + FAMILIES.indexOf(family));
  const budget = 100_000 / 2;
  let t = performance.now();
  const res = solveKnapsack({ budget, items: list });
  const ms = performance.now() - t;
  t = performance.now();
  const dp = knapsackDP(budget, list);
  const dpMs = performance.now() - t;
  const agree = Math.abs(res.value - dp) <= 1e-9 * Math.max(1, Math.abs(dp));
  checks.push({ family, budget, agree, ms: Math.round(ms), dpMs: Math.round(dpMs) });
  console.log(`check ${family}: ${agree ? 'same value as the DP' : `DIFFERENT: ${res.value} vs ${dp}`} (${Math.round(ms)} ms vs DP ${Math.round(dpMs)} ms)`);
}

const result = { date: new Date().toISOString(), node: process.version, runs: rows, dpChecks: checks };
mkdirSync(new URL('results/', import.meta.url), { recursive: true });
writeFileSync(new URL('results/landfill-allocate.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
let md = `# Landfill fund allocation benchmark (exact 0/1 knapsack)\n\n${result.date} · Node ${result.node}\n\n`;
md += '| family | items | costs up to | budget | ms | states |\n|---|---|---|---|---|---|\n';
for (const r of rows) md += `| ${r.family} | ${r.items} | ${r.maxCost} | ${r.budget} | ${r.ms} | ${r.states} |\n`;
md += '\nExactness against the plain budget DP (2,000 items, costs ≤ 100, budget 50,000):\n\n| family | same optimum | ms | DP ms |\n|---|---|---|---|\n';
for (const c of checks) md += `| ${c.family} | ${c.agree ? 'yes' : 'NO'} | ${c.ms} | ${c.dpMs} |\n`;
writeFileSync(new URL('results/landfill-allocate.md', import.meta.url), md);
