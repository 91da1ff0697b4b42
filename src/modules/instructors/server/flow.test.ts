// The whole service over HTTP on the real database, as its people use it: an instructor registers with his mobile's
// one-time code, fills his profile and files it; the province's training expert reviews it, the committee qualifies
// him and his training ID verifies; a training unit finds him in the bank, plans a course, assigns him, marks it
// held; trainees rate him with their codes, the organizer evaluates him — and his rating and score move as expected.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.js';
import { citizenHelpers, PDF, type Headers } from '../../../test/citizen.js';
import { createTree } from '../../../test/factories.js';
import type { ApplicationView, BankItem, CourseView, MyInstructor, RatingPage, Reports } from '../api-types.js';
import { ORGANIZER_EVALUATION_WEIGHT } from '../enums.js';
import { ensureInstructorDefaults } from './defaults.js';
import { instProfiles } from './schema.js';
import { caller, courseBody, evaluation, scores, signInStaff } from './test-courses.js';
import { sampleProfile } from './test-factory.js';

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let h: ReturnType<typeof citizenHelpers>;
let tree: Awaited<ReturnType<typeof createTree>>;
const call = caller(() => t.app);
const who: Record<string, Headers> = {};
const MOBILE = '09123334455';
const FIELD = 'waste_management';

beforeAll(async () => {
  t = await createTestApp();
  await ensureInstructorDefaults(t.db);
  h = citizenHelpers(t.app, t.db);
  tree = await createTree(t.db);
  Object.assign(who, await signInStaff(t, 'fl', {
    expert: ['expert.training', tree.province], committee: ['training.committee', null], unit: ['training.unit', tree.province], otherUnit: ['training.unit', tree.otherProvince],
  }));
});
afterAll(async () => t?.close());

