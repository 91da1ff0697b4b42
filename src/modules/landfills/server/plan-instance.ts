// The numeric form of a consolidation-planning scenario, shared by the search, the bounds and the capacity code.
//
// Customers are villages (i = 0..n-1, weight w_i = demand in tons/day), facilities are candidate sites
// (j = 0..m-1, capacity Q_j or +Infinity). Haul distance d(i, j) comes from the supplied matrix, or is the
// great-circle distance times a road factor.
//
// Neighbour lists. Every customer keeps its K nearest sites sorted by distance (ties by site index, so everything
// downstream is deterministic). With K = m (small instances, e.g. the OR-Library graphs) the lists are complete
// and every computation is exact. At national scale (37,000 villages × 3,000 sites = 111 M pairs) a full sorted
// matrix would not fit comfortably in memory, so K is truncated; the search then treats a site outside a
// village's list as "far" (its exact distance is computed on demand where a decision needs it), the swap
// evaluation becomes a safe *under*-estimate (an accepted move is always truly improving), and the Lagrangian
// bound caps each multiplier at w_i × (distance to the K-th neighbour) so the bound stays valid (see plan-bound.ts).
import { EARTH_RADIUS_KM } from './geo.js';

export interface Instance {
  n: number;
  m: number;
  /** demand per customer */
  w: Float64Array;
  /** capacity per site, +Infinity when unlimited */
  cap: Float64Array;
  capacitated: boolean;
  /** neighbour list length per customer (same for all) and whether the lists are complete */
  K: number;
  full: boolean;
  /** nbr[i*K + k] = k-th nearest site of customer i; nd = its distance */
  nbr: Int32Array;
  nd: Float64Array;
  /** inverse lists (CSR): customers having site j in their list, with the distance */
  invStart: Int32Array;
  invCust: Int32Array;
  invDist: Float64Array;
  /** exact distance customer i → site j */
  dist: (i: number, j: number) => number;
  /** every distance, demand (and fixed cost) is an integer, so the optimum is an integer */
  integral: boolean;
}

export interface Coordinates {
  villages: { lat: number; lon: number }[];
  sites: { lat: number; lon: number }[];
  roadFactor: number;
}

const DEG = Math.PI / 180;

function unitVectors(points: { lat: number; lon: number }[]) {
  const x = new Float64Array(points.length);
  const y = new Float64Array(points.length);
  const z = new Float64Array(points.length);
  points.forEach((p, k) => {
    const la = p.lat * DEG;
    const lo = p.lon * DEG;
    x[k] = Math.cos(la) * Math.cos(lo);
    y[k] = Math.cos(la) * Math.sin(lo);
    z[k] = Math.sin(la);
  });
  return { x, y, z };
}

/** Default neighbour-list length: complete lists when the full matrix is small, otherwise a few times m/p. */
export function defaultNeighbours(n: number, m: number, p: number | null): number {
  if (n * m <= 4_000_000) return m;
  const perRegion = p ? Math.ceil((6 * m) / p) : 64;
  return Math.min(m, Math.max(48, Math.min(256, perRegion)));
}

/**
 * Builds the instance. `matrix[i][j]` (village i → site j) takes precedence over coordinates. The K nearest sites of
 * each village are found by selection (quickselect on the full row, O(m) per village), then sorted.
 */
