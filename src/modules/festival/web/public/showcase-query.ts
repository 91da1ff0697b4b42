// The showcase's search and filters ↔ the page's address (so a link shares the same list) ↔ the API's query. Only
// well-formed values pass (a hand-edited link shows the whole catalogue instead of an error). Pure.
import type { ShowcaseQuery } from '../../contract.js';

export type ShowcaseSort = ShowcaseQuery['sort'];
export const SORTS = ['relevance', 'jobs', 'recent', 'replications'] as const satisfies readonly ShowcaseSort[];
/** Cards per page; the server pages by the same number. */
export const PAGE_SIZE = 12;
/** The «at least … jobs» choices. */
export const MIN_JOBS = [1, 5, 10, 20, 50] as const;

export interface ShowcaseFilters {
  q: string;
  axis: string;
  category: string;
  provinceId: string;
  year: string;
  minJobs: string;
  sort: ShowcaseSort;
  page: number;
}

export const emptyFilters: ShowcaseFilters = { q: '', axis: '', category: '', provinceId: '', year: '', minJobs: '', sort: 'relevance', page: 1 };

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const ok = (v: string | null, test: (s: string) => boolean) => (v !== null && test(v) ? v : '');

/** The filters an address holds. */
export function filtersFromParams(p: URLSearchParams): ShowcaseFilters {
  const axis = ok(p.get('axis'), (s) => KEY.test(s));
  const sort = p.get('sort');
  const page = Math.floor(Number(p.get('page')));
  return {
    q: (p.get('q') ?? '').trim().slice(0, 100),
    axis,
    // a category only with its axis
    category: axis ? ok(p.get('category'), (s) => KEY.test(s)) : '',
    provinceId: ok(p.get('provinceId'), (s) => /^[1-9]\d{0,8}$/.test(s)),
    year: ok(p.get('year'), (s) => /^\d{4}$/.test(s) && +s >= 1400 && +s <= 1500),
    minJobs: ok(p.get('minJobs'), (s) => /^\d{1,7}$/.test(s) && +s > 0),
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as ShowcaseSort) : 'relevance',
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The address of a set of filters: only what differs from the defaults. */
export function paramsFromFilters(f: ShowcaseFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.axis) p.set('axis', f.axis);
  if (f.axis && f.category) p.set('category', f.category);
  if (f.provinceId) p.set('provinceId', f.provinceId);
  if (f.year) p.set('year', f.year);
  if (f.minJobs) p.set('minJobs', f.minJobs);
  if (f.sort !== 'relevance') p.set('sort', f.sort);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

/** GET /api/v1/showcase's query string for the filters. */
export function apiQuery(f: ShowcaseFilters): string {
  const p = paramsFromFilters(f);
  p.set('page', String(f.page));
  p.set('pageSize', String(PAGE_SIZE));
  return p.toString();
}

/** Change some filters: any change but the page goes back to page one. */
export function withFilters(f: ShowcaseFilters, change: Partial<ShowcaseFilters>): ShowcaseFilters {
  const next = { ...f, ...change };
  if (change.axis !== undefined && change.axis !== f.axis) next.category = '';
  if (change.page === undefined) next.page = 1;
  return next;
}

/** Whether any filter narrows the list (the «clear» button shows). */
export const isFiltered = (f: ShowcaseFilters) => !!(f.q || f.axis || f.provinceId || f.year || f.minJobs);

/** The pages to offer around the current one: first, last, and two either side, with null for a gap. */
export function pageList(page: number, pages: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 1; i <= pages; i++) {
    if (i === 1 || i === pages || Math.abs(i - page) <= 2) out.push(i);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}
