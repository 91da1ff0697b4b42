// The instructor's own page: his profile for the form, completeness, the live pre-score, where he stands, what he
// may file, his qualification and training ID, his applications and courses.
import { desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { jalaliFromDbDate } from '../../../core/db/dates.js';
import { formatJalaliDate } from '../../../core/fa/jalali.js';
import { toAsciiDigits } from '../../../core/fa/normalize.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type { FieldScore, MyInstructor } from '../api-types.js';
import { completeness } from '../completeness.js';
import { COURSE_STATE_TITLES, INSTRUCTOR_STATUS_TITLES } from '../enums.js';
import { currentCriteria } from './criteria.js';
import { fieldTitles } from './fields.js';
import { applicationSummary } from './present.js';
import { canApply, changedSinceQualification, instructorStatus, noProfile, ownProfile } from './profiles.js';
import { bankPrior, ratingInputOf, ratingView, scoreProfile, type ProfileRow } from './ratings-store.js';
import { instApplications, instAssignments, instCourses, instRatings } from './schema.js';

/** The saved profile under the criteria in force now, with his current rating (nothing stored). */
export async function livePreScores(db: DbOrTx, p: ProfileRow): Promise<FieldScore[]> {
  const criteria = await currentCriteria(db);
  return scoreProfile(db, criteria.definition, p.data, p.data.expertise, ratingInputOf(p, await bankPrior(db)), new Date());
}

/** His courses, newest first, with the trainees' plain mean of `overall` for him in each. */
export async function coursesOf(db: DbOrTx, profileId: number): Promise<MyInstructor['courses']> {
  const [found, title] = await Promise.all([
    db
      .select({
        course: instCourses,
        mean: sql<number | null>`(select avg(${instRatings.overall})::float from ${instRatings} where ${instRatings.assignmentId} = ${instAssignments.id})`,
        count: sql<number>`(select count(*)::int from ${instRatings} where ${instRatings.assignmentId} = ${instAssignments.id})`,
      })
      .from(instAssignments)
      .innerJoin(instCourses, eq(instCourses.id, instAssignments.courseId))
      .where(eq(instAssignments.profileId, profileId))
      .orderBy(desc(instCourses.startsOn), desc(instCourses.id)),
    fieldTitles(db),
  ]);
  return found.map(({ course: c, mean, count }) => ({
    id: c.id, title: c.title, fieldTitle: title(c.field), startsOn: jalaliFromDbDate(c.startsOn), endsOn: jalaliFromDbDate(c.endsOn), state: c.state,
    stateTitle: COURSE_STATE_TITLES[c.state], ratingAverage: mean === null ? null : Math.round(Number(mean) * 100) / 100, ratingCount: Number(count),
  }));
}

/** The signed-in instructor's page (404 `not_found` before his first save). */
export async function myInstructor(db: DbOrTx, actor: Actor): Promise<MyInstructor> {
  const p = await ownProfile(db, actor);
  if (!p) throw noProfile();
  const [apps, preScores, title, prior, courses] = await Promise.all([
    db.select({ app: instApplications, case: wfCases }).from(instApplications).innerJoin(wfCases, eq(wfCases.id, instApplications.caseId))
      .where(eq(instApplications.profileId, p.id)).orderBy(desc(instApplications.createdAt)),
    livePreScores(db, p),
    fieldTitles(db),
    bankPrior(db),
    coursesOf(db, p.id),
  ]);
  const openRow = apps.find((a) => a.app.closedAt === null);
  const decided = apps.some((a) => a.app.decidedAt !== null);
  const summaries = await Promise.all(apps.map((a) => applicationSummary(db, a.app, a.case, p)));
  const status = instructorStatus(p, !!openRow, decided);
  return {
    profileId: p.id, status, statusTitle: INSTRUCTOR_STATUS_TITLES[status],
    profile: { ...p.data, version: p.version }, birthDateJalali: toAsciiDigits(formatJalaliDate(p.data.birthDate)),
    version: p.version, completeness: completeness(p.data), preScores, trainingId: p.trainingId,
    qualifiedFields: p.qualifiedFields.map((key) => ({ key, title: title(key) })), qualifiedUntil: p.qualifiedUntil ? jalaliFromDbDate(p.qualifiedUntil) : null,
    changedSinceQualification: changedSinceQualification(p), canApply: canApply(p, !!openRow), rating: ratingView(p, prior),
    open: openRow ? summaries[apps.indexOf(openRow)]! : null, past: summaries.filter((_, i) => apps[i] !== openRow), courses,
  };
}
