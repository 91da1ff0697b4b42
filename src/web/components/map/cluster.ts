// Markers that crowd become one bubble with their count (supercluster): what the sites map draws at a zoom and
// view. Pure (no Leaflet, no DOM), so the grouping is unit-tested.
import Supercluster from 'supercluster';
import { faNumber } from '../../format.js';
import { hasPosition } from './bounds.js';
import { DEFAULT_POINT_COLOR, safeColor } from './colors.js';
import type { MapPoint } from './types.js';

/** Markers still group up to this zoom (points on one spot stay one bubble until here); past it each stands alone. */
export const CLUSTER_MAX_ZOOM = 14;

export type MapItem =
  | { kind: 'point'; point: MapPoint }
  | {
      kind: 'cluster';
      id: number;
      lat: number;
      lon: number;
      count: number;
      /** the colours of the points inside with how many wear each, most worn first */
      colors: [string, number][];
    };

export interface ClusterIndex {
  /** What to draw for a view box [west, south, east, north] at a zoom (a fractional zoom groups as the one below). */
  items(bbox: [number, number, number, number], zoom: number): MapItem[];
  /** The zoom at which a bubble splits up; past CLUSTER_MAX_ZOOM for points on (nearly) one spot. */
  expansionZoom(clusterId: number): number;
  /** The points inside a bubble. */
  leaves(clusterId: number): MapPoint[];
}

/** An index of the points with a usable position; `radius` is the crowding distance in pixels. */
export function clusterIndex(points: readonly MapPoint[], radius = 56): ClusterIndex {
  const index = new Supercluster<{ i: number; c: string }, { colors: Record<string, number> }>({
    radius,
    // Leaflet's zoom levels count 256-pixel tiles: with that extent the radius is in screen pixels
    extent: 256,
    maxZoom: CLUSTER_MAX_ZOOM,
    minPoints: 2,
    map: (p) => ({ colors: { [p.c]: 1 } }),
    // `acc` starts as a shallow copy of a child's properties: build a new object rather than change the shared one
    reduce: (acc, p) => {
      const sum = { ...acc.colors };
      for (const [c, n] of Object.entries(p.colors)) sum[c] = (sum[c] ?? 0) + n;
      acc.colors = sum;
    },
  });
  const usable = points.filter(hasPosition);
  index.load(
    usable.map((p, i) => ({
      type: 'Feature' as const,
      properties: { i, c: safeColor(p.color) ?? DEFAULT_POINT_COLOR },
      geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
    })),
  );
  return {
    items(bbox, zoom) {
      return index.getClusters(bbox, Math.floor(zoom)).map((f): MapItem => {
        const props = f.properties as { i: number } | { cluster: true; cluster_id: number; point_count: number; colors: Record<string, number> };
        if ('cluster' in props) {
          const [lon, lat] = f.geometry.coordinates as [number, number];
          const colors = Object.entries(props.colors).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
          return { kind: 'cluster', id: props.cluster_id, lat, lon, count: props.point_count, colors };
        }
        return { kind: 'point', point: usable[props.i]! };
      });
    },
    expansionZoom(clusterId) {
      return index.getClusterExpansionZoom(clusterId);
    },
    leaves(clusterId) {
      return index.getLeaves(clusterId, Infinity).map((f) => usable[f.properties.i]!);
    },
  };
}

/** The count written on a bubble, in Persian digits («۱۲», «۱٫۲ هزار» past 9,999). */
export function clusterLabel(count: number): string {
  return count < 10_000 ? faNumber(count) : `${faNumber(count / 1000, 1)} هزار`;
}

/** The diameter of a bubble in pixels: grows with the count, slowly (log), within 30–56 px. */
export function clusterSize(count: number): number {
  return Math.round(Math.min(56, 26 + 6 * Math.log10(Math.max(2, count)) * 2));
}

/** A bubble's rim: a conic gradient with a slice per colour, as wide as its share of the points. */
export function clusterRim(colors: readonly [string, number][]): string {
  const total = colors.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return DEFAULT_POINT_COLOR;
  if (colors.length === 1) return colors[0]![0];
  let at = 0;
  const stops = colors.map(([c, n]) => {
    const from = at;
    at += (n / total) * 100;
    return `${c} ${round2(from)}% ${round2(at)}%`;
  });
  return `conic-gradient(${stops.join(', ')})`;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
