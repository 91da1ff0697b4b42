// Pure helpers of the application form (ApplicationForm.tsx): the request body type, field length limits, the
// loose client-side checks (Jalali date, national code, GPA), the kept-or-picked place state, and the mapping of
// server field errors to the form's fields.
import { toAsciiDigits } from '../../../../core/fa/normalize.js';
import type { PlaceValue } from '../../../../web/components/PlacePicker.js';
import type { ApplicationCreate } from '../../contract.js';
import { fieldErrors } from './http.js';

/** The body of POST /applications as JSON carries it (the birth date as Jalali text). */
export type Body = { [K in keyof ApplicationCreate]: K extends 'birthDate' ? string : ApplicationCreate[K] };
export type Errors = Record<string, string>;

export const MAX_FIRST = 50;
export const MAX_LAST = 80;
export const MAX_FIELD = 100;

/** A Jalali date typed by a person, checked loosely (the server checks it exactly): 'YYYY/MM/DD' → ASCII, or null. */
export function cleanJalali(s: string): string | null {
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(toAsciiDigits(s).trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1300 || y > 1500 || mo < 1 || mo > 12 || d < 1 || d > (mo <= 6 ? 31 : 30)) return null;
  return `${y}/${String(mo).padStart(2, '0')}/${String(d).padStart(2, '0')}`;
}

/**
 * Whether 10 digits are a well-formed national code (the check digit, not ten equal digits, digits 4–9 not all
 * zero). The server's zNationalCode is the authority; this is the same arithmetic without persian-tools' table of
 * city prefixes, which would weigh on every page's first chunk.
 */
export function nationalCodeOk(code: string): boolean {
  if (!/^\d{10}$/.test(code) || /^(\d)\1{9}$/.test(code) || /^\d{3}0{6}/.test(code)) return false;
  const d = [...code].map(Number);
  const r = d.slice(0, 9).reduce((s, x, i) => s + x * (10 - i), 0) % 11;
  return d[9] === (r < 2 ? r : 11 - r);
}

/** A GPA typed with Persian or ASCII digits and '.', '٫' or '/' as the decimal mark; '' → null, bad → NaN. */
export function parseGpa(s: string): number | null {
  const t = toAsciiDigits(s).trim().replace(/[٫/,]/g, '.');
  if (t === '') return null;
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(t)) return NaN;
  return Number(t);
}

/** A place already chosen (when correcting): shown by name, with a button to pick another. */
export interface PlaceState {
  keepId: number | null;
  keepName: string;
  changing: boolean;
  value: PlaceValue;
}
export const placeId = (p: PlaceState) => (p.changing || p.keepId === null ? p.value.placeId : p.keepId);

/** Server field errors → this form's fields (`body` is the payload sent, to find a claim's group). */
export function mapServerErrors(err: unknown, body: Body): Errors {
  const mapped: Errors = {};
  for (const [path, msg] of Object.entries(fieldErrors(err))) {
    const claim = /^priorityClaims\.(\d+)/.exec(path);
    if (path.startsWith('stationIds')) mapped.stationIds ??= msg;
    else if (path === 'residenceDivisionId') mapped['res-place'] = msg;
    else if (path === 'birthPlaceDivisionId') mapped['birth-place'] = msg;
    else if (claim) {
      const g = body.priorityClaims[Number(claim[1])]?.group;
      if (g) mapped[`claim-${g}`] ??= msg;
    } else mapped[path.split('.')[0] ?? path] ??= msg;
  }
  return mapped;
}
