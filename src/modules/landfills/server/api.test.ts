// The landfill registry over HTTP on the real database: register, verify at district and province, edit (back to
// verification), status history, list/map/export/summary in scope, bulk import with a per-row report and an
// idempotent re-import — and the adversary's side: other scopes, bad input, stale versions, two reviewers at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.js';
import { citizenHelpers, PNG, type Headers } from '../../../test/citizen.js';
import { createDivision, createStaff, createTree, type TestDivision } from '../../../test/factories.js';
import { orgDivisions } from '../../../core/org/schema.js';
import { eq } from 'drizzle-orm';

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let h: ReturnType<typeof citizenHelpers>;
let tree: Awaited<ReturnType<typeof createTree>>;
let ruralDistrict: TestDivision;
let otherProvinceVillage: TestDivision;
const hdr: Record<string, Headers> = {};

async function req(method: 'GET' | 'POST' | 'PUT', url: string, who: Headers | null, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: who ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const json = res.headers['content-type']?.toString().includes('json');
  return { status: res.statusCode, body: res.body && json ? res.json() : res.body, headers: res.headers };
}

const site = (divisionId: number, extra: Record<string, unknown> = {}) => ({
  name: 'محل تخلیه روباز آزمایشی', kind: 'open_dump', lat: 36.6, lon: 53.01, divisionId, capacity: 10000, capacityUnit: 'm3', fillPercent: 40,
  dailyIntakeT: 2, distWaterM: 300, flags: ['river'], requiredFundingMrial: 1200, ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  h = citizenHelpers(t.app, t.db);
  tree = await createTree(t.db);
  ruralDistrict = await createDivision(t.db, 'rural_district', tree.district, 'دهستان آزمایشی');
  const otherProvinceDistrict = await createDivision(t.db, 'district', await createDivision(t.db, 'county', tree.otherProvince));
  otherProvinceVillage = await createDivision(t.db, 'village', otherProvinceDistrict, 'روستای استان دیگر');
  await t.db.update(orgDivisions).set({ code: '8800000001' }).where(eq(orgDivisions.id, tree.village.id));
  await t.db.update(orgDivisions).set({ code: '8800000002' }).where(eq(orgDivisions.id, tree.otherVillage.id));
  await t.db.update(orgDivisions).set({ code: '8800000009' }).where(eq(orgDivisions.id, otherProvinceVillage.id));
  const staff: [string, [Parameters<typeof createStaff>[1][number][0], TestDivision | null]][] = [
    ['expert', ['expert.rural', null]],
    ['province', ['province.reviewer', tree.province]],
    ['otherProvince', ['province.reviewer', tree.otherProvince]],
    ['district', ['district.reviewer', tree.district]],
    ['otherDistrict', ['district.reviewer', tree.otherDistrict]],
    ['dehyar', ['dehyari', tree.village]],
    ['dehyarOther', ['dehyari', tree.otherVillage]],
    ['inspector', ['inspector', null]],
    ['municipality', ['municipality', tree.city]],
  ];
  for (const [key, grant] of staff) {
    await createStaff(t.db, [grant], { username: `lf_${key}`, password: 'secret-pass' });
    hdr[key] = await t.login(`lf_${key}`);
  }
});
afterAll(async () => { await t?.close(); });

