// Courses of the training units: who sees and manages them (scope), planning one, the list, one course's page with its
// instructors, evaluations and — once held — the trainees' rating link, and the instructors who can teach it.
//
// A course lives at its province's path, or at '/' when national (an online course with no province). Everyone who
// may look at the bank sees the courses in his scopes; managing (create, assign, held, close, cancel, evaluate) needs
// `instructors.courses` at the course's path: a province unit its province, a national unit all of them.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { z } from 'zod';
import type { Actor } from '../../../core/access/actor.js';
import { can, inScope } from '../../../core/access/policy.js';
import { appendAudit } from '../../../core/audit/audit.js';
import { authUsers } from '../../../core/auth/schema.js';
import { rows as rowsOf, type DbOrTx } from '../../../core/db/client.js';
import { dbDateOf, jalaliFromDbDate } from '../../../core/db/dates.js';
import { normalizeFa } from '../../../core/fa/normalize.js';
import { badRequest, forbidden, notFound } from '../../../core/http/errors.js';
import { divisionNames, getDivision } from '../../../core/org/queries.js';
import type { BankItem, CourseAssignmentView, CourseListItem, CourseView } from '../api-types.js';
import type { CourseCreate } from '../contract.js';
import { COURSE_MODE_TITLES, COURSE_STATE_TITLES, type CourseState } from '../enums.js';
import {
  availableIn,
  bankOrder,
  bankRows,
  bankWhere,
  pc,
  qualifiedIn,
  requireViewer,
  teachesOnline,
  toBankItems,
  validOn,
  type BankSort,
} from './bank.js';
import { CFA } from './fa-courses.js';
import { assertActiveFields, fieldTitles } from './fields.js';
import { bankPrior } from './ratings-store.js';
import { instAssignments, instCourses, instProfiles, instRatings, instTraineeCodes } from './schema.js';
import { containsPattern } from '../../../core/db/like.js';

export type CourseRow = typeof instCourses.$inferSelect;
type CourseInput = z.output<typeof CourseCreate>;

const INT_MAX = 2_147_483_647;
/** A `date` column value as a SQL date literal. */
export const dayOf = (d: Date): SQL => sql`${d.toISOString().slice(0, 10)}::date`;

/** A course the actor may see (`lock`: row-locked for a change), else 404 — out of scope looks absent. */
export async function loadCourse(db: DbOrTx, actor: Actor, id: number, lock = false): Promise<CourseRow> {
  const paths = requireViewer(actor);
  if (!Number.isSafeInteger(id) || id < 1 || id > INT_MAX) throw notFound(CFA.courseNoun);
  const q = db.select().from(instCourses).where(eq(instCourses.id, id));
  const [c] = lock ? await q.for('update') : await q;
  if (!c || !paths.some((p) => inScope(p, c.divisionPath))) throw notFound(CFA.courseNoun);
  return c;
}

export const canManage = (actor: Actor, c: Pick<CourseRow, 'divisionPath'>): boolean => can(actor, 'instructors.courses', c.divisionPath);

/** 403 unless the actor organizes courses at this course's place. */
export function requireOrganizer(actor: Actor, c: Pick<CourseRow, 'divisionPath'>): void {
  if (!canManage(actor, c)) throw forbidden(CFA.notOrganizer);
}

/** Plans a course (an active field; a province, or none for a national online course) in the organizer's scope. Audited. */
export async function createCourse(db: DbOrTx, actor: Actor, input: CourseInput): Promise<number> {
  await assertActiveFields(db, [input.field], 'body.field');
  let path = '/';
  if (input.provinceId !== null) {
    const province = await getDivision(db, input.provinceId);
    if (!province || province.level !== 'province') throw badRequest('province_invalid', CFA.provinceInvalid, undefined, { errors: [{ path: 'body.provinceId', message: CFA.provinceInvalid }] });
    path = province.path;
  } else if (input.mode !== 'online') throw badRequest('province_required', CFA.nationalOnlyOnline);
  requireOrganizer(actor, { divisionPath: path });
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(instCourses).values({
      title: input.title, field: input.field, provinceId: input.provinceId, divisionPath: path, mode: input.mode, place: input.place,
      startsOn: dbDateOf(input.startsOn), endsOn: dbDateOf(input.endsOn), hours: input.hours, trainees: input.trainees,
      description: input.description, createdById: actor.id!,
    }).returning();
    await appendAudit(tx, actor, {
      action: 'instructors.course.create', entityType: 'inst_course', entityId: row!.id, divisionPath: path,
      data: { title: row!.title, field: row!.field, mode: row!.mode, startsOn: jalaliFromDbDate(row!.startsOn), endsOn: jalaliFromDbDate(row!.endsOn), hours: row!.hours, trainees: row!.trainees },
    });
    return row!.id;
  });
}

