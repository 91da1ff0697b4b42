import { describe, expect, it } from 'vitest';
import { apiQuery, emptyFilters, filtersFromParams, isFiltered, pageList, paramsFromFilters, withFilters } from './showcase-query.js';

describe('showcase address ↔ filters', () => {
  it('round-trips filters through the address', () => {
    const f = { q: 'بوم‌گردی', axis: 'income', category: 'tourism', provinceId: '12', year: '1404', minJobs: '5', sort: 'jobs' as const, page: 3 };
    expect(filtersFromParams(paramsFromFilters(f))).toEqual(f);
  });
  it('keeps the address short: defaults are left out', () => {
    expect(paramsFromFilters(emptyFilters).toString()).toBe('');
    expect(paramsFromFilters({ ...emptyFilters, q: '  ' }).toString()).toBe('');
  });
  it('drops malformed values of a hand-edited link', () => {
    const f = filtersFromParams(new URLSearchParams('axis=Bad!&category=tourism&provinceId=-3&year=99&minJobs=x&sort=evil&page=0'));
    expect(f).toEqual(emptyFilters);
  });
  it('drops a category without its axis', () => {
    expect(filtersFromParams(new URLSearchParams('category=tourism')).category).toBe('');
  });
  it('sends the page and its size to the API', () => {
    expect(apiQuery({ ...emptyFilters, q: 'آب' })).toBe(`q=${encodeURIComponent('آب')}&page=1&pageSize=12`);
  });
});

describe('changing filters', () => {
  it('goes back to page one, and forgets the category when the axis changes', () => {
    const f = { ...emptyFilters, axis: 'income', category: 'tourism', page: 4 };
    expect(withFilters(f, { year: '1404' })).toMatchObject({ page: 1, category: 'tourism' });
    expect(withFilters(f, { axis: 'construction' })).toMatchObject({ page: 1, category: '' });
    expect(withFilters(f, { page: 5 })).toMatchObject({ page: 5, category: 'tourism' });
  });
  it('knows when the list is narrowed', () => {
    expect(isFiltered(emptyFilters)).toBe(false);
    expect(isFiltered({ ...emptyFilters, sort: 'jobs' })).toBe(false);
    expect(isFiltered({ ...emptyFilters, minJobs: '5' })).toBe(true);
  });
});

describe('pageList', () => {
  it('shows the first, the last and the neighbours', () => {
    expect(pageList(1, 1)).toEqual([1]);
    expect(pageList(5, 10)).toEqual([1, null, 3, 4, 5, 6, 7, null, 10]);
    expect(pageList(1, 4)).toEqual([1, 2, 3, 4]);
  });
});
