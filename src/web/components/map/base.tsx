// What both maps share: a Leaflet map with no tile layer over the shipped province boundaries, Persian controls, a
// view that follows its data, and the frame around it (an accessible region, the legend, a list for screen readers).
// The map's own box is dir="ltr" (Leaflet's panes and controls assume it); the words on it are dir="rtl".
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent, type ReactNode, type RefObject } from 'react';
import { useInRouterContext, useNavigate } from 'react-router';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import { BOUNDARY_ATTRIBUTION, labelPoint, loadProvinces, type ProvinceProps } from './boundary.js';
import { IRAN_BOX, MAP_MAX_ZOOM, type Box } from './bounds.js';
import { mfa } from './labels.js';
import type { Feature } from './simplify.js';

/** Province names show from this zoom on (below it they crowd). */
const LABEL_ZOOM = 6;

export interface BaseMap {
  map: L.Map;
  /** Shows a box (the whole country when null), now and again whenever the map gets its size back. */
  fit(box: Box | null, maxZoom?: number): void;
  dispose(): void;
}

/** A map in `el`: no tiles, the provinces underneath, Persian zoom buttons and attribution, Iran in view. */
export function createBaseMap(el: HTMLElement, options: { preferCanvas?: boolean } = {}): BaseMap {
  const map = L.map(el, {
    preferCanvas: options.preferCanvas ?? false,
    zoomControl: false,
    attributionControl: false,
    minZoom: 4,
    maxZoom: MAP_MAX_ZOOM,
    maxBounds: L.latLngBounds(IRAN_BOX).pad(0.6),
    maxBoundsViscosity: 0.7,
    zoomSnap: 0.5,
  });
  L.control.zoom({ position: 'topright', zoomInTitle: mfa.zoomIn, zoomOutTitle: mfa.zoomOut }).addTo(map);
  const attribution = L.control.attribution({ position: 'bottomleft', prefix: false }).addAttribution(BOUNDARY_ATTRIBUTION).addTo(map);

  // the provinces below everything else (their own panes: the overlay pane holds the data)
  map.createPane('omap-provinces').style.zIndex = '200';
  const labelPane = map.createPane('omap-province-labels');
  labelPane.style.zIndex = '300';
  labelPane.style.pointerEvents = 'none';

  let disposed = false;
  let last: { box: Box | null; maxZoom: number } = { box: null, maxZoom: 11 };
  const fitNow = () => {
    const size = map.getSize();
    if (size.x === 0 || size.y === 0) return; // hidden (a closed tab): fitted when it shows
    // keep the data clear of the legend at the bottom
    const legend = el.parentElement?.querySelector<HTMLElement>('.omap-legend')?.offsetHeight ?? 0;
    map.fitBounds(last.box ?? IRAN_BOX, {
      maxZoom: last.maxZoom,
      paddingTopLeft: [24, 24],
      paddingBottomRight: [24, legend ? legend + 20 : 24],
      animate: false,
    });
  };
  const syncLabels = () => el.classList.toggle('omap-show-labels', map.getZoom() >= LABEL_ZOOM);
  map.on('zoomend', syncLabels);

  let hadSize = el.clientWidth > 0 && el.clientHeight > 0;
  const resize = new ResizeObserver(() => {
    if (disposed) return;
    const hasSize = el.clientWidth > 0 && el.clientHeight > 0;
    map.invalidateSize({ animate: false });
    if (hasSize && !hadSize) fitNow();
    hadSize = hasSize;
  });
  resize.observe(el);

  fitNow();
  syncLabels();
  loadProvinces().then(
    (provinces) => {
      if (disposed) return;
      // (the options go to every polygon, renderer included; the typings leave it out of GeoJSONOptions)
      const options: L.GeoJSONOptions & L.PathOptions = {
        pane: 'omap-provinces',
        renderer: L.svg({ pane: 'omap-provinces' }),
        interactive: false,
        style: () => ({ color: '#9aa5b1', weight: 1, opacity: 0.9, fillColor: '#fbfaf6', fillOpacity: 1 }),
      };
      L.geoJSON(provinces as unknown as GeoJSON.FeatureCollection, options).addTo(map);
      for (const f of provinces.features as Feature<ProvinceProps>[]) {
        const at = labelPoint(f.geometry.coordinates);
        if (!at) continue;
        const name = document.createElement('span');
        name.textContent = f.properties.name;
        L.marker([at[1], at[0]], {
          pane: 'omap-province-labels',
          interactive: false,
          keyboard: false,
          icon: L.divIcon({ className: 'omap-province-label', html: name, iconSize: [0, 0] }),
        }).addTo(map);
      }
    },
    () => {
      if (disposed) return;
      el.classList.add('omap-no-boundaries');
      attribution.removeAttribution(BOUNDARY_ATTRIBUTION).addAttribution(mfa.boundariesFailed);
    },
  );

  return {
    map,
    fit(box, maxZoom = 11) {
      last = { box, maxZoom };
      fitNow();
    },
    dispose() {
      disposed = true;
      resize.disconnect();
      map.remove();
    },
  };
}