export function buildInstance(
  w: number[],
  cap: (number | null)[],
  source: { matrix: number[][] } | Coordinates,
  K: number,
): Instance {
  const n = w.length;
  const m = cap.length;
  K = Math.max(1, Math.min(m, K));
  const full = K === m;
  const wArr = Float64Array.from(w);
  const capArr = Float64Array.from(cap, (c) => (c === null ? Infinity : c));
  const capacitated = cap.some((c) => c !== null);

  let dist: (i: number, j: number) => number;
  /** fills `row` with a key monotone in the distance of village i to every site */
  let rowKeys: (i: number, row: Float64Array) => void;
  /** the distance from a key of rowKeys */
  let keyToDist: (key: number) => number;
  let integral = w.every(Number.isInteger);

  if ('matrix' in source) {
    const mat = source.matrix;
    dist = (i, j) => mat[i]![j]!;
    rowKeys = (i, row) => {
      const r = mat[i]!;
      for (let j = 0; j < m; j++) row[j] = r[j]!;
    };
    keyToDist = (k) => k;
    if (integral) integral = mat.every((r) => r.every(Number.isInteger));
  } else {
    integral = false;
    const v = unitVectors(source.villages);
    const s = unitVectors(source.sites);
    const scale = 2 * EARTH_RADIUS_KM * source.roadFactor;
    // Great-circle distance from the chord between unit vectors: d = 2R·asin(chord/2), the haversine formula
    // rearranged (chord² = 4·hav(θ)); the chord is monotone in the distance, so selection works on chord².
    dist = (i, j) => {
      const dx = v.x[i]! - s.x[j]!;
      const dy = v.y[i]! - s.y[j]!;
      const dz = v.z[i]! - s.z[j]!;
      return scale * Math.asin(Math.min(1, Math.sqrt(dx * dx + dy * dy + dz * dz) / 2));
    };
    rowKeys = (i, row) => {
      const vx = v.x[i]!;
      const vy = v.y[i]!;
      const vz = v.z[i]!;
      for (let j = 0; j < m; j++) {
        const dx = vx - s.x[j]!;
        const dy = vy - s.y[j]!;
        const dz = vz - s.z[j]!;
        row[j] = dx * dx + dy * dy + dz * dz;
      }
    };
    keyToDist = (k) => scale * Math.asin(Math.min(1, Math.sqrt(k) / 2));
  }

  const nbr = new Int32Array(n * K);
  const nd = new Float64Array(n * K);
  const row = new Float64Array(m);
  const idx = new Int32Array(m);
  const byKey = (a: number, b: number) => row[a]! - row[b]! || a - b;
  for (let i = 0; i < n; i++) {
    rowKeys(i, row);
    for (let j = 0; j < m; j++) idx[j] = j;
    if (K < m) selectSmallest(idx, row, K);
    const head = idx.subarray(0, K);
    head.sort(byKey);
    const base = i * K;
    for (let k = 0; k < K; k++) {
      const j = head[k]!;
      nbr[base + k] = j;
      nd[base + k] = keyToDist(row[j]!);
    }
  }

  // inverse lists
  const invStart = new Int32Array(m + 1);
  for (let t = 0; t < n * K; t++) invStart[nbr[t]! + 1]! += 1;
  for (let j = 0; j < m; j++) invStart[j + 1] = invStart[j + 1]! + invStart[j]!;
  const fill = invStart.slice(0, m);
  const invCust = new Int32Array(n * K);
  const invDist = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < K; k++) {
      const j = nbr[i * K + k]!;
      const at = fill[j]!;
      fill[j] = at + 1;
      invCust[at] = i;
      invDist[at] = nd[i * K + k]!;
    }
  }
  return { n, m, w: wArr, cap: capArr, capacitated, K, full, nbr, nd, invStart, invCust, invDist, dist, integral };
}

/** Moves the k entries of idx with the smallest (key, index) to idx[0..k-1] (Hoare-style quickselect). */
export function selectSmallest(idx: Int32Array, key: Float64Array, k: number): void {
  let lo = 0;
  let hi = idx.length - 1;
  const less = (a: number, b: number) => key[a]! < key[b]! || (key[a] === key[b] && a < b);
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const pivot = idx[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (less(idx[i]!, pivot)) i++;
      while (less(pivot, idx[j]!)) j--;
      if (i <= j) {
        const t = idx[i]!;
        idx[i] = idx[j]!;
        idx[j] = t;
        i++;
        j--;
      }
    }
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else return;
  }
}

/** Exact objective Σ w_i·d(i, nearest open site), by scanning (used for p = 1 and checks). */
export function nearestCost(inst: Instance, open: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < inst.n; i++) {
    if (inst.w[i] === 0) continue;
    let best = Infinity;
    for (let t = 0; t < open.length; t++) best = Math.min(best, inst.dist(i, open[t]!));
    total += inst.w[i]! * best;
  }
  return total;
}
