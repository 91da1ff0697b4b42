import { and, eq } from 'drizzle-orm';
import { inScope } from '../access/policy.js';
import { authUsers } from '../auth/schema.js';
import { loadGrants } from '../auth/sessions.js';
import type { DbOrTx } from '../db/client.js';
import { badRequest } from '../http/errors.js';
import type { ActionDef, WorkflowDefinition } from './definition.js';
import { WF_FA } from './fa.js';
import { grantMatches, type WorkflowCase } from './permissions.js';
import { workingActions } from './validate.js';

const invalidAssignee = () => badRequest('invalid_assignee', WF_FA.invalidAssignee);

/**
 * Could user `userId` work case `c` in state `to`? True when they are active staff holding a grant that matches
 * (role, and level when the action names one) one of the staff actions leaving `to`, with a scope containing
 * the case's division — the same rule the inbox and actionDenial apply, so the assignee will see the case.
 */
export async function canWorkOn(tx: DbOrTx, def: WorkflowDefinition, c: Pick<WorkflowCase, 'divisionPath'>, to: string, userId: number): Promise<boolean> {
  const [user] = await tx.select({ id: authUsers.id }).from(authUsers)
    .where(and(eq(authUsers.id, userId), eq(authUsers.kind, 'staff'), eq(authUsers.disabled, false)));
  if (!user) return false;
  const grants = await loadGrants(tx, userId);
  return workingActions(def, to).some((a) => grants.some((g) => grantMatches(g, a) && inScope(g.path, c.divisionPath)));
}

/**
 * The assignee action `a` sets when moving `c` to `to`, checked in the transition's transaction — or undefined
 * when it sets none (a non-assigning action, or an 'optional' one without `assigneeId`: the default routing
 * applies). Throws 400 `assignee_not_allowed` (an assignee for an action that does not assign),
 * `assignee_required`, or `invalid_assignee` (not someone who could work the case next).
 */
export async function checkAssignee(
  tx: DbOrTx, def: WorkflowDefinition, c: WorkflowCase, a: ActionDef, to: string, assigneeId: number | null | undefined,
): Promise<number | undefined> {
  if (!a.assigns) {
    if (assigneeId != null) throw badRequest('assignee_not_allowed', WF_FA.assigneeNotAllowed);
    return undefined;
  }
  if (assigneeId == null) {
    if (a.assigns === 'required') throw badRequest('assignee_required', WF_FA.assigneeRequired);
    return undefined;
  }
  // Checked before the query: the id comes from a request body and must fit the integer column.
  if (!Number.isInteger(assigneeId) || assigneeId < 1 || assigneeId > 2_147_483_647) throw invalidAssignee();
  if (!(await canWorkOn(tx, def, c, to, assigneeId))) throw invalidAssignee();
  return assigneeId;
}
