// Trainees' ratings through a held course's link (no account: a trainee code handed out in class, one rating per code
// and instructor) and the organizer's evaluation of each instructor. Both feed the instructor's rating sums and, in
// the same transaction, his approved scores (the past_evaluations criterion): "ratings feed back into the score".
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { isUniqueViolation } from '../../../core/codes/tracking-code.js';
import type { DbOrTx, Tx } from '../../../core/db/client.js';
import { jalaliFromDbDate } from '../../../core/db/dates.js';
import { toAsciiDigits } from '../../../core/fa/normalize.js';
import { AppError, badRequest, conflict, notFound } from '../../../core/http/errors.js';
import type { RatingPage } from '../api-types.js';
import type { EvaluationInput, RatingSubmit } from '../contract.js';
import { EVALUATION_ITEMS, ORGANIZER_EVALUATION_WEIGHT, RATING_ITEM_TITLES, RATING_ITEMS } from '../enums.js';
import { loadCourse, requireOrganizer, type CourseRow } from './courses.js';
import { CFA } from './fa-courses.js';
import { fieldTitles } from './fields.js';
import { recomputeScores } from './ratings-store.js';
import { instAssignments, instCourses, instProfiles, instRatings, instTraineeCodes } from './schema.js';

/** A rating link's secret as made by markHeld (base64url); anything else is not looked up. */
const TOKEN_RE = /^[A-Za-z0-9_-]{16,64}$/;

/** A trainee code as typed (Persian digits, small letters, spaces or dashes) in its stored form. */
export const normalizeTraineeCode = (typed: string): string => toAsciiDigits(typed).toUpperCase().replace(/[\s\-–_]/g, '');

/** The held or closed course of a rating link, or null (unknown token: the caller counts a miss). */
export async function courseOfToken(db: DbOrTx, token: string, lock = false): Promise<CourseRow | null> {
  if (!TOKEN_RE.test(token)) return null;
  const q = db.select().from(instCourses).where(eq(instCourses.ratingToken, token));
  // A share lock: trainees rate side by side, while closing the course waits for them (and they see it closed after).
  const [c] = lock ? await q.for('share') : await q;
  return c ?? null;
}

/** The public rating page of a course: its title, dates, instructors and the items to rate; `open` until closed. */
export async function ratingPage(db: DbOrTx, c: CourseRow): Promise<RatingPage> {
  const taught = await db.select({ id: instAssignments.id, first: instProfiles.firstName, last: instProfiles.lastName }).from(instAssignments)
    .innerJoin(instProfiles, eq(instProfiles.id, instAssignments.profileId)).where(eq(instAssignments.courseId, c.id)).orderBy(asc(instAssignments.id));
  return {
    courseTitle: c.title, fieldTitle: (await fieldTitles(db))(c.field), startsOn: jalaliFromDbDate(c.startsOn), endsOn: jalaliFromDbDate(c.endsOn),
    open: c.state === 'held', instructors: taught.map((t) => ({ assignmentId: t.id, name: `${t.first} ${t.last}` })),
    items: RATING_ITEMS.map((key) => ({ key, title: RATING_ITEM_TITLES[key] })),
  };
}

/** Adds to an instructor's rating sums and re-evaluates his scores (in the caller's transaction). */
async function addToRating(tx: Tx, profileId: number, sum: number, count: number): Promise<void> {
  const [p] = await tx.select({ sum: instProfiles.ratingSum, count: instProfiles.ratingCount }).from(instProfiles).where(eq(instProfiles.id, profileId)).for('update');
  // Guard against float drift below zero when an evaluation is replaced.
  const nextCount = Math.max(0, p!.count + count);
  await tx.update(instProfiles).set({ ratingSum: nextCount === 0 ? 0 : p!.sum + sum, ratingCount: nextCount, updatedAt: new Date() }).where(eq(instProfiles.id, profileId));
  await recomputeScores(tx, profileId);
}

/**
 * A trainee's ratings of the instructors of a held course, with his code: 404 for an unknown link and 422
 * `code_invalid` (the caller counts both as misses), 409 `rating_closed` once closed, 409 `already_rated` when the code rated one of them before (the unique key
 * (assignment, code) settles two submissions at once: one is saved, the other gets 409). Returns how many were saved.
 */
