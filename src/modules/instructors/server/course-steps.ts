// What an organizer does to a course: assign and unassign instructors while it is planned, mark it held (the trainee
// codes and the rating link), close its evaluation, or cancel it. Each step is one transaction on the locked course
// row, audited; instructors hear of their assignment (and of its end) by SMS.
import { randomBytes, randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { isUniqueViolation } from '../../../core/codes/tracking-code.js';
import type { DbOrTx, Tx } from '../../../core/db/client.js';
import { jalaliFromDbDate } from '../../../core/db/dates.js';
import { tehranDateKey } from '../../../core/fa/jalali.js';
import { AppError, badRequest, conflict, notFound } from '../../../core/http/errors.js';
import { notify } from '../../../core/notify/outbox.js';
import { profileScope, requireViewer } from './bank.js';
import { busyDuring, eligibleFor, loadCourse, requireOrganizer, type CourseRow } from './courses.js';
import { CFA } from './fa-courses.js';
import { instAssignments, instCourses, instProfiles, instTraineeCodes } from './schema.js';

/** The alphabet of trainee codes: no 0/O, 1/I/L look-alikes, so a code copied from paper is typed right. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;

const notPlanned = () => conflict('course_not_planned', CFA.notPlanned);

/** Locks the course for a step of its organizer in `state` (409 otherwise). */
async function courseForStep(tx: Tx, actor: Actor, id: number, state: CourseRow['state'] | null): Promise<CourseRow> {
  const c = await loadCourse(tx, actor, id, true);
  requireOrganizer(actor, c);
  if (state === 'planned' && c.state !== 'planned') throw notPlanned();
  if (state === 'held' && c.state !== 'held') throw conflict('course_not_held', CFA.notHeld);
  return c;
}

const audit = (tx: DbOrTx, actor: Actor, c: CourseRow, action: string, data: Record<string, unknown>) =>
  appendAudit(tx, actor, { action: `instructors.course.${action}`, entityType: 'inst_course', entityId: c.id, divisionPath: c.divisionPath, data });

/**
 * Assigns an instructor to a planned course: 422 `not_qualified_for_course` unless he can teach it (see eligibleFor),
 * 409 `instructor_busy` when he teaches another course on one of its days, 409 `already_assigned`. The instructor's
 * row is locked first, so two organizers assigning him to overlapping courses at the same moment are serialized and
 * the second sees the first's assignment.
 */
export async function assignInstructor(db: DbOrTx, actor: Actor, courseId: number, input: { profileId: number; hours?: number | undefined }): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      const c = await courseForStep(tx, actor, courseId, 'planned');
      const hours = input.hours ?? c.hours;
      if (hours > c.hours) throw badRequest('hours_invalid', CFA.hoursTooMany(c.hours), undefined, { errors: [{ path: 'body.hours', message: CFA.hoursTooMany(c.hours) }] });
      const [prof] = await tx.select().from(instProfiles).where(and(eq(instProfiles.id, input.profileId), profileScope(requireViewer(actor)))).for('update');
      if (!prof) throw notFound(CFA.profileNoun);
      const [check] = await tx
        .select({ eligible: sql<boolean>`${eligibleFor(c)}`, busy: sql<boolean>`${busyDuring(c)}` })
        .from(instProfiles).where(eq(instProfiles.id, prof.id));
      if (!check?.eligible) throw new AppError(422, 'not_qualified_for_course', CFA.notQualified);
      const [dup] = await tx.select({ id: instAssignments.id }).from(instAssignments).where(and(eq(instAssignments.courseId, c.id), eq(instAssignments.profileId, prof.id)));
      if (dup) throw conflict('already_assigned', CFA.alreadyAssigned);
      if (check.busy) throw conflict('instructor_busy', CFA.busy);
      const [a] = await tx.insert(instAssignments).values({ courseId: c.id, profileId: prof.id, hours, createdById: actor.id! }).returning({ id: instAssignments.id });
      await notify(tx, { channel: 'sms', to: prof.mobile, body: CFA.smsAssigned(`${prof.firstName} ${prof.lastName}`, c.title, jalaliFromDbDate(c.startsOn), jalaliFromDbDate(c.endsOn), c.place) });
      await audit(tx, actor, c, 'assign', { assignmentId: a!.id, profileId: prof.id, hours });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'inst_assignments_once')) throw conflict('already_assigned', CFA.alreadyAssigned);
    throw e;
  }
}

