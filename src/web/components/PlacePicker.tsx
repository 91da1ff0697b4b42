// A place of the country's divisions tree for the light public forms (no Mantine): province → county → city or
// village, three native selects (fast and familiar on every phone). A form may hold several (residence, birth
// place): each has its own `idPrefix`. `villagesOnly` offers the villages alone (a plan of a village).
import { useEffect, useState } from 'react';
import { api, type DivisionRef } from '../api.js';
import { publicErrorMessage } from '../citizen-auth.js';
import { Select } from './form.js';

/** The picker's strings; a service words its own «nothing here» hints. */
const pfa = {
  province: 'استان',
  county: 'شهرستان',
  place: 'شهر یا روستا',
  village: 'روستا',
  cityPrefix: 'شهر',
  villagePrefix: 'روستای',
  districtGroup: (name: string) => `بخش ${name}`,
  ruralGroup: (name: string) => `دهستان ${name}`,
  districts: 'بخش‌ها',
};

export interface DivisionItem extends DivisionRef {
  id: number;
}

// Children of a division, fetched once per page load (the tree does not change while someone fills a form).
const cache = new Map<string, Promise<DivisionItem[]>>();

/** The children of a division (the provinces for `null`), cached for the page's life. */
export function divisionChildren(parentId: number | null): Promise<DivisionItem[]> {
  const key = parentId === null ? 'root' : String(parentId);
  let p = cache.get(key);
  if (!p) {
    p = api.get<{ items: DivisionItem[] }>(parentId === null ? '/api/v1/divisions' : `/api/v1/divisions?parentId=${parentId}`).then((r) => r.items);
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

/** The country's provinces (from the same cache as the picker). */
export function loadProvinces(): Promise<DivisionItem[]> {
  return divisionChildren(null).then((items) => items.filter((d) => d.level === 'province'));
}

interface PlaceGroup {
  label: string;
  items: { id: number; label: string }[];
}

/**
 * Every city and village of a county, grouped by district (cities) and rural district (villages): cities first,
 * then villages, each group in the order of the tree. The tree is county → district → city | rural district →
 * village; the walk follows whatever children each node has, so a county whose cities hang directly under it
 * works too. A county whose cities and villages are not listed offers its districts (بخش) instead. With
 * `villagesOnly`, only the villages (no cities, and no districts in their place).
 */
async function countyPlaces(countyId: number, villagesOnly = false): Promise<PlaceGroup[]> {
  const cities: PlaceGroup[] = [];
  const villages: PlaceGroup[] = [];
  async function walk(node: DivisionItem, depth: number): Promise<void> {
    const kids = await divisionChildren(node.id);
    const leaves = kids.filter((k) => k.level === 'village' || (k.level === 'city' && !villagesOnly));
    if (leaves.length) {
      const label = node.level === 'district' ? pfa.districtGroup(node.name) : node.level === 'rural_district' ? pfa.ruralGroup(node.name) : node.name;
      const items = leaves.map((l) => ({ id: l.id, label: `${l.level === 'city' ? pfa.cityPrefix : pfa.villagePrefix} ${l.name}` }));
      (node.level === 'rural_district' || villagesOnly ? villages : cities).push({ label, items });
    }
    if (depth < 3) await Promise.all(kids.filter((k) => k.level === 'district' || k.level === 'rural_district').map((k) => walk(k, depth + 1)));
  }
  await walk({ id: countyId, name: '', level: 'county' }, 0);
  if (villagesOnly) return villages;
  const groups = [...cities, ...villages];
  if (groups.length === 0) {
    const ds = (await divisionChildren(countyId)).filter((d) => d.level === 'district');
    if (ds.length) groups.push({ label: pfa.districts, items: ds.map((d) => ({ id: d.id, label: pfa.districtGroup(d.name) })) });
  }
  return groups;
}

export interface PlaceValue {
  provinceId: number | null;
  countyId: number | null;
  /** The city or village (a district when the county lists none): the division the form sends. */
  placeId: number | null;
}

export const emptyPlace: PlaceValue = { provinceId: null, countyId: null, placeId: null };

export interface PlaceErrors {
  province?: string | undefined;
  county?: string | undefined;
  place?: string | undefined;
}

/** What `load` answers for `key` (null while it loads, and when there is nothing to load). */
function useLoaded<T>(key: number | null, load: (key: number) => Promise<T>, onError: (e: unknown) => void): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    setValue(null);
    if (key === null) return;
    let live = true;
    load(key)
      .then((v) => live && setValue(v))
      .catch((e: unknown) => live && onError(e));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return value;
}

/**
 * Province → county → city or village (`villagesOnly`: village). The controls' ids are `province`, `county` and
 * `place`, after `idPrefix` when given ('res' → res-province…): the form's field keys for errors. `hints` are the
 * service's sentences for a province with no county and a county with no place (none shown when not given).
 */
export function PlacePicker({
  idPrefix,
  value,
  onChange,
  errors,
  hints = {},
  villagesOnly = false,
}: {
  idPrefix?: string;
  value: PlaceValue;
  onChange: (v: PlaceValue) => void;
  errors: PlaceErrors;
  hints?: { countyNone?: string; placeNone?: string };
  /** Offer villages only (no cities): for what belongs to a village. */
  villagesOnly?: boolean;
}) {
  const [loadError, setLoadError] = useState<string | null>(null);
  const failed = (e: unknown) => setLoadError(publicErrorMessage(e));
  const provinces = useLoaded(0, loadProvinces, failed);
  const counties = useLoaded(value.provinceId, (id) => divisionChildren(id).then((items) => items.filter((d) => d.level === 'county')), failed);
  const places = useLoaded(value.countyId, (id) => countyPlaces(id, villagesOnly), failed);
  const id = (s: string) => (idPrefix ? `${idPrefix}-${s}` : s);
  const num = (s: string) => (s ? Number(s) : null);
  const countyHint = counties && counties.length === 0 ? hints.countyNone : undefined;
  const placeHint = places && places.length === 0 ? hints.placeNone : undefined;

  return (
    <>
      {loadError && (
        <p className="cx-error" role="alert">
          {loadError}
        </p>
      )}
      <div className="cx-row cx-row-3">
        <Select
          id={id('province')}
          label={pfa.province}
          error={errors.province}
          value={value.provinceId}
          loading={!provinces}
          disabled={!provinces}
          onChange={(v) => onChange({ provinceId: num(v), countyId: null, placeId: null })}
        >
          {provinces?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
        <Select
          id={id('county')}
          label={pfa.county}
          error={errors.county}
          hint={countyHint}
          value={value.countyId}
          loading={value.provinceId !== null && !counties}
          disabled={value.provinceId === null || !counties}
          onChange={(v) => onChange({ ...value, countyId: num(v), placeId: null })}
        >
          {counties?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <Select
          id={id('place')}
          label={villagesOnly ? pfa.village : pfa.place}
          error={errors.place}
          hint={placeHint}
          value={value.placeId}
          loading={value.countyId !== null && !places}
          disabled={value.countyId === null || !places || places.length === 0}
          onChange={(v) => onChange({ ...value, placeId: num(v) })}
        >
          {places?.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.items.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </div>
    </>
  );
}
