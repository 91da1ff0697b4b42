// "Use my location": the phone's position as an optional map pin of a complaint (inside Iran only).
import { useState } from 'react';
import { faCoord } from '../format.js';
import { nfa } from './fa-new.js';

export type Coords = { lat: number; lon: number };

export function LocationField({ coords, onChange }: { coords: Coords | null; onChange: (c: Coords | null) => void }) {
  const [locating, setLocating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  function locateMe() {
    setMessage(null);
    if (!('geolocation' in navigator)) {
      setMessage(nfa.create.locationUnavailable);
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        const lat = Math.round(pos.coords.latitude * 1e6) / 1e6;
        const lon = Math.round(pos.coords.longitude * 1e6) / 1e6;
        // The server accepts points in Iran's bounding box only; say so here instead of failing on submit.
        if (lat < 24 || lat > 40 || lon < 44 || lon > 64) {
          setMessage(nfa.create.locationOutside);
          return;
        }
        onChange({ lat, lon });
      },
      (err) => {
        setLocating(false);
        setMessage(err.code === err.PERMISSION_DENIED ? nfa.create.locationDenied : nfa.create.locationUnavailable);
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  return (
    <>
      <div className="cx-actions">
        <button type="button" className="cx-btn cx-btn-light" onClick={locateMe} disabled={locating}>
          {locating ? nfa.create.locating : nfa.create.useLocation}
        </button>
        {coords && (
          <>
            <span className="cx-hint" role="status" data-testid="coords">
              {nfa.create.located(faCoord(coords.lat), faCoord(coords.lon))}
            </span>
            <button type="button" className="cx-link-btn" onClick={() => onChange(null)}>
              {nfa.create.clearLocation}
            </button>
          </>
        )}
      </div>
      {message && <p className="cx-hint" role="status">{message}</p>}
    </>
  );
}
