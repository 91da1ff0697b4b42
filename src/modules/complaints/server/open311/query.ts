// Query-string arguments of the GET resources, read by hand so that each mistake is a spec error naming the
// argument. Per the spec, an empty argument is the same as an absent one.
import { badRequest, parseW3cDate, stripControls } from './format.js';
import { M } from './messages.js';

/** The spec's default window and the widest one a client may ask for. */
export const MAX_RANGE_DAYS = 90;
const DAY = 86_400_000;

/** A query argument's first value, trimmed; undefined when absent or empty; 400 when longer than `max`. */
export function queryField(query: unknown, name: string, max = 1000): string | undefined {
  const raw = query && typeof query === 'object' ? (query as Record<string, unknown>)[name] : undefined;
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (typeof first !== 'string') return undefined;
  const v = stripControls(first).trim();
  if (v === '') return undefined;
  if (v.length > max) throw badRequest(M.tooLong(name, max));
  return v;
}

/** A comma-delimited argument (repeated arguments are joined too), at most `max` items; undefined when absent. */
export function parseList(query: unknown, name: string, max: number, tooMany: string): string[] | undefined {
  const raw = query && typeof query === 'object' ? (query as Record<string, unknown>)[name] : undefined;
  const parts = stripControls((Array.isArray(raw) ? raw : [raw]).filter((x): x is string => typeof x === 'string').join(','));
  if (parts.length > max * 60) throw badRequest(tooMany);
  const items = [...new Set(parts.split(',').map((s) => s.trim()).filter(Boolean))];
  if (items.length > max) throw badRequest(tooMany);
  return items.length ? items : undefined;
}

/** `status`: open, closed or both (comma-delimited). */
export function parseStatuses(query: unknown): ('open' | 'closed')[] | undefined {
  const list = parseList(query, 'status', 2, M.statusInvalid)?.map((s) => s.toLowerCase());
  if (!list) return undefined;
  if (!list.every((s) => s === 'open' || s === 'closed')) throw badRequest(M.statusInvalid);
  return list as ('open' | 'closed')[];
}

/**
 * `start_date` / `end_date`: the spec's window, at most 90 days. Neither: the last 90 days. One: 90 days from
 * or up to it. Both: as given (400 when reversed or wider than 90 days).
 */
export function parseRange(query: unknown, now = new Date()): { start: Date; end: Date } {
  const date = (name: string) => {
    const v = queryField(query, name, 40);
    if (v === undefined) return undefined;
    const d = parseW3cDate(v);
    if (!d) throw badRequest(M.dateInvalid(name));
    return d;
  };
  const s = date('start_date');
  const e = date('end_date');
  const span = MAX_RANGE_DAYS * DAY;
  const start = s ?? new Date((e ?? now).getTime() - span);
  const end = e ?? (s ? new Date(s.getTime() + span) : now);
  if (end.getTime() < start.getTime() || end.getTime() - start.getTime() > span) throw badRequest(M.dateRange);
  return { start, end };
}
