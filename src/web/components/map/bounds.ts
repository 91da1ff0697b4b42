// Where the maps look: the box of the points they show, or the whole country when there is none. Pure (no Leaflet):
// boxes are [[south, west], [north, east]], which Leaflet's fitBounds takes as is.

export type Box = [[number, number], [number, number]];

/** The maps' deepest zoom (no tiles: the boundaries and markers just get bigger). */
export const MAP_MAX_ZOOM = 16;

/** Iran, mainland and islands, with a small margin. */
export const IRAN_BOX: Box = [
  [25.0, 44.0],
  [39.8, 63.4],
];

export interface LatLon {
  lat: number;
  lon: number;
}

/** A usable coordinate: finite, in range, and not the 0,0 of a missing value. */
export function hasPosition(p: LatLon): boolean {
  return (
    Number.isFinite(p.lat) &&
    Number.isFinite(p.lon) &&
    Math.abs(p.lat) <= 90 &&
    Math.abs(p.lon) <= 180 &&
    !(p.lat === 0 && p.lon === 0)
  );
}

/** The smallest box holding every usable point, or null when there is none. */
export function boxOf(points: Iterable<LatLon>): Box | null {
  let s = Infinity;
  let w = Infinity;
  let n = -Infinity;
  let e = -Infinity;
  for (const p of points) {
    if (!hasPosition(p)) continue;
    if (p.lat < s) s = p.lat;
    if (p.lat > n) n = p.lat;
    if (p.lon < w) w = p.lon;
    if (p.lon > e) e = p.lon;
  }
  return s === Infinity ? null : [
    [s, w],
    [n, e],
  ];
}

/**
 * A key that changes only when the set of positions changes (ids and coordinates, in any order): the maps refit
 * their view when the filters bring other points, not when a refetch brings the same ones in a new array.
 */
export function positionsKey(points: Iterable<LatLon & { id: string | number }>): string {
  const parts: string[] = [];
  for (const p of points) parts.push(`${p.id}@${p.lat},${p.lon}`);
  return parts.sort().join('|');
}
