import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeFa, toAsciiDigits } from '../fa/index.js';
import { decodeUtf8, readCsvTable, type CsvTable } from './csv.js';
import { inIran } from './geo.js';
import { DIVISION_LEVEL_TITLES } from './labels.js';
import { IMPORT_REASONS as R } from './messages.js';
import type { NodeLevel, PlannedDivision } from './write.js';

/** One rejected row (or file, with line 0/1): the file name, the line the record starts on, a Persian reason. */
export interface ImportError {
  file: string;
  line: number;
  reason: string;
}

export type LevelCounts = Record<NodeLevel, number>;

/** Everything read and checked from a folder, ready to be written. */
export interface ReadResult {
  planned: PlannedDivision[];
  counts: LevelCounts;
  skipped: number;
  errors: ImportError[];
  coordinates: { matched: number; unmatched: number };
}

/** A level's file: `ref` is the column its children use to point at it; `parentRef` the column it points up with. */
interface LevelFile {
  level: NodeLevel;
  file: string;
  ref: string | null;
  parentRef: string | null;
  extra: string[];
}

const LEVEL_FILES: readonly LevelFile[] = [
  { level: 'province', file: 'ostan.csv', ref: 'ostan', parentRef: null, extra: [] },
  { level: 'county', file: 'shahrestan.csv', ref: 'shahrestan', parentRef: 'ostan', extra: [] },
  { level: 'district', file: 'bakhsh.csv', ref: 'bakhsh', parentRef: 'shahrestan', extra: [] },
  { level: 'city', file: 'shahr.csv', ref: null, parentRef: 'bakhsh', extra: ['shahr_type'] },
  { level: 'rural_district', file: 'dehestan.csv', ref: 'dehestan', parentRef: 'bakhsh', extra: [] },
  { level: 'village', file: 'abadi.csv', ref: null, parentRef: 'dehestan', extra: [] },
];
const FILE_OF_REF: Record<string, LevelFile> = Object.fromEntries(LEVEL_FILES.filter((f) => f.ref).map((f) => [f.ref!, f]));
const TYPHOON_CITIES = 'typhoon-cities.csv';
const TYPHOON_COORDS = 'typhoon-city-coordinates.csv';

/** An accepted row that children may point at: its batch key and the CSV ids of its ancestors, by column. */
interface Accepted {
  key: string;
  line: number;
  anc: Record<string, string>;
}

/** Canonical Statistical Centre code: ASCII digits, no leading zeros ('0202032390' and '202032390' are one code). */
export function canonicalCode(raw: string): string | null {
  const v = toAsciiDigits(raw).trim();
  if (!/^\d+$/.test(v)) return null;
  return v.replace(/^0+(?=\d)/, '');
}

/** A display name: trimmed, runs of white space collapsed, Arabic ي/ك written as Persian ی/ک. */
export function cleanName(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().replace(/ي/g, 'ی').replace(/ك/g, 'ک');
}

function parseFlag(v: string): boolean | null {
  const t = toAsciiDigits(v).trim().toLowerCase();
  if (t === '' || t === '0' || t === 'false' || t === 'no' || t === 'خیر') return false;
  if (t === '1' || t === 'true' || t === 'yes' || t === 'بله') return true;
  return null;
}

function parseNumber(v: string): number | null {
  const t = toAsciiDigits(v).trim().replace('٫', '.');
  if (t === '') return null;
  const x = Number(t);
  return Number.isFinite(x) ? x : null;
}

/** Reads and parses one CSV file of the folder, or reports why it cannot. `null` = the file is absent. */
async function loadTable(dir: string, file: string, errors: ImportError[]): Promise<CsvTable | null> {
  const path = join(dir, file);
  if (!existsSync(path)) return null;
  const text = decodeUtf8(await readFile(path));
  if (text === null) {
    errors.push({ file, line: 0, reason: R.notUtf8 });
    return { columns: [], rows: [], problems: [] };
  }
  const table = readCsvTable(text);
  for (const p of table.problems) errors.push({ file, line: p.line, reason: p.reason });
  return table;
}

/**
 * Reads the Statistical Centre CSV files of a folder (see `importDivisions` for the format), checks every row and
 * resolves parents by the files' own ids. Pure of the database: returns the nodes to write, counts per level, the
 * rows skipped on purpose (urban districts) and every rejected row with its file, line and reason.
 */
