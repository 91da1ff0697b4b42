import type { DivisionLevel } from './schema.js';

// Pure (no database, no Node built-ins): the web bundle imports it too.

/** Persian title of each level, as written before a name: «استان مازندران», «بخش مرکزی». */
export const DIVISION_LEVEL_TITLES: Record<DivisionLevel, string> = {
  country: 'کشور',
  province: 'استان',
  county: 'شهرستان',
  district: 'بخش',
  city: 'شهر',
  rural_district: 'دهستان',
  village: 'روستای',
};

/** Depth of each level in the tree (the country is 0; a city and a rural district are both children of a district). */
export const DIVISION_DEPTH: Record<DivisionLevel, number> = {
  country: 0,
  province: 1,
  county: 2,
  district: 3,
  city: 4,
  rural_district: 4,
  village: 5,
};

/** The parent level of each level (villages hang under rural districts). */
export const PARENT_LEVEL: Record<Exclude<DivisionLevel, 'country'>, DivisionLevel> = {
  province: 'country',
  county: 'province',
  district: 'county',
  city: 'district',
  rural_district: 'district',
  village: 'rural_district',
};

/** «بخش مرکزی», «شهرستان ساری», «روستای آخورسر». */
export function divisionTitle(d: { level: DivisionLevel; name: string }): string {
  return `${DIVISION_LEVEL_TITLES[d.level]} ${d.name}`;
}

/**
 * Renders a chain (province first, as `divisionChain` returns it) from the node up, the way Persian letters and
 * forms write a place: «بخش مرکزی، شهرستان ساری، استان مازندران».
 */
export function formatDivisionChain(chain: readonly { level: DivisionLevel; name: string }[]): string {
  return [...chain].reverse().map(divisionTitle).join('، ');
}
