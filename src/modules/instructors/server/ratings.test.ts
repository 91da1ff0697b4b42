// Trainees' ratings and organizers' evaluations over HTTP on the real database: the public page, one rating per code
// and instructor (also under a race), codes typed loosely, closed courses, guessing links and codes, the evaluation
// (replaced until closed) — and every rating moving the instructor's sums and score in the same transaction.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.js';
import type { Headers } from '../../../test/citizen.js';
import { createTree } from '../../../test/factories.js';
import type { CourseView, RatingPage } from '../api-types.js';
import { ORGANIZER_EVALUATION_WEIGHT } from '../enums.js';
import { ensureInstructorDefaults } from './defaults.js';
import { instProfiles } from './schema.js';
import { caller, courseBody, evaluation, heldCourse, scores, signInStaff } from './test-courses.js';
import { insertInstructor, type InsertedInstructor } from './test-factory.js';

type T = Awaited<ReturnType<typeof createTestApp>>;
let t: T;
let tree: Awaited<ReturnType<typeof createTree>>;
const call = caller(() => t.app);
const who: Record<string, Headers> = {};
let a: InsertedInstructor;
let b: InsertedInstructor;
let course: CourseView;
let token: string;
const F = 'waste_management';

const profile = async (id: number) => (await t.db.select().from(instProfiles).where(eq(instProfiles.id, id)))[0]!;
const rate = (tok: string, body: unknown, ip?: string) => call('POST', `/api/v1/rate/${tok}`, null, body, ip);
const assignmentOf = (c: CourseView, p: InsertedInstructor) => c.assignments.find((x) => x.profileId === p.profileId)!.id;

beforeAll(async () => {
  t = await createTestApp();
  await ensureInstructorDefaults(t.db);
  tree = await createTree(t.db);
  Object.assign(who, await signInStaff(t, 'r', { unit: ['training.unit', tree.province], other: ['training.unit', tree.otherProvince], committee: ['training.committee', null] }));
  a = await insertInstructor(t.db, { province: tree.province, fields: [F], qualified: {}, name: ['آرش', 'امینی'] });
  b = await insertInstructor(t.db, { province: tree.province, fields: [F], qualified: {}, name: ['بهاره', 'بهرامی'] });
  ({ course, token } = await heldCourse(call, who.unit!, courseBody(tree.province.id, F, { trainees: 12 }), [a.profileId, b.profileId]));
});
afterAll(async () => t?.close());

describe('GET /api/v1/rate/:token', () => {
  it('200: the course, its instructors and the items, open while held; 404 for an unknown or malformed link', async () => {
    const res = await call<RatingPage>('GET', `/api/v1/rate/${token}`, null);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ courseTitle: course.title, open: true, instructors: [{ name: 'آرش امینی' }, { name: 'بهاره بهرامی' }] });
    expect(res.body.items.map((i) => i.key)).toEqual(['overall', 'knowledge', 'delivery', 'usefulness']);
    expect((await call('GET', `/api/v1/rate/${'x'.repeat(32)}`, null)).status).toBe(404);
    expect((await call('GET', `/api/v1/rate/${encodeURIComponent("' or 1=1 --")}`, null)).status).toBe(404);
    expect((await call('GET', `/api/v1/rate/${'x'.repeat(200)}`, null)).status).toBe(400);
  });
});

