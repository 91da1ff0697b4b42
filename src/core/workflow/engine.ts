import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { appendAudit, auditedTransaction } from '../audit/audit.js';
import type { DbOrTx, Tx } from '../db/client.js';
import { conflict, notFound } from '../http/errors.js';
import { orgDivisions } from '../org/schema.js';
import { checkAssignee } from './assign.js';
import { addWorkingDays, loadHolidays } from './calendar.js';
import { clockOnEnter, slaDays } from './clock.js';
import { getWorkflow, type WorkflowDefinition } from './definition.js';
import { WF_FA } from './fa.js';
import { appendHistory } from './history.js';
import { checkInput } from './input.js';
import { actionDenial, type WorkflowCase } from './permissions.js';
import { scheduleSla } from './sla.js';
import { wfCases } from './schema.js';
import { isUuid } from '../db/ids.js';

export { availableActions, type WorkflowCase } from './permissions.js';
export { caseHistory } from './history.js';

/** Input of {@link openCase}. */
export interface OpenCaseInput {
  /** A registered definition, or its key. */
  definition: WorkflowDefinition | string;
  divisionId: number;
  /** The division's path; checked against `divisionId` (a wrong path would show the case to the wrong people). */
  divisionPath?: string;
  title: string;
  subjectRef?: string | null;
  /** The case's data; a state's `sla.dataKey` (e.g. `slaDays`) is read from it, also for the initial state. */
  data?: Record<string, unknown>;
  actor: Actor;
}

/**
 * Opens a case in the definition's initial state inside the caller's transaction (with the module's own record):
 * the case, history row seq 1 ('open'), its SLA job and the audit event `workflow.open`. The caller decides who
 * may open a case; the actor becomes the creator (the one who may take `actorIsCreator` actions later).
 */
export async function openCase(tx: DbOrTx, input: OpenCaseInput): Promise<WorkflowCase> {
  const def = getWorkflow(typeof input.definition === 'string' ? input.definition : input.definition.key);
  const [division] = await tx.select({ path: orgDivisions.path }).from(orgDivisions).where(eq(orgDivisions.id, input.divisionId));
  if (!division) throw new Error(`openCase: division ${input.divisionId} does not exist`);
  if (input.divisionPath != null && input.divisionPath !== division.path) throw new Error(`openCase: path ${input.divisionPath} is not division ${input.divisionId}'s`);
  const now = new Date();
  const sla = def.states[def.initial]!.sla;
  const dueAt = sla ? addWorkingDays(now, slaDays(sla, input.data), await loadHolidays(tx)) : null;
  const [c] = await tx
    .insert(wfCases)
    .values({
      definition: def.key, state: def.initial, divisionId: input.divisionId, divisionPath: division.path, title: input.title,
      subjectRef: input.subjectRef ?? null, data: input.data ?? {}, createdById: input.actor.id, dueAt, createdAt: now, updatedAt: now,
    })
    .returning();
  await appendHistory(tx, { caseId: c!.id, action: 'open', fromState: null, toState: def.initial, actorId: input.actor.id, system: input.actor.kind === 'system' });
  await scheduleSla(tx, c!);
  await appendAudit(tx, input.actor, { action: 'workflow.open', entityType: 'wf_case', entityId: c!.id, divisionPath: c!.divisionPath, data: { definition: def.key, state: def.initial, title: input.title } });
  return c!;
}

/** Input of {@link transition}. */
export interface TransitionInput {
  caseId: string;
  action: string;
  actor: Actor;
  /** The version the actor saw; a different current version means someone else acted first (409). */
  expectedVersion: number;
  comment?: string | null;
  documentIds?: string[];
  /** Merged (shallowly) into the case's `data` — before the SLA of the state entered is computed (`sla.dataKey`). */
  data?: Record<string, unknown>;
  /**
   * For an action with `assigns`: who holds the case next (must be able to work it there; 400 `invalid_assignee`).
   * "Take over" is the actor's own id. Given to any other action: 400 `assignee_not_allowed`.
   */
  assigneeId?: number | null;
  /** The module's own changes, run after the case is updated: they commit or roll back with the transition. */
  apply?: (tx: Tx, updated: WorkflowCase) => Promise<void>;
}

const versionConflict = () => conflict('version_conflict', WF_FA.versionConflict);

