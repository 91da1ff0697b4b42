// The instructor bank as course organizers search it: who may look (scope), where an instructor is available, his
// status, the Bayesian rating and the score in a field — as SQL, so the search filters, sorts and pages in the
// database — and the rows as BankItem.
//
// Scope (decided here): the bank is open to `instructors.courses` grants (training units, training experts) and to
// the committee's and experts' `workflow.act`. A national grant sees everyone. A province grant sees the instructors
// "available there": those who live in the province, those who list it among the provinces they teach in person,
// and those who teach online (an online course of the province may use anyone). Anyone else looks absent (404).
import { and, desc, eq, getTableColumns, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { grantsFor } from '../../../core/access/policy.js';
import { rows as rowsOf, type DbOrTx } from '../../../core/db/client.js';
import { jalaliFromDbDate } from '../../../core/db/dates.js';
import { tehranDateKey } from '../../../core/fa/jalali.js';
import { normalizeFa } from '../../../core/fa/normalize.js';
import { forbidden, notFound } from '../../../core/http/errors.js';
import type { ExportColumn } from '../../../core/http/export.js';
import { divisionNames } from '../../../core/org/queries.js';
import { pathIds } from '../../../core/org/path.js';
import { faNum } from '../../../core/scoring/bands.js';
import { wfCases } from '../../../core/workflow/schema.js';
import type { BankItem, StaffProfileView } from '../api-types.js';
import { APPLICATION_KIND_TITLES, INSTRUCTOR_STATUS_TITLES, type CourseMode, type InstructorStatus } from '../enums.js';
import { normalizeTrainingId } from '../training-id.js';
import { fieldTitles } from './fields.js';
import { bankPrior, ratingView, type Prior, type ProfileRow } from './ratings-store.js';
import { CFA } from './fa-courses.js';
import { coursesOf } from './my.js';
import { instApplications, instAssignments, instCourses, instProfiles } from './schema.js';
import { qualificationStateTitle } from './workflow.js';
import { containsPattern } from '../../../core/db/like.js';

const VIEW_ROLES = ['expert.training', 'training.committee'] as const;

/** The scopes (division paths) in which `actor` may look at the bank, courses and reports; empty: none. */
export function viewPaths(actor: Actor): string[] {
  return [...new Set([...grantsFor(actor, 'instructors.courses'), ...grantsFor(actor, 'workflow.act', VIEW_ROLES)].map((g) => g.path))];
}

/** The viewer's scopes, or 403 for staff who may not look at the bank at all. */
export function requireViewer(actor: Actor): string[] {
  const paths = viewPaths(actor);
  if (!paths.length) throw forbidden();
  return paths;
}

/** The provinces of a set of scopes ('/' → null: every province). */
export function scopeProvinces(paths: readonly string[]): number[] | null {
  if (paths.includes('/')) return null;
  return [...new Set(paths.map((p) => pathIds(p)[0]!).filter((id) => Number.isSafeInteger(id)))];
}

const p = instProfiles;
/**
 * The columns of inst_profiles for SQL fragments, always table-qualified: drizzle leaves them bare in a one-table
 * select list, where a subquery's own `id` would capture them.
 */
export const pc = Object.fromEntries(Object.entries(getTableColumns(p)).map(([k, v]) => [k, sql.raw(`"inst_profiles"."${v.name}"`)])) as Record<keyof ProfileRow, SQL>;
const availability = sql`(${pc.data}->'availability')`;
export const teachesOnline = sql`coalesce((${availability}->>'online')::boolean, false)`;
const teachesInPerson = sql`coalesce((${availability}->>'inPerson')::boolean, true)`;

/**
 * Teaches in person in a province: he teaches in person, and lives there or lists it among his provinces. (A resident
 * who declared he teaches online only is not offered for an in-person course, nor counted in the province's coverage.)
 */
export const availableIn = (provinceId: number | SQL): SQL =>
  sql`(${teachesInPerson} and (${pc.provinceId} = ${provinceId} or ${availability}->'provinceIds' @> jsonb_build_array(${provinceId}::int)))`;
/** Of a province for the bank: lives there, or teaches there in person. */
export const ofProvince = (provinceId: number): SQL => sql`(${pc.provinceId} = ${provinceId} or ${availableIn(provinceId)})`;

/** The instructors a viewer with these scopes sees (see the file comment). */
export function profileScope(paths: readonly string[]): SQL {
  const provinces = scopeProvinces(paths);
  if (provinces === null) return sql`true`;
  if (!provinces.length) return sql`false`;
  return sql`(${teachesOnline} or ${sql.join(provinces.map(ofProvince), sql` or `)})`;
}

/** Today as a `date` literal (Tehran's calendar day). */
export const today = (): SQL => sql`${tehranDateKey(new Date())}::date`;
/** Holds a qualification valid on `day` (a `date` SQL value). */
export const validOn = (day: SQL): SQL => sql`(${pc.qualifiedUntil} is not null and ${pc.qualifiedUntil} >= ${day})`;
export const qualifiedIn = (field: string): SQL => sql`${pc.qualifiedFields} @> ${JSON.stringify([field])}::jsonb`;
const openApplication = sql`exists (select 1 from inst_applications a where a.profile_id = ${pc.id} and a.closed_at is null)`;
const decided = sql`exists (select 1 from inst_applications a where a.profile_id = ${pc.id} and a.decided_at is not null)`;

/** The derived status, as SQL (the same rule as instructorStatus in profiles.ts: an open application first, then the validity). */
export const statusSql = (): SQL<InstructorStatus> => sql<InstructorStatus>`(case when ${openApplication} then 'in_review'
  when ${validOn(today())} then 'qualified' when ${pc.qualifiedUntil} is not null then 'expired'
  when ${decided} then 'not_qualified' else 'draft' end)`;

/** The Bayesian average of the rating under `prior` (an unrated instructor sits at the prior's mean). */
export const bayesSql = (prior: Prior): SQL<number> =>
  sql<number>`(case when ${prior.weight}::float8 + ${pc.ratingCount} = 0 then ${prior.mean}::float8
    else (${prior.weight}::float8 * ${prior.mean}::float8 + ${pc.ratingSum}) / (${prior.weight}::float8 + ${pc.ratingCount}) end)`;

/** The score in `field` (its approved score), or the best one. */
export const scoreSql = (field?: string): SQL<number | null> =>
  field ? sql<number | null>`(${pc.scores}->>${field})::float8` : sql<number | null>`${pc.bestScore}`;

const nameSql = sql`fa_normalize(${pc.lastName} || ' ' || ${pc.firstName})`;
/** Text for a LIKE pattern with its wildcards taken literally. */

export type BankStatusFilter = InstructorStatus | 'all';
export type BankSort = 'score' | 'rating' | 'name';
export interface BankFilters {
  field?: string | undefined;
  provinceId?: number | undefined;
  minScore?: number | undefined;
  minRating?: number | undefined;
  mode?: CourseMode | undefined;
  /** qualified (default): valid today, whatever else is open; the others: the derived status; all: no filter */
  status?: BankStatusFilter | undefined;
  q?: string | undefined;
  sort?: BankSort | undefined;
}

/** The WHERE of a bank search: the scope, then each filter. `minRating` needs a rating of his own. */
export function bankWhere(paths: readonly string[], f: BankFilters, prior: Prior): SQL {
  const parts: SQL[] = [profileScope(paths)];
  const status = f.status ?? 'qualified';
  if (status === 'qualified') parts.push(validOn(today()));
  else if (status !== 'all') parts.push(sql`${statusSql()} = ${status}`);
  if (f.field) parts.push(status === 'qualified' ? qualifiedIn(f.field) : sql`(${qualifiedIn(f.field)} or ${pc.data}->'expertise' @> ${JSON.stringify([f.field])}::jsonb)`);
  if (f.provinceId) parts.push(ofProvince(f.provinceId));
  if (f.mode === 'online') parts.push(teachesOnline);
  else if (f.mode === 'in_person') parts.push(teachesInPerson);
  if (f.minScore !== undefined) parts.push(sql`${scoreSql(f.field)} >= ${f.minScore}`);
  if (f.minRating !== undefined) parts.push(sql`(${pc.ratingCount} > 0 and ${bayesSql(prior)} >= ${f.minRating})`);
  const q = f.q?.trim();
  if (q) {
    const id = normalizeTrainingId(q);
    parts.push(id ? eq(p.trainingId, id) : sql`fa_normalize(${pc.firstName} || ' ' || ${pc.lastName}) like ${containsPattern(normalizeFa(q))}`);
  }
  return and(...parts)!;
}

/** The ORDER BY of a bank search (ties by name, then id, so pages are stable). */
export function bankOrder(f: BankFilters, prior: Prior): SQL {
  const tail = sql`${nameSql} asc, ${pc.id} asc`;
  if (f.sort === 'name') return tail;
  if (f.sort === 'rating') return sql`${bayesSql(prior)} desc, ${pc.ratingCount} desc, ${tail}`;
  return sql`${scoreSql(f.field)} desc nulls last, ${tail}`;
}

type BankRow = ProfileRow & { status: InstructorStatus; courseCount: number };

/** Profiles matching `where`, in `order`, with their status and number of (not cancelled) courses. */
export async function bankRows(db: DbOrTx, where: SQL, order: SQL, limit: number, offset = 0): Promise<BankRow[]> {
  return db
    .select({
      profile: p,
      status: statusSql(),
      courseCount: sql<number>`(select count(*)::int from inst_assignments x join inst_courses c on c.id = x.course_id where x.profile_id = ${pc.id} and c.state <> 'cancelled')`,
    })
    .from(p)
    .where(where)
    .orderBy(order)
    .limit(limit)
    .offset(offset)
    .then((found) => found.map((r) => ({ ...r.profile, status: r.status, courseCount: Number(r.courseCount) })));
}

/** Rows as BankItem (`field`: the searched field, whose score is the item's score). */
export async function toBankItems(db: DbOrTx, found: BankRow[], prior: Prior, field?: string): Promise<BankItem[]> {
  const title = await fieldTitles(db);
  const names = await divisionNames(db, found.flatMap((r) => [r.provinceId, ...(r.data.availability?.provinceIds ?? [])]));
  return found.map((r) => {
    const keys = r.qualifiedFields.length ? r.qualifiedFields : r.data.expertise;
    const avail = r.data.availability ?? { provinceIds: [], inPerson: true, online: false };
    return {
      profileId: r.id,
      name: `${r.firstName} ${r.lastName}`,
      province: names.get(r.provinceId) ?? '',
      trainingId: r.trainingId,
      status: r.status,
      statusTitle: INSTRUCTOR_STATUS_TITLES[r.status],
      fields: keys.map((k) => ({ key: k, title: title(k), score: r.scores[k] ?? null })),
      score: field ? (r.scores[field] ?? null) : r.bestScore,
      rating: ratingView(r, prior),
      availability: { ...avail, provinceNames: avail.provinceIds.map((id) => names.get(id) ?? '').filter(Boolean) },
      qualifiedUntil: r.qualifiedUntil ? jalaliFromDbDate(r.qualifiedUntil) : null,
      courseCount: r.courseCount,
    };
  });
}

/** One page of the bank in the viewer's scope. */
export async function searchBank(db: DbOrTx, actor: Actor, f: BankFilters & { page: number; pageSize: number }): Promise<{ items: BankItem[]; total: number }> {
  const paths = requireViewer(actor);
  const prior = await bankPrior(db);
  const where = bankWhere(paths, f, prior);
  const [found, [count]] = await Promise.all([
    bankRows(db, where, bankOrder(f, prior), f.pageSize, (f.page - 1) * f.pageSize),
    rowsOf<{ n: number }>(db, sql`select count(*)::int as n from inst_profiles where ${where}`),
  ]);
  return { items: await toBankItems(db, found, prior, f.field), total: Number(count?.n ?? 0) };
}

/** Every match of a search, in pages of 500 (the export streams them). */
export async function* bankExportRows(db: DbOrTx, actor: Actor, f: BankFilters): AsyncGenerator<BankItem> {
  const paths = requireViewer(actor);
  const prior = await bankPrior(db);
  const where = bankWhere(paths, f, prior);
  const order = bankOrder(f, prior);
  for (let offset = 0; ; offset += 500) {
    const found = await bankRows(db, where, order, 500, offset);
    if (!found.length) return;
    yield* await toBankItems(db, found, prior, f.field);
  }
}

/** The bank export's columns, Persian headers. */
export const BANK_COLUMNS: ExportColumn<BankItem>[] = [
  { key: 'name', title: 'نام' },
  { key: 'trainingId', title: 'شناسه آموزشی' },
  { key: 'province', title: 'استان' },
  { key: 'statusTitle', title: 'وضعیت' },
  { key: 'fields', title: 'زمینه‌های تخصصی', value: (r) => r.fields.map((f) => (f.score === null ? f.title : `${f.title} (${faNum(f.score)})`)).join('، ') },
  { key: 'score', title: 'امتیاز' },
  { key: 'rating', title: 'میانگین ارزشیابی', value: (r) => r.rating.average },
  { key: 'ratingCount', title: 'تعداد ارزشیابی', value: (r) => r.rating.count },
  { key: 'inPerson', title: 'تدریس حضوری', value: (r) => r.availability.inPerson },
  { key: 'online', title: 'تدریس برخط', value: (r) => r.availability.online },
  { key: 'provinces', title: 'استان‌های دیگر تدریس حضوری', value: (r) => r.availability.provinceNames.join('، ') },
  { key: 'qualifiedUntil', title: 'اعتبار صلاحیت تا' },
  { key: 'courseCount', title: 'تعداد دوره‌ها' },
];

/** One instructor as staff see him (in the viewer's scope, else 404): his bank item, profile, applications, courses, evaluations. */
export async function staffProfileView(db: DbOrTx, actor: Actor, id: number): Promise<StaffProfileView> {
  const paths = requireViewer(actor);
  const prior = await bankPrior(db);
  const [row] = await bankRows(db, and(eq(p.id, id), profileScope(paths))!, sql`${pc.id}`, 1);
  if (!row) throw notFound(CFA.profileNoun);
  const [[item], apps, courses, evaluated] = await Promise.all([
    toBankItems(db, [row], prior),
    db.select({ app: instApplications, state: wfCases.state }).from(instApplications).innerJoin(wfCases, eq(wfCases.id, instApplications.caseId))
      .where(eq(instApplications.profileId, id)).orderBy(desc(instApplications.createdAt)),
    coursesOf(db, id),
    db.select({ title: instCourses.title, evaluation: instAssignments.evaluation }).from(instAssignments).innerJoin(instCourses, eq(instCourses.id, instAssignments.courseId))
      .where(and(eq(instAssignments.profileId, id), isNotNull(instAssignments.evaluation))).orderBy(desc(instCourses.startsOn)),
  ]);
  return {
    item: item!,
    profile: { ...row.data, version: row.version },
    mobile: row.mobile,
    applications: apps.map(({ app, state }) => ({
      id: app.id, trackingCode: app.trackingCode, kindTitle: APPLICATION_KIND_TITLES[app.kind], stateTitle: qualificationStateTitle(state), createdAt: app.createdAt.toISOString(),
    })),
    courses,
    evaluations: evaluated.map(({ title, evaluation: e }) => ({ courseTitle: title, scores: e!.scores, comment: e!.comment, at: e!.at })),
  };
}
