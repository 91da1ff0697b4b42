// The colours of a plan on the scenario map: each open site gets one from a qualitative palette and its villages
// wear it, so a catchment reads as one patch. With more sites than colours a colour repeats, so sites take their
// colours greedily: each avoids the colours of its nearest already-coloured neighbours. Pure and deterministic.
import type { LatLon } from './bounds.js';

/** Twelve distinct, mid-dark colours (readable as small dots on the pale boundary layer; none is the open-site green). */
export const SITE_PALETTE = [
  '#1f77b4',
  '#d62728',
  '#9467bd',
  '#ff7f0e',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#393b79',
  '#843c39',
  '#7b4173',
  '#637939',
] as const;

/** Villages that no open site serves. */
export const UNASSIGNED_COLOR = '#4a5568';
/** Open sites (the big markers). */
export const OPEN_SITE_COLOR = '#2f855a';
/** Closed candidates (hollow rings). */
export const CLOSED_SITE_COLOR = '#718096';

/**
 * A colour per site id. Sites are taken in id order (stable across renders); each takes the first palette colour
 * not used by its `neighbours` nearest sites coloured before it, or, when all are used, the colour of the
 * farthest of them.
 */
export function siteColors(sites: readonly (LatLon & { id: string })[], palette: readonly string[] = SITE_PALETTE, neighbours = 6): Map<string, string> {
  const ordered = [...sites].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const colours = new Map<string, string>();
  const done: (LatLon & { id: string; colour: string })[] = [];
  const cosLat = Math.cos((32 * Math.PI) / 180);
  for (const s of ordered) {
    const near = done
      .map((d) => ({ d, dist: ((d.lon - s.lon) * cosLat) ** 2 + (d.lat - s.lat) ** 2 }))
      .sort((a, b) => a.dist - b.dist)
      .slice(0, neighbours);
    const used = new Set(near.map((n) => n.d.colour));
    const colour = palette.find((c) => !used.has(c)) ?? near[near.length - 1]?.d.colour ?? palette[0]!;
    colours.set(s.id, colour);
    done.push({ ...s, colour });
  }
  return colours;
}

/** Markers whose point names no colour (or a colour that is not one). */
export const DEFAULT_POINT_COLOR = '#1a808b';

/**
 * A CSS colour from the props, or null when it is not a plain one (hex, rgb()/rgba()/hsl()/hsla() of numbers, or a
 * colour keyword): the value goes into inline styles and canvas fills, so nothing else gets through.
 */
export function safeColor(value: string | undefined | null): string | null {
  if (!value) return null;
  const v = value.trim();
  return /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(v) || /^(?:rgb|hsl)a?\(\s*[\d.]+%?(?:\s*[,\s/]\s*[\d.]+%?){2,3}\s*\)$/i.test(v) || /^[a-z]{3,20}$/i.test(v)
    ? v
    : null;
}
