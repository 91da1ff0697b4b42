import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/audit.js';
import { rows, type Database } from '../db/client.js';
import { createTestDatabase } from '../../test/db.js';
import { importDivisions, type ImportReport } from './import.js';
import { divisionByCode, divisionChain } from './queries.js';

// A small folder in the Statistical Centre format with one mistake of each kind, a BOM, CRLF and LF line ends,
// and quoted fields. Line numbers in the comments are the ones the report must give.
const FILES: Record<string, string> = {
  'ostan.csv':
    '\uFEFFid,name,amar_code\r\n' +
    '1,تهران,23\r\n' +
    '2,,5\r\n' + //                 line 3: empty name
    '3,فارس,7a\r\n' + //            line 4: code not numeric
    '4,"اصفهان",10\r\n' +
    '5,قم,023\r\n', //              line 6: 023 is 23 again
  'shahrestan.csv':
    'id,name,ostan,amar_code\n' +
    '10,"ری, شهر ری",1,2301\n' +
    '11,شمیرانات,1,2302\n' +
    '12,نمونه,99,2303\n' + //       line 4: no province 99
    '13,کاشان,4,1001\n' +
    '14,بی‌والد,2,2304\n' + //        line 6: its province was rejected (line 3)
    '15,"نام ""نقل‌قول""دار",1,2305\n',
  'bakhsh.csv':
    'id,name,ostan,shahrestan,amar_code\n' +
    '100,مرکزی,1,10,230101\n' +
    '101,کهریزک,4,10,230102\n' + // line 3: county 10 is in province 1, not 4
    '102,مرکزی,4,13,100101\n',
  'shahr.csv':
    'id,name,shahr_type,ostan,shahrestan,bakhsh,amar_code\n' +
    '1000,ری,0,1,10,100,2301010001\n' +
    '1001,ری 1,2,1,10,100,2301010002\n' + // urban district: skipped, not an error
    '1002,کاشان,0,4,13,102,1001010001\n' +
    '1003,قمصر,5,4,13,102,1001010002\n', //  line 5: unknown shahr_type
  'dehestan.csv':
    'id,name,ostan,shahrestan,bakhsh,amar_code\r\n' +
    '500,غنی‌آباد,1,10,100,2301010101\r\n' +
    '501,قهرود,4,13,102,1001010101\r\n',
  'abadi.csv':
    'id,name,ostan,shahrestan,bakhsh,dehestan,amar_code,lat,lon,has_dehyari,has_fire_station\n' +
    '1,قاسم‌آباد,1,10,100,500,230101010101,35.55,51.45,1,1\n' +
    '2,جعفرآباد,1,10,100,500,230101010102,,,0,0\n' +
    '3,وارونه,1,10,100,500,230101010103,51.45,35.55,1,0\n' + // line 4: latitude and longitude swapped
    '4,برزک,4,13,102,501,100101010101,33.9,51.3,1,0\n' +
    '5,گمشده,4,13,102,777,100101010102,33.9,51.3,1,0\n', //    line 6: no rural district 777
  'typhoon-cities.csv':
    '"id","name","province_id","county_id","sector_id","code","short_code"\r\n' +
    '"1","ري","1","10","100","02301010001","1"\r\n' + // Arabic yeh: must still join to ری
    '"2","کاشان","4","13","102","1001010001","1"\r\n',
  'typhoon-city-coordinates.csv': 'city_id,lat,lon\n1,35.59,51.43\n2,33.98,51.43\n',
};

const EXPECTED_ERRORS = [
  ['ostan.csv', 3], ['ostan.csv', 4], ['ostan.csv', 6],
  ['shahrestan.csv', 4], ['shahrestan.csv', 6],
  ['bakhsh.csv', 3],
  ['shahr.csv', 5],
  ['abadi.csv', 4], ['abadi.csv', 6],
];

function writeFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'shahrdeh-divisions-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const count = async (q: ReturnType<typeof sql>) => (await rows<{ n: number }>(database.db, q))[0]!.n;

let database: Database;
const dirs: string[] = [];
const folder = (files: Record<string, string>) => {
  const d = writeFolder(files);
  dirs.push(d);
  return d;
};
let first: ImportReport;

