// A map of places (landfill sites, …) over the offline province boundaries: one coloured dot per point, bubbles with
// the count where they crowd (a click zooms in), a tooltip with the name and a popup with the details and a link.
// Screen readers get the same places as a list. Default export: screens load it lazily.
import { useEffect, useMemo, useRef } from 'react';
import L from 'leaflet';
import { faNumber } from '../../format.js';
import { MapFrame, bindTip, followClick, textBlock, useBaseMap, useFollow, useLatest, useSameContent } from './base.js';
import { boxOf, hasPosition, positionsKey } from './bounds.js';
import { CLUSTER_MAX_ZOOM, clusterIndex, clusterLabel, clusterRim, clusterSize, type MapItem } from './cluster.js';
import { DEFAULT_POINT_COLOR, safeColor } from './colors.js';
import { mfa } from './labels.js';
import type { MapPoint, SitesMapProps } from './types.js';

/** The popup of a point: its name, its detail lines, and a link to its page. */
function pointPopup(p: MapPoint, follow: (href: string) => void): HTMLElement {
  const box = textBlock([p.label, ...(p.details ?? [])], 'omap-popup');
  if (p.href) box.appendChild(link(p.href, mfa.details, follow));
  return box;
}

function link(href: string, text: string, follow: (href: string) => void): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.addEventListener('click', (e) => followClick(e, href, follow));
  return a;
}

/** The popup of a bubble that cannot split any further (points on one spot): the list of its points. */
function leavesPopup(points: MapPoint[], follow: (href: string) => void, select: (id: MapPoint['id']) => void): HTMLElement {
  const box = textBlock([mfa.clusterHere(faNumber(points.length))], 'omap-popup');
  const list = document.createElement('ul');
  for (const p of points) {
    const li = document.createElement('li');
    if (p.href) {
      const a = link(p.href, p.label, follow);
      a.addEventListener('click', () => select(p.id));
      li.appendChild(a);
    } else li.textContent = p.label;
    list.appendChild(li);
  }
  box.appendChild(list);
  return box;
}

const itemKey = (it: MapItem) => (it.kind === 'point' ? `p:${String(it.point.id)}` : `c:${it.id}`);

