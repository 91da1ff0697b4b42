import { useEffect, useState } from 'react';
import { cfa } from '../fa.js';
import { nfa } from './fa-new.js';
import type { DivisionItem } from '../types.js';
import { api, publicErrorMessage } from './http.js';
import { described, Field } from './ui.js';

// Children of a division, fetched once per page load (the tree does not change while someone fills a form).
const cache = new Map<string, Promise<DivisionItem[]>>();
function children(parentId: number | null): Promise<DivisionItem[]> {
  const key = parentId === null ? 'root' : String(parentId);
  let p = cache.get(key);
  if (!p) {
    p = api
      .get<{ items: DivisionItem[] }>(parentId === null ? '/api/v1/divisions' : `/api/v1/divisions?parentId=${parentId}`)
      .then((r) => r.items);
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/** A city or village the complaint can be filed at, with the group (بخش / دهستان) it is listed under. */
export interface Locality {
  id: number;
  label: string;
  lat?: number | null;
  lon?: number | null;
}
interface LocalityGroup {
  label: string;
  items: Locality[];
}

/**
 * Every city and village of a county, grouped by district (cities) and rural district (villages). The tree is
 * county → district → city | rural district → village; the walk follows whatever children each node has, so a
 * county whose cities hang directly under it works too.
 */
async function countyLocalities(countyId: number): Promise<LocalityGroup[]> {
  const groups: LocalityGroup[] = [];
  async function walk(node: DivisionItem, depth: number): Promise<void> {
    const kids = await children(node.id);
    const leaves = kids.filter((k) => k.level === 'city' || k.level === 'village');
    if (leaves.length) {
      const label = node.level === 'district' ? nfa.create.districtGroup(node.name) : node.level === 'rural_district' ? nfa.create.ruralGroup(node.name) : node.name;
      groups.push({
        label,
        items: leaves.map((l) => ({
          id: l.id,
          label: `${l.level === 'city' ? nfa.create.cityPrefix : nfa.create.villagePrefix} ${l.name}`,
          lat: l.lat ?? null,
          lon: l.lon ?? null,
        })),
      });
    }
    if (depth < 3) await Promise.all(kids.filter((k) => k.level === 'district' || k.level === 'rural_district').map((k) => walk(k, depth + 1)));
  }
  const districts = await children(countyId);
  await walk({ id: countyId, name: '', level: 'county' }, 0);
  // A county whose cities and villages are not listed: its districts (بخش) are places a complaint can go to.
  if (groups.length === 0) {
    const ds = districts.filter((d) => d.level === 'district');
    if (ds.length) groups.push({ label: nfa.create.county, items: ds.map((d) => ({ id: d.id, label: nfa.create.districtGroup(d.name), lat: d.lat ?? null, lon: d.lon ?? null })) });
  }
  // Cities first (under their district), then villages by rural district; each group in the order of the tree.
  return groups.sort((a, b) => Number(a.label.startsWith(nfa.create.ruralGroup(''))) - Number(b.label.startsWith(nfa.create.ruralGroup(''))));
}

export interface PlaceValue {
  provinceId: number | null;
  countyId: number | null;
  localityId: number | null;
  /** True once the county's list is loaded and has no place a complaint can be filed at. */
  countyOnly: boolean;
}

export const emptyPlace: PlaceValue = { provinceId: null, countyId: null, localityId: null, countyOnly: false };

/** The division the complaint is filed at: the city or village (a district when the county lists none). */
export function placeDivisionId(p: PlaceValue): number | null {
  return p.localityId;
}

/** Province → county → city or village, three native selects (fast and familiar on every phone). */
export function PlacePicker({
  value,
  onChange,
  errors,
}: {
  value: PlaceValue;
  onChange: (v: PlaceValue) => void;
  errors: { province?: string | undefined; county?: string | undefined; locality?: string | undefined };
}) {
  const [provinces, setProvinces] = useState<DivisionItem[] | null>(null);
  const [counties, setCounties] = useState<DivisionItem[] | null>(null);
  const [localities, setLocalities] = useState<LocalityGroup[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    children(null)
      .then((items) => live && setProvinces(items.filter((d) => d.level === 'province')))
      .catch((e) => live && setLoadError(publicErrorMessage(e)));
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
      .catch((e) => live && setLoadError(publicErrorMessage(e)));
    return () => {
      live = false;
    };
  }, [value.provinceId]);

  useEffect(() => {
    setLocalities(null);
    if (value.countyId === null) return;
    let live = true;
    countyLocalities(value.countyId)
      .then((groups) => {
        if (!live) return;
        setLocalities(groups);
        const only = groups.length === 0;
        if (only !== value.countyOnly) onChange({ ...value, countyOnly: only });
      })
      .catch((e) => live && setLoadError(publicErrorMessage(e)));
    return () => {
      live = false;
    };
  }, [value.countyId]);

  const num = (s: string) => (s ? Number(s) : null);

  return (
    <div className="cx-row cx-row-3">
      {loadError && (
        <p className="cx-error" role="alert">
          {loadError}
        </p>
      )}
      <Field id="province" label={nfa.create.province} error={errors.province}>
        <select
          {...described('province', false, errors.province)}
          className="cx-select"
          value={value.provinceId ?? ''}
          disabled={!provinces}
          onChange={(e) => onChange({ provinceId: num(e.currentTarget.value), countyId: null, localityId: null, countyOnly: false })}
        >
          <option value="">{provinces ? cfa.common.choose : cfa.common.loading}</option>
          {provinces?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="county" label={nfa.create.county} error={errors.county} hint={counties && counties.length === 0 ? nfa.create.countyNone : undefined}>
        <select
          {...described('county', !!counties && counties.length === 0, errors.county)}
          className="cx-select"
          value={value.countyId ?? ''}
          disabled={value.provinceId === null || !counties}
          onChange={(e) => onChange({ ...value, countyId: num(e.currentTarget.value), localityId: null, countyOnly: false })}
        >
          <option value="">{value.provinceId !== null && !counties ? cfa.common.loading : cfa.common.choose}</option>
          {counties?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="locality" label={nfa.create.locality} error={errors.locality} hint={localities && localities.length === 0 ? nfa.create.localityNone : undefined}>
        <select
          {...described('locality', !!localities && localities.length === 0, errors.locality)}
          className="cx-select"
          value={value.localityId ?? ''}
          disabled={value.countyId === null || !localities || localities.length === 0}
          onChange={(e) => onChange({ ...value, localityId: num(e.currentTarget.value) })}
        >
          <option value="">{value.countyId !== null && !localities ? cfa.common.loading : cfa.common.choose}</option>
          {localities?.map((g) => (
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
  );
}
