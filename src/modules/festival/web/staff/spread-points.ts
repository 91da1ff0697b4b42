// The spread map's points (pure, unit-tested): each selected plan's village once (green, linked to its showcase
// page) and each village that took a plan up (blue), from the report's links; places without coordinates are left out.
import type { MapPoint } from '../../../../web/components/map/types.js';
import { faNumber } from '../../../../web/format.js';
import type { Spread } from '../../api-types.js';
import { jfa } from './fa-owner.js';

const t = jfa.spread;
export const ORIGIN = '#2f855a';
export const ADOPTER = '#2b6cb0';

/** The map's points: each selected plan's village (green) and each village that took it up (blue). */
export function spreadPoints(s: Spread): MapPoint[] {
  const titles = new Map(s.plans.map((p) => [p.entryId, p]));
  const points = new Map<string, MapPoint>();
  for (const l of s.links) {
    const plan = titles.get(l.entryId);
    if (l.from.lat !== null && l.from.lon !== null && plan && !points.has(`o:${l.entryId}`)) {
      points.set(`o:${l.entryId}`, { id: `o:${l.entryId}`, lat: l.from.lat, lon: l.from.lon, label: plan.title, color: ORIGIN, details: [plan.place.village, t.replications(faNumber(plan.replications))], href: `/showcase/${l.entryId}` });
    }
    if (l.to.lat !== null && l.to.lon !== null) {
      const k = `a:${l.to.villageId}:${l.entryId}`;
      points.set(k, { id: k, lat: l.to.lat, lon: l.to.lon, label: l.to.village, color: ADOPTER, details: [t.adopts(plan?.title ?? '')] });
    }
  }
  return [...points.values()];
}

