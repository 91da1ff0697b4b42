import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { rows, type DbOrTx, sqlList } from '../db/client.js';
import { listWorkflows, type WorkflowDefinition } from './definition.js';
import { availableActions, grantMatches } from './permissions.js';

/** Filters of {@link inbox}. */
export interface InboxQuery {
  definition?: string;
  state?: string;
  overdueOnly?: boolean;
  /** Free text matched (Persian-normalized) in the title, or exactly against subject_ref. */
  q?: string;
  limit?: number;
  offset?: number;
}

/** One line of an inbox, with the actions the actor may take on it now. */
export interface InboxItem {
  id: string;
  definition: string;
  state: string;
  title: string;
  subjectRef: string | null;
  divisionId: number;
  divisionPath: string;
  version: number;
  assigneeId: number | null;
  createdById: number | null;
  dueAt: Date | null;
  overdue: boolean;
  escalated: number;
  createdAt: Date;
  updatedAt: Date;
  actions: string[];
}

/**
 * The SQL condition "some action awaits the actor on this case", mirroring actionDenial: for each
 * (definition, grant scope) the states some non-optional, non-system action leaves that the grant's role may take
 * at its level, with the case inside that scope; creator-only actions only on the actor's own cases; never a case
 * assigned to someone else. No grant → `false`. Exported so lists elsewhere can reuse exactly the same rule.
 */
export function inboxCondition(actor: Actor, defs: WorkflowDefinition[] = listWorkflows()): SQL {
  const parts: SQL[] = [];
  for (const def of defs) {
    // (scope path, creator-only?) → states; grouping keeps the SQL one branch per scope, not per grant.
    const byScope = new Map<string, { path: string; own: boolean; states: Set<string> }>();
    for (const g of actor.grants) {
      for (const a of Object.values(def.actions)) {
        if (a.optional || a.system || !grantMatches(g, a) || (a.actorIsCreator && actor.id == null)) continue;
        const k = `${g.path}|${a.actorIsCreator ? 1 : 0}`;
        const e = byScope.get(k) ?? { path: g.path, own: !!a.actorIsCreator, states: new Set<string>() };
        a.from.forEach((s) => e.states.add(s));
        byScope.set(k, e);
      }
    }
    for (const e of byScope.values()) {
      const scope = e.path === '/' ? sql`true` : sql`division_path like ${e.path + '%'}`;
      const own = e.own ? sql` and created_by_id = ${actor.id}` : sql``;
      parts.push(sql`(definition = ${def.key} and state in (${sqlList(e.states)}) and ${scope}${own})`);
    }
  }
  if (!parts.length) return sql`false`;
  const free = actor.id == null ? sql`assignee_id is null` : sql`(assignee_id is null or assignee_id = ${actor.id})`;
  return sql`((${sql.join(parts, sql` or `)}) and ${free})`;
}

// An unknown definition filter is an empty inbox, not a server error.
function definitionsFor(key?: string): WorkflowDefinition[] {
  return key ? listWorkflows().filter((d) => d.key === key) : listWorkflows();
}

const asDate = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));

/**
 * What `actor` can act on now, most urgent first (due date, nulls last), as one SQL query over `wf_cases`
 * returning the page and the total together. Each item carries its available actions.
 */
export async function inbox(db: DbOrTx, actor: Actor, query: InboxQuery = {}): Promise<{ items: InboxItem[]; total: number }> {
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 200);
  const offset = Math.max(query.offset ?? 0, 0);
  const filters: SQL[] = [inboxCondition(actor, definitionsFor(query.definition))];
  if (query.state) filters.push(sql`state = ${query.state}`);
  if (query.overdueOnly) filters.push(sql`due_at < now()`);
  const q = query.q?.trim();
  if (q) filters.push(sql`(strpos(fa_normalize(title), fa_normalize(${q})) > 0 or subject_ref = ${q})`);
  const rs = await rows<Record<string, unknown>>(db, sql`
    with m as (
      select id, definition, state, title, subject_ref, division_id, division_path, version, assignee_id, created_by_id,
             due_at, due_at < now() as overdue, escalated, created_at, updated_at
      from wf_cases where ${sql.join(filters, sql` and `)})
    select t.total, p.* from (select count(*)::int as total from m) t
    left join lateral (select * from m order by due_at asc nulls last, created_at, id limit ${limit} offset ${offset}) p on true
    order by p.due_at asc nulls last, p.created_at, p.id`);
  const total = Number(rs[0]?.total ?? 0);
  const items = rs.filter((r) => r.id != null).map((r): InboxItem => {
    const item = {
      id: String(r.id), definition: String(r.definition), state: String(r.state), title: String(r.title),
      subjectRef: (r.subject_ref as string | null) ?? null, divisionId: Number(r.division_id), divisionPath: String(r.division_path),
      version: Number(r.version), assigneeId: r.assignee_id == null ? null : Number(r.assignee_id),
      createdById: r.created_by_id == null ? null : Number(r.created_by_id), dueAt: asDate(r.due_at), overdue: r.overdue === true,
      escalated: Number(r.escalated), createdAt: asDate(r.created_at)!, updatedAt: asDate(r.updated_at)!, actions: [] as string[],
    };
    item.actions = availableActions(item, actor);
    return item;
  });
  return { items, total };
}

/** Per definition, how many cases await the actor and how many of them are overdue (the home page tiles). */
export async function inboxCounts(db: DbOrTx, actor: Actor): Promise<{ definition: string; total: number; overdue: number }[]> {
  const rs = await rows<{ definition: string; total: unknown; overdue: unknown }>(db, sql`
    select definition, count(*)::int as total, (count(*) filter (where due_at < now()))::int as overdue
    from wf_cases where ${inboxCondition(actor)} group by definition order by definition`);
  return rs.map((r) => ({ definition: r.definition, total: Number(r.total), overdue: Number(r.overdue) }));
}
