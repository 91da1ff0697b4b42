import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPersianDigits } from '../../../core/fa/index.js';
import { complaintsFixture, createComplaintsTestApp, fileComplaint } from './test-factory.js';

let t: Awaited<ReturnType<typeof createComplaintsTestApp>>;
let f: Awaited<ReturnType<typeof complaintsFixture>>;
// A: named, in the central district's city. B: anonymous, in its village. C: the other district. E: other province.
let A: Awaited<ReturnType<typeof fileComplaint>>;
let B: typeof A;
let C: typeof A;
let E: typeof A;
const headers: Record<string, Record<string, string>> = {};
const get = (who: string, url: string) => t.app.inject({ url, headers: headers[who] });

beforeAll(async () => {
  t = await createComplaintsTestApp();
  f = await complaintsFixture(t.db);
  const { tree, categories: cat } = f;
  A = await fileComplaint(t.db, { place: tree.city, categoryId: cat.lighting.id, subject: 'چراغ‌های خیابان اصلی خاموش است', name: 'علی رضایی' });
  B = await fileComplaint(t.db, { place: tree.village, categoryId: cat.waste.id, subject: 'زباله‌ها جمع‌آوری نشده', name: 'مریم احمدی', anonymous: true, kind: 'request' });
  C = await fileComplaint(t.db, { place: tree.otherVillage, categoryId: cat.lighting.id, subject: 'چراغ‌های روستای دیگر خاموش است' });
  E = await fileComplaint(t.db, { place: tree.otherProvCity, categoryId: cat.behaviour.id, subject: 'رفتار نامناسب در شهر دوم' });
  for (const u of ['dr1', 'drother', 'prov', 'insp', 'trainer']) headers[u] = await t.login(u);
});
afterAll(async () => { await t?.close(); });

const codes = (res: { json(): { items: { trackingCode: string }[] } }) => res.json().items.map((i) => i.trackingCode).sort();

describe('GET /api/v1/complaints', () => {
  it('200 with only the district reviewer\'s own district, with total and presented fields', async () => {
    const res = await get('dr1', '/api/v1/complaints');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(2);
    expect(codes(res)).toEqual([A.trackingCode, B.trackingCode].sort());
    const a = res.json().items.find((i: { id: string }) => i.id === A.id);
    expect(a).toMatchObject({
      trackingCode: A.trackingCode, kind: 'complaint', categoryName: 'روشنایی معابر', placeName: 'شهر شهر آزمایشی', state: 'submitted',
      stateTitle: 'ثبت‌شده، در انتظار بررسی اولیه', overdue: false, assigneeName: null, anonymous: false, version: 1, citizenName: 'علی رضایی',
    });
    expect(a.dueAt).toBeTruthy();
    expect((await get('drother', '/api/v1/complaints')).json().total).toBe(1);
    expect((await get('prov', '/api/v1/complaints')).json().total).toBe(3);
    expect((await get('insp', '/api/v1/complaints')).json().total).toBe(4);
  });

  it('200 empty for staff whose role is not a complaints role (expert.training), 401 signed out', async () => {
    expect((await get('trainer', '/api/v1/complaints')).json()).toEqual({ items: [], total: 0 });
    expect((await t.app.inject({ url: '/api/v1/complaints' })).statusCode).toBe(401);
  });

  it('searches Persian text normalized (Arabic letters, no half-space) and exact tracking codes, within scope only', async () => {
    // «جمع آوري» with an Arabic yeh and a space for the half-space still finds «جمع‌آوری».
    expect(codes(await get('dr1', `/api/v1/complaints?q=${encodeURIComponent('جمع آوري')}`))).toEqual([B.trackingCode]);
    expect(codes(await get('dr1', `/api/v1/complaints?q=${encodeURIComponent('خاموش')}`))).toEqual([A.trackingCode]);
    expect(codes(await get('prov', `/api/v1/complaints?q=${encodeURIComponent('خاموش')}`))).toEqual([A.trackingCode, C.trackingCode].sort());
    expect(codes(await get('dr1', `/api/v1/complaints?q=${encodeURIComponent(toPersianDigits(A.trackingCode))}`))).toEqual([A.trackingCode]);
    // Another district's code: not found, as if it did not exist.
    expect((await get('dr1', `/api/v1/complaints?q=${C.trackingCode}`)).json().total).toBe(0);
    expect((await get('dr1', `/api/v1/complaints?q=${encodeURIComponent('100%_\\')}`)).json().total).toBe(0);
  });

  it('filters by state, kind, category (a group includes its leaves), division, dates (Persian digits) and sorts', async () => {
    const { tree, categories: cat } = f;
    expect(codes(await get('prov', `/api/v1/complaints?kind=request`))).toEqual([B.trackingCode]);
    expect(codes(await get('prov', `/api/v1/complaints?categoryId=${cat.lighting.id}`))).toEqual([A.trackingCode, C.trackingCode].sort());
    expect((await get('prov', `/api/v1/complaints?categoryId=${cat.group.id}`)).json().total).toBe(3);
    expect(codes(await get('prov', `/api/v1/complaints?divisionId=${tree.village.id}`))).toEqual([B.trackingCode]);
    expect((await get('dr1', `/api/v1/complaints?divisionId=${tree.otherVillage.id}`)).json().total).toBe(0);
    expect((await get('prov', '/api/v1/complaints?state=submitted')).json().total).toBe(3);
    expect((await get('prov', '/api/v1/complaints?state=closed')).json().total).toBe(0);
    expect((await get('prov', '/api/v1/complaints?overdue=1')).json().total).toBe(0);
    expect((await get('prov', '/api/v1/complaints?mine=1')).json().total).toBe(0);
    expect((await get('prov', `/api/v1/complaints?from=${encodeURIComponent('۱۴۰۰/۰۱/۰۱')}&to=1500/12/29`)).json().total).toBe(3);
    expect((await get('prov', '/api/v1/complaints?to=1400/01/01')).json().total).toBe(0);
    const created = (await get('insp', '/api/v1/complaints?sort=-created')).json().items.map((i: { trackingCode: string }) => i.trackingCode);
    expect(created).toEqual([E, C, B, A].map((x) => x.trackingCode));
    const page = (await get('insp', '/api/v1/complaints?sort=created&limit=2&offset=2')).json();
    expect(page).toMatchObject({ total: 4 });
    expect(page.items.map((i: { trackingCode: string }) => i.trackingCode)).toEqual([C.trackingCode, E.trackingCode]);
    expect((await get('insp', '/api/v1/complaints?offset=1000')).json()).toEqual({ items: [], total: 4 });
  });

  it('sorts by SLA deadline by default, nulls last', async () => {
    const items = (await get('insp', '/api/v1/complaints')).json().items as { dueAt: string | null }[];
    const dues = items.map((i) => (i.dueAt ? Date.parse(i.dueAt) : Infinity));
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
  });

  it('400 (never 5xx) for bad filters', async () => {
    for (const qs of ['from=1405/13/01', 'to=yesterday', 'state=nope', 'limit=1000', 'limit=abc', 'categoryId=abc', 'divisionId=99999999999', 'sort=x', 'offset=-1', 'kind=x', 'overdue=maybe']) {
      const res = await get('dr1', `/api/v1/complaints?${qs}`);
      expect({ qs, status: res.statusCode }).toEqual({ qs, status: 400 });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await get('dr1', '/api/v1/complaints?from=1405/13/01')).json().code).toBe('invalid_date');
  });

  it('answers < 500 to any combination of filter values', async () => {
    const keys = ['state', 'categoryId', 'kind', 'divisionId', 'q', 'overdue', 'mine', 'from', 'to', 'sort', 'limit', 'offset'] as const;
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...keys), fc.string({ maxLength: 30 })), async (query) => {
        const res = await get('prov', `/api/v1/complaints?${new URLSearchParams(query).toString()}`);
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 120 },
    );
  });
});