describe('POST /api/v1/rate/:token', () => {
  it('saves one rating per instructor; the sums and the score move in the same step; the same code again is 409', async () => {
    const before = await profile(a.profileId);
    const code = course.rating!.codes[0]!;
    const res = await rate(token, { code, ratings: [{ assignmentId: assignmentOf(course, a), scores: scores(5), comment: 'عالی' }, { assignmentId: assignmentOf(course, b), scores: scores(2) }] });
    expect([res.status, res.body]).toEqual([200, { saved: 2 }]);
    const after = await profile(a.profileId);
    expect([after.ratingSum, after.ratingCount]).toEqual([before.ratingSum + 5, before.ratingCount + 1]);
    // with ratings in the bank his past_evaluations part moves from the neutral 3 (half the points) upwards
    expect(after.scores[F]!).toBeGreaterThan(before.scores[F]!);
    expect(after.bestScore).toBe(after.scores[F]);
    const again = await rate(token, { code, ratings: [{ assignmentId: assignmentOf(course, a), scores: scores(1) }] });
    expect([again.status, again.body.code]).toEqual([409, 'already_rated']);
    expect((await profile(a.profileId)).ratingCount).toBe(after.ratingCount);
    const view = await call<CourseView>('GET', `/api/v1/instructors/courses/${course.id}`, who.unit!);
    expect(view.body.rating!.used).toBe(1);
    expect(view.body.assignments.map((x) => [x.ratingAverage, x.ratingCount])).toEqual([[5, 1], [2, 1]]);
  });

  it('a code typed in small letters, Persian digits, spaces or dashes is the same code (and rated only once)', async () => {
    const code = course.rating!.codes[1]!;
    const typed = ` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    expect((await rate(token, { code: typed, ratings: [{ assignmentId: assignmentOf(course, a), scores: scores(4) }] })).status).toBe(200);
    expect((await rate(token, { code, ratings: [{ assignmentId: assignmentOf(course, a), scores: scores(4) }] })).status).toBe(409);
  });

  it('only the overall item is required: a trainee may skip the others', async () => {
    const code = course.rating!.codes[9]!;
    expect((await rate(token, { code, ratings: [{ assignmentId: assignmentOf(course, b), scores: { overall: 4 } }] })).status).toBe(200);
  });

  it('two submissions with the same code at the same moment: one saved, one 409; counted once', async () => {
    const code = course.rating!.codes[2]!;
    const before = await profile(b.profileId);
    const body = { code, ratings: [{ assignmentId: assignmentOf(course, b), scores: scores(3) }] };
    const results = await Promise.all([rate(token, body), rate(token, body), rate(token, body)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect((await profile(b.profileId)).ratingCount).toBe(before.ratingCount + 1);
  });

  it('422 code_invalid for a wrong code or another course\'s; 400 for an instructor of another course, repeats, bad scores and types', async () => {
    const wrong = await rate(token, { code: 'ZZZZZZ', ratings: [{ assignmentId: assignmentOf(course, a), scores: scores(5) }] }, '10.0.0.2');
    expect([wrong.status, wrong.body.code]).toEqual([422, 'code_invalid']);
    const code = course.rating!.codes[3]!;
    const other = await heldCourse(call, who.unit!, courseBody(tree.province.id, F, { from: -40, to: -39, trainees: 2, title: 'دوره دیگر' }), [a.profileId]);
    const cross = await rate(other.token, { code, ratings: [{ assignmentId: other.course.assignments[0]!.id, scores: scores(5) }] }, '10.0.0.2');
    expect(cross.status).toBe(other.course.rating!.codes.includes(code) ? 200 : 422);
    const foreign = await rate(token, { code, ratings: [{ assignmentId: other.course.assignments[0]!.id, scores: scores(5) }] });
    expect([foreign.status, foreign.body.code]).toEqual([400, 'assignment_invalid']);
    const id = assignmentOf(course, a);
    for (const bad of [
      { code, ratings: [{ assignmentId: id, scores: scores(5) }, { assignmentId: id, scores: scores(4) }] },
      { code, ratings: [{ assignmentId: id, scores: scores(6) }] },
      { code, ratings: [{ assignmentId: id, scores: { knowledge: 4 } }] },
      { code, ratings: [] },
      { code: 123456, ratings: [{ assignmentId: id, scores: scores(5) }] },
      { code, ratings: [{ assignmentId: 'x', scores: scores(5) }] },
      { code, ratings: [{ assignmentId: id, scores: scores(5), comment: 'ک'.repeat(50_000) }] },
      { code: 'A'.repeat(10_000), ratings: [{ assignmentId: id, scores: scores(5) }] },
    ]) {
      expect((await rate(token, bad)).status, JSON.stringify(bad).slice(0, 80)).toBe(400);
    }
    expect((await rate(token, { code, ratings: [{ assignmentId: id, scores: scores(5) }] })).status).toBe(200);
  });

  it('guessing: after 30 wrong codes on a link the client is refused (429), even with a right code; other clients are not', async () => {
    const ip = '10.0.0.9';
    const body = (code: string) => ({ code, ratings: [{ assignmentId: assignmentOf(course, b), scores: scores(4) }] });
    for (let i = 0; i < 30; i++) expect((await rate(token, body(`Q${String(i).padStart(5, '2')}`), ip)).status).toBe(422);
    const right = course.rating!.codes[4]!;
    expect((await rate(token, body(right), ip)).status).toBe(429);
    expect((await rate(token, body(right), '10.0.0.10')).status).toBe(200);
  });

  it('guessing links: after 20 unknown links the client is refused (429) even on the real one', async () => {
    const ip = '10.0.0.11';
    for (let i = 0; i < 20; i++) expect((await call('GET', `/api/v1/rate/guess${i}${'x'.repeat(20)}`, null, undefined, ip)).status).toBe(404);
    expect((await call('GET', `/api/v1/rate/${token}`, null, undefined, ip)).status).toBe(429);
  });
});

describe('POST /api/v1/instructors/assignments/:id/evaluation', () => {
  const url = (id: number) => `/api/v1/instructors/assignments/${id}/evaluation`;

  it('counts as ORGANIZER_EVALUATION_WEIGHT ratings at its mean; a second one replaces the first', async () => {
    const id = assignmentOf(course, b);
    const before = await profile(b.profileId);
    const first = await call<CourseView>('POST', url(id), who.unit!, evaluation(4));
    expect(first.status).toBe(200);
    expect(first.body.assignments.find((x) => x.id === id)!.evaluation).toMatchObject({ scores: { content: 4 }, comment: 'تدریس منظم و کاربردی' });
    const mid = await profile(b.profileId);
    expect(mid.ratingCount).toBe(before.ratingCount + ORGANIZER_EVALUATION_WEIGHT);
    expect(mid.ratingSum).toBeCloseTo(before.ratingSum + ORGANIZER_EVALUATION_WEIGHT * 4);
    const second = await call('POST', url(id), who.unit!, { scores: { content: 5, delivery: 5, punctuality: 4, materials: 4 }, comment: '' });
    expect(second.status).toBe(200);
    const after = await profile(b.profileId);
    expect(after.ratingCount).toBe(mid.ratingCount);
    expect(after.ratingSum).toBeCloseTo(before.ratingSum + ORGANIZER_EVALUATION_WEIGHT * 4.5);
    expect(after.scores[F]).toBeDefined();
  });

  it('404 for another province\'s organizer or an unknown assignment; 403 for the committee; 400 for missing items', async () => {
    const id = assignmentOf(course, a);
    expect((await call('POST', url(id), who.other!, evaluation(3))).status).toBe(404);
    expect((await call('POST', url(99_999_999), who.unit!, evaluation(3))).status).toBe(404);
    expect((await call('POST', url(id), who.committee!, evaluation(3))).status).toBe(403);
    expect((await call('POST', url(id), null, evaluation(3))).status).toBe(401);
    expect((await call('POST', url(id), who.unit!, { scores: { content: 5 }, comment: '' })).status).toBe(400);
    expect((await call('POST', url(id), who.unit!, { scores: { content: 0, delivery: 5, punctuality: 5, materials: 5 } })).status).toBe(400);
  });

  it('a planned course cannot be evaluated (409 course_not_held); once closed: evaluation and ratings 409 rating_closed, page open=false', async () => {
    const planned = await call<CourseView>('POST', '/api/v1/instructors/courses', who.unit!, courseBody(tree.province.id, F, { from: 200, to: 201 }));
    const assigned = await call<CourseView>('POST', `/api/v1/instructors/courses/${planned.body.id}/assignments`, who.unit!, { profileId: a.profileId });
    const early = await call('POST', url(assigned.body.assignments[0]!.id), who.unit!, evaluation(3));
    expect([early.status, early.body.code]).toEqual([409, 'course_not_held']);
    expect((await call('POST', `/api/v1/instructors/courses/${course.id}/close`, who.unit!)).status).toBe(200);
    const late = await call('POST', url(assignmentOf(course, a)), who.unit!, evaluation(3));
    expect([late.status, late.body.code]).toEqual([409, 'rating_closed']);
    const closed = await rate(token, { code: course.rating!.codes[5]!, ratings: [{ assignmentId: assignmentOf(course, a), scores: scores(5) }] });
    expect([closed.status, closed.body.code]).toEqual([409, 'rating_closed']);
    expect((await call<RatingPage>('GET', `/api/v1/rate/${token}`, null)).body.open).toBe(false);
  });
});
