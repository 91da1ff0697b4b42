import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../core/access/actor.js';
import { authUsers } from '../../../core/auth/schema.js';
import { rows, type DbOrTx, sqlList } from '../../../core/db/client.js';
import { docFiles } from '../../../core/documents/schema.js';
import { normalizeFa, parseJalaliDate } from '../../../core/fa/index.js';
import { badRequest } from '../../../core/http/errors.js';
import { divisionTitle } from '../../../core/org/labels.js';
import { orgDivisions } from '../../../core/org/schema.js';
import type { WorkflowDefinition } from '../../../core/workflow/definition.js';
import { wfCases } from '../../../core/workflow/schema.js';
import { workingActions } from '../../../core/workflow/validate.js';
import { OPEN_STATES, type ComplaintKind, type ComplaintListQuery, type ComplaintState } from '../contract.js';
import { STAFF_FA } from './fa-staff.js';
import { complaintScope, presentIdentity } from './policies.js';
import { complaints, complaintsAttachments, complaintsCategories, complaintsMessages, complaintsTemplates } from './schema.js';
import { normalizeTrackingCode } from '../../../core/codes/tracking-code.js';
import { complaintStateTitle } from './workflow.js';
import { isUuid } from '../../../core/db/ids.js';
import { containsPattern } from '../../../core/db/like.js';

const DAY_MS = 86_400_000;
const asDate = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));

/**
 * A Jalali date range typed by a person ('1405/01/01', Persian digits fine) as instants: `from` at the start of
 * its day, `until` at the start of the day after `to` (so `to` is inclusive). 400 `invalid_date` otherwise.
 */
export function jalaliRange(from?: string, to?: string): { from: Date | null; until: Date | null } {
  const parse = (s: string | undefined) => {
    if (s == null || s.trim() === '') return null;
    const d = parseJalaliDate(s);
    if (!d) throw badRequest('invalid_date', STAFF_FA.invalidDate, undefined, { value: s });
    return d;
  };
  const f = parse(from);
  const t = parse(to);
  // Iran keeps +03:30 all year since 2022, so the next day starts 24 h later (older dates may be an hour off).
  return { from: f, until: t && new Date(t.getTime() + DAY_MS) };
}

/** The filters of a staff list (also its export) without paging. */
export type ComplaintFilters = Omit<ComplaintListQuery, 'limit' | 'offset' | 'sort'>;

/**
 * The WHERE of a staff list over `complaints c ⋈ wf_cases w ⋈ complaints_categories cat`, the actor's scope
 * first. Every list, search, export and count of complaints goes through here.
 */
