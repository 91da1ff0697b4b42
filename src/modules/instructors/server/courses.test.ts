// Courses over HTTP on the real database: planning in scope, the list and page per viewer, candidates, assignment
// rules (qualified in the field through the last day, available at the place, not busy, once), the states (held only
// from the first day and with an instructor, close, cancel with reason), SMS and audit — and the adversary's side.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../core/audit/schema.js';
import { createTestApp } from '../../../test/app.js';
import { citizenHelpers, type Headers } from '../../../test/citizen.js';
import { createTree } from '../../../test/factories.js';
import type { BankItem, CourseView } from '../api-types.js';
import { CODE_ALPHABET } from './course-steps.js';
import { ensureInstructorDefaults } from './defaults.js';
import { instCourses, instTraineeCodes } from './schema.js';
import { caller, courseBody, signInStaff } from './test-courses.js';
import { insertInstructor, type InsertedInstructor } from './test-factory.js';

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let tree: Awaited<ReturnType<typeof createTree>>;
const call = caller(() => t.app);
const who: Record<string, Headers> = {};
const ins: Record<string, InsertedInstructor> = {};
const DAY = 86_400_000;
const F = 'urban_planning';
const URL = '/api/v1/instructors/courses';

async function plan(as: Headers, body: ReturnType<typeof courseBody>): Promise<CourseView> {
  const res = await call<CourseView>('POST', URL, as, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const assign = (as: Headers, courseId: number, profileId: number, hours?: number) => call('POST', `${URL}/${courseId}/assignments`, as, { profileId, ...(hours ? { hours } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  await ensureInstructorDefaults(t.db);
  tree = await createTree(t.db);
  Object.assign(who, await signInStaff(t, 'c', {
    national: ['training.unit', null], unit: ['training.unit', tree.province], unit2: ['training.unit', tree.province],
    other: ['training.unit', tree.otherProvince], committee: ['training.committee', null], expert: ['expert.training', tree.province],
    municipal: ['expert.municipal', null],
  }));
  who.citizen = (await citizenHelpers(t.app, t.db).citizenLogin('09121110000')).headers;
  const until = (days: number) => ({ until: new Date(Date.now() + days * DAY) });
  ins.local = await insertInstructor(t.db, { province: tree.province, fields: [F], qualified: {}, name: ['سارا', 'محلی'] });
  ins.visitor = await insertInstructor(t.db, { province: tree.otherProvince, fields: [F], qualified: {}, availability: { provinceIds: [tree.province.id] }, name: ['بهرام', 'مهمان'] });
  ins.online = await insertInstructor(t.db, { province: tree.otherProvince, fields: [F], qualified: {}, availability: { inPerson: false, online: true }, name: ['نگار', 'برخط'] });
  ins.far = await insertInstructor(t.db, { province: tree.otherProvince, fields: [F], qualified: {}, name: ['کاوه', 'دور'] });
  ins.expired = await insertInstructor(t.db, { province: tree.province, fields: [F], qualified: until(-3), name: ['رضا', 'منقضی'] });
  ins.short = await insertInstructor(t.db, { province: tree.province, fields: [F], qualified: until(20), name: ['مینا', 'کوتاه'] });
  ins.otherField = await insertInstructor(t.db, { province: tree.province, fields: ['fire_safety'], qualified: {}, name: ['حسن', 'ایمنی'] });
  ins.draft = await insertInstructor(t.db, { province: tree.province, fields: [F], name: ['لیلا', 'پیش‌نویس'] });
  ins.busy = await insertInstructor(t.db, { province: tree.province, fields: [F], qualified: {}, name: ['یوسف', 'پرکار'] });
  ins.homeOnline = await insertInstructor(t.db, { province: tree.province, fields: [F], qualified: {}, availability: { inPerson: false, online: true }, name: ['ژاله', 'خانگی'] });
  ins.race = await insertInstructor(t.db, { province: tree.province, fields: [F], qualified: {}, name: ['امید', 'همزمان'] });
});
afterAll(async () => t?.close());

describe('POST /api/v1/instructors/courses', () => {
  it('201: a province unit plans a course in its province, audited', async () => {
    const c = await plan(who.unit!, courseBody(tree.province.id, F));
    expect(c).toMatchObject({ field: F, fieldTitle: 'برنامه‌ریزی و طراحی شهری', province: 'استان آزمایشی', state: 'planned', canManage: true, assignments: [], rating: null, hours: 24, trainees: 5 });
    expect(c.startsOn).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'instructors.course.create'), eq(auditLog.entityId, String(c.id))));
    expect(audit?.divisionPath).toBe(tree.province.path);
  });

  it('403: a province unit cannot plan in another province nor a national course; 201 for a national unit', async () => {
    expect((await call('POST', URL, who.unit!, courseBody(tree.otherProvince.id, F))).status).toBe(403);
    expect((await call('POST', URL, who.unit!, courseBody(null, F, { mode: 'online' }))).status).toBe(403);
    expect((await call('POST', URL, who.national!, courseBody(null, F, { mode: 'online' }))).status).toBe(201);
  });

  it('400: a national course in person, an unknown field, a place that is not a province, end before start', async () => {
    expect((await call('POST', URL, who.national!, courseBody(null, F))).status).toBe(400);
    const unknown = await call('POST', URL, who.unit!, courseBody(tree.province.id, 'no_such_field'));
    expect([unknown.status, unknown.body.code]).toEqual([400, 'field_invalid']);
    const county = await call('POST', URL, who.national!, courseBody(tree.county.id, F));
    expect([county.status, county.body.code]).toEqual([400, 'province_invalid']);
    expect((await call('POST', URL, who.unit!, courseBody(tree.province.id, F, { from: 3, to: 1 }))).status).toBe(400);
  });

  it('400 (never 500) on wrong types and huge input; 401 without a session; 403 for a citizen or staff without the permission', async () => {
    const body = courseBody(tree.province.id, F);
    for (const bad of [{ ...body, hours: 'abc' }, { ...body, title: 42 }, { ...body, title: 'ب'.repeat(100_000) }, { ...body, trainees: 1e9 }, { ...body, provinceId: -1 }, { ...body, startsOn: '1405/13/40' }, { ...body, provinceId: 9_999_999_999 }]) {
      const res = await call('POST', URL, who.unit!, bad);
      expect(res.status, JSON.stringify(bad).slice(0, 80)).toBe(400);
    }
    expect((await call('POST', URL, null, body)).status).toBe(401);
    expect((await call('POST', URL, who.citizen!, body)).status).toBe(403);
    expect((await call('POST', URL, who.municipal!, body)).status).toBe(403);
    expect((await call('POST', URL, who.committee!, body)).status).toBe(403);
  });
});

