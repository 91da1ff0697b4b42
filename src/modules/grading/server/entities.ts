// The graded entities: municipalities (at their city) and dehyaris (at their village). Who files for which, who may
// see what, the current grade (the latest grade history row, else the core table's grade), the history, the dehyari
// 4-year rule, the entities of the signed-in staff member and the public list of grades.
import { and, desc, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { can, scopeCondition } from '../../../core/access/policy.js';
import type { Role } from '../../../core/access/roles.js';
import { rows, type DbOrTx } from '../../../core/db/client.js';
import { jalaliToDate } from '../../../core/fa/jalali.js';
import { normalizeFa } from '../../../core/fa/normalize.js';
import { divisionNames, pathIds, placeLabels } from '../../../core/org/queries.js';
import type { EntityView, GradeHistoryItem, PublicGrade } from '../api-types.js';
import { DEHYARI_REVIEW_YEARS, SUBJECTS, type Subject } from '../enums.js';
import { dbDateFromJalali, dbDateOf, jalaliFromDbDate } from './rule-sets.js';
import { gradingHistory, gradingRequests, gradingRuleSets } from './schema.js';
import { ENTITY_ROLE, GRADING_WORKFLOWS } from './workflow.js';
import { containsPattern } from '../../../core/db/like.js';

/** The division level an entity sits at. */
export const ENTITY_LEVEL: Record<Subject, 'city' | 'village'> = { municipality: 'city', dehyari: 'village' };
const ENTITY_TABLE: Record<Subject, SQL> = { municipality: sql.raw('org_municipalities'), dehyari: sql.raw('org_dehyaris') };

/**
 * Who may see a subject's requests, sheets and history, each within his grant's scope: every role acting in the
 * subject's workflow (the entity itself, the province reviewer, the Deputy's experts, the committee) and the admin.
 */
export const VIEW_ROLES: Record<Subject, Role[]> = Object.fromEntries(
  SUBJECTS.map((s) => [s, [...new Set([...Object.values(GRADING_WORKFLOWS[s].actions).flatMap((a) => a.roles), 'admin' as Role])]]),
) as Record<Subject, Role[]>;

/** May `actor` see the subject's records placed at `path`? */
export const canView = (actor: Actor, subject: Subject, path: string): boolean => can(actor, 'workflow.act', path, VIEW_ROLES[subject]);
/** Is `actor` staff of the entity placed at `path` (files its sheets and requests)? */
export const isEntityStaff = (actor: Actor, subject: Subject, path: string): boolean => can(actor, 'workflow.act', path, [ENTITY_ROLE[subject]]);

/** The SQL "the record (subject, path) is visible to actor", for lists over rows of both subjects. */
export function viewScope(actor: Actor, subjectCol: SQLWrapper, pathCol: SQLWrapper, subject?: Subject): SQL {
  const subjects = subject ? [subject] : SUBJECTS;
  return sql`(${sql.join(subjects.map((s) => sql`(${subjectCol} = ${s} and ${scopeCondition(actor, 'workflow.act', pathCol, VIEW_ROLES[s])})`), sql` or `)})`;
}

export interface Entity {
  subject: Subject;
  divisionId: number;
  path: string;
  name: string;
  /** the grade in the core table (org_municipalities / org_dehyaris) */
  coreGrade: number | null;
}

/** The municipality of a city or the dehyari of a village, or null when the division has none. */
export async function getEntity(db: DbOrTx, subject: Subject, divisionId: number): Promise<Entity | null> {
  const [e] = await rows<{ name: string; path: string; grade: number | null }>(db, sql`
    select e.name, d.path, e.grade from ${ENTITY_TABLE[subject]} e join org_divisions d on d.id = e.division_id
    where e.division_id = ${divisionId} and d.level = ${ENTITY_LEVEL[subject]}`);
  return e ? { subject, divisionId, path: e.path, name: e.name, coreGrade: e.grade == null ? null : Number(e.grade) } : null;
}

/** An entity's grade history, newest first. */
export async function gradeHistory(db: DbOrTx, subject: Subject, divisionId: number): Promise<GradeHistoryItem[]> {
  const found = await db
    .select({ h: gradingHistory, version: gradingRuleSets.version, title: gradingRuleSets.title })
    .from(gradingHistory)
    .leftJoin(gradingRuleSets, eq(gradingRuleSets.id, gradingHistory.ruleSetId))
    .where(and(eq(gradingHistory.subject, subject), eq(gradingHistory.divisionId, divisionId)))
    .orderBy(desc(gradingHistory.effectiveDate), desc(gradingHistory.id));
  return found.map(({ h, version, title }) => ({
    grade: h.grade, ruleSetId: h.ruleSetId, ruleVersion: version ?? null, ruleTitle: title ?? null, orderNumber: h.orderNumber,
    effectiveDate: jalaliFromDbDate(h.effectiveDate), requestId: h.requestId,
  }));
}

/** The current grade: the latest history row (by effective date), else the core table's grade (no date). */
export async function currentGrade(db: DbOrTx, entity: Entity): Promise<{ grade: number | null; gradedOn: string | null }> {
  const [last] = await db
    .select({ grade: gradingHistory.grade, effectiveDate: gradingHistory.effectiveDate })
    .from(gradingHistory)
    .where(and(eq(gradingHistory.subject, entity.subject), eq(gradingHistory.divisionId, entity.divisionId)))
    .orderBy(desc(gradingHistory.effectiveDate), desc(gradingHistory.id))
    .limit(1);
  return last ? { grade: last.grade, gradedOn: jalaliFromDbDate(last.effectiveDate) } : { grade: entity.coreGrade, gradedOn: null };
}

/**
 * Dehyaris: the first Jalali day a new review may start — DEHYARI_REVIEW_YEARS after the last grade's effective date
 * (Esfand 30 of a leap year falls on the next Farvardin 1) — or null when that day has come (or there is no dated grade).
 */
export function nextReviewFrom(subject: Subject, gradedOn: string | null, now = new Date()): string | null {
  if (subject !== 'dehyari' || !gradedOn) return null;
  const [y, m, d] = gradedOn.split('/').map(Number) as [number, number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  const next = jalaliToDate(y + DEHYARI_REVIEW_YEARS, m, d) ? `${y + DEHYARI_REVIEW_YEARS}/${pad(m)}/${pad(d)}` : `${y + DEHYARI_REVIEW_YEARS + 1}/01/01`;
  return dbDateFromJalali(next)!.getTime() > dbDateOf(now).getTime() ? next : null;
}

/** The open (not yet closed) request of an entity, if any. */
export async function openRequestOf(db: DbOrTx, subject: Subject, divisionId: number): Promise<string | null> {
  const [r] = await db
    .select({ id: gradingRequests.id })
    .from(gradingRequests)
    .where(and(eq(gradingRequests.subject, subject), eq(gradingRequests.divisionId, divisionId), sql`${gradingRequests.closedAt} is null`));
  return r?.id ?? null;
}

/** One entity as its staff sees it. */
export async function entityView(db: DbOrTx, entity: Entity): Promise<EntityView> {
  const [places, current, history, openRequestId] = await Promise.all([
    placeLabels(db, [entity.path]),
    currentGrade(db, entity),
    gradeHistory(db, entity.subject, entity.divisionId),
    openRequestOf(db, entity.subject, entity.divisionId),
  ]);
  return {
    subject: entity.subject, divisionId: entity.divisionId, name: entity.name, place: places.get(entity.path) ?? '', grade: current.grade,
    gradedOn: current.gradedOn, nextReviewFrom: nextReviewFrom(entity.subject, current.gradedOn), openRequestId, history,
  };
}

/** The municipalities and dehyaris `actor` files for (his `municipality` / `dehyari` grants), by name. */
export async function myEntities(db: DbOrTx, actor: Actor): Promise<EntityView[]> {
  const out: EntityView[] = [];
  for (const subject of SUBJECTS) {
    if (!can(actor, 'workflow.act', null, [ENTITY_ROLE[subject]])) continue;
    const found = await rows<{ division_id: number }>(db, sql`
      select e.division_id from ${ENTITY_TABLE[subject]} e join org_divisions d on d.id = e.division_id
      where d.level = ${ENTITY_LEVEL[subject]} and ${scopeCondition(actor, 'workflow.act', sql`d.path`, [ENTITY_ROLE[subject]])}
      order by e.name limit 50`);
    for (const r of found) {
      const entity = await getEntity(db, subject, Number(r.division_id));
      if (entity) out.push(await entityView(db, entity));
    }
  }
  return out;
}

/**
 * Entities of a subject with their current grade (latest history row, else the core table's), its date and order:
 * one query, `where` over `d` (the entity's division) and `e` (the entity), `grade` over the current grade.
 */
export function entityGradesSql(subject: Subject, where: SQL): SQL {
  return sql`
    select e.division_id, e.name, d.path, coalesce(h.grade, e.grade)::int as grade,
           to_char(h.effective_date, 'YYYY-MM-DD') as effective_day, h.order_number
    from ${ENTITY_TABLE[subject]} e
    join org_divisions d on d.id = e.division_id
    left join lateral (
      select gh.grade, gh.effective_date, gh.order_number from grading_history gh
      where gh.subject = ${subject} and gh.division_id = e.division_id
      order by gh.effective_date desc, gh.id desc limit 1
    ) h on true
    where d.level = ${ENTITY_LEVEL[subject]} and ${where}`;
}

export interface EntityGradeRow {
  division_id: number;
  name: string;
  path: string;
  grade: number | null;
  effective_day: string | null;
  order_number: string | null;
}


export interface PublicQuery {
  subject: Subject;
  q?: string | undefined;
  provinceId?: number | undefined;
  grade?: number | undefined;
  page: number;
  pageSize: number;
}

/** The public list of grades: entities that hold one, searchable by name (Persian normalization), by province and grade. */
export async function publicGrades(db: DbOrTx, query: PublicQuery): Promise<{ items: PublicGrade[]; total: number }> {
  const conds: SQL[] = [sql`true`];
  const q = query.q ? normalizeFa(query.q) : '';
  if (q) conds.push(sql`fa_normalize(e.name) like ${containsPattern(q)}`);
  if (query.provinceId) conds.push(sql`d.path like ${`/${query.provinceId}/%`}`);
  const inner = entityGradesSql(query.subject, sql.join(conds, sql` and `));
  const gradeCond = query.grade ? sql`x.grade = ${query.grade}` : sql`x.grade is not null`;
  const found = await rows<EntityGradeRow & { total: number }>(db, sql`
    select x.*, count(*) over ()::int as total from (${inner}) x where ${gradeCond}
    order by x.grade desc, x.name asc, x.division_id asc
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`);
  const names = await divisionNames(db, found.flatMap((r) => pathIds(r.path).slice(0, 2)));
  const total = found[0] ? Number(found[0].total) : query.page > 1 ? await countPublic(db, inner, gradeCond) : 0;
  return {
    total,
    items: found.map((r) => {
      const [provinceId, countyId] = pathIds(r.path);
      return {
        divisionId: Number(r.division_id), name: r.name, county: names.get(countyId ?? 0) ?? '', province: names.get(provinceId ?? 0) ?? '',
        grade: Number(r.grade), effectiveDate: r.effective_day ? jalaliFromDay(r.effective_day) : null, orderNumber: r.order_number,
      };
    }),
  };
}

async function countPublic(db: DbOrTx, inner: SQL, gradeCond: SQL): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from (${inner}) x where ${gradeCond}`);
  return Number(r?.n ?? 0);
}

/** The Jalali day of a `to_char(…, 'YYYY-MM-DD')` column. */
export const jalaliFromDay = (day: string): string => jalaliFromDbDate(new Date(`${day}T00:00:00Z`));
