// The grading API's rules and the adversary's side, over HTTP on the real database: who sees and files what (scope),
// value and document checks, the request rules (one open request, an upgrade only, complete, the dehyari 4-year
// rule), races (two requests, two reviewers at once), rejection, withdrawal, exports, the rules routes — and no input
// is ever a server error.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.js';
import { citizenHelpers, PDF, type Headers } from '../../../test/citizen.js';
import { createDivision, createStaff, createTree, type TestDivision } from '../../../test/factories.js';
import { ensureDefaultRules } from './rule-sets.js';
import { gradingRequests } from './schema.js';
import { addGrade, createDehyari, createMunicipality, DEHYARI_GRADE_3, jalaliDaysAgo, MUNICIPALITY_GRADE_4 } from './test-factory.js';

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let h: ReturnType<typeof citizenHelpers>;
let tree: Awaited<ReturnType<typeof createTree>>;
let otherCity: TestDivision;
let city2: TestDivision;
const hdr: Record<string, Headers> = {};
const mobile: Record<string, string> = {};

async function req(method: 'GET' | 'POST' | 'PUT', url: string, who: Headers | null, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: who ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const json = res.headers['content-type']?.toString().includes('json');
  return { status: res.statusCode, body: res.body && json ? res.json() : res.body, raw: res };
}

/** One uploaded PDF per indicator key, by `who`. */
async function documents(who: Headers, keys: string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const k of keys) out[k] = [await h.upload(who, PDF, `${k}.pdf`)];
  return out;
}

async function saveSheet(who: Headers, subject: 'municipality' | 'dehyari', division: TestDivision, values: Record<string, unknown>, docs?: Record<string, string[]>, year = 1405) {
  return req('PUT', '/api/v1/grading/sheets', who, { subject, divisionId: division.id, year, values, documents: docs ?? (await documents(who, Object.keys(values))) });
}

