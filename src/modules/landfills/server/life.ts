// Remaining capacity and life of a site, written once (site page, list, summary and export all use it).
import { WASTE_DENSITY_T_PER_M3, type CapacityUnit } from '../enums.js';

export interface LifeFields {
  capacity: number | null;
  capacityUnit: CapacityUnit;
  fillPercent: number | null;
  dailyIntakeT: number | null;
}

/** Tons still free: capacity × (1 − fill), volumes turned into tons at WASTE_DENSITY_T_PER_M3. Null when unknown. */
export function remainingTons(s: LifeFields): number | null {
  if (s.capacity == null || s.fillPercent == null) return null;
  const tons = s.capacityUnit === 'm3' ? s.capacity * WASTE_DENSITY_T_PER_M3 : s.capacity;
  return Math.max(0, tons * (1 - s.fillPercent / 100));
}

/** Years until full at today's intake; null when it cannot be told (no intake, no capacity or fill). */
export function remainingYears(s: LifeFields): number | null {
  const left = remainingTons(s);
  if (left == null || s.dailyIntakeT == null || s.dailyIntakeT <= 0) return null;
  return left / (s.dailyIntakeT * 365);
}

/** Rounded for display and export (one decimal). */
export const round1 = (x: number | null): number | null => (x == null ? null : Math.round(x * 10) / 10);
