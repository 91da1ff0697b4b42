// OR-Library p-median instances (Beasley 1990): parse a pmedN.txt graph and turn it into a landfill-plan scenario.
// File format: "n edges p", then one "i j cost" line per edge (1-based vertices, undirected). When the same pair is
// listed twice the LAST listed cost is used (OR-Library's convention; the published optima are for that reading).
// Distances = all-pairs shortest paths (Floyd–Warshall); every vertex is both a village (demand 1) and a site.
import { readFileSync } from 'node:fs';
import type { PlanInput } from '../src/modules/landfills/server/plan.js';

/** Published optimal values, pmed1..pmed40 (OR-Library pmedopt). */
export const PMED_OPTIMA = [
  5819, 4093, 4250, 3034, 1355, 7824, 5631, 4445, 2734, 1255, 7696, 6634, 4374, 2968, 1729, 8162, 6999, 4809, 2845, 1789,
  9138, 8579, 4619, 2961, 1828, 9917, 8307, 4498, 3033, 1989, 10086, 9297, 4700, 3013, 10400, 9934, 5057, 11060, 9423, 5128,
];

export function parsePmed(text: string): { n: number; p: number; dist: number[][] } {
  const nums = text.trim().split(/\s+/).map(Number);
  const [n, edges, p] = nums as [number, number, number];
  const INF = Number.POSITIVE_INFINITY;
  const d = new Float64Array(n * n).fill(INF);
  for (let i = 0; i < n; i++) d[i * n + i] = 0;
  for (let e = 0; e < edges; e++) {
    const a = nums[3 + 3 * e]! - 1;
    const b = nums[4 + 3 * e]! - 1;
    const c = nums[5 + 3 * e]!;
    if (!(a >= 0 && a < n && b >= 0 && b < n && Number.isFinite(c))) throw new Error(`bad edge ${e + 1}`);
    if (a === b) continue;
    d[a * n + b] = c; // last occurrence wins
    d[b * n + a] = c;
  }
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      const dik = d[i * n + k]!;
      if (dik === INF) continue;
      for (let j = 0; j < n; j++) {
        const v = dik + d[k * n + j]!;
        if (v < d[i * n + j]!) d[i * n + j] = v;
      }
    }
  }
  const dist = Array.from({ length: n }, (_, i) => Array.from(d.subarray(i * n, (i + 1) * n)));
  return { n, p, dist };
}

export function pmedScenario(file: string, timeLimitSeconds = 10): PlanInput {
  const { n, p, dist } = parsePmed(readFileSync(file, 'utf8'));
  const ids = Array.from({ length: n }, (_, i) => `v${i + 1}`);
  return {
    p,
    openCost: null,
    sites: ids.map((id) => ({ id, capacity: null })),
    villages: ids.map((id) => ({ id, demand: 1 })),
    distances: dist,
    timeLimitSeconds,
  };
}

/**
 * A graph built like Beasley's: a Hamiltonian cycle 1-2-…-n-1 plus random edges up to n²/50 edges in all, costs
 * uniform in 1..100 (the published files themselves cannot be regenerated: his generator's seeds are not public).
 */
export function syntheticPmedText(n: number, p: number, seed: number): string {
  let a = seed >>> 0;
  const r = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const edges = Math.round((n * n) / 50);
  const lines = [`${n} ${edges} ${p}`];
  for (let i = 1; i <= n; i++) lines.push(`${i} ${i === n ? 1 : i + 1} ${1 + Math.floor(r() * 100)}`);
  while (lines.length <= edges) {
    const u = 1 + Math.floor(r() * n);
    const v = 1 + Math.floor(r() * n);
    if (u !== v) lines.push(`${u} ${v} ${1 + Math.floor(r() * 100)}`);
  }
  return lines.join('\n');
}

/**
 * A national-scale synthetic scenario shaped like Iran's villages: `villages` points in clusters around county
 * seats inside the country's bounding box, demand 0.1–6 t/day (skewed: most villages are small), `sites`
 * candidate sites next to villages, and optionally capacities.
 */
export function nationalScenario(villages: number, sites: number, p: number | null, opts: { seed?: number; capacities?: boolean; openCost?: number } = {}): PlanInput {
  let a = (opts.seed ?? 1405) >>> 0;
  const r = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const seats = Array.from({ length: 430 }, () => ({ lat: 26 + r() * 12, lon: 45 + r() * 16 }));
  const vs = Array.from({ length: villages }, (_, i) => {
    const c = seats[Math.floor(r() * seats.length)]!;
    const demand = Math.round(Math.min(6, Math.max(0.1, Math.exp(gauss() * 0.8 - 0.4))) * 10) / 10;
    return { id: `v${i}`, lat: c.lat + gauss() * 0.25, lon: c.lon + gauss() * 0.3, demand };
  });
  const total = vs.reduce((s, v) => s + v.demand, 0);
  const ss = Array.from({ length: sites }, (_, j) => {
    const v = vs[Math.floor(r() * villages)]!;
    const capacity = opts.capacities ? Math.round(((total / (p ?? sites / 10)) * (0.6 + r() * 1.4)) * 10) / 10 : null;
    return { id: `s${j}`, lat: v.lat + gauss() * 0.02, lon: v.lon + gauss() * 0.02, capacity };
  });
  return { p, openCost: p === null ? (opts.openCost ?? 2000) : null, sites: ss, villages: vs, distances: null, timeLimitSeconds: null };
}
