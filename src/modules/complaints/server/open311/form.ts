// The body of POST requests: application/x-www-form-urlencoded fields, read and checked field by field so every
// mistake becomes a spec error naming the field (never a 5xx).
import { normalizeMobile, normalizeFa, toAsciiDigits } from '../../../../core/fa/index.js';
import { IRAN_BBOX } from '../../../../core/org/geo.js';
import { MAX_BODY, type CategoryQuestion } from '../../contract.js';
import { badRequest, stripControls } from './format.js';
import { M } from './messages.js';

/** A parsed form: every field with all its values, in order. */
export type Form = Map<string, string[]>;

/** Max fields in one form (the spec's fields plus the category's attributes, with room to spare). */
export const MAX_FIELDS = 200;

/** Parses a form-encoded body (UTF-8, '+' as space; malformed escapes kept as written, never thrown; control characters dropped). */
export function parseForm(body: string): Form {
  const form: Form = new Map();
  let n = 0;
  for (const [rawKey, raw] of new URLSearchParams(body)) {
    if (++n > MAX_FIELDS) throw badRequest(M.tooManyFields(MAX_FIELDS));
    const k = stripControls(rawKey);
    const v = stripControls(raw);
    const list = form.get(k);
    if (list) list.push(v);
    else form.set(k, [v]);
  }
  return form;
}

/** A field's first value, trimmed; undefined when absent or empty (the spec treats an empty field as not sent). */
export function field(form: Form, name: string, max = 1000): string | undefined {
  const v = form.get(name)?.[0]?.trim();
  if (v === undefined || v === '') return undefined;
  if (v.length > max) throw badRequest(M.tooLong(name, max));
  return v;
}

/** lat/long as numbers inside Iran, both or neither. */
export function parseLocation(form: Form): { lat: number; lon: number } | null {
  const lat = field(form, 'lat', 40);
  const lon = field(form, 'long', 40);
  if (lat === undefined && lon === undefined) return null;
  if (lat === undefined || lon === undefined) throw badRequest(M.latLongPair);
  const num = (s: string) => (/^[+-]?\d{1,3}(\.\d+)?$/.test(toAsciiDigits(s).replace('٫', '.')) ? Number(toAsciiDigits(s).replace('٫', '.')) : NaN);
  const la = num(lat);
  const lo = num(lon);
  if (!Number.isFinite(la) || !Number.isFinite(lo)) throw badRequest(M.latLongNumber);
  // The contract's bounds (24–40°N, 44–64°E) within the box around Iran.
  if (la < Math.max(IRAN_BBOX.minLat, 24) || la > Math.min(IRAN_BBOX.maxLat, 40) || lo < Math.max(IRAN_BBOX.minLon, 44) || lo > Math.min(IRAN_BBOX.maxLon, 64)) {
    throw badRequest(M.latLongOutside);
  }
  return { lat: la, lon: lo };
}

/** The request's text: required (a complaint without one cannot be handled), at most 4,000 characters. */
export function parseDescription(form: Form): { subject: string; body: string } {
  const raw = form.get('description')?.[0] ?? '';
  const body = raw.replace(/\r\n?/g, '\n').trim();
  if (body === '' || normalizeFa(body) === '') throw badRequest(M.descriptionMissing);
  if (body.length > MAX_BODY) throw badRequest(M.tooLong('description', MAX_BODY));
  // Open311 has no subject: the first line stands in for it (trimmed to the 150 characters a subject may have).
  const first = body.split('\n').find((l) => normalizeFa(l) !== '')!.trim();
  const subject = first.length <= 150 ? first : `${first.slice(0, 149).trimEnd()}…`;
  return { subject, body };
}

/** `media_url`: an http(s) URL, at most 500 characters. */
export function parseMediaUrl(form: Form): string | undefined {
  const v = field(form, 'media_url', 500);
  if (v === undefined) return undefined;
  let u: URL;
  try { u = new URL(v); } catch { throw badRequest(M.mediaUrlInvalid); }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw badRequest(M.mediaUrlInvalid);
  return u.href;
}

/** first_name + last_name, at most 100 characters together. */
export function parseName(form: Form): string | undefined {
  const name = [field(form, 'first_name', 100), field(form, 'last_name', 100)].filter(Boolean).join(' ').replace(/\s+/g, ' ');
  if (name.length > 100) throw badRequest(M.nameTooLong);
  return name || undefined;
}

/**
 * `phone`: an Iranian mobile number in any common form (09…, +989…, Persian digits) becomes the complaint's
 * mobile, to which the tracking code is sent by SMS. Another kind of number (a landline) cannot receive it and
 * is not kept; it is not an error, since the field is optional and clients send what the person typed.
 */
export function parsePhone(form: Form): string | undefined {
  const v = field(form, 'phone', 40);
  return v === undefined ? undefined : (normalizeMobile(v) ?? undefined);
}

const ATTRIBUTE = /^attribute\[([^\]]{1,60})\](\[\])?$/;
const TRUE = new Set(['true', '1', 'yes', 'on', 'بله']);
const FALSE = new Set(['false', '0', 'no', 'off', 'خیر']);

/**
 * The `attribute[code]=value` fields checked against the category's questions (its service definition):
 * required ones present, numbers numeric, list values among the keys offered, one value per single-value list.
 * Attributes the service does not define are ignored (clients add their own, e.g. FixMyStreet's fms_extra_*).
 */
export function parseAttributes(form: Form, questions: readonly CategoryQuestion[]): Record<string, string | number | boolean> {
  const given = new Map<string, string[]>();
  for (const [k, values] of form) {
    const m = ATTRIBUTE.exec(k);
    if (!m) continue;
    const list = given.get(m[1]!) ?? [];
    list.push(...values.map((v) => v.trim()).filter((v) => v !== ''));
    given.set(m[1]!, list);
  }
  const answers: Record<string, string | number | boolean> = {};
  for (const q of questions) {
    const values = given.get(q.code) ?? [];
    if (values.length === 0) {
      if (q.required) throw badRequest(M.attributeRequired(q.code, q.label));
      continue;
    }
    if (values.length > 1) throw badRequest(M.attributeOne(q.code));
    const v = values[0]!;
    if (q.type === 'number') {
      const s = toAsciiDigits(v).replace('٫', '.');
      const n = /^[+-]?\d{1,15}(\.\d{1,10})?$/.test(s) ? Number(s) : NaN;
      if (!Number.isFinite(n)) throw badRequest(M.attributeNumber(q.code));
      answers[q.code] = n;
    } else if (q.type === 'boolean') {
      const s = v.toLowerCase();
      if (TRUE.has(s)) answers[q.code] = true;
      else if (FALSE.has(s)) answers[q.code] = false;
      else throw badRequest(M.attributeBoolean(q.code));
    } else if (q.type === 'select') {
      const keys = (q.options ?? []).map((o) => o.value);
      if (!keys.includes(v)) throw badRequest(M.attributeOption(q.code, keys));
      answers[q.code] = v;
    } else {
      if (v.length > 500) throw badRequest(M.tooLong(`attribute[${q.code}]`, 500));
      answers[q.code] = v;
    }
  }
  return answers;
}