/**
 * Takes an action on a case, in one transaction: checks access (role at the action's level, scope, creator-only,
 * assignee lock; `system` actions only for the system actor), the version, the state, the required
 * comment/documents and the assignee of an assigning action; then moves the case with
 * `UPDATE … WHERE id AND version` (0 rows → 409 `version_conflict`: of two concurrent transitions exactly one
 * wins), writes the history row, runs `apply`, schedules the new state's SLA job and appends the audit event.
 *
 * Return for correction: a `returnForCorrection` action records who returned the case and from which state. The
 * later `resubmit` goes back to that state (its own `to` is only a fallback) and assigns the case to that
 * reviewer, so the same person re-reviews it; other reviewers get 403 `assigned_to_other` until it moves on.
 * An `assigns` action hands the case to `assigneeId`; as a self-loop it reassigns without touching the clock.
 */
export async function transition(db: DbOrTx, input: TransitionInput): Promise<WorkflowCase> {
  return auditedTransaction(db, async (tx) => {
    const [c] = isUuid(input.caseId) ? await tx.select().from(wfCases).where(eq(wfCases.id, input.caseId)) : [];
    if (!c) throw notFound(WF_FA.caseNoun);
    const def = getWorkflow(c.definition);
    const a = Object.hasOwn(def.actions, input.action) ? def.actions[input.action] : undefined;
    const denied = actionDenial(def, c, input.action, input.actor);
    // Who-you-are denials first (role, level, scope, creator); then the version; then denials that depend on the
    // case's current state (assignee lock, state): a reviewer acting on a stale page learns "someone acted
    // first" (409), not "assigned to someone else", when the two race.
    if ((denied?.status === 400 || denied?.status === 403) && denied.code !== 'assigned_to_other') throw denied;
    if (c.version !== input.expectedVersion) throw versionConflict();
    if (denied) throw denied;
    const { comment, documentIds } = await checkInput(tx, a!, input);
    const kind = a!.kind ?? 'normal';
    // A resubmission goes back where the case was returned from (if the definition still has that state).
    const back = c.returnedFromState != null && Object.hasOwn(def.states, c.returnedFromState) ? c.returnedFromState : null;
    const to = kind === 'resubmit' ? (back ?? a!.to) : a!.to;
    const assigneeId = await checkAssignee(tx, def, c, a!, to, input.assigneeId);
    const now = new Date();
    // The state's SLA may come from the data as this transition leaves it (sla.dataKey).
    const data = input.data ? { ...c.data, ...input.data } : c.data;
    const clock = clockOnEnter(def, { ...c, data }, to, now, await loadHolidays(tx));
    // Who holds the case next. Leaving a state releases it (the next step belongs to whoever has that role in
    // scope); a self-loop (a note) keeps it; return/resubmit route it as described above.
    const routing =
      kind === 'returnForCorrection' ? { assigneeId: null, returnedById: input.actor.id, returnedFromState: c.state }
      : kind === 'resubmit' ? { assigneeId: c.returnedById, returnedById: null, returnedFromState: null }
      : { assigneeId: to === c.state ? c.assigneeId : null, returnedById: c.returnedById, returnedFromState: c.returnedFromState };
    if (assigneeId !== undefined) routing.assigneeId = assigneeId; // an assigning action (never a return/resubmit)
    const [updated] = await tx
      .update(wfCases)
      .set({
        state: to, version: sql`${wfCases.version} + 1`, ...routing, ...clock, updatedAt: now,
        ...(input.data ? { data: sql`${wfCases.data} || ${JSON.stringify(input.data)}::jsonb` } : {}),
      })
      // The optimistic lock. Under concurrency the loser's UPDATE waits for the winner's row lock, then
      // re-checks `version` and matches nothing — it never overwrites the winner.
      .where(and(eq(wfCases.id, c.id), eq(wfCases.version, input.expectedVersion)))
      .returning();
    if (!updated) throw versionConflict();

    const system = input.actor.kind === 'system'; // e.g. auto-closing: actorId null
    await appendHistory(tx, { caseId: c.id, action: input.action, fromState: c.state, toState: to, actorId: input.actor.id, system, assigneeId: updated.assigneeId, comment, documentIds });
    if (input.apply) await input.apply(tx, updated);
    await scheduleSla(tx, updated, c.version);
    await appendAudit(tx, input.actor, {
      action: 'workflow.transition', entityType: 'wf_case', entityId: c.id, divisionPath: c.divisionPath,
      data: { definition: def.key, action: input.action, from: c.state, to, comment, documentIds, assigneeId: updated.assigneeId, version: updated.version },
    });
    return updated;
  });
}

/** One case by id, or null. The caller authorizes (e.g. with availableActions or a scope check on divisionPath). */
export async function getCase(db: DbOrTx, caseId: string): Promise<WorkflowCase | null> {
  if (!isUuid(caseId)) return null;
  const [c] = await db.select().from(wfCases).where(eq(wfCases.id, caseId));
  return c ?? null;
}