/** Takes an instructor off a planned course (he is told by SMS). */
export async function unassignInstructor(db: DbOrTx, actor: Actor, courseId: number, assignmentId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await courseForStep(tx, actor, courseId, 'planned');
    const [a] = await tx.select({ a: instAssignments, p: instProfiles }).from(instAssignments).innerJoin(instProfiles, eq(instProfiles.id, instAssignments.profileId))
      .where(and(eq(instAssignments.id, assignmentId), eq(instAssignments.courseId, c.id)));
    if (!a) throw notFound(CFA.assignmentNoun);
    await tx.delete(instAssignments).where(eq(instAssignments.id, a.a.id));
    await notify(tx, { channel: 'sms', to: a.p.mobile, body: CFA.smsUnassigned(`${a.p.firstName} ${a.p.lastName}`, c.title) });
    await audit(tx, actor, c, 'unassign', { assignmentId: a.a.id, profileId: a.p.id });
  });
}

/** `n` distinct random trainee codes. */
export function traineeCodes(n: number): string[] {
  const codes = new Set<string>();
  while (codes.size < n) codes.add(Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(''));
  return [...codes];
}

/**
 * Marks a planned course held (on or after its first day, with at least one instructor): one code per trainee and
 * the secret of the rating link (192 random bits), which open its evaluation.
 */
export async function markHeld(db: DbOrTx, actor: Actor, courseId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await courseForStep(tx, actor, courseId, 'planned');
    if (tehranDateKey(new Date()) < c.startsOn.toISOString().slice(0, 10)) throw conflict('course_not_started', CFA.notStarted(jalaliFromDbDate(c.startsOn)));
    const [n] = await tx.select({ n: sql<number>`count(*)::int` }).from(instAssignments).where(eq(instAssignments.courseId, c.id));
    if (!Number(n?.n)) throw conflict('no_instructors', CFA.noInstructors);
    await tx.insert(instTraineeCodes).values(traineeCodes(c.trainees).map((code) => ({ courseId: c.id, code })));
    await tx.update(instCourses).set({ state: 'held', ratingToken: randomBytes(24).toString('base64url'), updatedAt: new Date() }).where(eq(instCourses.id, c.id));
    await audit(tx, actor, c, 'held', { trainees: c.trainees });
  });
}

/** Closes a held course's evaluation: no more ratings, the organizer's evaluations are final. */
export async function closeCourse(db: DbOrTx, actor: Actor, courseId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await courseForStep(tx, actor, courseId, 'held');
    await tx.update(instCourses).set({ state: 'closed', updatedAt: new Date() }).where(eq(instCourses.id, c.id));
    await audit(tx, actor, c, 'close', {});
  });
}

/** Cancels a planned course with a reason (kept in the audit log; its instructors are told by SMS and are free again). */
export async function cancelCourse(db: DbOrTx, actor: Actor, courseId: number, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await courseForStep(tx, actor, courseId, 'planned');
    await tx.update(instCourses).set({ state: 'cancelled', cancelReason: reason, updatedAt: new Date() }).where(eq(instCourses.id, c.id));
    const taught = await tx.select({ p: instProfiles }).from(instAssignments).innerJoin(instProfiles, eq(instProfiles.id, instAssignments.profileId)).where(eq(instAssignments.courseId, c.id));
    for (const { p } of taught) await notify(tx, { channel: 'sms', to: p.mobile, body: CFA.smsCancelled(`${p.firstName} ${p.lastName}`, c.title, reason) });
    await audit(tx, actor, c, 'cancel', { reason, instructors: taught.map(({ p }) => p.id) });
  });
}
