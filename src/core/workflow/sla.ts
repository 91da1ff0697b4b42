import { and, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { appendAudit } from '../audit/audit.js';
import type { DbOrTx } from '../db/client.js';
import { cancelJob, enqueue, type JobContext, type JobWorker } from '../jobs/queue.js';
import { getWorkflow, type WorkflowDefinition } from './definition.js';
import { WF_FA } from './fa.js';
import { appendHistory } from './history.js';
import type { WorkflowCase } from './permissions.js';
import { actingRecipients, nearestRoleHolders, notifyRecipients, userRecipient, type Recipient } from './recipients.js';
import { handleRemindJob, REMIND_JOB_KIND, remindJobKey, scheduleReminder } from './remind.js';
import { wfCases } from './schema.js';

/** Job kind of SLA checks. */
export const SLA_JOB_KIND = 'workflow.sla';
/** One SLA job per case version: unique, so scheduling twice is harmless. */
export const slaJobKey = (caseId: string, version: number) => `sla:${caseId}:${version}`;

/**
 * Schedules the SLA check of `c`'s current state at its `dueAt` (nothing when the state has no deadline) and its
 * reminder (`sla.remindBefore`), and drops the not-yet-run jobs of the version it replaces. Called inside the
 * transition's transaction.
 */
export async function scheduleSla(tx: DbOrTx, c: WorkflowCase, previousVersion?: number): Promise<void> {
  if (previousVersion != null) {
    await cancelJob(tx, slaJobKey(c.id, previousVersion));
    await cancelJob(tx, remindJobKey(c.id, previousVersion));
  }
  if (!c.dueAt) return;
  await enqueue(tx, { kind: SLA_JOB_KIND, key: slaJobKey(c.id, c.version), payload: { caseId: c.id, version: c.version, state: c.state }, runAt: c.dueAt });
  await scheduleReminder(tx, c);
}

/** Registers the SLA and reminder handlers on a worker. Call once at start-up, on every instance that runs jobs. */
export function registerSlaJobs(worker: JobWorker): JobWorker {
  return worker.register(SLA_JOB_KIND, handleSlaJob).register(REMIND_JOB_KIND, handleRemindJob);
}

/** Who hears about a late case: see {@link handleSlaJob}. */
async function lateRecipients(tx: DbOrTx, def: WorkflowDefinition, c: WorkflowCase): Promise<Recipient[]> {
  const sla = def.states[c.state]!.sla!;
  const assignee = c.assigneeId != null ? await userRecipient(tx, c.assigneeId) : null;
  let people: Recipient[];
  if (sla.onLate === 'escalate') people = await nearestRoleHolders(tx, sla.escalateTo ?? [], c.divisionPath);
  else people = assignee ? [] : await actingRecipients(tx, def, c);
  const all = assignee ? [assignee, ...people] : people;
  return [...new Map(all.map((r) => [r.id, r])).values()];
}

/**
 * The SLA job: if the case is still in the state and version it was scheduled for and its deadline has passed,
 * marks it late — `escalated` + 1, a system history row 'sla.escalate', an audit event, and a message in the
 * outbox for the escalation roles' nearest holders ('escalate'), or for the people who can act ('notify');
 * the assignee, if any, is told in both cases. It does not change the state or the version (the reviewer's open
 * page stays valid) and runs once per state visit. Everything is written in the job's transaction.
 */
export async function handleSlaJob(payload: Record<string, unknown>, { tx }: Pick<JobContext, 'tx'>): Promise<void> {
  const caseId = String(payload.caseId);
  const version = Number(payload.version);
  const state = String(payload.state);
  const [current] = await tx.select().from(wfCases).where(eq(wfCases.id, caseId));
  if (!current || current.version !== version || current.state !== state) return; // it has moved on
  const def = getWorkflow(current.definition);
  if (!def.states[state]?.sla) return; // the definition no longer has a deadline here
  // Re-checked in the UPDATE itself: it takes the row lock, so a transition committing meanwhile wins cleanly.
  const [c] = await tx
    .update(wfCases)
    .set({ escalated: sql`${wfCases.escalated} + 1`, updatedAt: new Date() })
    .where(and(eq(wfCases.id, caseId), eq(wfCases.version, version), eq(wfCases.state, state), isNotNull(wfCases.dueAt), lte(wfCases.dueAt, sql`now()`)))
    .returning();
  if (!c) return;
  await appendHistory(tx, { caseId, action: 'sla.escalate', fromState: state, toState: state, actorId: null, system: true, assigneeId: c.assigneeId });
  const people = await lateRecipients(tx, def, c);
  const notified = await notifyRecipients(tx, people, WF_FA.lateSubject, WF_FA.lateBody(c.title, def.states[state]!.title, def.title));
  await appendAudit(tx, SYSTEM_ACTOR, {
    action: 'workflow.sla_escalated',
    entityType: 'wf_case',
    entityId: c.id,
    divisionPath: c.divisionPath,
    data: { definition: c.definition, state, dueAt: c.dueAt?.toISOString() ?? null, escalated: c.escalated, onLate: def.states[state]!.sla!.onLate, notified },
  });
}