/** The courses placed in one of these scopes. */
export const courseScope = (paths: readonly string[]): SQL =>
  paths.includes('/') ? sql`true` : paths.length ? sql`(${sql.join(paths.map((p) => sql`${instCourses.divisionPath} like ${p + '%'}`), sql` or `)})` : sql`false`;

export interface CourseFilters {
  state?: CourseState | undefined;
  field?: string | undefined;
  provinceId?: number | undefined;
  q?: string | undefined;
}

/** One page of the courses in the viewer's scopes, newest start first. */
export async function listCourses(db: DbOrTx, actor: Actor, f: CourseFilters & { page: number; pageSize: number }): Promise<{ items: CourseListItem[]; total: number }> {
  const paths = requireViewer(actor);
  const parts: SQL[] = [courseScope(paths)];
  if (f.state) parts.push(eq(instCourses.state, f.state));
  if (f.field) parts.push(eq(instCourses.field, f.field));
  if (f.provinceId) parts.push(eq(instCourses.provinceId, f.provinceId));
  const q = f.q?.trim();
  if (q) parts.push(sql`fa_normalize(${instCourses.title}) like ${containsPattern(normalizeFa(q))}`);
  const where = and(...parts)!;
  const [found, [count]] = await Promise.all([
    db.select().from(instCourses).where(where).orderBy(desc(instCourses.startsOn), desc(instCourses.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(instCourses).where(where),
  ]);
  return { items: await listItems(db, found), total: Number(count?.n ?? 0) };
}

async function listItems(db: DbOrTx, courses: CourseRow[]): Promise<CourseListItem[]> {
  const ids = courses.map((c) => c.id);
  const [title, provinces, taught] = await Promise.all([
    fieldTitles(db),
    divisionNames(db, courses.flatMap((c) => (c.provinceId ? [c.provinceId] : []))),
    ids.length
      ? db.select({ courseId: instAssignments.courseId, first: instProfiles.firstName, last: instProfiles.lastName }).from(instAssignments)
        .innerJoin(instProfiles, eq(instProfiles.id, instAssignments.profileId)).where(inArray(instAssignments.courseId, ids)).orderBy(asc(instAssignments.id))
      : Promise.resolve([]),
  ]);
  return courses.map((c) => ({
    id: c.id, title: c.title, field: c.field, fieldTitle: title(c.field), province: c.provinceId ? (provinces.get(c.provinceId) ?? null) : null,
    mode: c.mode, modeTitle: COURSE_MODE_TITLES[c.mode], startsOn: jalaliFromDbDate(c.startsOn), endsOn: jalaliFromDbDate(c.endsOn),
    state: c.state, stateTitle: COURSE_STATE_TITLES[c.state], instructors: taught.filter((t) => t.courseId === c.id).map((t) => `${t.first} ${t.last}`),
  }));
}

/** The course's instructors with their trainees' plain mean of `overall` here and the organizer's evaluation. */
async function assignmentViews(db: DbOrTx, courseId: number): Promise<CourseAssignmentView[]> {
  const found = await db
    .select({
      a: instAssignments, first: instProfiles.firstName, last: instProfiles.lastName, trainingId: instProfiles.trainingId,
      mean: sql<number | null>`(select avg(r.overall)::float8 from inst_ratings r where r.assignment_id = ${instAssignments.id})`,
      count: sql<number>`(select count(*)::int from inst_ratings r where r.assignment_id = ${instAssignments.id})`,
    })
    .from(instAssignments).innerJoin(instProfiles, eq(instProfiles.id, instAssignments.profileId))
    .where(eq(instAssignments.courseId, courseId)).orderBy(asc(instAssignments.id));
  const byIds = found.flatMap((r) => (r.a.evaluation ? [r.a.evaluation.byId] : []));
  const users = byIds.length ? await db.select({ id: authUsers.id, name: authUsers.displayName }).from(authUsers).where(inArray(authUsers.id, byIds)) : [];
  return found.map(({ a, first, last, trainingId, mean, count }) => ({
    id: a.id, profileId: a.profileId, name: `${first} ${last}`, trainingId, hours: a.hours,
    ratingAverage: mean === null ? null : Math.round(Number(mean) * 100) / 100, ratingCount: Number(count),
    evaluation: a.evaluation
      ? { scores: a.evaluation.scores, comment: a.evaluation.comment, by: users.find((u) => u.id === a.evaluation!.byId)?.name ?? null, at: a.evaluation.at }
      : null,
  }));
}

/** The trainees' rating link of a held course: its URL on this site, QR code, codes and how many were used. */
async function ratingLink(db: DbOrTx, c: CourseRow, origin: string): Promise<CourseView['rating']> {
  if (!c.ratingToken) return null;
  const url = `${origin}/rate/${c.ratingToken}`;
  const [codes, [used], qrSvg] = await Promise.all([
    db.select({ code: instTraineeCodes.code }).from(instTraineeCodes).where(eq(instTraineeCodes.courseId, c.id)).orderBy(asc(instTraineeCodes.id)),
    rowsOf<{ n: number }>(db, sql`select count(distinct r.trainee_code_id)::int as n from ${instRatings} r join ${instTraineeCodes} t on t.id = r.trainee_code_id where t.course_id = ${c.id}`),
    QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }),
  ]);
  return { url, qrSvg, codes: codes.map((r) => r.code), used: Number(used?.n ?? 0) };
}

