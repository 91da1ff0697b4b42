// A consolidation plan on the map: the open sites as large green markers (rimmed in their catchment's colour), the
// closed candidates as grey rings, every village as a small dot in the colour of the site it is sent to, and a thin
// line from each village to its site. Everything is drawn on one canvas, so 5,000 villages stay smooth.
// Default export: screens load it lazily.
import { useEffect, useMemo, useRef } from 'react';
import L from 'leaflet';
import { faNumber } from '../../format.js';
import { MapFrame, bindTip, useBaseMap, useSameContent, type LegendItem } from './base.js';
import { boxOf, hasPosition, positionsKey } from './bounds.js';
import { CLOSED_SITE_COLOR, OPEN_SITE_COLOR, SITE_PALETTE, UNASSIGNED_COLOR, siteColors } from './colors.js';
import { mfa, siteTipLines, villageTipLines } from './labels.js';
import type { ScenarioMapProps } from './types.js';

/** New sites (not in the registry yet) that the plan opens: a lighter green. */
const OPEN_NEW_COLOR = '#68d391';

const s = mfa.scenario;
const LEGEND: LegendItem[] = [
  { color: OPEN_SITE_COLOR, label: s.openExisting },
  { color: OPEN_NEW_COLOR, label: s.openNew },
  { color: CLOSED_SITE_COLOR, label: s.closed, shape: 'ring' },
  { color: `conic-gradient(${SITE_PALETTE[0]} 0 33%, ${SITE_PALETTE[1]} 33% 66%, ${SITE_PALETTE[2]} 66%)`, label: s.village, shape: 'small' },
  { color: UNASSIGNED_COLOR, label: s.unassigned, shape: 'ring' },
  { color: '#718096', label: s.link, shape: 'line' },
];

export default function ScenarioMap({ sites, villages, height = 480, ariaLabel = mfa.defaultLabel }: ScenarioMapProps) {
  const ref = useRef<HTMLDivElement>(null);
  const base = useBaseMap(ref, { preferCanvas: true });

  const data = useSameContent({ sites, villages });
  const plan = useMemo(() => {
    const { sites, villages } = data;
    const placed = sites.filter(hasPosition);
    const open = placed.filter((x) => x.open);
    const byId = new Map(placed.map((x) => [x.id, x]));
    const colours = siteColors(open);
    const served = new Map<string, number>();
    for (const v of villages) if (v.siteId !== null) served.set(v.siteId, (served.get(v.siteId) ?? 0) + 1);
    return { placed, open, byId, colours, served, villages: villages.filter(hasPosition) };
  }, [data]);

  const key = useMemo(() => positionsKey([...plan.placed, ...plan.villages]), [plan]);
  useEffect(() => {
    base?.fit(boxOf([...plan.placed, ...plan.villages]), 12);
  }, [base, key]); // `key` stands for the positions: a refetch of the same plan keeps the view

  useEffect(() => {
    if (!base) return;
    const { map } = base;
    const renderer = L.canvas({ padding: 0.3, tolerance: 2 });
    const group = L.layerGroup().addTo(map);
    const { placed, open, byId, colours, served } = plan;

    // the lines, one layer per site (a multi-line of its villages), under everything else
    const lines = new Map<string, L.LatLngExpression[][]>();
    for (const v of plan.villages) {
      const site = v.siteId === null ? undefined : byId.get(v.siteId);
      if (!site) continue;
      let l = lines.get(site.id);
      if (!l) lines.set(site.id, (l = []));
      l.push([
        [v.lat, v.lon],
        [site.lat, site.lon],
      ]);
    }
    for (const [siteId, segs] of lines) {
      L.polyline(segs, { renderer, color: colours.get(siteId) ?? UNASSIGNED_COLOR, weight: 1, opacity: 0.35, interactive: false }).addTo(group);
    }

    for (const v of plan.villages) {
      const site = v.siteId === null ? undefined : byId.get(v.siteId);
      const colour = site ? (colours.get(site.id) ?? UNASSIGNED_COLOR) : UNASSIGNED_COLOR;
      const dot = site
        ? L.circleMarker([v.lat, v.lon], { renderer, radius: 3, stroke: false, fillColor: colour, fillOpacity: 0.9 })
        : L.circleMarker([v.lat, v.lon], { renderer, radius: 3, color: UNASSIGNED_COLOR, weight: 1.5, fillColor: '#fff', fillOpacity: 1 });
      bindTip(dot, map, () => villageTipLines(v, site ? site.label : null), 3);
      dot.addTo(group);
    }

    for (const c of placed) {
      if (c.open) continue;
      const ring = L.circleMarker([c.lat, c.lon], { renderer, radius: 6, color: CLOSED_SITE_COLOR, weight: 2.5, fill: true, fillColor: '#fff', fillOpacity: 0.6 });
      bindTip(ring, map, () => siteTipLines(c, 0), 7);
      ring.addTo(group);
    }
    for (const o of open) {
      const marker = L.circleMarker([o.lat, o.lon], {
        renderer,
        radius: 10,
        color: colours.get(o.id) ?? '#fff',
        weight: 3,
        fillColor: o.existing ? OPEN_SITE_COLOR : OPEN_NEW_COLOR,
        fillOpacity: 1,
      });
      bindTip(marker, map, () => siteTipLines(o, served.get(o.id) ?? 0), 11);
      marker.addTo(group);
    }
    return () => {
      group.remove();
      renderer.remove();
    };
  }, [base, plan]);

  const closed = plan.placed.length - plan.open.length;
  return (
    <MapFrame
      mapRef={ref}
      height={height}
      ariaLabel={ariaLabel}
      legend={LEGEND}
      screenReader={
        <>
          <p>{s.summary(faNumber(plan.open.length), faNumber(closed), faNumber(plan.villages.length))}</p>
          {plan.open.length > 0 && (
            <ul aria-label={s.openList}>
              {plan.open.map((o) => (
                <li key={o.id}>{siteTipLines(o, plan.served.get(o.id) ?? 0).join('؛ ')}</li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}
