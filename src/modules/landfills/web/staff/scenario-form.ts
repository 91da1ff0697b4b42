// The scenario form's pure steps (no React): an uploaded input file read, the check before sending, the body sent,
// and the server's errors placed on the form's fields. Its state and actions: useScenarioForm.ts.
import { faNumber } from '../../../../web/format.js';
import type { ScenarioCreate as ScenarioCreateBody } from '../../contract.js';
import { DEFAULT_KG_PER_CAPITA } from '../../enums.js';
import { fp } from './fa-plan.js';

const t = fp.create;

export interface CandidateRow {
  key: number;
  name: string;
  lat: string;
  lon: string;
  capacity: string;
}

type UploadInput = Extract<ScenarioCreateBody, { source: 'upload' }>['input'];

export interface UploadedFile {
  filename: string;
  data: Record<string, unknown>;
  sites: number;
  villages: number;
  hasDistances: boolean;
}

export type SolveMode = 'p' | 'openCost';

/** What the form holds, as typed (numbers in ASCII digits, '.' for the decimal point). */
export interface ScenarioFormValues {
  name: string;
  divisionId: string;
  source: 'registry' | 'upload';
  kg: string;
  statuses: string[];
  capacitated: boolean;
  candidates: CandidateRow[];
  upload: UploadedFile | null;
  mode: SolveMode;
  p: string;
  openCost: string;
  roadFactor: string;
  timeLimit: string;
}

export const num = (s: string) => (s === '' || s === '.' ? null : Number(s));
const asText = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '');

/** A server path inside the uploaded input in Persian words: 'sites.3.lat' → 'محل ۴ (lat)'. */
export function uploadPath(path: string): string {
  const m = /^(sites|villages|distances)\.(\d+)(?:\.(.+))?$/.exec(path);
  if (!m) return path;
  const what = m[1] === 'sites' ? 'محل' : m[1] === 'villages' ? 'روستای' : 'سطر';
  return `${what} ${faNumber(Number(m[2]) + 1)}${m[3] ? ` (${m[3]})` : ''}`;
}

/** An uploaded file's text: the file when it is a JSON object with `sites` and `villages` arrays, else why not. */
export function readUpload(filename: string, text: string): { upload: UploadedFile } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: t.fileNotJson };
  }
  const o = data as Record<string, unknown> | null;
  if (!o || typeof o !== 'object' || Array.isArray(o) || !Array.isArray(o.sites) || !Array.isArray(o.villages)) return { error: t.fileShape };
  return { upload: { filename, data: o, sites: o.sites.length, villages: o.villages.length, hasDistances: Array.isArray(o.distances) } };
}

/** The settings an uploaded file carries, as the form's fields (the form's values are what is sent). */
export function uploadSettings(o: Record<string, unknown>): Partial<Pick<ScenarioFormValues, 'mode' | 'p' | 'openCost' | 'roadFactor' | 'timeLimit'>> {
  const s: Partial<Pick<ScenarioFormValues, 'mode' | 'p' | 'openCost' | 'roadFactor' | 'timeLimit'>> = {};
  if (typeof o.p === 'number') {
    s.mode = 'p';
    s.p = asText(o.p);
  } else if (typeof o.openCost === 'number') {
    s.mode = 'openCost';
    s.openCost = asText(o.openCost);
  }
  if (typeof o.roadFactor === 'number') s.roadFactor = asText(o.roadFactor);
  if (typeof o.timeLimitSeconds === 'number') s.timeLimit = asText(Math.round(o.timeLimitSeconds));
  return s;
}

/** The form's errors by field before sending (`fileError`: why the last file was refused, if it was). */
export function validateScenario(v: ScenarioFormValues, fileError: string | undefined): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.name.trim()) e.name = fp.common.required;
  if (!v.divisionId) e.divisionId = fp.common.chooseArea;
  if (v.mode === 'p') {
    const n = num(v.p);
    if (n === null) e.p = fp.common.required;
    else if (!Number.isInteger(n) || n < 1) e.p = fp.common.between('۱', faNumber(100_000));
  } else {
    const n = num(v.openCost);
    if (n === null) e.openCost = fp.common.required;
  }
  const rf = num(v.roadFactor);
  if (rf === null || rf < 1 || rf > 3) e.roadFactor = fp.common.between('۱', '۳');
  const tl = num(v.timeLimit);
  if (tl !== null && (tl < 1 || tl > 120)) e.timeLimitSeconds = fp.common.between('۱', '۱۲۰');
  if (v.source === 'registry') {
    const k = num(v.kg);
    if (k === null || k < 0.05 || k > 5) e.kgPerCapita = fp.common.between('۰٫۰۵', '۵');
    if (v.statuses.length === 0) e.candidateStatuses = t.statusesRequired;
    v.candidates.forEach((c, i) => {
      if (!c.name.trim()) e[`newCandidates.${i}.name`] = fp.common.required;
      if (num(c.lat) === null) e[`newCandidates.${i}.lat`] = fp.common.required;
      if (num(c.lon) === null) e[`newCandidates.${i}.lon`] = fp.common.required;
    });
  } else if (!v.upload) e.file = fileError || t.fileMissing;
  return e;
}

/** The body of the new scenario (the form has passed `validateScenario`). */
export function scenarioBody(v: ScenarioFormValues): ScenarioCreateBody {
  const common = {
    name: v.name.trim(),
    divisionId: Number(v.divisionId),
  };
  const pv = v.mode === 'p' ? num(v.p) : null;
  const cv = v.mode === 'openCost' ? num(v.openCost) : null;
  if (v.source === 'upload') {
    return {
      source: 'upload',
      ...common,
      input: { ...(v.upload!.data as UploadInput), p: pv, openCost: cv, roadFactor: num(v.roadFactor), timeLimitSeconds: num(v.timeLimit) },
    };
  }
  return {
    source: 'registry',
    ...common,
    p: pv,
    openCost: cv,
    roadFactor: num(v.roadFactor) ?? 1.3,
    timeLimitSeconds: num(v.timeLimit),
    kgPerCapita: num(v.kg) ?? DEFAULT_KG_PER_CAPITA,
    candidateStatuses: v.statuses as ('active' | 'full')[],
    capacitated: v.capacitated,
    newCandidates: v.candidates.map((c) => ({ name: c.name.trim(), lat: num(c.lat)!, lon: num(c.lon)!, capacity: num(c.capacity) })),
  };
}

const FIELDS = ['name', 'divisionId', 'p', 'openCost', 'roadFactor', 'timeLimitSeconds', 'kgPerCapita', 'candidateStatuses'];

/** The server's field errors keyed as the form's fields (`placed`); the messages that belong to no field (`rest`). */
export function placeServerErrors(fieldErrors: Record<string, string>): { placed: Record<string, string>; rest: string[] } {
  const placed: Record<string, string> = {};
  const rest: string[] = [];
  for (const [path, message] of Object.entries(fieldErrors)) {
    const key = path.replace(/^input\.(p|openCost|roadFactor|timeLimitSeconds)$/, '$1');
    if (FIELDS.includes(key) || key.startsWith('newCandidates.')) placed[key] = message;
    else if (key.startsWith('input.')) placed.file ??= `${uploadPath(key.slice(6))}: ${message}`;
    else rest.push(message);
  }
  return { placed, rest };
}
