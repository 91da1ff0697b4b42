// The offline background of the maps: Iran's 31 provinces, shipped with the app (iran-provinces.geo.json, built by
// scripts/simplify-boundaries.ts; source and licence in LICENSE-iran-provinces.md). The file is imported
// dynamically, so the bundler makes it a chunk of its own, fetched only when a map is first drawn, and once.
import type { FeatureCollection, Position } from './simplify.js';

export interface ProvinceProps {
  /** Persian name */
  name: string;
  nameEn: string;
}

export type Provinces = FeatureCollection<ProvinceProps>;

/** Persian note on the boundary source, shown as the map's attribution. */
export const BOUNDARY_ATTRIBUTION = 'مرز استان‌ها: نچرال ارث (مالکیت عمومی)، ساده‌شده';

let loading: Promise<Provinces> | null = null;

/** The provinces (cached for the page's life; a failed load is retried on the next call). */
export function loadProvinces(): Promise<Provinces> {
  if (!loading) {
    loading = import('./iran-provinces.geo.json', { with: { type: 'json' } }).then((m) => m.default as unknown as Provinces);
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/**
 * Where to write a province's name, in its largest polygon: the centre of the ring's bounding box when that falls
 * inside the ring, else its centre of area when that does, else the middle of the widest chord across the ring's
 * middle latitude (a crescent). A pole of inaccessibility would be overkill at this scale.
 */
export function labelPoint(coordinates: Position[][][]): Position | null {
  let best: Position[] | null = null;
  let bestArea = 0;
  for (const poly of coordinates) {
    const ring = poly[0];
    if (!ring) continue;
    const a = Math.abs(area(ring));
    if (a > bestArea) {
      bestArea = a;
      best = ring;
    }
  }
  if (!best) return null;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x, y] of best) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  const centre: Position = [(w + e) / 2, (s + n) / 2];
  if (inRing(centre, best)) return centre;
  const c = centroid(best);
  if (inRing(c, best)) return c;
  // a crescent: the midpoint of the widest horizontal chord through the ring's middle latitude
  return chordMidpoint(best, (s + n) / 2) ?? c;
}

function area(ring: Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return a / 2;
}

function centroid(ring: Position[]): Position {
  let x = 0;
  let y = 0;
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
    x += (ring[j]![0] + ring[i]![0]) * f;
    y += (ring[j]![1] + ring[i]![1]) * f;
    a += f;
  }
  return a === 0 ? ring[0]! : [x / (3 * a), y / (3 * a)];
}

/** Even–odd point-in-ring test. */
export function inRing(p: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function chordMidpoint(ring: Position[], y: number): Position | null {
  const xs: number[] = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
  }
  xs.sort((a, b) => a - b);
  let best: Position | null = null;
  let width = 0;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    if (xs[k + 1]! - xs[k]! > width) {
      width = xs[k + 1]! - xs[k]!;
      best = [(xs[k]! + xs[k + 1]!) / 2, y];
    }
  }
  return best;
}