/**
 * One course's page. The rating link and the trainee codes are for its organizers only (canManage): whoever holds
 * them can rate, so a viewer who cannot manage the course does not get them.
 */
export async function courseView(db: DbOrTx, actor: Actor, id: number, origin: string): Promise<CourseView> {
  const c = await loadCourse(db, actor, id);
  const manage = canManage(actor, c);
  const [[item], assignments, rating] = await Promise.all([listItems(db, [c]), assignmentViews(db, c.id), manage ? ratingLink(db, c, origin) : Promise.resolve(null)]);
  return { ...item!, provinceId: c.provinceId, place: c.place, hours: c.hours, trainees: c.trainees, description: c.description, cancelReason: c.cancelReason, assignments, rating, canManage: manage };
}

/**
 * Who may teach the course: qualified in its field and valid through its last day, and available at its place —
 * teaching in person in its province (living there or listing it), or, for an online course, also anyone teaching
 * online (a national online course: online only).
 */
export function eligibleFor(c: CourseRow): SQL {
  const place = c.provinceId === null ? teachesOnline : c.mode === 'online' ? sql`(${teachesOnline} or ${availableIn(c.provinceId)})` : availableIn(c.provinceId);
  return and(qualifiedIn(c.field), validOn(dayOf(c.endsOn)), place)!;
}

/** Teaching another (not cancelled) course on any day of this one's. */
export const busyDuring = (c: CourseRow): SQL => sql`exists (select 1 from inst_assignments x join inst_courses o on o.id = x.course_id
  where x.profile_id = ${pc.id} and o.id <> ${c.id} and o.state <> 'cancelled' and o.starts_on <= ${dayOf(c.endsOn)} and o.ends_on >= ${dayOf(c.startsOn)})`;

/** The instructors who can teach a course and are free then (not already on it), best first (score in its field, or rating). */
export async function candidates(db: DbOrTx, actor: Actor, id: number, f: { minScore?: number | undefined; minRating?: number | undefined; sort?: BankSort | undefined }): Promise<{ items: BankItem[] }> {
  const c = await loadCourse(db, actor, id);
  const paths = requireViewer(actor);
  const prior = await bankPrior(db);
  const filters = { field: c.field, minScore: f.minScore, minRating: f.minRating, status: 'all' as const, sort: f.sort ?? 'score' };
  const where = and(
    bankWhere(paths, filters, prior), eligibleFor(c), sql`not ${busyDuring(c)}`,
    sql`not exists (select 1 from inst_assignments y where y.course_id = ${c.id} and y.profile_id = ${pc.id})`,
  )!;
  return { items: await toBankItems(db, await bankRows(db, where, bankOrder(filters, prior), 200), prior, c.field) };
}
