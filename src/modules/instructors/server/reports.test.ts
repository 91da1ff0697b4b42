// The bank's reports over HTTP on the real database: coverage per field and province (available there), online per
// field, the gaps, the ratings trend, totals and statuses, scoped to the viewer's province, and the coverage exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jalaliParts } from '../../../core/fa/jalali.js';
import { createTestApp } from '../../../test/app.js';
import type { Headers } from '../../../test/citizen.js';
import { createTree } from '../../../test/factories.js';
import type { Reports } from '../api-types.js';
import { ensureInstructorDefaults } from './defaults.js';
import { caller, courseBody, heldCourse, scores, signInStaff } from './test-courses.js';
import { insertInstructor, type InsertedInstructor } from './test-factory.js';

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let tree: Awaited<ReturnType<typeof createTree>>;
const call = caller(() => t.app);
const who: Record<string, Headers> = {};
const ins: Record<string, InsertedInstructor> = {};
const DAY = 86_400_000;
const URL = '/api/v1/instructors/reports';

async function report(as: Headers, query = ''): Promise<Reports> {
  const res = await call<Reports>('GET', `${URL}${query}`, as);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

beforeAll(async () => {
  t = await createTestApp();
  await ensureInstructorDefaults(t.db);
  tree = await createTree(t.db);
  Object.assign(who, await signInStaff(t, 'rep', {
    unit: ['training.unit', tree.province], national: ['training.unit', null], committee: ['training.committee', null], municipal: ['expert.municipal', null],
  }));
  const P = tree.province;
  const O = tree.otherProvince;
  ins.home = await insertInstructor(t.db, { province: P, fields: ['urban_planning', 'fire_safety'], qualified: {} });
  ins.visitor = await insertInstructor(t.db, { province: O, fields: ['urban_planning'], qualified: {}, availability: { provinceIds: [P.id] } });
  ins.online = await insertInstructor(t.db, { province: O, fields: ['it'], qualified: {}, availability: { inPerson: false, online: true } });
  ins.away = await insertInstructor(t.db, { province: O, fields: ['urban_planning'], qualified: { until: new Date(Date.now() + 30 * DAY) } });
  ins.expired = await insertInstructor(t.db, { province: P, fields: ['municipal_law'], qualified: { until: new Date(Date.now() - 2 * DAY) } });
  ins.draft = await insertInstructor(t.db, { province: P, fields: ['urban_planning'] });
  const { course, token } = await heldCourse(call, who.unit!, courseBody(P.id, 'urban_planning', { trainees: 3 }), [ins.home!.profileId, ins.visitor!.profileId]);
  const [home, visitor] = course.assignments.map((a) => a.id);
  for (const [i, overall] of [[0, 5], [1, 4]] as const) {
    const res = await call('POST', `/api/v1/rate/${token}`, null, { code: course.rating!.codes[i]!, ratings: [{ assignmentId: home!, scores: scores(overall) }, { assignmentId: visitor!, scores: scores(3) }] });
    expect(res.status).toBe(200);
  }
});
afterAll(async () => t?.close());

describe('GET /api/v1/instructors/reports', () => {
  it('national: valid qualified instructors per field and province (living or teaching there in person), online per field, gaps', async () => {
    const r = await report(who.national!);
    const [P, O] = [tree.province.id, tree.otherProvince.id];
    expect(r.provinces.map((d) => d.id).sort()).toEqual([P, O].sort());
    expect(r.counts.urban_planning).toEqual({ [P]: 2, [O]: 2 });
    expect(r.counts.fire_safety).toEqual({ [P]: 1, [O]: 0 });
    expect(r.counts.municipal_law).toEqual({ [P]: 0, [O]: 0 }); // his qualification has expired
    expect(r.counts.it).toEqual({ [P]: 0, [O]: 0 });
    expect(r.online).toMatchObject({ it: 1, urban_planning: 0 });
    const gaps = r.gaps.map((g) => `${g.field}@${g.provinceId}`);
    expect(gaps).toContain(`fire_safety@${O}`);
    expect(gaps).toContain(`municipal_law@${P}`);
    expect(gaps).not.toContain(`it@${P}`); // taught online
    expect(gaps).not.toContain(`urban_planning@${P}`);
    expect(gaps).toHaveLength(2 * r.fields.length - 2 - 1 - 2); // every pair but urban_planning ×2, fire_safety@P, it ×2
    expect(r.gaps.find((g) => g.field === 'fire_safety')).toMatchObject({ fieldTitle: 'آتش‌نشانی و ایمنی', province: 'استان دیگر' });
  });

  it('trend of trainees\' ratings per Jalali month (the last 12), totals and statuses', async () => {
    const r = await report(who.national!);
    expect(r.trend).toHaveLength(12);
    const { year, month } = jalaliParts(new Date());
    expect(r.trend.at(-1)).toEqual({ month: `${year}/${String(month).padStart(2, '0')}`, count: 4, mean: 3.75 });
    expect(r.trend.slice(0, 11).every((m) => m.count === 0 && m.mean === null)).toBe(true);
    expect(r.totals).toEqual({ instructors: 6, qualified: 4, inReview: 0, expiringSoon: 1, courses: 1, ratings: 4 });
    expect(r.byStatus).toEqual({ draft: 1, in_review: 0, qualified: 4, expired: 1, not_qualified: 0 });
  });

  it('a province unit: its province only (residents, in-person visitors, online teachers); another province 404', async () => {
    const r = await report(who.unit!);
    expect(r.provinces.map((d) => d.id)).toEqual([tree.province.id]);
    expect(r.counts.urban_planning).toEqual({ [tree.province.id]: 2 });
    expect(r.totals).toMatchObject({ instructors: 5, qualified: 3, expiringSoon: 0, courses: 1, ratings: 4 });
    expect((await call('GET', `${URL}?provinceId=${tree.otherProvince.id}`, who.unit!)).status).toBe(404);
    const narrowed = await report(who.national!, `?provinceId=${tree.otherProvince.id}`);
    expect(narrowed.provinces.map((d) => d.id)).toEqual([tree.otherProvince.id]);
    expect(narrowed.totals).toMatchObject({ courses: 0, ratings: 0 });
    expect(narrowed.trend.at(-1)!.count).toBe(0);
    expect((await call('GET', `${URL}?provinceId=${tree.county.id}`, who.national!)).status).toBe(404);
    expect((await report(who.committee!)).totals.instructors).toBe(6);
  });

  it('401 without a session, 403 without the bank, 400 on wrong types', async () => {
    expect((await call('GET', URL, null)).status).toBe(401);
    expect((await call('GET', URL, who.municipal!)).status).toBe(403);
    expect((await call('GET', `${URL}?provinceId=abc`, who.national!)).status).toBe(400);
  });
});

describe('coverage exports', () => {
  it('CSV: a row per field, a column per province in scope, online and the gaps; XLSX', async () => {
    const csv = await call<string>('GET', `${URL}/coverage.csv`, who.unit!);
    expect(csv.status).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('زمینه تخصصی,استان آزمایشی,برخط (همه استان‌ها),کمبود');
    expect(lines).toContain('برنامه‌ریزی و طراحی شهری,2,0,');
    expect(lines).toContain('حقوق و قوانین شهرداری‌ها,0,0,استان آزمایشی');
    const xlsx = await t.app.inject({ method: 'GET', url: `${URL}/coverage.xlsx`, headers: who.national! });
    expect([xlsx.statusCode, xlsx.rawPayload.subarray(0, 2).toString()]).toEqual([200, 'PK']);
    expect((await call('GET', `${URL}/coverage.csv?provinceId=${tree.otherProvince.id}`, who.unit!)).status).toBe(404);
    expect((await call('GET', `${URL}/coverage.csv`, who.municipal!)).status).toBe(403);
  });
});