export function complaintConditions(actor: Actor, f: ComplaintFilters): SQL {
  const conds: SQL[] = [complaintScope(actor, sql`c.division_path`)];
  if (f.state) conds.push(sql`w.state = ${f.state}`);
  // A top-level category includes its children.
  if (f.categoryId) conds.push(sql`(c.category_id = ${f.categoryId} or cat.parent_id = ${f.categoryId})`);
  if (f.kind) conds.push(sql`c.kind = ${f.kind}`);
  // Unknown division: the subquery is null, the LIKE is null, nothing matches (an empty list, not an error).
  if (f.divisionId) conds.push(sql`c.division_path like (select path from org_divisions where id = ${f.divisionId}) || '%'`);
  const q = f.q?.trim();
  if (q) {
    const parts: SQL[] = [];
    const norm = normalizeFa(q);
    // The expression is the one the trigram GIN index is built on (complaints_text_trgm).
    if (norm) parts.push(sql`fa_normalize(c.subject || ' ' || c.body) like ${containsPattern(norm)}`);
    const code = normalizeTrackingCode(q);
    if (code) parts.push(sql`c.tracking_code = ${code}`);
    conds.push(parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`);
  }
  // overdue=0 / mine=0 mean "no filter", like leaving them out.
  if (f.overdue) conds.push(sql`(w.due_at < now() and w.state in (${sqlList(OPEN_STATES)}))`);
  if (f.mine) conds.push(actor.id == null ? sql`false` : sql`w.assignee_id = ${actor.id}`);
  const range = jalaliRange(f.from, f.to);
  if (range.from) conds.push(sql`c.created_at >= ${range.from.toISOString()}`);
  if (range.until) conds.push(sql`c.created_at < ${range.until.toISOString()}`);
  return sql.join(conds, sql` and `);
}

const ORDER: Record<ComplaintListQuery['sort'], SQL> = {
  due: sql`due_at asc nulls last, created_at asc, id asc`,
  created: sql`created_at asc, id asc`,
  '-created': sql`created_at desc, id desc`,
};

/** One line of the staff list. `citizenName` follows the identity rule (see policies.ts). */
export interface ComplaintListItem {
  id: string;
  caseId: string;
  trackingCode: string;
  kind: ComplaintKind;
  categoryId: number;
  categoryName: string;
  divisionId: number;
  placeName: string;
  subject: string;
  state: ComplaintState;
  stateTitle: string;
  dueAt: Date | null;
  overdue: boolean;
  assigneeId: number | null;
  assigneeName: string | null;
  createdAt: Date;
  anonymous: boolean;
  citizenName: string | null;
  version: number;
}

const SELECT = sql`
  select c.id, c.case_id, c.tracking_code, c.kind, c.category_id, cat.name as category_name, c.division_id,
         d.name as place_name, d.level as place_level, c.subject, w.state, w.version, w.due_at,
         coalesce(w.due_at < now() and w.state in (${sqlList(OPEN_STATES)}), false) as overdue,
         w.assignee_id, u.display_name as assignee_name, c.created_at, c.anonymous, c.citizen_name, c.mobile, c.division_path
  from complaints c
  join wf_cases w on w.id = c.case_id
  join complaints_categories cat on cat.id = c.category_id
  join org_divisions d on d.id = c.division_id
  left join auth_users u on u.id = w.assignee_id`;

function toItem(actor: Actor, r: Record<string, unknown>): ComplaintListItem {
  const state = String(r.state) as ComplaintState;
  const identity = presentIdentity(actor, {
    anonymous: r.anonymous === true, citizenName: (r.citizen_name as string | null) ?? null, mobile: null, divisionPath: String(r.division_path),
  });
  return {
    id: String(r.id), caseId: String(r.case_id), trackingCode: String(r.tracking_code), kind: r.kind as ComplaintKind,
    categoryId: Number(r.category_id), categoryName: String(r.category_name), divisionId: Number(r.division_id),
    placeName: divisionTitle({ level: r.place_level as never, name: String(r.place_name) }), subject: String(r.subject),
    state, stateTitle: complaintStateTitle(state),
    dueAt: asDate(r.due_at), overdue: r.overdue === true, assigneeId: r.assignee_id == null ? null : Number(r.assignee_id),
    assigneeName: (r.assignee_name as string | null) ?? null, createdAt: asDate(r.created_at)!, anonymous: r.anonymous === true,
    citizenName: identity.name, version: Number(r.version),
  };
}

/**
 * The complaints `actor` may see, filtered and paged, with the total — one query over complaints ⋈ wf_cases ⋈
 * categories (⋈ place and assignee names), always inside the actor's scope. Sorted by SLA deadline (nulls last)
 * by default. 400 `invalid_date` for a from/to that is not a Jalali date.
 */
export async function listComplaints(db: DbOrTx, actor: Actor, query: ComplaintListQuery): Promise<{ items: ComplaintListItem[]; total: number }> {
  const where = complaintConditions(actor, query);
  const rs = await rows<Record<string, unknown>>(db, sql`
    with m as (${SELECT} where ${where})
    select t.total, p.* from (select count(*)::int as total from m) t
    left join lateral (select * from m order by ${ORDER[query.sort]} limit ${query.limit} offset ${query.offset}) p on true
    order by ${ORDER[query.sort]}`);
  return { total: Number(rs[0]?.total ?? 0), items: rs.filter((r) => r.id != null).map((r) => toItem(actor, r)) };
}

/** How many complaints match (for the export's size check). */
export async function countComplaints(db: DbOrTx, actor: Actor, filters: ComplaintFilters): Promise<number> {
  const [r] = await rows<{ n: unknown }>(db, sql`
    select count(*)::int as n from complaints c join wf_cases w on w.id = c.case_id
    join complaints_categories cat on cat.id = c.category_id where ${complaintConditions(actor, filters)}`);
  return Number(r?.n ?? 0);
}

/**
 * Every matching complaint, read in pages of `pageSize` (for exports: memory stays flat however long the list),
 * at most `max`. Offset paging over a total order; rows changing meanwhile may shift between pages.
 */
export async function* iterateComplaints(
  db: DbOrTx, actor: Actor, filters: ComplaintFilters & { sort: ComplaintListQuery['sort'] }, opts: { pageSize?: number; max: number },
): AsyncGenerator<ComplaintListItem> {
  const pageSize = opts.pageSize ?? 1000;
  const where = complaintConditions(actor, filters);
  for (let offset = 0; offset < opts.max; offset += pageSize) {
    const limit = Math.min(pageSize, opts.max - offset);
    const rs = await rows<Record<string, unknown>>(db, sql`${SELECT} where ${where} order by ${ORDER[filters.sort]} limit ${limit} offset ${offset}`);
    for (const r of rs) yield toItem(actor, r);
    if (rs.length < limit) return;
  }
}

/** A complaint with its case, category and place, as staff load it. */
export interface StaffComplaint {
  complaint: typeof complaints.$inferSelect;
  case: typeof wfCases.$inferSelect;
  category: typeof complaintsCategories.$inferSelect;
  division: { id: number; name: string; level: (typeof orgDivisions.$inferSelect)['level']; path: string };
}

/** One complaint by id if `actor` may see it (scope), else null — the caller answers 404 either way. */
export async function getComplaintForStaff(db: DbOrTx, actor: Actor, id: string): Promise<StaffComplaint | null> {
  if (!isUuid(id)) return null;
  const [r] = await db
    .select({ complaint: complaints, case: wfCases, category: complaintsCategories, division: { id: orgDivisions.id, name: orgDivisions.name, level: orgDivisions.level, path: orgDivisions.path } })
    .from(complaints)
    .innerJoin(wfCases, eq(wfCases.id, complaints.caseId))
    .innerJoin(complaintsCategories, eq(complaintsCategories.id, complaints.categoryId))
    .innerJoin(orgDivisions, eq(orgDivisions.id, complaints.divisionId))
    .where(and(eq(complaints.id, id), complaintScope(actor, complaints.divisionPath)));
  return r ?? null;
}

/** A complaint by tracking code inside `actor`'s scope (e.g. the original of a duplicate), or null. */
export async function findComplaintByCode(db: DbOrTx, actor: Actor, code: string): Promise<{ id: string; trackingCode: string } | null> {
  const c = normalizeTrackingCode(code);
  if (!c) return null;
  const [r] = await db.select({ id: complaints.id, trackingCode: complaints.trackingCode }).from(complaints)
    .where(and(eq(complaints.trackingCode, c), complaintScope(actor, complaints.divisionPath)));
  return r ?? null;
}

/** Display names (and kinds) of users by id, one query. */
export async function userNames(db: DbOrTx, ids: readonly (number | null | undefined)[]): Promise<Map<number, { name: string; kind: 'staff' | 'citizen' }>> {
  const wanted = [...new Set(ids.filter((x): x is number => x != null))];
  if (!wanted.length) return new Map();
  const rs = await db.select({ id: authUsers.id, name: authUsers.displayName, kind: authUsers.kind }).from(authUsers).where(inArray(authUsers.id, wanted));
  return new Map(rs.map((r) => [r.id, { name: r.name, kind: r.kind }]));
}

/** Every message of a complaint (replies, notes, information requests, the citizen's additions), oldest first. */
export async function complaintMessages(db: DbOrTx, complaintId: string) {
  return db.select().from(complaintsMessages).where(eq(complaintsMessages.complaintId, complaintId)).orderBy(asc(complaintsMessages.id));
}

/** The files attached to a complaint (document ids with name, type and size), oldest first. */
export async function complaintAttachments(db: DbOrTx, complaintId: string) {
  return db
    .select({ documentId: complaintsAttachments.documentId, filename: docFiles.filename, mime: docFiles.mime, size: docFiles.size, isPublic: complaintsAttachments.isPublic, addedBy: complaintsAttachments.addedBy, createdAt: complaintsAttachments.createdAt })
    .from(complaintsAttachments)
    .innerJoin(docFiles, eq(docFiles.id, complaintsAttachments.documentId))
    .where(eq(complaintsAttachments.complaintId, complaintId))
    .orderBy(asc(complaintsAttachments.createdAt));
}

/** Active response templates for a category: its own, its parent's, and those for every category. */
export async function templatesFor(db: DbOrTx, categoryId?: number | null) {
  const own = categoryId == null ? [] : [categoryId];
  if (categoryId != null) {
    const [cat] = await db.select({ parentId: complaintsCategories.parentId }).from(complaintsCategories).where(eq(complaintsCategories.id, categoryId));
    if (cat?.parentId != null) own.push(cat.parentId);
  }
  return db.select().from(complaintsTemplates)
    .where(and(eq(complaintsTemplates.active, true), own.length ? or(isNull(complaintsTemplates.categoryId), inArray(complaintsTemplates.categoryId, own)) : undefined))
    .orderBy(sql`${complaintsTemplates.categoryId} is null`, asc(complaintsTemplates.id));
}

/**
 * Staff who could work case `c` once it is in state `to`: active staff holding, with a scope containing the
 * case, a role (at the action's level when it names one) of a staff action leaving `to` — the engine's
 * `canWorkOn` rule (core/workflow/assign.ts), as one query for the whole list. These are the people an
 * assigning action may hand the case to.
 */
export async function assignableStaff(db: DbOrTx, def: WorkflowDefinition, c: { divisionPath: string }, to: string): Promise<{ id: number; displayName: string; roles: string[] }[]> {
  const roleConds = workingActions(def, to).map((a) =>
    a.level ? sql`(r.role in (${sqlList(a.roles)}) and coalesce(d.level, 'country') = ${a.level})` : sql`r.role in (${sqlList(a.roles)})`);
  if (!roleConds.length) return [];
  const rs = await rows<{ id: unknown; display_name: string; roles: string }>(db, sql`
    select u.id, u.display_name, string_agg(distinct r.role, ',') as roles
    from auth_user_roles r
    join auth_users u on u.id = r.user_id
    left join org_divisions d on d.id = r.division_id
    where u.kind = 'staff' and not u.disabled
      and (r.division_id is null or ${c.divisionPath} like d.path || '%')
      and (${sql.join(roleConds, sql` or `)})
    group by u.id, u.display_name
    order by u.display_name, u.id
    limit 500`);
  return rs.map((r) => ({ id: Number(r.id), displayName: r.display_name, roles: r.roles.split(',') }));
}