/** The base map of a container element for the life of the component (null until mounted). */
export function useBaseMap(ref: RefObject<HTMLDivElement | null>, options: { preferCanvas?: boolean } = {}): BaseMap | null {
  const [base, setBase] = useState<BaseMap | null>(null);
  const preferCanvas = options.preferCanvas ?? false;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const b = createBaseMap(el, { preferCanvas });
    setBase(b);
    return () => {
      b.dispose();
      setBase(null);
    };
  }, [ref, preferCanvas]);
  return base;
}

/**
 * Following an in-app address: the router's navigation inside a router (every staff screen), a plain page load
 * otherwise. A map is inside a router or not for its whole life, so the hook order never changes.
 */
export function useFollow(): (href: string) => void {
  const inRouter = useInRouterContext();
  const navigate = inRouter ? useNavigate() : null;
  return useCallback((href: string) => (navigate ? void navigate(href) : window.location.assign(href)), [navigate]);
}

/**
 * `value` as it was when its content last changed: screens build their props afresh on every render (a new array
 * of the same points), and redrawing the map then would close the popup the user just opened.
 */
export function useSameContent<T>(value: T): T {
  const content = JSON.stringify(value);
  // keyed by the content on purpose
  return useMemo(() => value, [content]);
}

/** The latest value, for handlers registered once (Leaflet's) that should call today's callback. */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}

/** A plain left click on a link goes through `follow`; modified clicks (new tab, …) keep the browser's way. */
export function followClick(e: MouseEvent | ReactMouseEvent, href: string, follow: (href: string) => void): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  follow(href);
}

/** A right-to-left block of lines for a tooltip or popup, the first one bold (built as DOM: names are user text). */
export function textBlock(lines: readonly string[], className = 'omap-tip'): HTMLElement {
  const box = document.createElement('div');
  box.className = className;
  box.dir = 'rtl';
  lines.forEach((line, i) => {
    const row = document.createElement(i === 0 ? 'strong' : 'div');
    row.textContent = line;
    box.appendChild(row);
  });
  return box;
}

/**
 * A tooltip of lines (built when it opens) above a marker, or below it / beside it when the marker is near an edge
 * of the map, so the map's edge never cuts the words. `gap` is the marker's radius.
 */
export function bindTip(layer: L.CircleMarker, map: L.Map, lines: () => readonly string[], gap: number): void {
  // registered before bindTooltip's own handler, so the direction is set before the tooltip opens
  layer.on('mouseover', () => {
    const tip = layer.getTooltip();
    if (!tip) return;
    const at = map.latLngToContainerPoint(layer.getLatLng());
    const size = map.getSize();
    const [direction, offset]: [L.Direction, [number, number]] =
      at.y < 90 ? ['bottom', [0, gap]] : at.x < 110 ? ['right', [gap, 0]] : at.x > size.x - 110 ? ['left', [-gap, 0]] : ['top', [0, -gap]];
    tip.options.direction = direction;
    tip.options.offset = offset;
  });
  layer.bindTooltip(() => textBlock(lines()), { direction: 'top', offset: [0, -gap] });
}

export interface LegendItem {
  color: string;
  label: string;
  /** dot (default), ring (hollow), small (a small dot), line */
  shape?: 'dot' | 'ring' | 'small' | 'line';
}

/**
 * The frame of a map: a named region (role="region"), the Leaflet box (dir="ltr"), the legend over it, and
 * whatever only screen readers should get (`screenReader`, visually hidden).
 */
export function MapFrame({
  mapRef,
  height,
  ariaLabel,
  legend,
  screenReader,
}: {
  mapRef: RefObject<HTMLDivElement | null>;
  height: number | string;
  ariaLabel: string;
  legend?: LegendItem[];
  screenReader?: ReactNode;
}) {
  return (
    <div className="omap-frame" role="region" aria-label={ariaLabel} style={{ height }}>
      <div ref={mapRef} className="omap-map" dir="ltr" aria-label={mfa.keys} />
      {legend && legend.length > 0 && (
        <div className="omap-legend" dir="rtl" role="group" aria-label={mfa.legend}>
          <ul>
            {legend.map((item) => (
              <li key={`${item.label}-${item.color}`}>
                <span
                  className={`omap-swatch omap-swatch-${item.shape ?? 'dot'}`}
                  style={item.shape === 'ring' ? { borderColor: item.color } : { background: item.color }}
                  aria-hidden="true"
                />
                <span>{item.label}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {screenReader && <div className="omap-sr-only">{screenReader}</div>}
    </div>
  );
}
