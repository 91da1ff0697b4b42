// GeoReport v2 formats: the `.json` / `.xml` resource suffix, W3C date-times in Tehran time, and the spec's error
// documents. Pure functions (no database), so they are easy to test on their own.
import { toAsciiDigits } from '../../../../core/fa/index.js';
import { toXml, type XmlValue } from './xml.js';

export type Open311Format = 'json' | 'xml';

export const CONTENT_TYPES: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/**
 * Input text without the control characters no field needs (C0 but tab/newline/return, DEL). PostgreSQL cannot
 * store NUL in text at all, so one in any field would otherwise fail the query.
 */
export function stripControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

/** Splits a path segment like `services.json` into its name and format; null format when the suffix is not one of ours. */
export function splitFormat(raw: string): { name: string; format: Open311Format | null; ext: string | null } {
  const segment = stripControls(raw);
  const dot = segment.lastIndexOf('.');
  if (dot <= 0) return { name: segment, format: null, ext: null };
  const ext = segment.slice(dot + 1).toLowerCase();
  const name = segment.slice(0, dot);
  return { name, format: ext === 'json' || ext === 'xml' ? ext : null, ext };
}

/**
 * The format a request asked for, from the suffix of its path (query string ignored). XML when there is none
 * or it is unknown: XML is the format the spec requires of every server, so every client can read it.
 */
export function formatOfUrl(url: string): Open311Format {
  const path = url.split('?')[0] ?? '';
  let last = path.slice(path.lastIndexOf('/') + 1);
  try { last = decodeURIComponent(last); } catch { /* keep it raw */ }
  return splitFormat(last).format ?? 'xml';
}

/** A document in the requested format: `root` is the XML root element (the JSON is the value itself). */
export function serialize(format: Open311Format, root: string, value: XmlValue): string {
  return format === 'json' ? JSON.stringify(value) : toXml(root, value);
}

/** An error the client should see, in the spec's `[{code, description}]` / `<errors><error>` form. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 413 | 429,
    readonly description: string,
    readonly code: number = status,
    /** Seconds, for a 429's Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(description);
  }
}
export const badRequest = (description: string) => new Open311Error(400, description);
export const notFound = (description: string) => new Open311Error(404, description);

/** The body of an error response. */
export function errorDocument(format: Open311Format, errors: readonly { code: number; description: string }[]): string {
  return serialize(format, 'errors', errors.map((e) => ({ code: e.code, description: e.description })));
}

const tehranParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Tehran', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset',
});

/**
 * An instant as the spec's W3C date-time in Tehran local time with its offset: `2024-05-01T14:30:00+03:30`.
 * The offset comes from the time-zone database (so dates from before 2022 carry +04:30 in summer).
 */
export function w3cDateTime(d: Date | string | null | undefined): string | null {
  if (d == null) return null;
  const date = d instanceof Date ? d : new Date(d);
  if (Number.isNaN(date.getTime())) return null;
  const p = Object.fromEntries(tehranParts.formatToParts(date).map((x) => [x.type, x.value]));
  // longOffset is "GMT+03:30" (or "GMT" at offset zero, which Tehran never has).
  const m = /^GMT([+-]\d{2}):?(\d{2})$/.exec(p.timeZoneName ?? '');
  const offset = m ? `${m[1]}:${m[2]}` : '+03:30';
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

// A '+' in an unencoded query string arrives as a space ("…T10:00:00 03:30"): read a space before the offset as '+'.
const W3C = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+\- ]\d{2}(?::?\d{2})?)?$/i;

/**
 * Parses a `start_date` / `end_date` argument: a W3C date-time (`2010-01-01T00:00:00Z`, `…+03:30`), or a plain
 * date or a date-time without a zone, taken as Tehran time. Null when it is not a real date.
 */
export function parseW3cDate(raw: string): Date | null {
  const s = toAsciiDigits(raw).trim();
  const m = W3C.exec(s);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', rawZone] = m;
  const zone = rawZone?.replace(' ', '+');
  const tz = !zone ? '+03:30' : zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${sec}${tz}`);
  if (Number.isNaN(date.getTime())) return null;
  // Reject overflowing fields that Date would silently roll over (2024-02-31).
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return null;
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCDate() !== Number(d)) return null;
  return date;
}
