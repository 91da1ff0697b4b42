import { eq } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { appendAudit } from '../audit/audit.js';
import type { DbOrTx } from '../db/client.js';
import { formatJalaliDate } from '../fa/index.js';
import { enqueue, type JobContext } from '../jobs/queue.js';
import { loadHolidays, subtractWorkingDays } from './calendar.js';
import { getWorkflow } from './definition.js';
import { WF_FA } from './fa.js';
import { appendHistory } from './history.js';
import type { WorkflowCase } from './permissions.js';
import { actingRecipients, notifyRecipients, userRecipient } from './recipients.js';
import { wfCases } from './schema.js';

/** Job kind of reminders before a deadline. */
export const REMIND_JOB_KIND = 'workflow.remind';
/** One reminder per case version: unique, so scheduling twice is harmless; a transition cancels it by this key. */
export const remindJobKey = (caseId: string, version: number) => `remind:${caseId}:${version}`;

/**
 * Schedules the reminder of `c`'s current state, `sla.remindBefore` working days before its `dueAt` — none when
 * the state has no reminder or that moment has already passed (a short per-case SLA, a resumed clock with few
 * days left). Called by scheduleSla, inside the transition's transaction.
 */
export async function scheduleReminder(tx: DbOrTx, c: WorkflowCase): Promise<void> {
  const before = getWorkflow(c.definition).states[c.state]?.sla?.remindBefore;
  if (!before || !c.dueAt) return;
  const runAt = subtractWorkingDays(c.dueAt, before, await loadHolidays(tx));
  if (runAt.getTime() <= Date.now()) return;
  await enqueue(tx, { kind: REMIND_JOB_KIND, key: remindJobKey(c.id, c.version), payload: { caseId: c.id, version: c.version, state: c.state }, runAt });
}

/**
 * The reminder job: if the case is still in the state and version it was scheduled for and its deadline is still
 * ahead, tells the assignee — or, when nobody holds the case, the people who can act (as a late 'notify' does) —
 * that the deadline is near; writes a system history row 'sla.remind' and an audit event. It changes neither
 * the state nor the version (an open page stays valid). Everything is written in the job's transaction.
 */
export async function handleRemindJob(payload: Record<string, unknown>, { tx }: Pick<JobContext, 'tx'>): Promise<void> {
  const caseId = String(payload.caseId);
  const version = Number(payload.version);
  const state = String(payload.state);
  // FOR UPDATE: appendHistory relies on the case row lock to number rows, and a transition committing meanwhile
  // makes us see its new version and stop.
  const [c] = await tx.select().from(wfCases).where(eq(wfCases.id, caseId)).for('update');
  if (!c || c.version !== version || c.state !== state) return; // it has moved on
  const def = getWorkflow(c.definition);
  const sla = def.states[state]?.sla;
  // Already late (a backlogged worker): the SLA job speaks then; "the deadline is near" would be wrong.
  if (!sla?.remindBefore || !c.dueAt || c.dueAt.getTime() <= Date.now()) return;
  const assignee = c.assigneeId != null ? await userRecipient(tx, c.assigneeId) : null;
  const people = assignee ? [assignee] : await actingRecipients(tx, def, c);
  await appendHistory(tx, { caseId, action: 'sla.remind', fromState: state, toState: state, actorId: null, system: true, assigneeId: c.assigneeId });
  const body = WF_FA.remindBody(c.title, def.states[state]!.title, def.title, formatJalaliDate(c.dueAt));
  const notified = await notifyRecipients(tx, people, WF_FA.remindSubject, body);
  await appendAudit(tx, SYSTEM_ACTOR, {
    action: 'workflow.sla_reminded',
    entityType: 'wf_case',
    entityId: c.id,
    divisionPath: c.divisionPath,
    data: { definition: c.definition, state, dueAt: c.dueAt.toISOString(), remindBefore: sla.remindBefore, notified },
  });
}
