import { isRole, ROLES } from '../access/roles.js';
import { DIVISION_LEVELS } from '../org/schema.js';
import type { ActionDef, WorkflowDefinition } from './definition.js';

/** Action names the engine writes itself into the history; a definition may not use them. */
export const RESERVED_ACTIONS = ['open', 'sla.escalate', 'sla.remind'] as const;

/**
 * The actions leaving `state` that somebody on staff is expected to take: not optional, not creator-only, not
 * system. Their roles are who "works" a case there (assignment candidates).
 */
export function workingActions(def: WorkflowDefinition, state: string): ActionDef[] {
  return Object.values(def.actions).filter((a) => a.from.includes(state) && !a.optional && !a.actorIsCreator && !a.system);
}

/** The states an action can lead to: its `to`, and for a resubmit every state a matching return can come from. */
export function possibleTargets(def: WorkflowDefinition, actionKey: string): string[] {
  const a = def.actions[actionKey]!;
  if (a.kind !== 'resubmit') return [a.to];
  const back = Object.values(def.actions)
    .filter((r) => r.kind === 'returnForCorrection' && a.from.includes(r.to))
    .flatMap((r) => r.from);
  return [...new Set([a.to, ...back])];
}

function reach(start: string[], next: (s: string) => string[]): Set<string> {
  const seen = new Set(start);
  const todo = [...start];
  while (todo.length) for (const n of next(todo.pop()!)) if (!seen.has(n)) (seen.add(n), todo.push(n));
  return seen;
}

/** Every problem of a definition, as readable lines (empty = valid). Used by defineWorkflow. */
export function validateDefinition(def: WorkflowDefinition): string[] {
  const p: string[] = [];
  const states = Object.keys(def.states ?? {});
  const actions = Object.entries(def.actions ?? {});
  const known = (s: string) => Object.hasOwn(def.states, s);
  if (!def.key || !/^[a-z][a-z0-9_.-]*$/.test(def.key)) p.push(`key "${def.key}" must be lowercase latin (a-z 0-9 _ . -)`);
  if (!def.title) p.push('title is missing');
  if (states.length === 0) p.push('no states');
  if (!def.initial || !known(def.initial)) p.push(`initial state "${def.initial}" is not a state`);
  else if (def.states[def.initial]!.final) p.push('the initial state is final');
  for (const r of def.overrideRoles ?? []) if (!isRole(r)) p.push(`overrideRoles: unknown role "${r}"`);

  for (const [name, s] of Object.entries(def.states ?? {})) {
    if (!s.title) p.push(`state ${name}: title is missing`);
    if (s.final && s.sla) p.push(`state ${name}: a final state cannot have an SLA`);
    if (s.final && s.pausesClock) p.push(`state ${name}: a final state cannot pause the clock`);
    if (s.sla) {
      if (!Number.isInteger(s.sla.workingDays) || s.sla.workingDays < 1 || s.sla.workingDays > 365) p.push(`state ${name}: sla.workingDays must be an integer 1..365`);
      if (s.sla.onLate === 'escalate' && !s.sla.escalateTo?.length) p.push(`state ${name}: sla.onLate 'escalate' needs escalateTo roles`);
      for (const r of s.sla.escalateTo ?? []) if (!isRole(r)) p.push(`state ${name}: unknown escalation role "${r}"`);
      if (s.sla.dataKey !== undefined && (typeof s.sla.dataKey !== 'string' || !s.sla.dataKey)) p.push(`state ${name}: sla.dataKey must be a non-empty string`);
      // Against the default length: a reminder at or before entering the state would never be sent.
      const rb = s.sla.remindBefore;
      if (rb !== undefined && (!Number.isInteger(rb) || rb < 1 || rb >= s.sla.workingDays)) p.push(`state ${name}: sla.remindBefore must be an integer from 1 to workingDays - 1`);
    }
  }

  for (const [name, a] of actions) {
    if ((RESERVED_ACTIONS as readonly string[]).includes(name)) p.push(`action ${name}: the name is reserved`);
    if (!a.title) p.push(`action ${name}: title is missing`);
    if (!a.from?.length) p.push(`action ${name}: no from states`);
    for (const f of a.from ?? []) {
      if (!known(f)) p.push(`action ${name}: unknown from state "${f}"`);
      else if (def.states[f]!.final) p.push(`action ${name}: leaves final state "${f}"`);
    }
    if (!known(a.to)) p.push(`action ${name}: unknown to state "${a.to}"`);
    if (a.system) {
      // Roles, a level or creator-only on a system action would suggest people could take it; they cannot.
      if (a.roles?.length) p.push(`action ${name}: a system action takes no roles (only the system actor may take it)`);
      if (a.level || a.actorIsCreator) p.push(`action ${name}: a system action cannot have a level or be creator-only`);
    } else if (!a.roles?.length) p.push(`action ${name}: no roles (nobody could take it)`);
    if (a.assigns !== undefined && a.assigns !== 'required' && a.assigns !== 'optional') p.push(`action ${name}: assigns must be 'required' or 'optional'`);
    // Return and resubmit route the case themselves (to the applicant, back to the returning reviewer).
    if (a.assigns && (a.kind === 'returnForCorrection' || a.kind === 'resubmit')) p.push(`action ${name}: a ${a.kind} action cannot assign`);
    for (const r of a.roles ?? []) {
      if (!isRole(r)) p.push(`action ${name}: unknown role "${r}"`);
      // A role that can never be bound at the required level would make the action silently untakeable for it.
      else if (a.level && !(ROLES[r].levels as readonly string[]).includes(a.level)) p.push(`action ${name}: role "${r}" cannot be bound at level "${a.level}"`);
    }
    if (a.level && a.level !== 'country' && !(DIVISION_LEVELS as readonly string[]).includes(a.level)) p.push(`action ${name}: unknown level "${a.level}"`);
    if (a.kind === 'resubmit') {
      const returns = actions.filter(([, r]) => r.kind === 'returnForCorrection' && a.from.includes(r.to));
      if (!returns.length) p.push(`action ${name}: resubmit from a state no returnForCorrection action leads to`);
    }
    if (a.kind === 'returnForCorrection' && !actions.some(([, r]) => r.kind === 'resubmit' && r.from.includes(a.to)))
      p.push(`action ${name}: returns to "${a.to}" but no resubmit action leaves it`);
  }
  if (p.length) return p; // the graph checks below assume known states

  const next = (s: string) => actions.filter(([, a]) => a.from.includes(s)).flatMap(([k]) => possibleTargets(def, k));
  const reachable = reach([def.initial], next);
  for (const s of states) if (!reachable.has(s)) p.push(`state ${s}: unreachable from the initial state`);
  const finals = states.filter((s) => def.states[s]!.final);
  if (!finals.length) p.push('no final state');
  // Walk the graph backwards from the final states: a state that cannot reach one would strand its cases.
  const prev = (s: string) => states.filter((x) => next(x).includes(s));
  const canFinish = reach(finals, prev);
  for (const s of states) if (!canFinish.has(s)) p.push(`state ${s}: no path to a final state`);
  // Assigning into a state nobody on staff works would refuse every assignee.
  for (const [name, a] of actions) if (a.assigns && !workingActions(def, a.to).length) p.push(`action ${name}: assigns, but no staff action leaves "${a.to}"`);
  return p;
}
