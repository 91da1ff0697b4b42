import type { Actor, RoleGrant } from '../access/actor.js';
import { inScope } from '../access/policy.js';
import { AppError, forbidden } from '../http/errors.js';
import { getWorkflow, type ActionDef, type WorkflowDefinition } from './definition.js';
import { WF_FA } from './fa.js';
import type { wfCases } from './schema.js';

/** A case row as the engine returns it. */
export type WorkflowCase = typeof wfCases.$inferSelect;
/** The fields of a case that decide who may act on it. */
export type CaseAccessFields = Pick<WorkflowCase, 'definition' | 'state' | 'divisionPath' | 'assigneeId' | 'createdById'>;

/** Does this grant carry one of the action's roles, at the action's level when it names one? (Scope aside.) */
export function grantMatches(g: RoleGrant, a: ActionDef): boolean {
  return a.roles.includes(g.role) && (!a.level || g.level === a.level);
}

/** True when `actor` holds one of `roles` with a scope containing `path` (inspection-style override). */
function holdsInScope(actor: Actor, roles: readonly string[] | undefined, path: string): boolean {
  return !!roles?.length && actor.grants.some((g) => roles.includes(g.role) && inScope(g.path, path));
}

/** Why an action is refused: a plain value, built into an {@link AppError} only when it is thrown. */
type Denial = () => AppError;
const unknownAction: Denial = () => new AppError(400, 'unknown_action', WF_FA.unknownAction);
const denyForbidden: Denial = () => forbidden();
const notCreator: Denial = () => new AppError(403, 'not_creator', WF_FA.notCreator);
const assignedToOther: Denial = () => new AppError(403, 'assigned_to_other', WF_FA.assignedToOther);
const invalidState = (state: string): Denial => () => new AppError(409, 'invalid_state', WF_FA.invalidState, undefined, { state });

/** {@link actionDenial} without building the error (an Error captures a stack trace: too dear for every button of every inbox row). */
function denialOf(def: WorkflowDefinition, c: CaseAccessFields, actionKey: string, actor: Actor): Denial | null {
  const a = Object.hasOwn(def.actions, actionKey) ? def.actions[actionKey]! : undefined;
  if (!a) return unknownAction;
  if (a.system) {
    if (actor.kind !== 'system') return denyForbidden;
    return a.from.includes(c.state) ? null : invalidState(c.state);
  }
  if (!actor.grants.some((g) => grantMatches(g, a) && inScope(g.path, c.divisionPath))) return denyForbidden;
  if (a.actorIsCreator && (actor.id == null || actor.id !== c.createdById)) return notCreator;
  if (!a.from.includes(c.state)) return invalidState(c.state);
  // A case handed back to a particular reviewer (after a resubmission) is theirs; others may not take it over,
  // except override roles (inspection) that hold the action's role as well.
  if (c.assigneeId != null && c.assigneeId !== actor.id && !holdsInScope(actor, def.overrideRoles, c.divisionPath)) return assignedToOther;
  return null;
}

/**
 * Why `actor` may not take `actionKey` on `c` now, as the error to throw — or null when they may. Order matters:
 * permission first (role at the right level, in scope; creator-only actions), so a person without access learns
 * nothing about the case's state; then state, then the assignee lock.
 *
 * A `system` action is the system actor's alone (403 for everyone else, whatever their roles); the system actor
 * needs no grant for it and is not held back by an assignee (it acts on the platform's behalf, e.g. auto-closing).
 */
export function actionDenial(def: WorkflowDefinition, c: CaseAccessFields, actionKey: string, actor: Actor): AppError | null {
  return denialOf(def, c, actionKey, actor)?.() ?? null;
}

/**
 * The action keys `actor` may take on `c` right now, in definition order. Responses carry them so the UI shows
 * only those buttons; the engine still checks everything again on transition.
 */
export function availableActions(c: CaseAccessFields, actor: Actor): string[] {
  const def = getWorkflow(c.definition);
  return Object.keys(def.actions).filter((k) => denialOf(def, c, k, actor) === null);
}
