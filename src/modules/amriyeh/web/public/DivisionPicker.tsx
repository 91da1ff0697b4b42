import { useEffect, useState } from 'react';
import type { DivisionRef } from '../../../../web/api.js';
import { ffa } from './fa-form.js';
import { api, publicErrorMessage } from './http.js';
import { described, Field } from './ui.js';

// A place of the divisions tree (residence, birth place): province → county → city or village, three native
// selects. The same walk as the complaints form's PlacePicker, which cannot be reused as is: its controls have
// fixed ids ('province', 'county', 'locality'), and this form needs two pickers on one page.

interface Item extends DivisionRef {
  id: number;
}

const cache = new Map<string, Promise<Item[]>>();
function children(parentId: number | null): Promise<Item[]> {
  const key = parentId === null ? 'root' : String(parentId);
  let p = cache.get(key);
  if (!p) {
    p = api.get<{ items: Item[] }>(parentId === null ? '/api/v1/divisions' : `/api/v1/divisions?parentId=${parentId}`).then((r) => r.items);
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

interface Group {
  label: string;
  items: { id: number; label: string }[];
}

/** Cities (under their district) and villages (under their rural district) of a county; its districts when it lists none. */
async function countyPlaces(countyId: number): Promise<Group[]> {
  const cities: Group[] = [];
  const villages: Group[] = [];
  async function walk(node: Item | null, parentId: number, depth: number): Promise<void> {
    const kids = await children(parentId);
    const leaves = kids.filter((k) => k.level === 'city' || k.level === 'village');
    if (leaves.length && node) {
      const label = node.level === 'district' ? ffa.places.districtGroup(node.name) : node.level === 'rural_district' ? ffa.places.ruralGroup(node.name) : node.name;
      const items = leaves.map((l) => ({ id: l.id, label: `${l.level === 'city' ? ffa.places.cityPrefix : ffa.places.villagePrefix} ${l.name}` }));
      (node.level === 'rural_district' ? villages : cities).push({ label, items });
    }
    if (depth < 3) await Promise.all(kids.filter((k) => k.level === 'district' || k.level === 'rural_district').map((k) => walk(k, k.id, depth + 1)));
  }
  await walk(null, countyId, 0);
  const groups = [...cities, ...villages];
  if (groups.length === 0) {
    const ds = (await children(countyId)).filter((d) => d.level === 'district');
    if (ds.length) groups.push({ label: ffa.places.districts, items: ds.map((d) => ({ id: d.id, label: ffa.places.districtGroup(d.name) })) });
  }
  return groups;
}

export interface PlaceValue {
  provinceId: number | null;
  countyId: number | null;
  placeId: number | null;
}
export const emptyPlace: PlaceValue = { provinceId: null, countyId: null, placeId: null };

export interface PlaceErrors {
  province?: string | undefined;
  county?: string | undefined;
  place?: string | undefined;
}

/** Province → county → city or village. `idPrefix` keeps the controls' ids unique ('res' → res-province…). */
export function DivisionPicker({ idPrefix, legend, value, onChange, errors }: { idPrefix: string; legend: string; value: PlaceValue; onChange: (v: PlaceValue) => void; errors: PlaceErrors }) {
  const [provinces, setProvinces] = useState<Item[] | null>(null);
  const [counties, setCounties] = useState<Item[] | null>(null);
  const [places, setPlaces] = useState<Group[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const id = (s: string) => `${idPrefix}-${s}`;

  useEffect(() => {
    let live = true;
    children(null)
      .then((items) => live && setProvinces(items.filter((d) => d.level === 'province')))
      .catch((e: unknown) => live && setLoadError(publicErrorMessage(e)));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    setCounties(null);
    if (value.provinceId === null) return;
    let live = true;
    children(value.provinceId)
      .then((items) => live && setCounties(items.filter((d) => d.level === 'county')))
      .catch((e: unknown) => live && setLoadError(publicErrorMessage(e)));
    return () => {
      live = false;
    };
  }, [value.provinceId]);

  useEffect(() => {
    setPlaces(null);
    if (value.countyId === null) return;
    let live = true;
    countyPlaces(value.countyId)
      .then((g) => live && setPlaces(g))
      .catch((e: unknown) => live && setLoadError(publicErrorMessage(e)));
    return () => {
      live = false;
    };
  }, [value.countyId]);

  const num = (s: string) => (s ? Number(s) : null);

  return (
    <fieldset className="cx-field amr-fieldset">
      <legend className="cx-label">{legend}</legend>
      {loadError && (
        <p className="cx-error" role="alert">
          {loadError}
        </p>
      )}
      <div className="cx-row cx-row-3">
        <Field id={id('province')} label={ffa.places.province} error={errors.province}>
          <select
            {...described(id('province'), false, errors.province)}
            className="cx-select"
            value={value.provinceId ?? ''}
            disabled={!provinces}
            onChange={(e) => onChange({ provinceId: num(e.currentTarget.value), countyId: null, placeId: null })}
          >
            <option value="">{provinces ? ffa.choose : ffa.loading}</option>
            {provinces?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('county')} label={ffa.places.county} error={errors.county}>
          <select
            {...described(id('county'), false, errors.county)}
            className="cx-select"
            value={value.countyId ?? ''}
            disabled={value.provinceId === null || !counties}
            onChange={(e) => onChange({ ...value, countyId: num(e.currentTarget.value), placeId: null })}
          >
            <option value="">{value.provinceId !== null && !counties ? ffa.loading : ffa.choose}</option>
            {counties?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('place')} label={ffa.places.locality} error={errors.place} hint={places && places.length === 0 ? ffa.places.localityNone : undefined}>
          <select
            {...described(id('place'), !!places && places.length === 0, errors.place)}
            className="cx-select"
            value={value.placeId ?? ''}
            disabled={value.countyId === null || !places || places.length === 0}
            onChange={(e) => onChange({ ...value, placeId: num(e.currentTarget.value) })}
          >
            <option value="">{value.countyId !== null && !places ? ffa.loading : ffa.choose}</option>
            {places?.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.items.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
      </div>
    </fieldset>
  );
}
