// Where an Open311 request is: the jurisdiction a client names, and the city or village nearest to its lat/long.
import { and, inArray, isNotNull, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../../core/db/client.js';
import { toAsciiDigits } from '../../../../core/fa/index.js';
import { divisionByCode, getDivision, type Division } from '../../../../core/org/queries.js';
import { orgDivisions, type DivisionLevel } from '../../../../core/org/schema.js';

/** Places a complaint can be filed at (and answered by a municipality or a dehyari). */
export const PLACE_LEVELS: readonly DivisionLevel[] = ['city', 'village'];
/** Levels a `jurisdiction_id` may name by internal id. */
const JURISDICTION_LEVELS: readonly DivisionLevel[] = ['province', 'county', 'district', 'city', 'village'];
/** Levels a `jurisdiction_id` may name by Statistical Centre code, tried in this order. */
const CODE_LEVELS: readonly DivisionLevel[] = ['province', 'city', 'village'];

/**
 * The division a `jurisdiction_id` names, or null when it names none:
 * - digits: a Statistical Centre (amar) code — of a province first (`2` = Mazandaran), else of a city
 *   (municipality), else of a village (dehyari). Stable across installations, so it is what clients should use.
 * - `id:<n>` (or `division:<n>`): the platform's own division id, of a province, county, district, city or village.
 * Persian digits are accepted.
 */
export async function resolveJurisdiction(db: DbOrTx, raw: string): Promise<Division | null> {
  const s = toAsciiDigits(raw).trim().toLowerCase();
  const byId = /^(?:id|division):(\d{1,9})$/.exec(s);
  if (byId) {
    const d = await getDivision(db, Number(byId[1]));
    return d && JURISDICTION_LEVELS.includes(d.level) ? d : null;
  }
  if (!/^\d{1,20}$/.test(s)) return null;
  for (const level of CODE_LEVELS) {
    const d = await divisionByCode(db, level, s);
    if (d) return d;
  }
  return null;
}

/** A city or village by its Statistical Centre code (the `address_id` of a POST), or null. */
export async function placeByCode(db: DbOrTx, raw: string): Promise<Division | null> {
  const s = toAsciiDigits(raw).trim();
  if (!/^\d{1,20}$/.test(s)) return null;
  for (const level of PLACE_LEVELS) {
    const d = await divisionByCode(db, level, s);
    if (d) return d;
  }
  return null;
}

/** Great-circle distance in kilometres. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * The city or village with coordinates nearest to (lat, lon), inside `withinPath` when given (the node itself
 * counts), at most `maxKm` away (default 50 km: farther than that, the point is not at any place we know).
 * Null when there is none. Ranks by an equirectangular distance in SQL (exact enough at these scales), then
 * measures the winner properly.
 */
export async function nearestPlace(
  db: DbOrTx,
  lat: number,
  lon: number,
  withinPath?: string,
  maxKm = 50,
): Promise<(Division & { distanceKm: number }) | null> {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (withinPath !== undefined && !/^\/(\d+\/)*$/.test(withinPath)) throw new Error(`nearestPlace: not a division path: ${withinPath}`);
  const k = Math.cos((lat * Math.PI) / 180);
  // Prefilter to a box around the point (≈ maxKm), so the ranking reads few rows even with every village loaded.
  const dLat = maxKm / 111;
  const dLon = maxKm / (111 * Math.max(k, 0.1));
  const conds = [
    inArray(orgDivisions.level, [...PLACE_LEVELS]),
    isNotNull(orgDivisions.lat),
    isNotNull(orgDivisions.lon),
    sql`${orgDivisions.lat} between ${lat - dLat} and ${lat + dLat}`,
    sql`${orgDivisions.lon} between ${lon - dLon} and ${lon + dLon}`,
  ];
  // Paths are digits and slashes only (checked above), so LIKE needs no escaping.
  if (withinPath !== undefined) conds.push(like(orgDivisions.path, `${withinPath}%`));
  const [d] = await db
    .select({
      id: orgDivisions.id, level: orgDivisions.level, parentId: orgDivisions.parentId, name: orgDivisions.name, code: orgDivisions.code,
      path: orgDivisions.path, depth: orgDivisions.depth, lat: orgDivisions.lat, lon: orgDivisions.lon,
    })
    .from(orgDivisions)
    .where(and(...conds))
    .orderBy(sql`power(${orgDivisions.lat} - ${lat}, 2) + power((${orgDivisions.lon} - ${lon}) * ${k}, 2)`, orgDivisions.id)
    .limit(1);
  if (!d || d.lat == null || d.lon == null) return null;
  const km = distanceKm(lat, lon, d.lat, d.lon);
  return km <= maxKm ? { ...d, distanceKm: km } : null;
}

/** True when `path` lies inside `scope` (or is it). */
export const insidePath = (path: string, scope: string) => path.startsWith(scope);

