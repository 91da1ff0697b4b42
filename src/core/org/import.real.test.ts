import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/audit.js';
import { rows, type Database } from '../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import { importDivisions, type ImportReport } from './import.js';
import { formatDivisionChain } from './labels.js';
import { divisionByCode, divisionChain, searchDivisions } from './queries.js';

// The Statistical Centre files (Mordad 1399) are reference data outside the repository; skip when absent.
const DIR = process.env.DIVISIONS_DIR ?? '/work/shared/data/iran-divisions';
const count = async (db: Database['db'], q: ReturnType<typeof sql>) => (await rows<{ n: number }>(db, q))[0]!.n;

describe.skipIf(!existsSync(DIR))('importDivisions on the real Statistical Centre files', () => {
  let database: Database;
  let report: ImportReport;
  let ms: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const t = performance.now();
    report = await importDivisions(database.db, DIR);
    ms = performance.now() - t;
  });
  afterAll(async () => { await database?.close(); });

  it('imports every level with the published counts, without errors, in a few seconds', () => {
    expect(report.counts).toEqual({ province: 31, county: 448, district: 1099, city: 1354, rural_district: 2637, village: 0 });
    expect(report.errors).toEqual([]);
    expect(report.skipped).toBe(200); // urban districts (shahr_type 2)
    expect(report.inserted).toBe(31 + 448 + 1099 + 1354 + 2637);
    expect(ms).toBeLessThan(20_000);
  });

  it('gives coordinates inside Iran to at least 1,300 cities, and a municipality to every city', async () => {
    expect(report.coordinates.matched).toBeGreaterThanOrEqual(1300);
    const db = database.db;
    expect(await count(db, sql`select count(*)::int as n from org_divisions where level = 'city' and lat between 25 and 40 and lon between 44 and 64`))
      .toBe(report.coordinates.matched);
    expect(await count(db, sql`select count(*)::int as n from org_municipalities`)).toBe(1354);
  });

  it('keeps paths consistent: every child path is its parent path plus its id, depth follows the level', async () => {
    const db = database.db;
    expect(await count(db, sql`select count(*)::int as n from org_divisions c join org_divisions p on p.id = c.parent_id
      where c.path <> p.path || c.id || '/' or c.depth <> p.depth + 1`)).toBe(0);
    expect(await count(db, sql`select count(*)::int as n from org_divisions where parent_id is null and (level <> 'province' or path <> '/' || id || '/')`)).toBe(0);
    expect(await count(db, sql`select count(*)::int as n from org_divisions c join org_divisions p on p.id = c.parent_id
      where (c.level, p.level) not in (('county','province'), ('district','county'), ('city','district'), ('rural_district','district'))`)).toBe(0);
  });

  it('renders a known chain: the city of Tehran', async () => {
    const tehran = (await divisionByCode(database.db, 'city', '2301021576'))!;
    const chain = await divisionChain(database.db, tehran.id);
    expect(chain.map((d) => [d.level, d.name])).toEqual([['province', 'تهران'], ['county', 'تهران'], ['district', 'مرکزی'], ['city', 'تهران']]);
    expect(formatDivisionChain(chain)).toBe('شهر تهران، بخش مرکزی، شهرستان تهران، استان تهران');
    expect(tehran.lat).toBeCloseTo(35.7, 0);
    expect(tehran.lon).toBeCloseTo(51.4, 0);
  });

  it('finds Kerman when searched with an Arabic kaf, exact names first', async () => {
    const hits = await searchDivisions(database.db, { q: 'كرمان', limit: 10 });
    expect(hits[0]!.name).toBe('کرمان');
    expect(hits.slice(0, 3).map((h) => h.level)).toEqual(['province', 'county', 'city']);
  });

  it('is idempotent: a second import inserts and updates nothing and reports the same counts', async () => {
    const again = await importDivisions(database.db, DIR);
    expect(again.counts).toEqual(report.counts);
    expect([again.inserted, again.updated, again.unchanged]).toEqual([0, 0, report.inserted]);
    expect(await count(database.db, sql`select count(*)::int as n from org_divisions`)).toBe(report.inserted);
  });

  it('audits each import with one event and the chain verifies', async () => {
    expect(await count(database.db, sql`select count(*)::int as n from audit_log where action = 'divisions.import'`)).toBe(2);
    expect(await verifyAudit(database.db)).toEqual({ ok: true, rows: 2 });
  });
});