export async function submitRatings(db: DbOrTx, token: string, input: RatingSubmit): Promise<{ saved: number }> {
  const ids = input.ratings.map((r) => r.assignmentId);
  if (new Set(ids).size !== ids.length) throw badRequest('assignment_repeated', CFA.assignmentRepeated);
  try {
    return await db.transaction(async (tx) => {
      const c = await courseOfToken(tx, token, true);
      if (!c) throw notFound(CFA.ratingLinkNoun);
      if (c.state !== 'held') throw conflict('rating_closed', CFA.ratingClosed);
      const [code] = await tx.select().from(instTraineeCodes).where(and(eq(instTraineeCodes.courseId, c.id), eq(instTraineeCodes.code, normalizeTraineeCode(input.code))));
      if (!code) throw new AppError(422, 'code_invalid', CFA.codeInvalid);
      const taught = await tx.select({ id: instAssignments.id, profileId: instAssignments.profileId }).from(instAssignments)
        .where(and(eq(instAssignments.courseId, c.id), inArray(instAssignments.id, ids)));
      if (taught.length !== ids.length) throw badRequest('assignment_invalid', CFA.assignmentInvalid);
      const profileOf = new Map(taught.map((a) => [a.id, a.profileId]));
      await tx.insert(instRatings).values(input.ratings.map((r) => ({ assignmentId: r.assignmentId, traineeCodeId: code.id, scores: r.scores, overall: r.scores.overall!, comment: r.comment })));
      // Profiles in id order: two submissions for the same instructors lock them in the same order (no deadlock).
      const perProfile = new Map<number, { sum: number; count: number }>();
      for (const r of input.ratings) {
        const pid = profileOf.get(r.assignmentId)!;
        const acc = perProfile.get(pid) ?? { sum: 0, count: 0 };
        perProfile.set(pid, { sum: acc.sum + r.scores.overall!, count: acc.count + 1 });
      }
      for (const [pid, add] of [...perProfile].sort((a, b) => a[0] - b[0])) await addToRating(tx, pid, add.sum, add.count);
      return { saved: input.ratings.length };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'inst_ratings_once')) throw conflict('already_rated', CFA.alreadyRated);
    throw e;
  }
}

/**
 * The organizer's evaluation of an instructor of a held course (replacing his earlier one until the course is
 * closed): it counts as ORGANIZER_EVALUATION_WEIGHT ratings at the mean of its items. Audited. Returns the course id.
 */
export async function evaluateAssignment(db: DbOrTx, actor: Actor, assignmentId: number, input: z.output<typeof EvaluationInput>): Promise<number> {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ courseId: instAssignments.courseId }).from(instAssignments).where(eq(instAssignments.id, assignmentId));
    if (!found) throw notFound(CFA.assignmentNoun);
    // The course first, like every other step on it; then the assignment (not blocking trainees' ratings of it).
    const c = await loadCourse(tx, actor, found.courseId, true);
    const [a] = await tx.select().from(instAssignments).where(eq(instAssignments.id, assignmentId)).for('no key update');
    if (!a) throw notFound(CFA.assignmentNoun);
    requireOrganizer(actor, c);
    if (c.state === 'closed') throw conflict('rating_closed', CFA.ratingClosed);
    if (c.state !== 'held') throw conflict('course_not_held', CFA.notHeld);
    const scores = Object.fromEntries(EVALUATION_ITEMS.map((k) => [k, input.scores[k]!])) as Record<(typeof EVALUATION_ITEMS)[number], number>;
    const mean = (s: Record<string, number>) => EVALUATION_ITEMS.reduce((t, k) => t + s[k]!, 0) / EVALUATION_ITEMS.length;
    const before = a.evaluation;
    const W = ORGANIZER_EVALUATION_WEIGHT;
    await tx.update(instAssignments).set({ evaluation: { scores, comment: input.comment, byId: actor.id!, at: new Date().toISOString() } }).where(eq(instAssignments.id, a.id));
    await addToRating(tx, a.profileId, W * mean(scores) - (before ? W * mean(before.scores) : 0), before ? 0 : W);
    await appendAudit(tx, actor, {
      action: 'instructors.assignment.evaluate', entityType: 'inst_assignment', entityId: a.id, divisionPath: c.divisionPath,
      data: { courseId: c.id, profileId: a.profileId, scores, comment: input.comment, replaced: before ? before.scores : null },
    });
    return c.id;
  });
}
