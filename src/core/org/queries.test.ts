import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import { seedDemoDivisions, type DemoPlaces } from './demo.js';
import { formatDivisionChain } from './labels.js';
import { countDivisions, divisionByCode, divisionChain, getDivision, listChildren, searchDivisions } from './queries.js';

let database: Database;
let places: DemoPlaces;
beforeAll(async () => {
  database = await createTestDatabase();
  places = await seedDemoDivisions(database.db);
});
afterAll(async () => { await database.close(); });

describe('getDivision / divisionByCode', () => {
  it('returns the node, or null for an unknown id or code', async () => {
    expect((await getDivision(database.db, places.city))?.name).toBe('ساری');
    expect(await getDivision(database.db, 987654)).toBeNull();
    expect((await divisionByCode(database.db, 'province', '08'))?.name).toBe('کرمان'); // leading zero ignored
    expect((await divisionByCode(database.db, 'province', '۲'))?.name).toBe('مازندران'); // Persian digit accepted
    expect(await divisionByCode(database.db, 'county', '8')).toBeNull();
    expect(await divisionByCode(database.db, 'province', 'x')).toBeNull();
  });
});

describe('divisionChain', () => {
  it('lists the ancestors province first and renders as Persian forms write it', async () => {
    const chain = await divisionChain(database.db, places.district);
    expect(chain.map((d) => d.level)).toEqual(['province', 'county', 'district']);
    expect(formatDivisionChain(chain)).toBe('بخش مرکزی، شهرستان ساری، استان مازندران');
    expect(await divisionChain(database.db, 987654)).toEqual([]);
  });
});

describe('listChildren', () => {
  it('lists the provinces at the top, in Persian alphabetical order', async () => {
    const top = await listChildren(database.db, null);
    expect(top).toHaveLength(31);
    expect(top[0]!.name).toBe('آذربایجان شرقی');
    expect(top.at(-1)!.name).toBe('یزد');
    // پ/چ/ژ/گ sort by the Persian alphabet, not by code point: گلستان before گیلان before لرستان.
    const names = top.map((d) => d.name);
    expect(names.indexOf('گیلان')).toBeLessThan(names.indexOf('لرستان'));
    expect(names.indexOf('چهارمحال و بختیاری')).toBeLessThan(names.indexOf('خراسان رضوی'));
  });

  it("lists a district's cities and rural districts, or one kind of them", async () => {
    const all = await listChildren(database.db, places.district);
    expect(all.map((d) => d.level).sort()).toEqual(['city', 'rural_district', 'rural_district']);
    expect((await listChildren(database.db, places.district, { level: 'city' })).map((d) => d.name)).toEqual(['ساری']);
  });
});

describe('searchDivisions', () => {
  it("finds کرمان when typed with an Arabic kaf, the exact name first", async () => {
    const hits = await searchDivisions(database.db, { q: 'كرمان' });
    expect(hits[0]!.name).toBe('کرمان');
    expect(hits.map((h) => h.name)).toContain('کرمانشاه');
  });

  it('finds by a part of the name, and says where each hit is', async () => {
    const hits = await searchDivisions(database.db, { q: 'بندار' });
    expect(hits.map((h) => h.name)).toEqual(['بالا بندارخیل']);
    expect(hits[0]!.context).toBe('دهستان مذکوره، بخش مرکزی، شهرستان ساری، استان مازندران');
    expect(hits[0]!.score).toBeGreaterThan(0);
  });

  it('matches across half-space and space (زرین‌آباد / زرین آباد)', async () => {
    const hits = await searchDivisions(database.db, { q: 'زرین آباد', level: 'village' });
    // Names that start with the text come first; fuzzier trigram matches (دولت‌آباد) may follow.
    expect(hits.slice(0, 2).map((h) => h.name).sort()).toEqual(['زرین‌آباد سفلی', 'زرین‌آباد علیا']);
  });

  it('filters by level and stays inside the given scope', async () => {
    const sari = (await getDivision(database.db, places.county))!;
    const isfahan = (await divisionByCode(database.db, 'province', '10'))!;
    expect((await searchDivisions(database.db, { q: 'مرکزی', level: 'district' })).length).toBe(3);
    expect((await searchDivisions(database.db, { q: 'مرکزی', level: 'district', withinPath: sari.path })).map((h) => h.id)).toEqual([places.district]);
    expect(await searchDivisions(database.db, { q: 'ساری', withinPath: isfahan.path })).toEqual([]);
    expect(await searchDivisions(database.db, { q: 'ساری', withinPath: [] })).toEqual([]);
    await expect(searchDivisions(database.db, { q: 'ساری', withinPath: "/1/' or true --" })).rejects.toThrow();
  });

  it('treats LIKE wildcards as text and returns nothing for blank input', async () => {
    expect(await searchDivisions(database.db, { q: '%' })).toEqual([]);
    expect(await searchDivisions(database.db, { q: '  ' })).toEqual([]);
  });

  it('honours the limit', async () => {
    expect(await searchDivisions(database.db, { q: 'آباد', limit: 2 })).toHaveLength(2);
  });
});

describe('countDivisions', () => {
  it('counts per level inside a scope', async () => {
    const isfahan = (await divisionByCode(database.db, 'province', '10'))!;
    expect(await countDivisions(database.db, isfahan.path)).toEqual({ province: 1, county: 1, district: 1, city: 1, rural_district: 1, village: 2 });
  });
});