async function fileRequest(who: Headers, subject: 'municipality' | 'dehyari', division: TestDivision, values: Record<string, unknown>) {
  const sheet = await saveSheet(who, subject, division, values);
  expect(sheet.status, JSON.stringify(sheet.body)).toBe(200);
  const res = await req('POST', '/api/v1/grading/requests', who, { sheetId: sheet.body.id, justification: 'درخواست ارتقای درجه' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number; trackingCode: string };
}

const review = (who: Headers, id: string, body: Record<string, unknown>) => req('POST', `/api/v1/grading/requests/${id}/review`, who, body);
const view = async (who: Headers, id: string) => (await req('GET', `/api/v1/grading/requests/${id}`, who)).body;

beforeAll(async () => {
  t = await createTestApp();
  await ensureDefaultRules(t.db);
  h = citizenHelpers(t.app, t.db);
  tree = await createTree(t.db);
  const otherDistrict = await createDivision(t.db, 'district', await createDivision(t.db, 'county', tree.otherProvince, 'شهرستان دیگر'));
  otherCity = await createDivision(t.db, 'city', otherDistrict, 'شهر استان دیگر');
  city2 = await createDivision(t.db, 'city', tree.otherDistrict, 'شهر دوم');
  await createMunicipality(t.db, tree.city, 3);
  await addGrade(t.db, 'municipality', tree.city, 3, '1399/01/15');
  await createMunicipality(t.db, otherCity, 2); // graded in the core table only: no history
  await createMunicipality(t.db, city2, 4);
  await createDehyari(t.db, tree.village, 2);
  await addGrade(t.db, 'dehyari', tree.village, 2, jalaliDaysAgo(2 * 365), '1403/د/0001');
  await createDehyari(t.db, tree.otherVillage, 1);
  await addGrade(t.db, 'dehyari', tree.otherVillage, 1, '1396/05/01');
  const staff: [string, Parameters<typeof createStaff>[1][number]][] = [
    ['muni', ['municipality', tree.city]],
    ['muniOther', ['municipality', otherCity]],
    ['muni2', ['municipality', city2]],
    ['dehyar', ['dehyari', tree.village]],
    ['dehyarOther', ['dehyari', tree.otherVillage]],
    ['province', ['province.reviewer', tree.province]],
    ['otherProvince', ['province.reviewer', tree.otherProvince]],
    ['expert', ['expert.municipal', null]],
    ['rural', ['expert.rural', null]],
    ['committee', ['grading.committee', null]],
    ['admin', ['admin', null]],
  ];
  for (const [key, grant] of staff) {
    const s = await createStaff(t.db, [grant], { username: `ga_${key}`, password: 'secret-pass' });
    mobile[key] = s.mobile!;
    hdr[key] = await t.login(`ga_${key}`);
  }
});
afterAll(async () => { await t?.close(); });

describe('scope', () => {
  let own: { id: string };
  let other: { id: string };
  beforeAll(async () => {
    own = await fileRequest(hdr.muni!, 'municipality', tree.city, MUNICIPALITY_GRADE_4);
    other = await fileRequest(hdr.muniOther!, 'municipality', otherCity, MUNICIPALITY_GRADE_4);
  });

  it('a municipality sees only its own request; another one is 404', async () => {
    const list = (await req('GET', '/api/v1/grading/requests', hdr.muni!)).body;
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([own.id]);
    expect((await req('GET', `/api/v1/grading/requests/${other.id}`, hdr.muni!)).status).toBe(404);
    expect((await req('GET', `/api/v1/grading/requests/${own.id}`, hdr.muniOther!)).status).toBe(404);
    expect((await req('GET', `/api/v1/grading/history?subject=municipality&divisionId=${otherCity.id}`, hdr.muni!)).status).toBe(404);
  });

  it('a province reviewer sees only his province; national experts and the committee see both; the dehyari expert none', async () => {
    const ids = async (who: Headers) => (await req('GET', '/api/v1/grading/requests', who)).body.items.map((i: { id: string }) => i.id).sort();
    expect(await ids(hdr.province!)).toEqual([own.id]);
    expect(await ids(hdr.otherProvince!)).toEqual([other.id]);
    expect(await ids(hdr.expert!)).toEqual([own.id, other.id].sort());
    expect(await ids(hdr.committee!)).toEqual([own.id, other.id].sort());
    expect(await ids(hdr.rural!)).toEqual([]);
    expect((await req('GET', `/api/v1/grading/requests/${own.id}`, hdr.otherProvince!)).status).toBe(404);
    expect((await req('GET', `/api/v1/grading/requests/${own.id}`, hdr.rural!)).status).toBe(404);
    expect((await req('GET', `/api/v1/grading/requests?provinceId=${tree.otherProvince.id}`, hdr.expert!)).body.total).toBe(1);
    const d = (await req('GET', '/api/v1/grading/dashboard?subject=municipality', hdr.province!)).body;
    expect(d.byProvince.map((p: { provinceId: number }) => p.provinceId)).toEqual([tree.province.id]);
  });

  it('a dehyari cannot file for a municipality, nor a municipality for another city', async () => {
    const docs = await documents(hdr.dehyar!, ['population']);
    const asDehyari = await req('PUT', '/api/v1/grading/sheets', hdr.dehyar!, { subject: 'municipality', divisionId: tree.city.id, year: 1405, values: { population: 5000 }, documents: docs });
    expect(asDehyari.status).toBe(403);
    const notACity = await req('PUT', '/api/v1/grading/sheets', hdr.dehyar!, { subject: 'municipality', divisionId: tree.village.id, year: 1405, values: {}, documents: {} });
    expect([notACity.status, notACity.body.code]).toEqual([400, 'entity_invalid']);
    expect((await req('PUT', '/api/v1/grading/sheets', hdr.muni!, { subject: 'municipality', divisionId: otherCity.id, year: 1405, values: {}, documents: {} })).status).toBe(403);
    expect((await req('PUT', '/api/v1/grading/sheets', hdr.province!, { subject: 'municipality', divisionId: tree.city.id, year: 1405, values: {}, documents: {} })).status).toBe(403);
    const sheets = (await req('GET', `/api/v1/grading/sheets?subject=municipality&divisionId=${tree.city.id}`, hdr.muni!)).body.items;
    expect((await req('POST', '/api/v1/grading/requests', hdr.dehyar!, { sheetId: sheets[0].id, justification: 'x' })).status).toBe(404);
    expect((await req('POST', '/api/v1/grading/requests', hdr.province!, { sheetId: sheets[0].id, justification: 'x' })).status).toBe(403);
    expect((await req('GET', `/api/v1/grading/sheets/${sheets[0].id}`, hdr.muniOther!)).status).toBe(404);
    expect((await req('GET', '/api/v1/grading/entities/mine', hdr.dehyar!)).body.items.map((e: { subject: string; divisionId: number }) => [e.subject, e.divisionId])).toEqual([['dehyari', tree.village.id]]);
  });

  it('exports CSV and XLSX in scope only', async () => {
    const csv = await req('GET', '/api/v1/grading/requests/export.csv', hdr.province!);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('کد پیگیری');
    expect(csv.body).toContain('شهرداری شهر آزمایشی');
    expect(csv.body).not.toContain('شهرداری شهر استان دیگر');
    const xlsx = await req('GET', '/api/v1/grading/requests/export.xlsx', hdr.expert!);
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('two reviewers at the same moment: exactly one wins, the other gets 409', async () => {
    const v = await view(hdr.province!, own.id);
    const [a, b] = await Promise.all([
      review(hdr.province!, own.id, { action: 'province_forward', version: v.version }),
      review(hdr.province!, own.id, { action: 'province_return', version: v.version, comment: 'مدارک ناقص است.' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('the committee may not approve what the reviewed values do not raise; it rejects with reasons', async () => {
    let v = await view(hdr.otherProvince!, other.id);
    v = (await review(hdr.otherProvince!, other.id, { action: 'province_forward', version: v.version })).body;
    const accepted = { verdict: 'accepted', documentsVerified: true };
    // Adjusted down to 1 + 1 + 5 + 6 = 13 points: grade 2, the grade it already holds.
    v = (await review(hdr.expert!, other.id, {
      action: 'expert_forward', version: v.version,
      verdicts: {
        continuous_income: { verdict: 'adjusted', value: 10, reason: 'درآمد مستمر طبق صورت‌های مالی ۱۰ میلیارد ریال است.', documentsVerified: true },
        net_income: { verdict: 'adjusted', value: 5, reason: 'درآمد پایدار خالص ۵ میلیارد ریال است.', documentsVerified: true },
        population: accepted, admin_status: accepted,
      },
    })).body;
    expect(v.reviewedEvaluation).toMatchObject({ total: 13, grade: 2 });
    // The generic route would skip the effective date (approve) and the order (issue): only …/review moves the request.
    const [row] = await t.db.select({ caseId: gradingRequests.caseId }).from(gradingRequests).where(eq(gradingRequests.id, other.id));
    const generic = await req('POST', `/api/v1/cases/${row!.caseId}/transitions`, hdr.committee!, { action: 'approve', expectedVersion: v.version });
    expect([generic.status, generic.body.code]).toEqual([409, 'use_service_route']);
    const approve = await review(hdr.committee!, other.id, { action: 'approve', version: v.version, effectiveDate: '1405/03/01' });
    expect([approve.status, approve.body.code]).toEqual([422, 'not_upgrade']);
    expect((await review(hdr.committee!, other.id, { action: 'reject', version: v.version })).body.code).toBe('comment_required');
    const rejected = await review(hdr.committee!, other.id, { action: 'reject', version: v.version, comment: 'درآمدهای تأییدشده ارتقا را پشتیبانی نمی‌کند.' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ state: 'rejected', decision: { reasons: 'درآمدهای تأییدشده ارتقا را پشتیبانی نمی‌کند.', orderNumber: null } });
    expect(await h.lastSms(mobile.muniOther!)).toContain('درآمدهای تأییدشده');
    // Closed: the entity may file again.
    expect((await req('GET', '/api/v1/grading/entities/mine', hdr.muniOther!)).body.items[0].openRequestId).toBeNull();
  });
});

describe('values, documents and the request rules', () => {
  it('refuses unknown indicators, out-of-range numbers, wrong kinds and choices — in Persian, per field', async () => {
    const unknown = await saveSheet(hdr.muni2!, 'municipality', city2, { population: 5000, area: 10 }, {});
    expect([unknown.status, unknown.body.code]).toEqual([400, 'unknown_indicator']);
    expect(unknown.body.errors).toEqual([{ path: 'body.values.area', message: expect.stringMatching(/area/) }]);
    const bad = await saveSheet(hdr.muni2!, 'municipality', city2, { population: 30_000_000, net_income: 'much', admin_status: 'capital' }, {});
    expect([bad.status, bad.body.code]).toEqual([400, 'values_invalid']);
    const byPath = Object.fromEntries(bad.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(Object.keys(byPath).sort()).toEqual(['body.values.admin_status', 'body.values.net_income', 'body.values.population']);
    for (const m of Object.values(byPath)) expect(m).toMatch(/[\u0600-\u06FF]/);
    expect(byPath['body.values.population']).toContain('۲۰٬۰۰۰٬۰۰۰');
    const docs = await documents(hdr.muni!, ['population']);
    const foreign = await saveSheet(hdr.muni2!, 'municipality', city2, { population: 5000 }, docs);
    expect([foreign.status, foreign.body.code]).toEqual([400, 'attachment_invalid']);
  });

  it('a request needs every required value and its document (422 incomplete), and an upgrade (422 not_upgrade)', async () => {
    const partial = await saveSheet(hdr.muni2!, 'municipality', city2, { continuous_income: 600, net_income: 520, population: 14_000 }, { population: [await h.upload(hdr.muni2!, PDF)] });
    expect(partial.status).toBe(200);
    expect(partial.body.evaluation.missing).toEqual(['admin_status']);
    const incomplete = await req('POST', '/api/v1/grading/requests', hdr.muni2!, { sheetId: partial.body.id, justification: 'ارتقا' });
    expect([incomplete.status, incomplete.body.code]).toEqual([422, 'incomplete']);
    expect(incomplete.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['documents.admin_status', 'documents.continuous_income', 'documents.net_income', 'values.admin_status']);
    const same = await saveSheet(hdr.muni2!, 'municipality', city2, MUNICIPALITY_GRADE_4);
    const notUp = await req('POST', '/api/v1/grading/requests', hdr.muni2!, { sheetId: same.body.id, justification: 'ارتقا' });
    expect([notUp.status, notUp.body.code, notUp.body.supportedGrade, notUp.body.currentGrade]).toEqual([422, 'not_upgrade', 4, 4]);
  });

  it('the entity withdraws its request; the sheet is free again and a new request may be filed', async () => {
    const r = await fileRequest(hdr.muni2!, 'municipality', city2, { continuous_income: 600, net_income: 520, population: 14_000, admin_status: 'district_center' });
    expect((await view(hdr.muni2!, r.id)).supportedGrade).toBe(5);
    expect((await req('POST', `/api/v1/grading/requests/${r.id}/withdraw`, hdr.expert!)).status).toBe(403);
    const w = await req('POST', `/api/v1/grading/requests/${r.id}/withdraw`, hdr.muni2!);
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({ state: 'withdrawn', actions: [] });
    expect((await req('POST', `/api/v1/grading/requests/${r.id}/withdraw`, hdr.muni2!)).body.code).toBe('invalid_state');
    const again = await fileRequest(hdr.muni2!, 'municipality', city2, { continuous_income: 600, net_income: 520, population: 14_000, admin_status: 'district_center' });
    expect(again.id).not.toBe(r.id);
  });

  it('two requests for one entity at the same moment: one is filed, the other is 409 request_open', async () => {
    const sheet = await saveSheet(hdr.dehyarOther!, 'dehyari', tree.otherVillage, DEHYARI_GRADE_3);
    expect(sheet.body.evaluation.grade).toBe(3);
    const [a, b] = await Promise.all([0, 1].map(() => req('POST', '/api/v1/grading/requests', hdr.dehyarOther!, { sheetId: sheet.body.id, justification: 'ارتقا' })));
    expect([a!.status, b!.status].sort()).toEqual([201, 409]);
    expect([a!, b!].find((x) => x.status === 409)!.body.code).toBe('request_open');
  });

  it('a dehyari may ask for a new review only 4 years after its last grade', async () => {
    const mine = (await req('GET', '/api/v1/grading/entities/mine', hdr.dehyar!)).body.items[0];
    expect(mine.nextReviewFrom).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    expect(Number(mine.nextReviewFrom.slice(0, 4)) - Number(mine.gradedOn.slice(0, 4))).toBe(4);
    const sheet = await saveSheet(hdr.dehyar!, 'dehyari', tree.village, DEHYARI_GRADE_3);
    const res = await req('POST', '/api/v1/grading/requests', hdr.dehyar!, { sheetId: sheet.body.id, justification: 'ارتقا' });
    expect([res.status, res.body.code, res.body.nextReviewFrom]).toEqual([422, 'too_soon', mine.nextReviewFrom]);
    // The other dehyari (graded in 1396) has the expert for dehyaris, not the municipal one.
    const list = (await req('GET', '/api/v1/grading/requests?subject=dehyari', hdr.rural!)).body;
    expect(list.items.map((i: { name: string }) => i.name)).toEqual(['دهیاری روستای دیگر']);
    expect((await req('GET', '/api/v1/grading/requests?subject=dehyari', hdr.expert!)).body.total).toBe(0);
  });

  it('bad review input is a clear 4xx', async () => {
    const { id } = (await req('GET', '/api/v1/grading/requests?subject=dehyari', hdr.rural!)).body.items[0];
    for (const body of [{ action: 'resubmit', version: 0 }, { action: 'nope', version: 0 }, { action: 'province_forward' }, { action: 'province_forward', version: 'x' }]) {
      expect((await review(hdr.province!, id, body)).status).toBe(400);
    }
    expect((await req('GET', '/api/v1/grading/requests/not-a-uuid', hdr.expert!)).status).toBe(404);
    expect((await req('GET', '/api/v1/grading/requests/00000000-0000-4000-8000-000000000000', hdr.expert!)).status).toBe(404);
    expect((await req('GET', '/api/v1/grading/requests?state=nope', hdr.expert!)).status).toBe(400);
    expect((await req('GET', '/api/v1/grading/requests', null)).status).toBe(401);
  });
});

describe('rules routes', () => {
  it('lists versions with their use, finds the one in effect, evaluates live; only the admin publishes', async () => {
    const list = (await req('GET', '/api/v1/grading/rules?subject=municipality', hdr.muni!)).body.items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ version: 1, isExample: true, effectiveFrom: '1400/01/01' });
    expect(list[0].usedBy).toBeGreaterThanOrEqual(3);
    expect((await req('GET', '/api/v1/grading/rules/current?subject=dehyari&date=1401/05/05', hdr.rural!)).body.version).toBe(1);
    expect((await req('GET', '/api/v1/grading/rules/current?subject=dehyari&date=1399/05/05', hdr.rural!)).body.code).toBe('no_rules');
    expect((await req('GET', '/api/v1/grading/rules/current?subject=dehyari&date=1399/13/05', hdr.rural!)).status).toBe(400);
    const ev = await req('POST', '/api/v1/grading/evaluate', hdr.muni!, { subject: 'municipality', values: MUNICIPALITY_GRADE_4 });
    expect(ev.body).toMatchObject({ total: 32, grade: 4, toNextGrade: 4 });
    const publish = { subject: 'municipality', title: 'جدول رسمی', effectiveFrom: '1405/01/01', approvedBy: 'کارگروه', definition: { indicators: [], grades: [] } };
    expect((await req('POST', '/api/v1/grading/rules', hdr.muni!, publish)).status).toBe(403);
    expect((await req('POST', '/api/v1/grading/rules', hdr.admin!, publish)).status).toBe(400);
  });
});

describe('no input is a server error', () => {
  it('random bodies on every grading write answer 4xx with a Persian title, never 5xx', async () => {
    const fc = await import('fast-check');
    const own = (await req('GET', '/api/v1/grading/requests', hdr.muni!)).body.items[0].id as string;
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.double(), fc.string(), fc.constant(null), fc.boolean(), fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 4 })),
    })).v;
    const key = fc.constantFrom('population', 'continuous_income', 'net_income', 'admin_status', 'income', 'x', 'Bad Key');
    const near = fc.record({
      subject: fc.constantFrom('municipality', 'dehyari', 'x'), divisionId: fc.oneof(fc.constant(tree.city.id), fc.constant(tree.village.id), fc.integer()),
      year: fc.oneof(fc.constant(1405), fc.integer()), values: fc.dictionary(key, fc.oneof(fc.double(), fc.integer({ min: -10, max: 3_000_000_000 }), fc.string({ maxLength: 12 }), fc.constant(null), value), { maxKeys: 5 }),
      documents: fc.oneof(value, fc.dictionary(key, fc.array(fc.uuid(), { maxLength: 2 }), { maxKeys: 3 })), sheetId: value, justification: fc.string(),
      action: fc.constantFrom('province_forward', 'expert_forward', 'approve', 'issue', 'reject', 'withdraw', 'resubmit', 'x'), version: fc.oneof(fc.integer({ min: 0, max: 20 }), value),
      comment: value, effectiveDate: fc.oneof(fc.constantFrom('1405/02/01', '1405/13/40', '9999/99/99'), fc.string()),
      verdicts: fc.oneof(value, fc.dictionary(key, fc.record({ verdict: fc.constantFrom('accepted', 'adjusted', 'x'), value, reason: fc.string(), documentsVerified: value }, { requiredKeys: [] }), { maxKeys: 4 })),
      title: fc.string(), effectiveFrom: fc.string(), approvedBy: fc.string(), definition: value, date: fc.string(),
    }, { requiredKeys: [] });
    const routes: ['POST' | 'PUT', string][] = [
      ['PUT', '/api/v1/grading/sheets'], ['POST', '/api/v1/grading/requests'], ['PUT', `/api/v1/grading/requests/${own}`], ['POST', `/api/v1/grading/requests/${own}/review`],
      ['POST', `/api/v1/grading/requests/${own}/withdraw`], ['POST', '/api/v1/grading/evaluate'], ['POST', '/api/v1/grading/rules'], ['POST', '/api/v1/grading/requests/x/review'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.constantFrom('muni', 'expert', 'admin', 'committee'), fc.oneof(value, near), async ([method, url], who, body) => {
        const res = await req(method, url, hdr[who]!, body);
        expect(res.status, `${method} ${url} ${JSON.stringify(body)}`).toBeLessThan(500);
        if (res.status >= 400) expect(res.body.title).toMatch(/[\u0600-\u06FF]/);
      }),
      { numRuns: 200 },
    );
  }, 180_000);
});
