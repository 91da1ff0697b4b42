import { useEffect, useRef, useState } from 'react';
import { toPersianDigits } from '../../../../core/fa/normalize.js';
import type { StationPublic } from '../../api-types.js';
import { MAX_PREFERENCES } from '../../enums.js';
import { ffa } from './fa-form.js';
import { AMR, api, publicErrorMessage } from './http.js';
import { faNumber, Loading, Select } from './ui.js';

/** A ranked station as the form keeps it (the server's StationPublic, or a PreferenceView when correcting). */
export interface StationChoice {
  id: number;
  name: string;
  villageName: string;
  districtName: string;
}

export interface StationsValue {
  provinceId: number | null;
  chosen: StationChoice[];
}

/**
 * The province, then its stations with free seats in this call, and the ranked list of at most MAX_PREFERENCES:
 * add, move up / down, remove. Buttons only (no drag and drop): they work with a thumb, a keyboard and a screen
 * reader alike; each move is announced.
 */
export function StationPicker({
  callId,
  provinces,
  value,
  onChange,
  error,
}: {
  callId: number;
  provinces: { id: number; name: string }[] | null;
  value: StationsValue;
  onChange: (v: StationsValue) => void;
  error?: string | undefined;
}) {
  const [stations, setStations] = useState<StationPublic[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const listRef = useRef<HTMLOListElement>(null);
  const max = toPersianDigits(MAX_PREFERENCES);

  useEffect(() => {
    setStations(null);
    setLoadError(null);
    if (value.provinceId === null) return;
    let live = true;
    api.get<{ items: StationPublic[] }>(`${AMR}/calls/${callId}/stations?provinceId=${value.provinceId}`).then(
      (r) => live && setStations(r.items),
      (e: unknown) => live && setLoadError(publicErrorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [callId, value.provinceId]);

  const chosenIds = new Set(value.chosen.map((c) => c.id));
  const full = value.chosen.length >= MAX_PREFERENCES;

  function focusLater(selector: string) {
    setTimeout(() => listRef.current?.querySelector<HTMLElement>(selector)?.focus(), 0);
  }

  function add(s: StationPublic) {
    if (full || chosenIds.has(s.id)) return;
    const next = [...value.chosen, { id: s.id, name: s.name, villageName: s.villageName, districtName: s.districtName }];
    onChange({ ...value, chosen: next });
    setAnnounce(ffa.stations.moved(s.name, toPersianDigits(next.length)));
  }

  function move(index: number, delta: -1 | 1) {
    const to = index + delta;
    if (to < 0 || to >= value.chosen.length) return;
    const next = [...value.chosen];
    const [item] = next.splice(index, 1);
    next.splice(to, 0, item!);
    onChange({ ...value, chosen: next });
    setAnnounce(ffa.stations.moved(item!.name, toPersianDigits(to + 1)));
    // Keep the focus on the station that moved (the same button when it can still move that way).
    const edge = (delta < 0 && to === 0) || (delta > 0 && to === next.length - 1);
    focusLater(`[data-station-id="${item!.id}"] [data-move="${edge ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down'}"]`);
  }

  function remove(index: number) {
    const next = value.chosen.filter((_, i) => i !== index);
    onChange({ ...value, chosen: next });
    setAnnounce('');
  }

  return (
    <div className="amr-stations" data-field="stationIds">
      <Select
        id="st-province"
        label={ffa.stations.province}
        value={value.provinceId}
        loading={!provinces}
        disabled={!provinces}
        onChange={(v) => {
          if (value.chosen.length) setAnnounce(ffa.stations.provinceChanged);
          onChange({ provinceId: v ? Number(v) : null, chosen: [] });
        }}
      >
        {provinces?.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>

      {loadError && (
        <p className="cx-error" role="alert">
          {loadError}
        </p>
      )}

      <div className="amr-stations-cols">
        <section aria-labelledby="st-chosen-title" className="amr-chosen">
          <h3 id="st-chosen-title">{ffa.stations.chosen}</h3>
          {value.chosen.length === 0 ? (
            <p className="cx-muted">{ffa.stations.chosenEmpty}</p>
          ) : (
            <ol className="cx-rank-list amr-rank-list" ref={listRef} data-testid="chosen-stations">
              {value.chosen.map((c, i) => (
                <li key={c.id} data-station-id={c.id}>
                  <span className="cx-rank" aria-hidden="true">
                    {toPersianDigits(i + 1)}
                  </span>
                  <span className="amr-rank-text">
                    <strong>{c.name}</strong>
                    <span className="cx-hint">
                      <span className="cx-sr">{ffa.stations.rank(toPersianDigits(i + 1))} — </span>
                      {c.villageName}، {c.districtName}
                    </span>
                  </span>
                  <span className="cx-rank-actions amr-rank-actions">
                    <button type="button" className="cx-icon-btn" data-move="up" disabled={i === 0} onClick={() => move(i, -1)} aria-label={ffa.stations.upNamed(c.name)} title={ffa.stations.up}>
                      ▲
                    </button>
                    <button
                      type="button"
                      className="cx-icon-btn"
                      data-move="down"
                      disabled={i === value.chosen.length - 1}
                      onClick={() => move(i, 1)}
                      aria-label={ffa.stations.downNamed(c.name)}
                      title={ffa.stations.down}
                    >
                      ▼
                    </button>
                    <button type="button" className="cx-icon-btn cx-icon-danger" onClick={() => remove(i)} aria-label={ffa.stations.removeNamed(c.name)} title={ffa.stations.remove}>
                      ×
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          )}
          {full && <p className="cx-hint">{ffa.stations.full(max)}</p>}
          {error && (
            <p className="cx-error" id="stationIds-error" role="alert">
              {error}
            </p>
          )}
        </section>

        {value.provinceId !== null && (
          <section aria-labelledby="st-available-title">
            <h3 id="st-available-title">{ffa.stations.available}</h3>
            {!stations && !loadError && <Loading />}
            {stations && stations.length === 0 && <p className="cx-muted">{ffa.stations.none}</p>}
            {stations && stations.length > 0 && (
              <ul className="cx-rank-list amr-station-list" data-testid="available-stations">
                {stations.map((s) => (
                  <li key={s.id}>
                    <span className="amr-rank-text">
                      <strong>{s.name}</strong>
                      <span className="cx-hint">{ffa.stations.place(s.villageName, s.districtName, s.countyName)}</span>
                      <span className="cx-hint">{ffa.stations.seats(faNumber(s.seats))}</span>
                    </span>
                    <button
                      type="button"
                      className="cx-btn cx-btn-light amr-add"
                      disabled={full || chosenIds.has(s.id)}
                      onClick={() => add(s)}
                      aria-label={chosenIds.has(s.id) ? undefined : ffa.stations.addNamed(s.name)}
                    >
                      {chosenIds.has(s.id) ? ffa.stations.added : ffa.stations.add}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </div>
      <p className="cx-sr" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}