export async function readDivisionFiles(dir: string): Promise<ReadResult> {
  const errors: ImportError[] = [];
  const planned: PlannedDivision[] = [];
  const counts: LevelCounts = { province: 0, county: 0, district: 0, city: 0, rural_district: 0, village: 0 };
  const accepted: Record<string, Map<string, Accepted>> = {};
  const rejected: Record<string, Map<string, number>> = {};
  // Files read with all their required columns: only those can be parents of the next level.
  const usable = new Set<string>();
  const cityAnc = new Map<string, { name: string; anc: Record<string, string> }>();
  let skipped = 0;

  for (const spec of LEVEL_FILES) {
    const table = await loadTable(dir, spec.file, errors);
    if (!table) {
      if (spec.level === 'province') errors.push({ file: spec.file, line: 0, reason: R.noProvinces });
      continue;
    }
    const parentSpec = spec.parentRef ? FILE_OF_REF[spec.parentRef]! : null;
    if (parentSpec && !usable.has(parentSpec.file)) {
      errors.push({ file: spec.file, line: 0, reason: R.needsParentFile(parentSpec.file) });
      continue;
    }
    if (table.columns.length === 0) continue;
    const required = ['id', 'name', 'amar_code', ...(spec.parentRef ? [spec.parentRef] : []), ...spec.extra];
    const missing = required.filter((c) => !table.columns.includes(c));
    if (missing.length) {
      errors.push({ file: spec.file, line: 1, reason: R.missingColumns(missing) });
      continue;
    }
    usable.add(spec.file);
    const mine = new Map<string, Accepted>();
    const mineRejected = new Map<string, number>();
    if (spec.ref) {
      accepted[spec.ref] = mine;
      rejected[spec.ref] = mineRejected;
    }
    const idLines = new Map<string, number>();
    const codeLines = new Map<string, number>();
    const hasFire = table.columns.includes('has_fire_station');

    for (const { line, values: v } of table.rows) {
      const fail = (reason: string, id?: string) => {
        errors.push({ file: spec.file, line, reason });
        if (id !== undefined && !mine.has(id) && !mineRejected.has(id)) mineRejected.set(id, line);
      };
      const id = toAsciiDigits(v.id ?? '').trim();
      if (!/^\d+$/.test(id)) { fail(R.badId(v.id ?? '')); continue; }
      if (spec.level === 'city') {
        const t = toAsciiDigits(v.shahr_type ?? '').trim();
        if (t === '1' || t === '2') { skipped++; continue; }
        if (t !== '0') { fail(R.badCityType(v.shahr_type ?? '')); continue; }
      }
      const seenId = idLines.get(id);
      if (seenId !== undefined) { fail(R.duplicateId(id, seenId)); continue; }
      idLines.set(id, line);
      const name = cleanName(v.name ?? '');
      if (!name) { fail(R.emptyName, id); continue; }
      if ((v.amar_code ?? '') === '') { fail(R.emptyCode, id); continue; }
      const code = canonicalCode(v.amar_code!);
      if (code === null) { fail(R.badCode(v.amar_code!), id); continue; }
      const seenCode = codeLines.get(code);
      if (seenCode !== undefined) { fail(R.duplicateCode(code, seenCode), id); continue; }

      let parent: Accepted | null = null;
      if (spec.parentRef && parentSpec) {
        const title = DIVISION_LEVEL_TITLES[parentSpec.level];
        const pid = toAsciiDigits(v[spec.parentRef] ?? '').trim();
        if (pid === '') { fail(R.emptyParent(title, spec.parentRef), id); continue; }
        parent = accepted[spec.parentRef]!.get(pid) ?? null;
        if (!parent) {
          const badLine = rejected[spec.parentRef]!.get(pid);
          fail(badLine === undefined ? R.unknownParent(title, pid, parentSpec.file) : R.rejectedParent(title, pid, parentSpec.file, badLine), id);
          continue;
        }
        // The file repeats the ancestors (ostan, shahrestan, …): they must agree with the parent's own.
        const wrong = Object.entries(parent.anc).find(([col, want]) => v[col] !== undefined && v[col] !== '' && toAsciiDigits(v[col]!).trim() !== want);
        if (wrong) { fail(R.mismatch(wrong[0], v[wrong[0]]!, wrong[1]), id); continue; }
      }

      let lat: number | null = null;
      let lon: number | null = null;
      let dehyari: PlannedDivision['dehyari'] = null;
      if (spec.level === 'village') {
        const rawLat = v.lat ?? '';
        const rawLon = v.lon ?? '';
        if (rawLat !== '' || rawLon !== '') {
          lat = parseNumber(rawLat);
          lon = parseNumber(rawLon);
          if (lat === null || lon === null) { fail(R.badCoordinates(rawLat, rawLon), id); continue; }
          if (!inIran(lat, lon)) { fail(R.outsideIran(lat, lon), id); continue; }
        }
        const has = parseFlag(v.has_dehyari ?? '');
        if (has === null) { fail(R.badFlag('has_dehyari', v.has_dehyari!), id); continue; }
        const fire = hasFire ? parseFlag(v.has_fire_station ?? '') : false;
        if (fire === null) { fail(R.badFlag('has_fire_station', v.has_fire_station!), id); continue; }
        if (has) dehyari = hasFire ? { hasFireStation: fire } : {};
      }

      codeLines.set(code, line);
      const key = `${spec.level}:${id}`;
      const anc = parent && spec.parentRef ? { ...parent.anc, [spec.parentRef]: toAsciiDigits(v[spec.parentRef]!).trim() } : {};
      mine.set(id, { key, line, anc });
      planned.push({ key, level: spec.level, code, name, parentKey: parent?.key ?? null, lat, lon, dehyari });
      counts[spec.level]++;
      if (spec.level === 'city') cityAnc.set(key, { name, anc });
    }
  }

  const coordinates = await joinCityCoordinates(dir, planned, cityAnc, errors);
  return { planned, counts, skipped, errors, coordinates };
}