describe('GET /api/v1/instructors/courses and /:id', () => {
  it('lists courses in scope only: another province sees none of ours; the committee sees all but manages none', async () => {
    const c = await plan(who.unit!, courseBody(tree.province.id, F, { title: 'دوره فهرست‌پذیر' }));
    const mine = await call<{ items: { id: number }[]; total: number }>('GET', `${URL}?q=${encodeURIComponent('فهرست‌پذير')}`, who.unit!);
    expect(mine.body.items.map((i) => i.id)).toEqual([c.id]);
    const theirs = await call<{ items: { id: number }[]; total: number }>('GET', URL, who.other!);
    expect(theirs.body.items.some((i) => i.id === c.id)).toBe(false);
    expect((await call('GET', `${URL}/${c.id}`, who.other!)).status).toBe(404);
    const committee = await call<CourseView>('GET', `${URL}/${c.id}`, who.committee!);
    expect([committee.status, committee.body.canManage]).toEqual([200, false]);
    expect((await call<{ total: number }>('GET', `${URL}?state=cancelled&field=${F}`, who.unit!)).body.total).toBe(0);
    expect((await call('GET', `${URL}/${c.id}`, who.municipal!)).status).toBe(403);
    expect((await call('GET', `${URL}/abc`, who.unit!)).status).toBe(400);
    expect((await call('GET', `${URL}/99999999`, who.unit!)).status).toBe(404);
    expect((await call('GET', `${URL}?page=0`, who.unit!)).status).toBe(400);
  });
});

