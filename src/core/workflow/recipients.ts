import { sql } from 'drizzle-orm';
import type { Role } from '../access/roles.js';
import { rows, type DbOrTx, sqlList } from '../db/client.js';
import { notify } from '../notify/outbox.js';
import type { WorkflowDefinition } from './definition.js';
import type { WorkflowCase } from './permissions.js';

/** A person to notify. */
export interface Recipient {
  id: number;
  displayName: string;
  mobile: string | null;
  email: string | null;
}

/**
 * Active staff who hold one of `roles` with a scope containing `path` — for each role only the holders bound
 * nearest to the case (deepest scope). Why nearest: a late case in a district should reach that province's
 * reviewers, not every national holder of the role as well.
 */
export async function nearestRoleHolders(db: DbOrTx, roles: readonly Role[], path: string): Promise<Recipient[]> {
  if (!roles.length) return [];
  const rs = await rows<{ id: number; display_name: string; mobile: string | null; email: string | null }>(db, sql`
    select distinct id, display_name, mobile, email from (
      select u.id, u.display_name, u.mobile, u.email,
             rank() over (partition by r.role order by coalesce(d.depth, 0) desc) as nearness
      from auth_user_roles r
      join auth_users u on u.id = r.user_id
      left join org_divisions d on d.id = r.division_id
      where u.kind = 'staff' and not u.disabled
        and r.role in (${sqlList(roles)})
        and (r.division_id is null or ${path} like (d.path || '%'))
    ) held where nearness = 1
    order by id`);
  return rs.map((r) => ({ id: Number(r.id), displayName: r.display_name, mobile: r.mobile, email: r.email }));
}

/** One user as a recipient (e.g. the assignee), or null when missing or disabled. */
export async function userRecipient(db: DbOrTx, userId: number): Promise<Recipient | null> {
  const [r] = await rows<{ id: number; display_name: string; mobile: string | null; email: string | null }>(db, sql`
    select id, display_name, mobile, email from auth_users where id = ${userId} and not disabled`);
  return r ? { id: Number(r.id), displayName: r.display_name, mobile: r.mobile, email: r.email } : null;
}

/**
 * The people who can act on `c` in its current state: the nearest holders of the staff roles of the actions
 * leaving it (creator-only ones aside) — or, in a state only the applicant can leave (e.g. a correction
 * deadline), the applicant. Used by the late ('notify') and reminder messages.
 */
export async function actingRecipients(db: DbOrTx, def: WorkflowDefinition, c: WorkflowCase): Promise<Recipient[]> {
  const acting = Object.values(def.actions).filter((a) => a.from.includes(c.state));
  const staffRoles = [...new Set(acting.filter((a) => !a.actorIsCreator).flatMap((a) => a.roles))] as Role[];
  if (staffRoles.length || c.createdById == null) return nearestRoleHolders(db, staffRoles, c.divisionPath);
  return [await userRecipient(db, c.createdById)].filter((r): r is Recipient => !!r);
}

/** Puts one message per recipient in the outbox (SMS when they have a mobile, else email); returns who got one. */
export async function notifyRecipients(db: DbOrTx, people: Recipient[], subject: string, body: string): Promise<number[]> {
  const notified: number[] = [];
  for (const p of people) {
    if (p.mobile) await notify(db, { channel: 'sms', to: p.mobile, body });
    else if (p.email) await notify(db, { channel: 'email', to: p.email, subject, body });
    else continue;
    notified.push(p.id);
  }
  return notified;
}