beforeAll(async () => {
  database = await createTestDatabase();
  first = await importDivisions(database.db, folder(FILES));
});
afterAll(async () => {
  await database.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('importDivisions with bad rows', () => {
  it('reports every bad row with its file, line and a Persian reason', () => {
    expect(first.errors.map((e) => [e.file, e.line])).toEqual(EXPECTED_ERRORS);
    for (const e of first.errors) expect(e.reason).toMatch(/[\u0600-\u06FF]/);
    const reason = (file: string, line: number) => first.errors.find((e) => e.file === file && e.line === line)!.reason;
    expect(reason('ostan.csv', 3)).toContain('نام خالی');
    expect(reason('ostan.csv', 4)).toContain('7a');
    expect(reason('ostan.csv', 6)).toContain('خط 2');
    expect(reason('shahrestan.csv', 4)).toContain('99');
    expect(reason('shahrestan.csv', 6)).toContain('خط 3');
    expect(reason('bakhsh.csv', 3)).toContain('ostan');
    expect(reason('abadi.csv', 4)).toContain('محدودهٔ ایران');
    expect(reason('abadi.csv', 6)).toContain('777');
  });

  it('keeps the valid rows, quoted names included, and counts urban districts as skipped', async () => {
    expect(first.counts).toEqual({ province: 2, county: 4, district: 2, city: 2, rural_district: 2, village: 3 });
    expect(first.skipped).toBe(1);
    expect(first.inserted).toBe(15);
    expect((await divisionByCode(database.db, 'county', '2301'))?.name).toBe('ری, شهر ری');
    expect((await divisionByCode(database.db, 'county', '2305'))?.name).toBe('نام "نقل‌قول"دار');
    expect((await divisionByCode(database.db, 'province', '10'))?.name).toBe('اصفهان');
    expect(await divisionByCode(database.db, 'city', '2301010002')).toBeNull();
  });

  it('builds materialized paths and depths from the parents', async () => {
    const village = (await divisionByCode(database.db, 'village', '230101010101'))!;
    const chain = await divisionChain(database.db, village.id);
    expect(chain.map((d) => [d.level, d.name])).toEqual([
      ['province', 'تهران'], ['county', 'ری, شهر ری'], ['district', 'مرکزی'], ['rural_district', 'غنی‌آباد'], ['village', 'قاسم‌آباد'],
    ]);
    expect(village.path).toBe(`/${chain.map((d) => d.id).join('/')}/`);
    expect(chain.map((d) => d.depth)).toEqual([1, 2, 3, 4, 5]);
  });

  it('joins city coordinates by normalized name and province, and keeps village coordinates', async () => {
    expect(first.coordinates).toEqual({ matched: 2, unmatched: 0 });
    const rey = (await divisionByCode(database.db, 'city', '2301010001'))!;
    expect([rey.lat, rey.lon]).toEqual([35.59, 51.43]);
    const v = (await divisionByCode(database.db, 'village', '230101010101'))!;
    expect([v.lat, v.lon]).toEqual([35.55, 51.45]);
    expect((await divisionByCode(database.db, 'village', '230101010102'))!.lat).toBeNull();
  });

  it('creates one municipality per city and dehyaris only where has_dehyari is 1', async () => {
    const m = await rows<{ name: string }>(database.db, sql`select name from org_municipalities order by name`);
    expect(m.map((r) => r.name)).toEqual(['شهرداری ری', 'شهرداری کاشان']);
    const d = await rows<{ name: string; f: boolean }>(database.db, sql`select name, has_fire_station as f from org_dehyaris order by name`);
    expect(d).toEqual([{ name: 'دهیاری برزک', f: false }, { name: 'دهیاری قاسم‌آباد', f: true }]);
    expect(first.created).toEqual({ municipalities: 2, dehyaris: 2 });
  });

  it('writes one audit event for the import and the chain verifies', async () => {
    const ev = await rows<{ action: string; data: { counts: ImportReport['counts']; inserted: number; errors: number } }>(
      database.db, sql`select action, data from audit_log where action = 'divisions.import'`);
    expect(ev).toHaveLength(1);
    expect(ev[0]!.data.counts).toEqual(first.counts);
    expect(ev[0]!.data.inserted).toBe(15);
    expect(ev[0]!.data.errors).toBe(EXPECTED_ERRORS.length);
    expect((await verifyAudit(database.db)).ok).toBe(true);
  });

  it('is idempotent: the same files again insert and update nothing, with the same counts', async () => {
    const again = await importDivisions(database.db, folder(FILES));
    expect(again.counts).toEqual(first.counts);
    expect([again.inserted, again.updated, again.unchanged]).toEqual([0, 0, 15]);
    expect(again.created).toEqual({ municipalities: 0, dehyaris: 0 });
    expect(await count(sql`select count(*)::int as n from org_divisions`)).toBe(15);
  });

  it('dry run reports the changes and writes nothing', async () => {
    const files = { ...FILES, 'ostan.csv': FILES['ostan.csv']!.replace('1,تهران,23', '1,استان تهران,23') };
    const before = await count(sql`select count(*)::int as n from audit_log`);
    const r = await importDivisions(database.db, folder(files), { dryRun: true });
    expect([r.updated, r.dryRun]).toEqual([1, true]);
    expect((await divisionByCode(database.db, 'province', '23'))!.name).toBe('تهران');
    expect(await count(sql`select count(*)::int as n from audit_log`)).toBe(before);
  });

  it('moving a district rewrites the paths below it, even of villages not in the new files', async () => {
    const moved = { ...FILES };
    delete moved['abadi.csv'];
    moved['bakhsh.csv'] = FILES['bakhsh.csv']!.replace('100,مرکزی,1,10,230101', '100,مرکزی,1,11,230101');
    moved['shahr.csv'] = FILES['shahr.csv']!.replace('1000,ری,0,1,10,100', '1000,ری,0,1,11,100').replace('1001,ری 1,2,1,10,100', '1001,ری 1,2,1,11,100');
    moved['dehestan.csv'] = FILES['dehestan.csv']!.replace('500,غنی‌آباد,1,10,100', '500,غنی‌آباد,1,11,100');
    moved['typhoon-cities.csv'] = FILES['typhoon-cities.csv']!.replace('"1","ري","1","10"', '"1","ري","1","11"');
    const r = await importDivisions(database.db, folder(moved));
    expect(r.errors.map((e) => [e.file, e.line])).toEqual(EXPECTED_ERRORS.filter(([f]) => f !== 'abadi.csv'));
    expect(r.updated).toBe(3); // the district, its city and its rural district moved; nothing else changed
    expect(r.inserted).toBe(0);
    const county = (await divisionByCode(database.db, 'county', '2302'))!;
    const village = (await divisionByCode(database.db, 'village', '230101010101'))!;
    const chain = await divisionChain(database.db, village.id);
    expect(chain.map((d) => d.name)).toEqual(['تهران', 'شمیرانات', 'مرکزی', 'غنی‌آباد', 'قاسم‌آباد']);
    expect(village.path.startsWith(county.path)).toBe(true);
    expect(await count(sql`select count(*)::int as n from org_divisions c join org_divisions p on p.id = c.parent_id
      where c.path <> p.path || c.id || '/'`)).toBe(0);
    expect((await verifyAudit(database.db)).ok).toBe(true);
  });
});

describe('importDivisions with unreadable folders', () => {
  it('reports a folder without ostan.csv and writes nothing', async () => {
    const r = await importDivisions(database.db, folder({ 'shahrestan.csv': 'id,name,ostan,amar_code\n1,الف,1,1\n' }));
    expect(r.errors.map((e) => [e.file, e.line])).toEqual([['ostan.csv', 0], ['shahrestan.csv', 0]]);
    expect(r.inserted).toBe(0);
  });

  it('reports a file that is not UTF-8, and a missing column', async () => {
    const dir = folder({ 'shahrestan.csv': 'id,name,amar_code\n1,الف,1\n' });
    writeFileSync(join(dir, 'ostan.csv'), Uint8Array.from([0x69, 0x64, 0x2c, 0xd3, 0xc7, 0xd1, 0xed, 0x0a]));
    const r = await importDivisions(database.db, dir);
    expect(r.errors.map((e) => e.file)).toEqual(['ostan.csv', 'shahrestan.csv']);
    expect(r.errors[0]!.reason).toContain('UTF-8');
    const r2 = await importDivisions(database.db, folder({ 'ostan.csv': 'id,name\n1,الف\n' }));
    expect(r2.errors).toEqual([{ file: 'ostan.csv', line: 1, reason: expect.stringContaining('amar_code') }]);
  });
});