describe('candidates and assignments', () => {
  it('candidates: qualified in the field through the last day, available at the place, best score first', async () => {
    const c = await plan(who.unit!, courseBody(tree.province.id, F, { from: 30, to: 32 }));
    const res = await call<{ items: BankItem[] }>('GET', `${URL}/${c.id}/candidates`, who.unit!);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ids = res.body.items.map((i) => i.profileId);
    for (const ok of [ins.local, ins.visitor, ins.busy, ins.race]) expect(ids).toContain(ok!.profileId);
    // online-only (here or elsewhere), another province in person only, expired, valid only until before the end, another field, not qualified
    for (const no of [ins.online, ins.homeOnline, ins.far, ins.expired, ins.short, ins.otherField, ins.draft]) expect(ids).not.toContain(no!.profileId);
    const online = await plan(who.unit!, courseBody(tree.province.id, F, { from: 30, to: 32, mode: 'online' }));
    const onlineIds = (await call<{ items: BankItem[] }>('GET', `${URL}/${online.id}/candidates`, who.unit!)).body.items.map((i) => i.profileId);
    expect(onlineIds).toContain(ins.online!.profileId);
    expect(onlineIds).toContain(ins.homeOnline!.profileId);
    expect(onlineIds).toContain(ins.local!.profileId);
    expect((await call('GET', `${URL}/${c.id}/candidates?minScore=abc`, who.unit!)).status).toBe(400);
  });

  it('422 not_qualified_for_course; 409 instructor_busy on overlapping dates; 409 already_assigned; SMS to the instructor', async () => {
    const c = await plan(who.unit!, courseBody(tree.province.id, F, { from: 40, to: 44 }));
    for (const no of [ins.online, ins.expired, ins.otherField, ins.draft]) {
      const res = await assign(who.unit!, c.id, no!.profileId);
      expect([res.status, res.body.code]).toEqual([422, 'not_qualified_for_course']);
    }
    // an instructor of another province who does not teach here is outside this unit's view: absent
    expect((await assign(who.unit!, c.id, ins.far!.profileId)).status).toBe(404);
    const ok = await assign(who.unit!, c.id, ins.busy!.profileId);
    expect(ok.status).toBe(200);
    expect(ok.body.assignments.map((a: { profileId: number }) => a.profileId)).toEqual([ins.busy!.profileId]);
    expect(ok.body.instructors).toEqual(['یوسف پرکار']);
    expect(await citizenHelpers(t.app, t.db).lastSms(ins.busy!.mobile)).toContain(c.title);
    const again = await assign(who.unit!, c.id, ins.busy!.profileId);
    expect([again.status, again.body.code]).toEqual([409, 'already_assigned']);
    const overlapping = await plan(who.unit!, courseBody(tree.province.id, F, { from: 44, to: 46 }));
    const busy = await assign(who.unit!, overlapping.id, ins.busy!.profileId);
    expect([busy.status, busy.body.code]).toEqual([409, 'instructor_busy']);
    const candidateIds = async (id: number) => (await call<{ items: BankItem[] }>('GET', `${URL}/${id}/candidates`, who.unit!)).body.items.map((i) => i.profileId);
    expect(await candidateIds(overlapping.id)).not.toContain(ins.busy!.profileId);
    const after = await plan(who.unit!, courseBody(tree.province.id, F, { from: 45, to: 46 }));
    expect(await candidateIds(after.id)).toContain(ins.busy!.profileId);
    const hours = await assign(who.unit!, after.id, ins.local!.profileId, 100);
    expect([hours.status, hours.body.code]).toEqual([400, 'hours_invalid']);
  });

  it('404 for another province\'s organizer; 403 for the committee; 404 for an unknown instructor; 400 on wrong types', async () => {
    const c = await plan(who.unit!, courseBody(tree.province.id, F, { from: 50, to: 51 }));
    expect((await assign(who.other!, c.id, ins.local!.profileId)).status).toBe(404);
    expect((await assign(who.committee!, c.id, ins.local!.profileId)).status).toBe(403);
    expect((await assign(who.unit!, c.id, 99_999_999)).status).toBe(404);
    for (const bad of [{ profileId: 'x' }, { profileId: 1.5 }, {}, { profileId: ins.local!.profileId, hours: 0 }]) {
      expect((await call('POST', `${URL}/${c.id}/assignments`, who.unit!, bad)).status).toBe(400);
    }
  });

  it('two organizers assigning the same instructor to overlapping courses at the same moment: one 200, one 409', async () => {
    const a = await plan(who.unit!, courseBody(tree.province.id, F, { from: 60, to: 63 }));
    const b = await plan(who.unit2!, courseBody(tree.province.id, F, { from: 62, to: 65 }));
    const results = await Promise.all([assign(who.unit!, a.id, ins.race!.profileId), assign(who.unit2!, b.id, ins.race!.profileId)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('instructor_busy');
  });

  it('unassign (planned only) frees the instructor and tells him', async () => {
    const c = await plan(who.unit!, courseBody(tree.province.id, F, { from: 70, to: 71 }));
    const view = (await assign(who.unit!, c.id, ins.visitor!.profileId)).body as CourseView;
    const res = await call<CourseView>('DELETE', `${URL}/${c.id}/assignments/${view.assignments[0]!.id}`, who.unit!);
    expect([res.status, res.body.assignments]).toEqual([200, []]);
    expect(await citizenHelpers(t.app, t.db).lastSms(ins.visitor!.mobile)).toContain('لغو');
    expect((await call('DELETE', `${URL}/${c.id}/assignments/${view.assignments[0]!.id}`, who.unit!)).status).toBe(404);
  });
});

describe('held, close, cancel', () => {
  it('409 course_not_started before the first day; 409 no_instructors without one', async () => {
    const future = await plan(who.unit!, courseBody(tree.province.id, F, { from: 80, to: 81 }));
    await assign(who.unit!, future.id, ins.local!.profileId);
    const early = await call('POST', `${URL}/${future.id}/held`, who.unit!);
    expect([early.status, early.body.code]).toEqual([409, 'course_not_started']);
    const empty = await plan(who.unit!, courseBody(tree.province.id, F, { from: -10, to: -9 }));
    const none = await call('POST', `${URL}/${empty.id}/held`, who.unit!);
    expect([none.status, none.body.code]).toEqual([409, 'no_instructors']);
  });

  it('held: one distinct code per trainee, a long random link with its QR code; then no unassign; close; ratings closed', async () => {
    const c = await plan(who.unit!, courseBody(tree.province.id, F, { from: -20, to: -18, trainees: 40 }));
    const assigned = (await assign(who.unit!, c.id, ins.local!.profileId)).body as CourseView;
    const held = await call<CourseView>('POST', `${URL}/${c.id}/held`, who.unit!);
    expect(held.status).toBe(200);
    const r = held.body.rating!;
    expect(r.codes).toHaveLength(40);
    expect(new Set(r.codes).size).toBe(40);
    for (const code of r.codes) expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
    expect(r.url).toMatch(/^http:\/\/[^/]+\/rate\/[A-Za-z0-9_-]{32}$/);
    expect(r.qrSvg).toContain('<svg');
    expect(r.used).toBe(0);
    expect(held.body.state).toBe('held');
    // the committee may look but gets no codes: they are the keys to rating
    expect((await call<CourseView>('GET', `${URL}/${c.id}`, who.committee!)).body.rating).toBeNull();
    expect((await call('DELETE', `${URL}/${c.id}/assignments/${assigned.assignments[0]!.id}`, who.unit!)).status).toBe(409);
    expect((await call('POST', `${URL}/${c.id}/held`, who.unit!)).status).toBe(409);
    expect((await call('POST', `${URL}/${c.id}/cancel`, who.unit!, { reason: 'دیر شد' })).status).toBe(409);
    expect((await call('POST', `${URL}/${c.id}/close`, who.other!)).status).toBe(404);
    const closed = await call<CourseView>('POST', `${URL}/${c.id}/close`, who.unit!);
    expect([closed.status, closed.body.state]).toEqual([200, 'closed']);
    expect((await call('POST', `${URL}/${c.id}/close`, who.unit!)).status).toBe(409);
    const codes = await t.db.select().from(instTraineeCodes).where(eq(instTraineeCodes.courseId, c.id));
    expect(codes).toHaveLength(40);
  });

  it('cancel (planned only) needs a reason, tells the instructors, frees their dates; audited with the reason', async () => {
    const c = await plan(who.unit!, courseBody(tree.province.id, F, { from: 90, to: 92 }));
    await assign(who.unit!, c.id, ins.visitor!.profileId);
    expect((await call('POST', `${URL}/${c.id}/cancel`, who.unit!, {})).status).toBe(400);
    expect((await call('POST', `${URL}/${c.id}/cancel`, who.unit!, { reason: '' })).status).toBe(400);
    const res = await call<CourseView>('POST', `${URL}/${c.id}/cancel`, who.unit!, { reason: 'کمبود ثبت‌نام فراگیران' });
    expect([res.status, res.body.state, res.body.cancelReason]).toEqual([200, 'cancelled', 'کمبود ثبت‌نام فراگیران']);
    expect(await citizenHelpers(t.app, t.db).lastSms(ins.visitor!.mobile)).toContain('کمبود ثبت‌نام');
    const same = await plan(who.unit!, courseBody(tree.province.id, F, { from: 90, to: 92 }));
    expect((await assign(who.unit!, same.id, ins.visitor!.profileId)).status).toBe(200);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'instructors.course.cancel'), eq(auditLog.entityId, String(c.id))));
    expect(audit?.data).toMatchObject({ reason: 'کمبود ثبت‌نام فراگیران' });
    const [row] = await t.db.select().from(instCourses).where(eq(instCourses.id, c.id));
    expect(row?.ratingToken).toBeNull();
  });

  it('a national online course: online instructors from anywhere, only the national unit manages it', async () => {
    const c = await plan(who.national!, courseBody(null, F, { mode: 'online', from: 100, to: 101 }));
    const ids = (await call<{ items: BankItem[] }>('GET', `${URL}/${c.id}/candidates`, who.national!)).body.items.map((i) => i.profileId);
    expect(ids.sort()).toEqual([ins.online!.profileId, ins.homeOnline!.profileId].sort());
    expect((await call('GET', `${URL}/${c.id}`, who.unit!)).status).toBe(404);
    expect((await call('GET', `${URL}/${c.id}`, who.committee!)).status).toBe(200);
  });
});
