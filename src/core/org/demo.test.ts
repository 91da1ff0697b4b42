import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/audit.js';
import { rows, type Database } from '../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import { seedDemoDivisions, type DemoPlaces } from './demo.js';
import { inIran } from './geo.js';
import { divisionChain, divisionByCode, getDivision } from './queries.js';

let database: Database;
let places: DemoPlaces;
beforeAll(async () => {
  database = await createTestDatabase();
  places = await seedDemoDivisions(database.db);
});
afterAll(async () => { await database.close(); });

const levelCounts = async () =>
  Object.fromEntries((await rows<{ level: string; n: number }>(database.db, sql`select level, count(*)::int as n from org_divisions group by level`)).map((r) => [r.level, r.n]));

describe('seedDemoDivisions', () => {
  it('seeds the 31 provinces and enough of the tree for every service', async () => {
    const c = await levelCounts();
    expect(c.province).toBe(31);
    expect(c.county).toBeGreaterThanOrEqual(3);
    expect(c.district).toBeGreaterThanOrEqual(5);
    expect(c.city).toBeGreaterThanOrEqual(6);
    expect(c.rural_district).toBeGreaterThanOrEqual(5);
    expect(c.village).toBeGreaterThanOrEqual(25);
    const [m] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from org_municipalities`);
    expect(m!.n).toBe(c.city);
    const [d] = await rows<{ n: number; fire: number }>(database.db,
      sql`select count(*)::int as n, count(*) filter (where has_fire_station)::int as fire from org_dehyaris`);
    expect(d!.n).toBe(c.village);
    expect(d!.fire).toBeGreaterThanOrEqual(3);
  });

  it('uses the real province codes and names', async () => {
    expect((await divisionByCode(database.db, 'province', '23'))?.name).toBe('تهران');
    expect((await divisionByCode(database.db, 'province', '2'))?.name).toBe('مازندران');
    expect((await divisionByCode(database.db, 'province', '0'))?.name).toBe('مرکزی');
  });

  it('returns ids nested as promised: district in province, city and village in district', async () => {
    const p = (await getDivision(database.db, places.province))!;
    const c = (await getDivision(database.db, places.county))!;
    const d = (await getDivision(database.db, places.district))!;
    const city = (await getDivision(database.db, places.city))!;
    const v = (await getDivision(database.db, places.village))!;
    expect([p.level, c.level, d.level, city.level, v.level]).toEqual(['province', 'county', 'district', 'city', 'village']);
    expect(d.path.startsWith(c.path) && c.path.startsWith(p.path)).toBe(true);
    expect(city.parentId).toBe(d.id);
    expect(v.path.startsWith(d.path)).toBe(true);
    expect((await divisionChain(database.db, v.id)).map((x) => x.name)).toEqual(['مازندران', 'ساری', 'مرکزی', 'مذکوره', 'بالا بندارخیل']);
    const [dh] = await rows<{ f: boolean }>(database.db, sql`select has_fire_station as f from org_dehyaris where division_id = ${v.id}`);
    expect(dh?.f).toBe(true);
  });

  it('puts every village and city inside Iran', async () => {
    const pts = await rows<{ lat: number | null; lon: number | null }>(database.db,
      sql`select lat, lon from org_divisions where level in ('village', 'city')`);
    for (const p of pts) expect(p.lat !== null && p.lon !== null && inIran(p.lat, p.lon)).toBe(true);
  });

  it('is idempotent: a second run returns the same ids, adds nothing and audits nothing', async () => {
    const before = await levelCounts();
    const [a] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log`);
    expect(await seedDemoDivisions(database.db)).toEqual(places);
    expect(await levelCounts()).toEqual(before);
    const [b] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from audit_log`);
    expect(b!.n).toBe(a!.n);
    expect(a!.n).toBe(1);
    expect((await verifyAudit(database.db)).ok).toBe(true);
  });
});
