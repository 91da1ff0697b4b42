// Pure geographic helpers for the divisions tree (no database): shared by the importer, the demo and the web.

/**
 * A box around Iran, a little generous at every side (the country spans about 25.0–39.8°N and 44.0–63.3°E).
 * Coordinates outside it are almost always typing mistakes or swapped latitude and longitude.
 */
export const IRAN_BBOX = { minLat: 24.5, maxLat: 40.2, minLon: 43.8, maxLon: 63.6 } as const;

/** True when (lat, lon) lies inside {@link IRAN_BBOX}. */
export function inIran(lat: number, lon: number): boolean {
  return lat >= IRAN_BBOX.minLat && lat <= IRAN_BBOX.maxLat && lon >= IRAN_BBOX.minLon && lon <= IRAN_BBOX.maxLon;
}
