import { formatDivisionChain } from '../../core/org/labels.js';
import type { Division } from '../api.js';
import { faStaff } from './fa.js';

/**
 * Where a role applies, from the node up to its province:
 * «بخش مرکزی، شهرستان کرج، استان البرز». A national role reads «سراسر کشور».
 */
export function formatScope(division: Division | null): string {
  if (!division || division.level === 'country') return faStaff.staffHome.wholeCountry;
  const chain = (division.path ?? []).filter((d) => d.level !== 'country');
  const last = chain[chain.length - 1];
  if (!last || String(last.id) !== String(division.id)) chain.push(division);
  return formatDivisionChain(chain);
}
