// What the scenario page and the comparison read from a solved scenario (no React): its plan as the map draws it,
// and how close to the best plan it is proved to be.
import type { ScenarioMapProps } from '../../../../web/components/map/types.js';
import type { ScenarioResult, ScenarioView } from '../../api-types.js';
import { fp, units } from './fa-plan.js';

const t = fp.scenario;

/** The plan of a solved scenario as the map draws it: every candidate (kept or closed) and every village with its site. */
export function scenarioMapProps(view: ScenarioView): Pick<ScenarioMapProps, 'sites' | 'villages'> {
  const open = new Set(view.result?.open ?? []);
  const loads = new Map((view.result?.loads ?? []).map((l) => [l.siteId, l]));
  const assignment = view.result?.assignment ?? {};
  const sites: ScenarioMapProps['sites'] = [];
  for (const [id, s] of Object.entries(view.labels.sites)) {
    if (s.lat === null || s.lon === null) continue;
    const l = loads.get(id);
    sites.push({ id, lat: s.lat, lon: s.lon, label: s.name, open: open.has(id), existing: s.existing, ...(l ? { load: l.load, capacity: l.capacity } : {}) });
  }
  const villages: ScenarioMapProps['villages'] = [];
  for (const [id, v] of Object.entries(view.labels.villages)) {
    if (v.lat === null || v.lon === null) continue;
    villages.push({ id, lat: v.lat, lon: v.lon, label: v.name, siteId: assignment[id] ?? null });
  }
  return { sites, villages };
}

/** «بهینه بودن اثبات شد» or «حداکثر ۳٫۴٪ با بهینه فاصله دارد». */
export function gapText(r: ScenarioResult): string {
  if (r.stats.provedOptimal || (r.gap !== null && r.gap <= 1e-9)) return t.proved;
  if (r.gap === null) return t.gapUnknown;
  return t.gap(units.percent(r.gap, r.gap < 0.01 ? 2 : 1));
}