describe('registering and verifying a site', () => {
  let id: number;
  it('the dehyar registers his village site; it waits for the district', async () => {
    const photo = await h.upload(hdr.dehyar!, PNG, 'site.png');
    const res = await req('POST', '/api/v1/landfills/sites', hdr.dehyar!, site(tree.village.id, { documentIds: [photo], externalId: 'T-001' }));
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.body).toMatchObject({ verification: 'submitted', status: 'active', canEdit: true, externalId: 'T-001', documents: [{ id: photo }] });
    expect(res.body.place).toContain('روستای آزمایشی');
    // 10,000 m³ × 0.6 t/m³ × 60 % free = 3,600 t; at 2 t/day → 4.9 years
    expect(res.body.remainingTons).toBe(3600);
    expect(res.body.remainingYears).toBeCloseTo(4.9, 1);
    expect(res.body.actions).toEqual([]);
  });

  it('refuses a site outside the editor\'s scope, above a district, or with bad values — in Persian, storing nothing', async () => {
    const before = (await req('GET', '/api/v1/landfills/sites', hdr.expert!)).body.total;
    expect((await req('POST', '/api/v1/landfills/sites', hdr.dehyar!, site(tree.otherVillage.id))).body.code).toBe('division_out_of_scope');
    expect((await req('POST', '/api/v1/landfills/sites', hdr.province!, site(tree.county.id))).body.code).toBe('division_invalid');
    const bad = await req('POST', '/api/v1/landfills/sites', hdr.dehyar!, site(tree.village.id, { lat: 53.01, lon: 36.6, fillPercent: 140, kind: 'volcano' }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/عرض جغرافیایی/);
    expect((await req('POST', '/api/v1/landfills/sites', hdr.dehyar!, site(tree.village.id, { name: 'x'.repeat(5000) }))).status).toBe(400);
    expect((await req('POST', '/api/v1/landfills/sites', hdr.dehyar!, site(tree.village.id, { servedVillageIds: [tree.district.id] }))).body.code).toBe('villages_invalid');
    expect((await req('POST', '/api/v1/landfills/sites', hdr.municipality!, site(tree.village.id))).status).toBe(403);
    expect((await req('POST', '/api/v1/landfills/sites', null, site(tree.village.id))).status).toBe(401);
    expect((await req('POST', '/api/v1/landfills/sites', hdr.district!, site(tree.village.id, { externalId: 'T-001' }))).body.code).toBe('external_id_taken');
    expect((await req('GET', '/api/v1/landfills/sites', hdr.expert!)).body.total).toBe(before);
  });

  it('another district, another province and the other dehyar do not see it (404, empty lists)', async () => {
    for (const who of ['otherDistrict', 'otherProvince', 'dehyarOther', 'municipality'] as const) {
      expect((await req('GET', `/api/v1/landfills/sites/${id}`, hdr[who]!)).status).toBe(who === 'municipality' ? 403 : 404);
    }
    expect((await req('GET', '/api/v1/landfills/sites', hdr.otherProvince!)).body.total).toBe(0);
    expect((await req('GET', '/api/v1/landfills/sites/map', hdr.otherProvince!)).body.items).toEqual([]);
    expect((await req('GET', `/api/v1/landfills/sites/${id}`, hdr.inspector!)).status).toBe(200);
  });

  it('district verifies, the province returns, the dehyar corrects → back to the province, which verifies', async () => {
    let v = (await req('GET', `/api/v1/landfills/sites/${id}`, hdr.district!)).body;
    expect(v.actions.map((a: { key: string }) => a.key).sort()).toEqual(['district_return', 'district_verify']);
    // The generic route would skip the check of the site's version the reviewer saw: only …/review verifies.
    const wc = (await req('GET', `/api/v1/cases/${v.caseId}`, hdr.district!)).body.case;
    const generic = await req('POST', `/api/v1/cases/${v.caseId}/transitions`, hdr.district!, { action: 'district_verify', expectedVersion: wc.version });
    expect([generic.status, generic.body.code]).toEqual([409, 'use_service_route']);
    expect((await req('POST', `/api/v1/landfills/sites/${id}/review`, hdr.dehyar!, { action: 'district_verify', version: v.version })).status).toBe(403);
    expect((await req('POST', `/api/v1/landfills/sites/${id}/review`, hdr.otherDistrict!, { action: 'district_verify', version: v.version })).status).toBe(404);
    v = (await req('POST', `/api/v1/landfills/sites/${id}/review`, hdr.district!, { action: 'district_verify', version: v.version })).body;
    expect(v.verification).toBe('district_verified');
    const noComment = await req('POST', `/api/v1/landfills/sites/${id}/review`, hdr.province!, { action: 'province_return', version: v.version });
    expect(noComment.status).toBe(400);
    v = (await req('POST', `/api/v1/landfills/sites/${id}/review`, hdr.province!, { action: 'province_return', version: v.version, comment: 'عمق آب زیرزمینی را وارد کنید.' })).body;
    expect(v.verification).toBe('returned');
    const edited = await req('PUT', `/api/v1/landfills/sites/${id}`, hdr.dehyar!, { ...site(tree.village.id, { externalId: 'T-001', groundwaterDepthM: 12, documentIds: v.documents.map((d: { id: string }) => d.id) }), version: v.version });
    expect(edited.status).toBe(200);
    // Resubmission goes back to the province, which returned it (not to the district again).
    expect(edited.body.verification).toBe('district_verified');
    v = (await req('POST', `/api/v1/landfills/sites/${id}/review`, hdr.province!, { action: 'province_verify', version: edited.body.version })).body;
    expect(v.verification).toBe('verified');
    expect(v.verificationHistory.map((s: { action: string }) => s.action)).toEqual(['open', 'district_verify', 'province_return', 'resubmit', 'province_verify']);
  });

  it('an edit of a verified site records the status change and sends it back to the district; a stale edit is 409', async () => {
    const v = (await req('GET', `/api/v1/landfills/sites/${id}`, hdr.dehyar!)).body;
    const body = { ...site(tree.village.id, { externalId: 'T-001', groundwaterDepthM: 12, status: 'full', fillPercent: 100, documentIds: v.documents.map((d: { id: string }) => d.id) }), version: v.version, statusNote: 'پر شد' };
    const res = await req('PUT', `/api/v1/landfills/sites/${id}`, hdr.dehyar!, body);
    expect(res.status).toBe(200);
    expect(res.body.verification).toBe('submitted');
    expect(res.body.statusHistory.map((s: { toStatus: string; note: string }) => [s.toStatus, s.note])).toEqual([['active', ''], ['full', 'پر شد']]);
    expect(res.body.remainingYears).toBe(0);
    const stale = await req('PUT', `/api/v1/landfills/sites/${id}`, hdr.dehyar!, { ...body, fillPercent: 99 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
  });

  it('two reviewers at the same moment: exactly one wins, the other gets 409', async () => {
    const v = (await req('GET', `/api/v1/landfills/sites/${id}`, hdr.district!)).body;
    const [a, b] = await Promise.all([
      req('POST', `/api/v1/landfills/sites/${id}/review`, hdr.district!, { action: 'district_verify', version: v.version }),
      req('POST', `/api/v1/landfills/sites/${id}/review`, hdr.district!, { action: 'district_return', version: v.version, comment: 'عکس تازه' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('bad review input is a clear error, never a 500', async () => {
    for (const body of [{ action: 'amend', version: 0 }, { action: 'nope', version: 0 }, { action: 'district_verify' }, { action: 'district_verify', version: 'x' }]) {
      const res = await req('POST', `/api/v1/landfills/sites/${id}/review`, hdr.district!, body);
      expect(res.status).toBe(400);
    }
    expect((await req('GET', '/api/v1/landfills/sites/999999999', hdr.expert!)).status).toBe(404);
    expect((await req('GET', '/api/v1/landfills/sites/abc', hdr.expert!)).status).toBe(400);
    expect((await req('GET', '/api/v1/landfills/sites?kind=volcano', hdr.expert!)).status).toBe(400);
  });
});

describe('lists, map, export and summary', () => {
  beforeAll(async () => {
    await req('POST', '/api/v1/landfills/sites', hdr.district!, site(ruralDistrict.id, { name: 'مرکز دفن بهداشتی منطقه‌ای', kind: 'sanitary', capacity: 5000, capacityUnit: 't', fillPercent: 50, dailyIntakeT: 10, flags: [] }));
    await req('POST', '/api/v1/landfills/sites', hdr.expert!, site(otherProvinceVillage.id, { name: 'محل استان دیگر' }));
  });

  it('filters by kind, status, search (Persian normalization) and province; pages with the total', async () => {
    expect((await req('GET', '/api/v1/landfills/sites?kind=sanitary', hdr.expert!)).body.items.map((s: { name: string }) => s.name)).toEqual(['مرکز دفن بهداشتی منطقه‌ای']);
    expect((await req('GET', `/api/v1/landfills/sites?q=${encodeURIComponent('منطقه اي')}`, hdr.expert!)).body.total).toBeGreaterThanOrEqual(0);
    expect((await req('GET', `/api/v1/landfills/sites?q=${encodeURIComponent('بهداشتي')}`, hdr.expert!)).body.total).toBe(1);
    expect((await req('GET', `/api/v1/landfills/sites?divisionId=${tree.otherProvince.id}`, hdr.expert!)).body.total).toBe(1);
    const page = await req('GET', '/api/v1/landfills/sites?pageSize=1&page=2', hdr.expert!);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBe(3);
    expect((await req('GET', '/api/v1/landfills/sites/map', hdr.province!)).body.items).toHaveLength(2);
  });

  it('exports CSV and XLSX in scope only', async () => {
    const csv = await req('GET', '/api/v1/landfills/sites/export.csv', hdr.province!);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('نام محل');
    expect(csv.body).toContain('مرکز دفن بهداشتی منطقه‌ای');
    expect(csv.body).not.toContain('محل استان دیگر');
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/v1/landfills/sites/export.xlsx', headers: hdr.province! });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('summarizes counts, capacity and remaining life per province and in total', async () => {
    const s = (await req('GET', '/api/v1/landfills/summary', hdr.expert!)).body;
    expect(s.total.sites).toBe(3);
    expect(s.rows.map((r: { name: string }) => r.name).sort()).toEqual(['استان آزمایشی', 'استان دیگر'].sort());
    const mine = s.rows.find((r: { name: string }) => r.name === 'استان آزمایشی');
    expect(mine.byKind.sanitary).toBe(1);
    // Active sites of the province: only the sanitary one (2,500 t left at 10 t/day → 0.7 years).
    expect(mine.remainingTons).toBe(2500);
    expect(mine.remainingYears).toBeCloseTo(0.7, 1);
    expect(mine.nearlyFull).toBe(1);
    const prov = (await req('GET', `/api/v1/landfills/summary?divisionId=${tree.province.id}`, hdr.province!)).body;
    expect(prov.total.sites).toBe(2);
    expect((await req('GET', '/api/v1/landfills/summary', hdr.otherProvince!)).body.total.sites).toBe(1);
  });
});

describe('bulk import', () => {
  const header = 'شناسه خارجی,نام محل,kind,وضعیت,lat,lon,division_code';
  async function importFile(who: Headers, text: string, name = 'sites.csv') {
    const res = await h.postFile(who, '/api/v1/landfills/imports', Buffer.from(text), name);
    expect(res.statusCode, res.body).toBe(202);
    let v = res.json();
    for (let i = 0; i < 100 && v.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      v = (await req('GET', `/api/v1/landfills/imports/${v.id}`, who)).body;
    }
    return v;
  }

  it('keeps the good rows, reports each bad one by row and column in Persian, and re-imports idempotently', async () => {
    const csv = [
      header,
      'IMP-1,محل تخلیه یک,تخلیه روباز,فعال,۳۶٫۵۵,۵۳٫۰۲,8800000001',
      'IMP-2,محل تخلیه دو,open_dump,active,36.56,53.03,8800000002',
      'IMP-3,,تخلیه روباز,فعال,36.5,53.0,8800000001',
      'IMP-4,محل بد,آتشفشان,فعال,36.5,53.0,8800000001',
      'IMP-5,محل جابه‌جا,تخلیه روباز,فعال,53.0,36.5,8800000001',
      'IMP-6,محل ناشناخته,تخلیه روباز,فعال,36.5,53.0,8800000404',
      'IMP-7,محل استان دیگر,تخلیه روباز,فعال,36.5,53.0,8800000009',
    ].join('\n');
    const v = await importFile(hdr.province!, csv);
    expect(v).toMatchObject({ state: 'done', totalRows: 7, processedRows: 7, created: 2, updated: 0, unchanged: 0, failedRows: 5 });
    const rows = v.issues.map((i: { row: number }) => i.row);
    expect([...new Set(rows)].sort()).toEqual([4, 5, 6, 7, 8]);
    for (const i of v.issues) {
      expect(i.column).toMatch(/[\u0600-\u06FF]/);
      expect(i.reason).toMatch(/[\u0600-\u06FF]/);
    }
    expect(v.issues.find((i: { row: number }) => i.row === 8).reason).toMatch(/حوزه/);
    const again = await importFile(hdr.province!, csv);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const changed = await importFile(hdr.province!, [header, 'IMP-1,محل تخلیه یک (اصلاح),تخلیه روباز,پر شده,36.55,53.02,8800000001'].join('\n'));
    expect(changed).toMatchObject({ created: 0, updated: 1 });
    const list = (await req('GET', `/api/v1/landfills/sites?q=IMP-1`, hdr.province!)).body.items;
    expect(list).toMatchObject([{ name: 'محل تخلیه یک (اصلاح)', status: 'full' }]);
    const report = await req('GET', `/api/v1/landfills/imports/${v.id}/report.csv`, hdr.province!);
    expect(report.status).toBe(200);
    expect(report.body).toContain(v.issues.find((i: { row: number }) => i.row === 8).reason);
    expect((await req('GET', `/api/v1/landfills/imports/${v.id}`, hdr.expert!)).status).toBe(404);
  });

  it('refuses a file that is not a spreadsheet, with a Persian reason, storing nothing', async () => {
    const res = await h.postFile(hdr.province!, '/api/v1/landfills/imports', PNG, 'sites.csv');
    expect(res.statusCode).toBe(400);
    expect(res.json().title).toMatch(/[\u0600-\u06FF]/);
    expect((await h.postFile(hdr.dehyar!, '/api/v1/landfills/imports', Buffer.from('a,b\n1,2'), 'x.csv')).statusCode).toBe(400);
    expect((await h.postFile(hdr.municipality!, '/api/v1/landfills/imports', Buffer.from(header), 'x.csv')).statusCode).toBe(403);
  });

  it('serves the template in CSV and XLSX', async () => {
    const csv = await req('GET', '/api/v1/landfills/import/template.csv', hdr.dehyar!);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('نام محل');
    const x = await t.app.inject({ method: 'GET', url: '/api/v1/landfills/import/template.xlsx', headers: hdr.dehyar! });
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('planning scope', () => {
  it('a national scenario is the national expert\'s; a province reviewer may not plan the whole country nor another province', async () => {
    const body = { source: 'registry', name: 'سناریوی ملی', divisionId: null, p: 2 };
    // The test villages have no census population: past the scope check, the scenario is empty (422), not forbidden.
    expect((await req('POST', '/api/v1/landfills/scenarios', hdr.expert!, body)).body.code).toBe('empty_scenario');
    expect((await req('POST', '/api/v1/landfills/scenarios', hdr.province!, body)).status).toBe(403);
    expect((await req('POST', '/api/v1/landfills/scenarios', hdr.province!, { ...body, divisionId: tree.otherProvince.id })).status).toBe(403);
    expect((await req('POST', '/api/v1/landfills/scenarios', hdr.district!, { ...body, divisionId: tree.district.id })).status).toBe(403);
    expect((await req('POST', '/api/v1/landfills/allocations', hdr.province!, { name: 'ملی', divisionId: null, budget: 100, weights: { mode: 'direct', weights: { sensitivity: 1 } } })).status).toBe(403);
  });
});

describe('no input is a server error', () => {
  it('random bodies on every landfill write answer 4xx with a Persian title, never 5xx', async () => {
    const fc = await import('fast-check');
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.double(), fc.string(), fc.constant(null), fc.boolean(), fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 4 })),
    })).v;
    const near = fc.record({
      source: fc.constantFrom('registry', 'upload', 'x'), name: fc.string(), divisionId: fc.oneof(fc.constant(null), fc.integer()), p: value, openCost: value,
      input: value, budget: value, weights: fc.oneof(value, fc.record({ mode: fc.constantFrom('ahp', 'direct'), criteria: value, upper: value, weights: value })),
      kind: fc.constantFrom('open_dump', 'x'), lat: value, lon: value, action: fc.string(), version: value,
    }, { requiredKeys: [] });
    const urls = ['/api/v1/landfills/sites', '/api/v1/landfills/scenarios', '/api/v1/landfills/allocations', '/api/v1/landfills/sites/1/review'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...urls), fc.oneof(value, near), async (url, body) => {
        const res = await req('POST', url, hdr.expert!, body);
        expect(res.status, JSON.stringify(body)).toBeLessThan(500);
        if (res.status >= 400) expect(res.body.title).toMatch(/[\u0600-\u06FF]/);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
