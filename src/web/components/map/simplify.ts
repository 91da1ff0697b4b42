// Turning a TopoJSON boundary set into the small GeoJSON the maps ship (scripts/simplify-boundaries.ts): decode the
// shared arcs, simplify each arc once with Douglas–Peucker (so neighbouring provinces keep one common border, no
// slivers or gaps), round the coordinates, and put the rings back together. Pure: no Leaflet, no DOM, no files.

/** [longitude, latitude], GeoJSON order. */
export type Position = [number, number];

export interface TopoGeometry {
  type: 'Polygon' | 'MultiPolygon' | string;
  id?: string | number;
  properties?: Record<string, unknown> | null;
  /** Polygon: rings of arc indexes; MultiPolygon: polygons of rings. A negative index ~i is arc i reversed. */
  arcs?: number[][] | number[][][];
}

export interface Topology {
  type: 'Topology';
  /** quantized, delta-encoded when `transform` is given; absolute positions otherwise */
  arcs: number[][][];
  transform?: { scale: [number, number]; translate: [number, number] };
  objects: Record<string, { type: 'GeometryCollection'; geometries: TopoGeometry[] }>;
}

export interface Feature<P> {
  type: 'Feature';
  properties: P;
  geometry: { type: 'MultiPolygon'; coordinates: Position[][][] };
}

export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

/** Distance of `p` from the segment a–b (planar, in the units of the coordinates). */
export function segmentDistance(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/**
 * Douglas–Peucker: the fewest of `points` (first and last always kept) such that no dropped point lies farther
 * than `tolerance` from the simplified line. A closed line (first = last) is split at its farthest point from the
 * start first, so a small island keeps its shape instead of collapsing onto the degenerate start–end segment.
 */
export function simplifyLine(points: readonly Position[], tolerance: number): Position[] {
  const n = points.length;
  if (n <= 2 || tolerance <= 0) return points.slice();
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const first = points[0]!;
  const last = points[n - 1]!;
  const stack: Array<[number, number]> = [];
  if (first[0] === last[0] && first[1] === last[1]) {
    let far = 1;
    let farD = -1;
    for (let i = 1; i < n - 1; i++) {
      const d = Math.hypot(points[i]![0] - first[0], points[i]![1] - first[1]);
      if (d > farD) {
        farD = d;
        far = i;
      }
    }
    keep[far] = 1;
    stack.push([0, far], [far, n - 1]);
  } else {
    stack.push([0, n - 1]);
  }
  while (stack.length) {
    const [s, e] = stack.pop()!;
    let maxD = -1;
    let idx = -1;
    for (let i = s + 1; i < e; i++) {
      const d = segmentDistance(points[i]!, points[s]!, points[e]!);
      if (d > maxD) {
        maxD = d;
        idx = i;
      }
    }
    if (idx >= 0 && maxD > tolerance) {
      keep[idx] = 1;
      stack.push([s, idx], [idx, e]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** A position rounded to `decimals` places (3 ≈ 100 m, 4 ≈ 10 m). */
export function roundPosition(p: Position, decimals: number): Position {
  const f = 10 ** decimals;
  return [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
}

/** The arcs of a topology as absolute positions (undoing the quantization and delta encoding). */
export function decodeArcs(topo: Topology): Position[][] {
  const t = topo.transform;
  return topo.arcs.map((arc) => {
    if (!t) return arc.map((p) => [p[0]!, p[1]!] as Position);
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      x += p[0]!;
      y += p[1]!;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] as Position;
    });
  });
}

/** A ring assembled from arc indexes (each arc after the first drops its first point, the previous arc's end). */
export function assembleRing(indexes: readonly number[], arcs: readonly Position[][]): Position[] {
  const ring: Position[] = [];
  for (const i of indexes) {
    const arc = i < 0 ? arcs[~i]!.slice().reverse() : arcs[i]!;
    const start = ring.length ? 1 : 0;
    for (let k = start; k < arc.length; k++) ring.push(arc[k]!);
  }
  return ring;
}

/** Drops positions equal to the one before (rounding makes some), keeping the ring closed. */
function dedupe(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Twice the signed area of a ring (positive = counter-clockwise). */
export function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return a / 2;
}

export interface SimplifyOptions<P> {
  /** Douglas–Peucker tolerance in degrees */
  tolerance: number;
  /** decimals kept in the output */
  decimals: number;
  /** the output properties of a geometry; null marks an orphan whose polygons join the nearest named feature */
  properties: (g: TopoGeometry) => P | null;
}

/**
 * The polygons of a topology object as GeoJSON MultiPolygon features, arcs simplified once each. Rings that
 * simplification or rounding shrinks below a triangle are dropped (islets smaller than the tolerance). Orphan
 * geometries (properties → null) are attached to the feature with the nearest vertex (a disputed-islet
 * placeholder, say), so the output has exactly the named features.
 */
export function topologyToFeatures<P>(topo: Topology, objectName: string, opts: SimplifyOptions<P>): FeatureCollection<P> {
  const object = topo.objects[objectName];
  if (!object) throw new Error(`topology has no object «${objectName}»`);
  const arcs = decodeArcs(topo).map((a) => simplifyLine(a, opts.tolerance));
  const features: Feature<P>[] = [];
  const orphans: Position[][][] = [];
  for (const g of object.geometries) {
    const polys = g.type === 'Polygon' ? [g.arcs as number[][]] : g.type === 'MultiPolygon' ? (g.arcs as number[][][]) : [];
    const coords: Position[][][] = [];
    for (const poly of polys) {
      const rings = poly.map((r) => dedupe(assembleRing(r, arcs).map((p) => roundPosition(p, opts.decimals))));
      const valid = (r: Position[]) => r.length >= 4 && ringArea(r) !== 0;
      // a polygon whose outer ring vanished goes with its holes
      if (rings[0] && valid(rings[0])) coords.push([rings[0], ...rings.slice(1).filter(valid)]);
    }
    const props = opts.properties(g);
    if (props === null) orphans.push(...coords);
    else if (coords.length) features.push({ type: 'Feature', properties: props, geometry: { type: 'MultiPolygon', coordinates: coords } });
  }
  for (const poly of orphans) nearestFeature(features, poly[0]![0]!)?.geometry.coordinates.push(poly);
  return { type: 'FeatureCollection', features };
}

/** The feature with a vertex nearest to `p`. */
export function nearestFeature<P>(features: Feature<P>[], p: Position): Feature<P> | undefined {
  let best: Feature<P> | undefined;
  let bestD = Infinity;
  for (const f of features) {
    for (const poly of f.geometry.coordinates) {
      for (const q of poly[0] ?? []) {
        const d = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2;
        if (d < bestD) {
          bestD = d;
          best = f;
        }
      }
    }
  }
  return best;
}