describe('GET /api/v1/complaints/:id', () => {
  it('200 in scope with history, actions, templates and assignable staff; 404 outside scope or malformed', async () => {
    const res = await get('dr1', `/api/v1/complaints/${A.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ trackingCode: A.trackingCode, state: 'submitted', version: 1, subject: 'چراغ‌های خیابان اصلی خاموش است' });
    expect(body.place.chain).toContain('استان آزمایشی');
    expect(body.history).toHaveLength(1);
    expect(body.history[0]).toMatchObject({ action: 'open', actionTitle: 'ثبت درخواست', actor: 'علی رضایی' });
    expect(body.actions.map((a: { key: string }) => a.key)).toEqual(['assign', 'reject', 'mark_duplicate']);
    expect(body.actions[0]).toMatchObject({ title: 'ارجاع', assigns: 'required', requireComment: false });
    expect(body.actions[2]).toMatchObject({ needsDuplicateOf: true, requireComment: true });
    expect(body.templates.length).toBeGreaterThan(3);
    expect(body.templates.some((x: { categoryId: number | null }) => x.categoryId === f.categories.lighting.id)).toBe(true);
    const assignable = body.assignees.map((a: { id: number }) => a.id);
    expect(assignable).toEqual(expect.arrayContaining([f.staff.dr1.id, f.staff.dr2.id, f.staff.prov.id, f.staff.insp.id]));
    expect(assignable).not.toContain(f.staff.drOther.id);
    expect(assignable).not.toContain(f.staff.trainer.id);
    expect((await get('dr1', `/api/v1/complaints/${C.id}`)).statusCode).toBe(404);
    expect((await get('drother', `/api/v1/complaints/${A.id}`)).statusCode).toBe(404);
    expect((await get('prov', `/api/v1/complaints/${E.id}`)).statusCode).toBe(404);
    expect((await get('dr1', '/api/v1/complaints/not-a-uuid')).statusCode).toBe(404);
    expect((await get('dr1', '/api/v1/complaints/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
  });

  it('anonymous: «ناشناس» to a province reviewer (also in the timeline, list and export), the real identity to the inspector', async () => {
    const prov = (await get('prov', `/api/v1/complaints/${B.id}`)).json();
    expect(prov.citizen).toEqual({ name: 'ناشناس', mobile: null, anonymous: true, hidden: true });
    expect(prov.history[0].actor).toBe('ناشناس');
    expect(JSON.stringify(prov)).not.toContain('مریم');
    expect(JSON.stringify(prov)).not.toContain(B.citizen.mobile!);
    const listed = (await get('prov', '/api/v1/complaints')).json().items.find((i: { id: string }) => i.id === B.id);
    expect(listed.citizenName).toBe('ناشناس');
    const csv = (await get('prov', '/api/v1/complaints/export?format=csv')).body;
    expect(csv).toContain('ناشناس');
    expect(csv).not.toContain('مریم');

    const insp = (await get('insp', `/api/v1/complaints/${B.id}`)).json();
    expect(insp.citizen).toEqual({ name: 'مریم احمدی', mobile: B.citizen.mobile, anonymous: true, hidden: false });
    expect((await get('insp', '/api/v1/complaints')).json().items.find((i: { id: string }) => i.id === B.id).citizenName).toBe('مریم احمدی');
  });

  it('named: the name to staff in scope, the mobile masked below the Inspection Office', async () => {
    const m = A.citizen.mobile!;
    expect((await get('prov', `/api/v1/complaints/${A.id}`)).json().citizen).toEqual({ name: 'علی رضایی', mobile: `${m.slice(0, 4)}***${m.slice(-4)}`, anonymous: false, hidden: false });
    expect((await get('insp', `/api/v1/complaints/${A.id}`)).json().citizen.mobile).toBe(m);
  });
});

describe('GET /api/v1/complaints/export', () => {
  it('CSV: BOM, Persian header, Jalali dates, only rows in scope (and filters apply)', async () => {
    const res = await get('dr1', '/api/v1/complaints/export?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(res.headers['content-disposition']!.toString().split("UTF-8''")[1]!)).toMatch(/^شکایات-[۰-۹]{4}-[۰-۹]{2}-[۰-۹]{2}\.csv$/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('کد پیگیری,نوع,دسته,محل,موضوع,وضعیت,نام شهروند,کارشناس مسئول,تاریخ ثبت,مهلت رسیدگی,گذشته از مهلت');
    expect(lines).toHaveLength(3);
    expect(res.body).toContain(A.trackingCode);
    expect(res.body).toContain(B.trackingCode);
    expect(res.body).not.toContain(C.trackingCode);
    expect(res.body).not.toContain(E.trackingCode);
    expect(lines[1]).toMatch(/[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2} [۰-۹]{2}:[۰-۹]{2}/);
    const filtered = await get('dr1', '/api/v1/complaints/export?kind=request');
    expect(filtered.body.trim().split('\r\n')).toHaveLength(2);
  });

  it('XLSX: a zip (starts with PK) with its media type; 400 for a bad format or filter', async () => {
    const res = await get('prov', '/api/v1/complaints/export?format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await get('prov', '/api/v1/complaints/export?format=pdf')).statusCode).toBe(400);
    expect((await get('prov', '/api/v1/complaints/export?from=x')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/complaints/stats', () => {
  it('counts only the complaints in scope', async () => {
    const dr = (await get('dr1', '/api/v1/complaints/stats')).json();
    expect(dr.total).toBe(2);
    expect(dr.byState.find((s: { state: string }) => s.state === 'submitted').count).toBe(2);
    expect(dr.byProvince).toEqual([{ id: f.tree.province.id, name: 'استان آزمایشی', count: 2 }]);
    expect((await get('insp', '/api/v1/complaints/stats')).json().total).toBe(4);
    expect((await get('insp', `/api/v1/complaints/stats?provinceId=${f.tree.otherProvince.id}`)).json().total).toBe(1);
    expect((await get('trainer', '/api/v1/complaints/stats')).json().total).toBe(0);
    expect((await get('dr1', '/api/v1/complaints/stats?from=bad')).statusCode).toBe(400);
  });
});

describe('route table', () => {
  it('static routes win over /:id (export, stats, templates), and the citizen routes still answer', async () => {
    expect((await get('dr1', '/api/v1/complaints/templates')).statusCode).toBe(200);
    expect((await get('dr1', '/api/v1/complaints/stats')).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/complaints/categories' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/complaints/track/${A.trackingCode}` })).statusCode).toBe(200);
    const similar = await t.app.inject({ url: `/api/v1/complaints/similar?categoryId=${f.categories.lighting.id}&divisionId=${f.tree.city.id}&text=${encodeURIComponent('چراغ خاموش')}` });
    expect(similar.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/complaints/mine' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/api/v1/complaints/mine/${A.trackingCode}` })).statusCode).toBe(401);
  });
});
