// Props of the offline maps (Leaflet over a shipped province boundary layer; no tile server). The map components
// are default exports of their own files so screens load them lazily:
//   const SitesMap = lazy(() => import('../../../../web/components/map/SitesMap.js'));
//   const ScenarioMap = lazy(() => import('../../../../web/components/map/ScenarioMap.js'));

/** A marker. Markers are clustered when they crowd; a click selects (onSelect) or follows `href`. */
export interface MapPoint {
  id: number | string;
  lat: number;
  lon: number;
  /** Persian label (tooltip / popup title) */
  label: string;
  /** CSS colour of the marker */
  color?: string;
  /** extra Persian lines of the popup */
  details?: string[];
  /** in-app address, e.g. /app/landfills/sites/12 */
  href?: string;
}

export interface SitesMapProps {
  points: MapPoint[];
  /** CSS height, default 480 px */
  height?: number | string;
  /** colour legend shown on the map */
  legend?: { color: string; label: string }[];
  onSelect?: (id: MapPoint['id']) => void;
  /** accessible name of the map */
  ariaLabel?: string;
}

/** A plan drawn on the map: candidate sites (open or closed) and villages linked to their site. */
export interface ScenarioMapProps {
  sites: { id: string; lat: number; lon: number; label: string; open: boolean; existing: boolean; load?: number; capacity?: number | null }[];
  villages: { id: string; lat: number; lon: number; label: string; siteId: string | null; demand?: number }[];
  height?: number | string;
  ariaLabel?: string;
}