export default function SitesMap({ points, height = 480, legend, onSelect, ariaLabel = mfa.defaultLabel }: SitesMapProps) {
  const ref = useRef<HTMLDivElement>(null);
  const base = useBaseMap(ref);
  const followRef = useLatest(useFollow());
  const selectRef = useLatest(onSelect);

  const same = useSameContent(points);
  const shown = useMemo(() => same.filter(hasPosition), [same]);
  const index = useMemo(() => clusterIndex(shown), [shown]);
  const key = useMemo(() => positionsKey(shown), [shown]);

  // look at the points (the country when there is none) whenever the filters bring other ones
  useEffect(() => {
    base?.fit(boxOf(shown), 9); // one site: close enough to see it, far enough to see its province
  }, [base, key]); // `key` stands for `shown`: the same positions keep the view the user chose

  // draw what the view shows; keep the markers that stay (a marker removed would close its popup)
  useEffect(() => {
    if (!base) return;
    const { map } = base;
    const layer = L.layerGroup().addTo(map);
    const select = (id: MapPoint['id']) => selectRef.current?.(id);
    const follow = (href: string) => followRef.current(href);
    let drawn = new Map<string, L.Layer>();

    const make = (it: MapItem): L.Layer => {
      if (it.kind === 'point') {
        const p = it.point;
        const m = L.circleMarker([p.lat, p.lon], {
          radius: 7,
          color: '#fff',
          weight: 1.5,
          fillColor: safeColor(p.color) ?? DEFAULT_POINT_COLOR,
          fillOpacity: 0.95,
        });
        bindTip(m, map, () => [p.label], 7);
        m.bindPopup(() => pointPopup(p, follow), { autoPanPadding: [24, 24] });
        m.on('click', () => select(p.id));
        // Tab reaches the dots too; Enter opens the popup (Leaflet) and selects, like a click
        m.on('keypress', (e) => {
          if ((e as L.LeafletKeyboardEvent).originalEvent.key === 'Enter') select(p.id);
        });
        return m;
      }
      const size = clusterSize(it.count);
      const label = clusterLabel(it.count);
      const bubble = document.createElement('div');
      bubble.className = 'omap-cluster';
      bubble.style.background = clusterRim(it.colors);
      bubble.style.width = bubble.style.height = `${size}px`;
      bubble.style.boxSizing = 'border-box';
      const count = document.createElement('span');
      count.textContent = label;
      bubble.appendChild(count);
      const m = L.marker([it.lat, it.lon], {
        icon: L.divIcon({ className: 'omap-cluster-icon', html: bubble, iconSize: [size, size] }),
        title: mfa.clusterTitle(label),
        alt: mfa.clusterTitle(label),
        riseOnHover: true,
      });
      const open = (byKeyboard: boolean) => {
        const zoom = index.expansionZoom(it.id);
        if (zoom <= CLUSTER_MAX_ZOOM) {
          map.setView([it.lat, it.lon], zoom);
          // the bubble is gone after the zoom: keep the keyboard on the map rather than lose it to the page
          if (byKeyboard) map.getContainer().focus({ preventScroll: true });
          return;
        }
        // points on (nearly) one spot: zoom in as far as grouping goes and list them (a popup of the map's own, as
        // the bubble is redrawn after the zoom)
        if (map.getZoom() < CLUSTER_MAX_ZOOM) map.setView([it.lat, it.lon], CLUSTER_MAX_ZOOM);
        L.popup({ autoPanPadding: [24, 24] })
          .setLatLng([it.lat, it.lon])
          .setContent(leavesPopup(index.leaves(it.id), follow, select))
          .openOn(map);
      };
      m.on('click', () => open(false));
      // a bubble is a focusable button (Leaflet gives it tabindex and role): Enter or Space opens it too
      m.on('keypress', (e) => {
        const key = (e as L.LeafletKeyboardEvent).originalEvent.key;
        if (key === 'Enter' || key === ' ') open(true);
      });
      return m;
    };

    const draw = () => {
      const b = map.getBounds().pad(0.3);
      const bbox: [number, number, number, number] = [
        Math.max(-180, b.getWest()),
        Math.max(-85, b.getSouth()),
        Math.min(180, b.getEast()),
        Math.min(85, b.getNorth()),
      ];
      const next = new Map<string, L.Layer>();
      for (const it of index.items(bbox, map.getZoom())) {
        const k = itemKey(it);
        let l = drawn.get(k);
        if (!l) {
          l = make(it);
          layer.addLayer(l);
        }
        next.set(k, l);
      }
      for (const [k, l] of drawn) if (!next.has(k)) layer.removeLayer(l);
      drawn = next;
    };
    draw();
    map.on('moveend', draw);
    return () => {
      map.off('moveend', draw);
      layer.remove();
    };
  }, [base, index, followRef, selectRef]);

  return (
    <MapFrame
      mapRef={ref}
      height={height}
      ariaLabel={ariaLabel}
      legend={legend?.map((l) => ({ color: safeColor(l.color) ?? DEFAULT_POINT_COLOR, label: l.label }))}
      screenReader={
        shown.length === 0 ? (
          <p>{mfa.noPoints}</p>
        ) : (
          <ul aria-label={mfa.pointsList(faNumber(shown.length))}>
            {shown.map((p) => (
              <li key={String(p.id)}>
                {p.href ? (
                  <a href={p.href} onClick={(e) => followClick(e, p.href!, followRef.current)}>
                    {p.label}
                  </a>
                ) : (
                  p.label
                )}
                {p.details?.length ? `: ${p.details.join('، ')}` : null}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