describe('registration → qualification → training ID → course → ratings → score', () => {
  let appId: string;
  let trainingId: string;
  let profileId: number;
  let course: CourseView;
  let token: string;
  let scoreBefore: number;

  it('the instructor signs in with the one-time code, saves a complete profile and files it', async () => {
    expect((await call('GET', '/api/v1/instructors/me', null)).status).toBe(401);
    who.instructor = (await h.citizenLogin(MOBILE)).headers;
    const doc = await h.upload(who.instructor, PDF, 'madrak.pdf');
    const saved = await call<MyInstructor>('PUT', '/api/v1/instructors/me/profile', who.instructor, sampleProfile(tree.province.id, [FIELD], { documents: [doc], name: ['پروین', 'اعتصامی'] }));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ status: 'draft', completeness: { ready: true } });
    profileId = saved.body.profileId;
    const filed = await call<MyInstructor>('POST', '/api/v1/instructors/me/applications', who.instructor, {});
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body.status).toBe('in_review');
    appId = filed.body.open!.id;
    // in the bank he is in review, not yet among the qualified
    expect((await call<{ items: BankItem[] }>('GET', '/api/v1/instructors/bank?status=in_review', who.unit!)).body.items.map((i) => i.profileId)).toEqual([profileId]);
    expect((await call<{ total: number }>('GET', '/api/v1/instructors/bank', who.unit!)).body.total).toBe(0);
  });

  it('the province expert reviews every field and forwards; the committee qualifies; the training ID verifies', async () => {
    const v = (await call<ApplicationView>('GET', `/api/v1/instructors/applications/${appId}`, who.expert!)).body;
    const forwarded = await call<ApplicationView>('POST', `/api/v1/instructors/applications/${appId}/review`, who.expert!, {
      action: 'expert_forward', version: v.version, comment: 'مدارک بررسی شد.',
      fields: { [FIELD]: { adjustments: {}, recommendation: 'qualified', note: '' } }, verifiedItems: v.evidence.map((e) => e.id),
    });
    expect(forwarded.status, JSON.stringify(forwarded.body)).toBe(200);
    const qualified = await call<ApplicationView>('POST', `/api/v1/instructors/applications/${appId}/review`, who.committee!, {
      action: 'qualify', version: forwarded.body.version, qualifiedFields: [FIELD], comment: 'تأیید شد.',
    });
    expect(qualified.status, JSON.stringify(qualified.body)).toBe(200);
    trainingId = qualified.body.trainingId!;
    expect(await h.lastSms(MOBILE)).toContain(trainingId);
    const verified = await call('GET', `/api/v1/verify/training-id/${trainingId}`, null);
    expect([verified.status, verified.body.valid, verified.body.name]).toEqual([200, true, 'پروین اعتصامی']);
  });

  it('the training unit finds him in the bank by field and by training ID, with his approved score and no rating yet', async () => {
    const found = await call<{ items: BankItem[] }>('GET', `/api/v1/instructors/bank?field=${FIELD}&provinceId=${tree.province.id}`, who.unit!);
    expect(found.body.items).toHaveLength(1);
    const item = found.body.items[0]!;
    expect(item).toMatchObject({ profileId, trainingId, status: 'qualified', rating: { average: null, count: 0 }, courseCount: 0 });
    const [p] = await t.db.select().from(instProfiles).where(eq(instProfiles.id, profileId));
    scoreBefore = p!.scores[FIELD]!;
    expect(item.score).toBe(scoreBefore);
    expect((await call<{ items: BankItem[] }>('GET', `/api/v1/instructors/bank?q=${trainingId}`, who.unit!)).body.items.map((i) => i.profileId)).toEqual([profileId]);
    expect((await call<{ total: number }>('GET', '/api/v1/instructors/bank', who.otherUnit!)).body.total).toBe(0);
  });

  it('plans a course, finds him among the candidates, assigns him (he gets an SMS) and marks it held', async () => {
    const created = await call<CourseView>('POST', '/api/v1/instructors/courses', who.unit!, courseBody(tree.province.id, FIELD, { trainees: 4, title: 'مدیریت پسماند روستایی' }));
    expect(created.status).toBe(201);
    const candidates = await call<{ items: BankItem[] }>('GET', `/api/v1/instructors/courses/${created.body.id}/candidates`, who.unit!);
    expect(candidates.body.items.map((i) => i.profileId)).toEqual([profileId]);
    expect((await call('POST', `/api/v1/instructors/courses/${created.body.id}/assignments`, who.otherUnit!, { profileId })).status).toBe(404);
    const assigned = await call<CourseView>('POST', `/api/v1/instructors/courses/${created.body.id}/assignments`, who.unit!, { profileId });
    expect(assigned.status).toBe(200);
    expect(await h.lastSms(MOBILE)).toContain('مدیریت پسماند روستایی');
    const held = await call<CourseView>('POST', `/api/v1/instructors/courses/${created.body.id}/held`, who.unit!);
    expect(held.status).toBe(200);
    course = held.body;
    token = course.rating!.url.split('/rate/')[1]!;
    expect(course.rating!.codes).toHaveLength(4);
  });

  it('trainees rate him with their codes (a code once); the organizer evaluates him', async () => {
    const page = await call<RatingPage>('GET', `/api/v1/rate/${token}`, null);
    expect(page.body).toMatchObject({ courseTitle: 'مدیریت پسماند روستایی', open: true, instructors: [{ name: 'پروین اعتصامی' }] });
    const assignmentId = page.body.instructors[0]!.assignmentId;
    const codes = course.rating!.codes;
    for (const [code, overall] of [[codes[0]!, 5], [codes[1]!, 5], [codes[2]!, 4]] as const) {
      const res = await call('POST', `/api/v1/rate/${token}`, null, { code, ratings: [{ assignmentId, scores: scores(overall), comment: '' }] });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const reused = await call('POST', `/api/v1/rate/${token}`, null, { code: codes[0], ratings: [{ assignmentId, scores: scores(1) }] });
    expect([reused.status, reused.body.code]).toEqual([409, 'already_rated']);
    const evaluated = await call<CourseView>('POST', `/api/v1/instructors/assignments/${assignmentId}/evaluation`, who.unit!, evaluation(5));
    expect(evaluated.status, JSON.stringify(evaluated.body)).toBe(200);
    expect(evaluated.body.assignments[0]).toMatchObject({ ratingAverage: 4.67, ratingCount: 3, evaluation: { scores: { content: 5 } } });
    expect(evaluated.body.rating!.used).toBe(3);
  });

  it('his rating and score moved: 3 ratings (14) + the evaluation as 3 ratings at 5 → 29/6; past evaluations now earn full points', async () => {
    const [p] = await t.db.select().from(instProfiles).where(eq(instProfiles.id, profileId));
    expect([p!.ratingSum, p!.ratingCount]).toEqual([14 + ORGANIZER_EVALUATION_WEIGHT * 5, 3 + ORGANIZER_EVALUATION_WEIGHT]);
    // the only rated instructor: the prior is his own mean, so his Bayesian average is 29/6 ≈ 4.83 (was the neutral 3)
    // past_evaluations (weight 10): band 2.5–3.5 → 50% before, ≥ 4.25 → 100% now: +5 points
    expect(p!.scores[FIELD]!).toBeCloseTo(scoreBefore + 5, 5);
    const item = (await call<{ items: BankItem[] }>('GET', `/api/v1/instructors/bank?field=${FIELD}`, who.unit!)).body.items[0]!;
    expect(item).toMatchObject({ rating: { average: 4.83, count: 6 }, courseCount: 1 });
    expect(item.score).toBeCloseTo(scoreBefore + 5, 5);
    const me = (await call<MyInstructor>('GET', '/api/v1/instructors/me', who.instructor!)).body;
    expect(me.rating).toEqual({ average: 4.83, count: 6 });
    expect(me.courses).toMatchObject([{ id: course.id, state: 'held', ratingAverage: 4.67, ratingCount: 3 }]);
  });

  it('closing ends the ratings; the reports show him, the course and the ratings', async () => {
    expect((await call('POST', `/api/v1/instructors/courses/${course.id}/close`, who.unit!)).status).toBe(200);
    const late = await call('POST', `/api/v1/rate/${token}`, null, { code: course.rating!.codes[3], ratings: [{ assignmentId: course.assignments[0]!.id, scores: scores(1) }] });
    expect([late.status, late.body.code]).toEqual([409, 'rating_closed']);
    const r = (await call<Reports>('GET', '/api/v1/instructors/reports', who.unit!)).body;
    expect(r.counts[FIELD]).toEqual({ [tree.province.id]: 1 });
    expect(r.totals).toMatchObject({ instructors: 1, qualified: 1, courses: 1, ratings: 3 });
    expect(r.trend.at(-1)).toMatchObject({ count: 3, mean: 4.67 });
  });
});
