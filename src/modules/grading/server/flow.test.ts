// The whole life of an upgrade request over HTTP on the real database: the municipality fills its yearly sheet with
// documents → files the request → the province forwards it → the expert returns it → the correction goes back to the
// SAME expert (another expert is refused) → the expert accepts and adjusts indicators with reasons → the committee
// approves with an effective date → the expert issues the order: a grade history row, the core grade, the public list.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidTrackingCode } from '../../../core/codes/tracking-code.js';
import { orgMunicipalities } from '../../../core/org/schema.js';
import { createTestApp } from '../../../test/app.js';
import { citizenHelpers, PDF, type Headers } from '../../../test/citizen.js';
import { createStaff, createTree } from '../../../test/factories.js';
import { ensureDefaultRules } from './rule-sets.js';
import { addGrade, createMunicipality, MUNICIPALITY_GRADE_4 } from './test-factory.js';

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let h: ReturnType<typeof citizenHelpers>;
let tree: Awaited<ReturnType<typeof createTree>>;
const hdr: Record<string, Headers> = {};
let muniMobile: string;

async function req(method: 'GET' | 'POST' | 'PUT', url: string, who: Headers | null, payload?: unknown) {
  const res = await t.app.inject({ method, url, headers: who ?? {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const json = res.headers['content-type']?.toString().includes('json');
  return { status: res.statusCode, body: res.body && json ? res.json() : res.body };
}

beforeAll(async () => {
  t = await createTestApp();
  await ensureDefaultRules(t.db);
  h = citizenHelpers(t.app, t.db);
  tree = await createTree(t.db);
  await createMunicipality(t.db, tree.city, 3);
  await addGrade(t.db, 'municipality', tree.city, 3, '1399/01/15', '1399/ش/0007');
  const staff = [
    ['muni', 'municipality', tree.city],
    ['province', 'province.reviewer', tree.province],
    ['expert', 'expert.municipal', null],
    ['expert2', 'expert.municipal', null],
    ['committee', 'grading.committee', null],
  ] as const;
  for (const [key, role, at] of staff) {
    const s = await createStaff(t.db, [[role, at]], { username: `gf_${key}`, password: 'secret-pass' });
    if (key === 'muni') muniMobile = s.mobile!;
    hdr[key] = await t.login(`gf_${key}`);
  }
});
afterAll(async () => { await t?.close(); });

describe('an upgrade request from sheet to order', () => {
  let sheetId: number;
  let id: string;
  let docs: Record<string, string[]>;

  it('the municipality saves its sheet with a document per indicator; the live grade is 4', async () => {
    docs = {};
    for (const key of Object.keys(MUNICIPALITY_GRADE_4)) docs[key] = [await h.upload(hdr.muni!, PDF, `${key}.pdf`)];
    const res = await req('PUT', '/api/v1/grading/sheets', hdr.muni!, { subject: 'municipality', divisionId: tree.city.id, year: 1405, values: MUNICIPALITY_GRADE_4, documents: docs });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ subject: 'municipality', divisionId: tree.city.id, year: 1405, locked: false, name: 'شهرداری شهر آزمایشی' });
    expect(res.body.evaluation).toMatchObject({ total: 32, grade: 4, maxGrade: 12, missing: [] });
    expect(res.body.documents.population).toMatchObject([{ id: docs.population![0], mime: 'application/pdf' }]);
    sheetId = res.body.id;
    const mine = (await req('GET', '/api/v1/grading/entities/mine', hdr.muni!)).body.items;
    expect(mine).toMatchObject([{ subject: 'municipality', divisionId: tree.city.id, grade: 3, gradedOn: '1399/01/15', openRequestId: null, nextReviewFrom: null }]);
  });

  it('files the request: a tracking code, from grade 3 to the supported 4, waiting for the province', async () => {
    const res = await req('POST', '/api/v1/grading/requests', hdr.muni!, { sheetId, justification: 'درآمد پایدار شهرداری افزایش یافته است.' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    id = res.body.id;
    expect(isValidTrackingCode(res.body.trackingCode)).toBe(true);
    expect(res.body).toMatchObject({ state: 'submitted', fromGrade: 3, supportedGrade: 4, mine: true, decision: null, reviewedEvaluation: null, ruleSet: { version: 1, isExample: true } });
    expect(res.body.actions.map((a: { key: string }) => a.key)).toEqual(['withdraw']);
    expect(res.body.steps).toHaveLength(1);
    expect(res.body.steps[0]).toMatchObject({ state: 'submitted', leftAt: null, late: false });
    expect(res.body.steps[0].dueAt).not.toBeNull();
    // The sheet is now locked, and a second request is refused.
    const locked = await req('PUT', '/api/v1/grading/sheets', hdr.muni!, { subject: 'municipality', divisionId: tree.city.id, year: 1405, values: MUNICIPALITY_GRADE_4, documents: docs });
    expect([locked.status, locked.body.code]).toEqual([409, 'sheet_locked']);
    expect((await req('GET', `/api/v1/grading/sheets/${sheetId}`, hdr.muni!)).body.locked).toBe(true);
    const second = await req('POST', '/api/v1/grading/requests', hdr.muni!, { sheetId, justification: 'دوباره' });
    expect([second.status, second.body.code]).toEqual([409, 'request_open']);
  });

  it('the province forwards it; the expert returns it with a comment and the municipality is told', async () => {
    let v = (await req('GET', `/api/v1/grading/requests/${id}`, hdr.province!)).body;
    expect(v.actions.map((a: { key: string }) => a.key)).toEqual(['province_forward', 'province_return']);
    expect(v.mine).toBe(false);
    expect((await req('POST', `/api/v1/grading/requests/${id}/review`, hdr.muni!, { action: 'province_forward', version: v.version })).status).toBe(403);
    v = (await req('POST', `/api/v1/grading/requests/${id}/review`, hdr.province!, { action: 'province_forward', version: v.version })).body;
    expect(v.state).toBe('expert_review');
    const noComment = await req('POST', `/api/v1/grading/requests/${id}/review`, hdr.expert!, { action: 'expert_return', version: v.version });
    expect([noComment.status, noComment.body.code]).toEqual([400, 'comment_required']);
    const returned = await req('POST', `/api/v1/grading/requests/${id}/review`, hdr.expert!, { action: 'expert_return', version: v.version, comment: 'گواهی سرشماری تازه را پیوست کنید.' });
    expect(returned.status).toBe(200);
    expect(returned.body.state).toBe('returned');
    expect(await h.lastSms(muniMobile)).toContain('بازگشت برای اصلاح');
    expect(await h.lastSms(muniMobile)).toContain('گواهی سرشماری تازه');
  });

  it('the correction goes back to the same expert; another expert is refused', async () => {
    const bad = await req('PUT', `/api/v1/grading/requests/${id}`, hdr.muni!, { values: { ...MUNICIPALITY_GRADE_4, population: -5 }, documents: docs, justification: 'اصلاح شد.' });
    expect([bad.status, bad.body.code]).toEqual([400, 'values_invalid']);
    expect(bad.body.errors[0].path).toBe('body.values.population');
    expect(bad.body.errors[0].message).toMatch(/جمعیت/);
    const fresh = [await h.upload(hdr.muni!, PDF, 'census-1395.pdf')];
    const res = await req('PUT', `/api/v1/grading/requests/${id}`, hdr.muni!, { values: { ...MUNICIPALITY_GRADE_4, population: 8_200 }, documents: { ...docs, population: fresh }, justification: 'گواهی سرشماری ۱۳۹۵ پیوست شد.' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('expert_review');
    expect(res.body.values.population).toBe(8_200);
    expect(res.body.documents.population.map((d: { id: string }) => d.id)).toEqual(fresh);
    const other = await req('GET', `/api/v1/grading/requests/${id}`, hdr.expert2!);
    expect(other.body.actions).toEqual([]);
    const taken = await req('POST', `/api/v1/grading/requests/${id}/review`, hdr.expert2!, { action: 'expert_return', version: other.body.version, comment: 'من' });
    expect([taken.status, taken.body.code]).toEqual([403, 'assigned_to_other']);
    const mineView = (await req('GET', `/api/v1/grading/requests/${id}`, hdr.expert!)).body;
    expect(mineView.actions.map((a: { key: string; needs: string | null }) => [a.key, a.needs])).toEqual([['expert_forward', 'verdicts'], ['expert_return', null]]);
  });

  it('the expert records a verdict per indicator (an adjustment needs a value and a reason) and forwards to the committee', async () => {
    const v = (await req('GET', `/api/v1/grading/requests/${id}`, hdr.expert!)).body;
    const accepted = { verdict: 'accepted', documentsVerified: true };
    const missing = await req('POST', `/api/v1/grading/requests/${id}/review`, hdr.expert!, { action: 'expert_forward', version: v.version, verdicts: { population: accepted } });
    expect([missing.status, missing.body.code]).toEqual([400, 'verdicts_invalid']);
    expect(missing.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.verdicts.admin_status', 'body.verdicts.continuous_income', 'body.verdicts.net_income']);
    const noReason = await req('POST', `/api/v1/grading/requests/${id}/review`, hdr.expert!, {
      action: 'expert_forward', version: v.version,
      verdicts: { continuous_income: accepted, net_income: accepted, admin_status: accepted, population: { verdict: 'adjusted', value: 7_900, documentsVerified: true } },
    });
    expect(noReason.body.errors).toEqual([{ path: 'body.verdicts.population.reason', message: expect.stringMatching(/دلیل/) }]);
    const res = await req('POST', `/api/v1/grading/requests/${id}/review`, hdr.expert!, {
      action: 'expert_forward', version: v.version,
      verdicts: {
        continuous_income: accepted, admin_status: accepted,
        net_income: { verdict: 'adjusted', value: 180, reason: 'کمک‌های موردی دولتی از درآمد پایدار کسر شد.', documentsVerified: true },
        population: { verdict: 'accepted', documentsVerified: false },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('committee');
    expect(res.body.verdicts.net_income).toMatchObject({ verdict: 'adjusted', value: 180, reason: 'کمک‌های موردی دولتی از درآمد پایدار کسر شد.', documentsVerified: true, reviewer: expect.any(String) });
    expect(res.body.verdicts.population).toMatchObject({ verdict: 'accepted', value: 8_200, documentsVerified: false });
    // 180 bn rials is in the 75–200 band (7 points instead of 10): 29 points, still grade 4.
    expect(res.body.reviewedEvaluation).toMatchObject({ total: 29, grade: 4 });
    expect(res.body.evaluation.total).toBe(32);
  });

  it('the committee approves with a Jalali effective date; the expert issues the order', async () => {
    let v = (await req('GET', `/api/v1/grading/requests/${id}`, hdr.committee!)).body;
    expect(v.actions.map((a: { key: string; needs: string | null }) => [a.key, a.needs])).toEqual([['approve', 'effectiveDate'], ['reject', null]]);
    const noDate = await req('POST', `/api/v1/grading/requests/${id}/review`, hdr.committee!, { action: 'approve', version: v.version });
    expect([noDate.status, noDate.body.code]).toEqual([400, 'effective_date_required']);
    const badDate = await req('POST', `/api/v1/grading/requests/${id}/review`, hdr.committee!, { action: 'approve', version: v.version, effectiveDate: '1405/12/31' });
    expect([badDate.status, badDate.body.code]).toEqual([400, 'effective_date_invalid']);
    v = (await req('POST', `/api/v1/grading/requests/${id}/review`, hdr.committee!, { action: 'approve', version: v.version, effectiveDate: '1405/02/01' })).body;
    expect(v.state).toBe('approved');
    expect(v.decision).toEqual({ grade: 4, effectiveDate: '1405/02/01', orderNumber: null, reasons: null });
    expect(await h.lastSms(muniMobile)).toContain('تصویب');
    const issued = await req('POST', `/api/v1/grading/requests/${id}/review`, hdr.expert!, { action: 'issue', version: v.version });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    expect(issued.body.state).toBe('issued');
    const order = issued.body.decision.orderNumber as string;
    expect(order).toMatch(/^\d{4}\/ش\/0001$/);
    expect(await h.lastSms(muniMobile)).toContain(order);
    expect(issued.body.actions).toEqual([]);
    expect(issued.body.steps.map((s: { state: string }) => s.state)).toEqual(['submitted', 'expert_review', 'returned', 'expert_review', 'committee', 'approved', 'issued']);
    expect(issued.body.steps.slice(0, -1).every((s: { leftAt: string | null; dueAt: string | null }) => s.leftAt !== null && s.dueAt !== null)).toBe(true);
    expect(issued.body.history.map((x: { action: string }) => x.action)).toEqual(['open', 'province_forward', 'expert_return', 'resubmit', 'expert_forward', 'approve', 'issue']);
  });

  it('the grade history, the core grade and the public list show the new grade', async () => {
    const hist = (await req('GET', `/api/v1/grading/history?subject=municipality&divisionId=${tree.city.id}`, hdr.muni!)).body.items;
    expect(hist[0]).toMatchObject({ grade: 4, ruleVersion: 1, effectiveDate: '1405/02/01', requestId: id });
    expect(hist[1]).toMatchObject({ grade: 3, ruleSetId: null, orderNumber: '1399/ش/0007' });
    const [core] = await t.db.select().from(orgMunicipalities).where(eq(orgMunicipalities.divisionId, tree.city.id));
    expect(core!.grade).toBe(4);
    const pub = await req('GET', `/api/v1/grading/public?provinceId=${tree.province.id}`, null);
    expect(pub.body.items).toEqual([{ divisionId: tree.city.id, name: 'شهرداری شهر آزمایشی', county: 'شهرستان آزمایشی', province: 'استان آزمایشی', grade: 4, effectiveDate: '1405/02/01', orderNumber: hist[0].orderNumber }]);
    expect((await req('GET', '/api/v1/grading/public?grade=3', null)).body.total).toBe(0);
    const mine = (await req('GET', '/api/v1/grading/entities/mine', hdr.muni!)).body.items[0];
    expect(mine).toMatchObject({ grade: 4, gradedOn: '1405/02/01', openRequestId: null });
    // The sheet is free again.
    expect((await req('GET', `/api/v1/grading/sheets/${sheetId}`, hdr.muni!)).body.locked).toBe(false);
  });

  it('the dashboard counts the request and the time spent per step', async () => {
    const d = (await req('GET', '/api/v1/grading/dashboard?subject=municipality', hdr.expert!)).body;
    expect(d.byState.find((s: { state: string }) => s.state === 'issued').count).toBe(1);
    expect(d.byProvince).toEqual([{ provinceId: tree.province.id, name: 'استان آزمایشی', open: 0, approved: 1, rejected: 0, overdue: 0 }]);
    expect(d.stepTimes.find((s: { state: string }) => s.state === 'expert_review')).toMatchObject({ count: 2, avgDays: 0 });
    expect(d.distribution).toEqual([{ provinceId: tree.province.id, name: 'استان آزمایشی', grades: { 4: 1 } }]);
  });
});
