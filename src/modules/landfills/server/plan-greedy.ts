// Greedy construction of an initial open set for the uncapacitated search (plan-search.ts) and the exact 1-median.
import type { Instance } from './plan-instance.js';

/**
 * Greedy construction: the 1-median first (over a deterministic sample of at most 4,000 villages at national scale),
 * then repeatedly the site with the largest saving — p sites, or while the saving exceeds the opening cost.
 */
export function greedy(inst: Instance, p: number | null, F: number): number[] {
  const { n, m, K, nbr, nd, w } = inst;
  const open: number[] = [];
  const isOpen = new Uint8Array(m);
  if (m === 0) return open;
  // first site: min Σ w d over a sample
  const step = Math.max(1, Math.ceil(n / 4000));
  let first = 0;
  let firstCost = Infinity;
  const sum = new Float64Array(m);
  for (let i = 0; i < n; i += step) {
    const wi = w[i]!;
    if (wi === 0) continue;
    for (let j = 0; j < m; j++) sum[j] = sum[j]! + wi * inst.dist(i, j);
  }
  for (let j = 0; j < m; j++) {
    if (sum[j]! < firstCost) {
      firstCost = sum[j]!;
      first = j;
    }
  }
  open.push(first);
  isOpen[first] = 1;
  const target = p ?? m;
  if (open.length >= target) return open;

  const d1 = new Float64Array(n);
  const lastDist = new Float64Array(n);
  const gain = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    d1[i] = inst.dist(i, first);
    lastDist[i] = nd[i * K + K - 1]!;
  }
  const contribute = (i: number, s: number) => {
    const wi = w[i]!;
    if (wi === 0) return;
    const base = i * K;
    const da = d1[i]!;
    for (let k = 0; k < K; k++) {
      const df = nd[base + k]!;
      if (df >= da) break;
      const f = nbr[base + k]!;
      if (!isOpen[f]) gain[f] = gain[f]! + s * wi * (da - df);
    }
  };
  for (let i = 0; i < n; i++) contribute(i, 1);
  const mark = new Int32Array(n).fill(-1);
  const markVal = new Float64Array(n);
  const affected = new Int32Array(n);
  const newD = new Float64Array(n);
  while (open.length < target) {
    let bf = -1;
    let bv = -Infinity;
    for (let f = 0; f < m; f++) {
      if (!isOpen[f] && gain[f]! > bv) {
        bv = gain[f]!;
        bf = f;
      }
    }
    if (bf < 0) break;
    if (p === null && !(bv > F)) break;
    for (let t = inst.invStart[bf]!; t < inst.invStart[bf + 1]!; t++) {
      mark[inst.invCust[t]!] = bf;
      markVal[inst.invCust[t]!] = inst.invDist[t]!;
    }
    let na = 0;
    for (let i = 0; i < n; i++) {
      let df: number;
      if (mark[i] === bf) df = markVal[i]!;
      else if (!inst.full && d1[i]! > lastDist[i]!) df = inst.dist(i, bf);
      else continue;
      if (df < d1[i]!) {
        contribute(i, -1);
        affected[na] = i;
        newD[na++] = df;
      }
    }
    isOpen[bf] = 1;
    for (let t = 0; t < na; t++) {
      d1[affected[t]!] = newD[t]!;
      contribute(affected[t]!, 1);
    }
    gain[bf] = 0;
    open.push(bf);
  }
  return open;
}

/** Exact 1-median: Σ_i w_i d(i, j) for every site. */
export function bestSingleSite(inst: Instance): { site: number; cost: number } {
  let site = 0;
  let cost = Infinity;
  for (let j = 0; j < inst.m; j++) {
    let c = 0;
    for (let i = 0; i < inst.n; i++) if (inst.w[i]! > 0) c += inst.w[i]! * inst.dist(i, j);
    if (c < cost) {
      cost = c;
      site = j;
    }
  }
  return { site, cost };
}