/**
 * Gives cities the coordinates of typhoon-cities.csv + typhoon-city-coordinates.csv, joined by (normalized name,
 * province id). Two cities of one province may share a name (گلوگاه in Mazandaran): then the county decides, and a
 * city that still has no single match gets no coordinates rather than a wrong one.
 */
async function joinCityCoordinates(
  dir: string,
  planned: PlannedDivision[],
  cities: Map<string, { name: string; anc: Record<string, string> }>,
  errors: ImportError[],
): Promise<ReadResult['coordinates']> {
  const none = { matched: 0, unmatched: cities.size };
  const names = await loadTable(dir, TYPHOON_CITIES, errors);
  const coords = await loadTable(dir, TYPHOON_COORDS, errors);
  if (!names && !coords) return none;
  if (!names || !coords) {
    errors.push({ file: names ? TYPHOON_CITIES : TYPHOON_COORDS, line: 0, reason: R.needsFile(names ? TYPHOON_COORDS : TYPHOON_CITIES) });
    return none;
  }
  for (const [table, file, cols] of [[names, TYPHOON_CITIES, ['id', 'name', 'province_id', 'county_id']], [coords, TYPHOON_COORDS, ['city_id', 'lat', 'lon']]] as const) {
    const missing = cols.filter((c) => !table.columns.includes(c));
    if (table.columns.length && missing.length) {
      errors.push({ file, line: 1, reason: R.missingColumns([...missing]) });
      return none;
    }
  }
  const ids = new Set(names.rows.map((r) => toAsciiDigits(r.values.id!).trim()));
  const point = new Map<string, { lat: number; lon: number }>();
  for (const { line, values: v } of coords.rows) {
    const cityId = toAsciiDigits(v.city_id!).trim();
    const lat = parseNumber(v.lat!);
    const lon = parseNumber(v.lon!);
    if (!ids.has(cityId)) errors.push({ file: TYPHOON_COORDS, line, reason: R.unknownTyphoonCity(cityId) });
    else if (lat === null || lon === null) errors.push({ file: TYPHOON_COORDS, line, reason: R.badCoordinates(v.lat!, v.lon!) });
    else if (!inIran(lat, lon)) errors.push({ file: TYPHOON_COORDS, line, reason: R.outsideIran(lat, lon) });
    else point.set(cityId, { lat, lon });
  }
  const byKey = new Map<string, { county: string; lat: number; lon: number }[]>();
  for (const { values: v } of names.rows) {
    const p = point.get(toAsciiDigits(v.id!).trim());
    if (!p) continue;
    const key = `${normalizeFa(v.name!)}|${toAsciiDigits(v.province_id!).trim()}`;
    const list = byKey.get(key) ?? [];
    list.push({ county: toAsciiDigits(v.county_id!).trim(), ...p });
    byKey.set(key, list);
  }
  const cityKey = (c: { name: string; anc: Record<string, string> }) => `${normalizeFa(c.name)}|${c.anc.ostan}`;
  const sameKey = new Map<string, number>();
  for (const c of cities.values()) sameKey.set(cityKey(c), (sameKey.get(cityKey(c)) ?? 0) + 1);

  let matched = 0;
  for (const p of planned) {
    const c = p.level === 'city' ? cities.get(p.key) : undefined;
    if (!c) continue;
    let candidates = byKey.get(cityKey(c)) ?? [];
    if (candidates.length > 1 || sameKey.get(cityKey(c))! > 1) candidates = candidates.filter((t) => t.county === c.anc.shahrestan);
    if (candidates.length !== 1) continue;
    p.lat = candidates[0]!.lat;
    p.lon = candidates[0]!.lon;
    matched++;
  }
  return { matched, unmatched: cities.size - matched };
}
