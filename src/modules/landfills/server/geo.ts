// Haul distances for consolidation planning when no distance matrix is supplied: great-circle distance times a
// road factor (roads are longer than the straight line; ~1.3 is the usual circuity of rural road networks).

/** Default ratio road distance / great-circle distance. A scenario may override it with `roadFactor`. */
export const ROAD_FACTOR = 1.3;

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between two points given in degrees (haversine formula). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
