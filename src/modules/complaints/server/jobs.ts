import { eq } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../../../core/access/actor.js';
import type { DbOrTx } from '../../../core/db/client.js';
import { cancelJob, enqueue, type JobContext, type JobWorker } from '../../../core/jobs/queue.js';
import { getCase, transition } from '../../../core/workflow/engine.js';
import { complaints } from './schema.js';
import { satisfactionWindowEnd } from './settings.js';
import { isUuid } from '../../../core/db/ids.js';

/** Job kind of the automatic close after the satisfaction window. */
export const AUTO_CLOSE_JOB = 'complaints.autoclose';
/** One job per answer: a case answered again after a reopen gets its own job, and the old one finds nothing to do. */
export const autoCloseJobKey = (complaintId: string, answeredAt: Date) => `complaints.autoclose:${complaintId}:${answeredAt.getTime()}`;

/**
 * Schedules the automatic close of an answered complaint at the end of its satisfaction window
 * (COMPLAINT_REOPEN_DAYS after `answeredAt`). Call it inside the transaction that records the answer (the
 * `answer` transition's `apply`, after setting `complaints.answered_at` to the same instant), so the job exists
 * exactly when the answer does. Scheduling the same answer twice is harmless.
 */
export async function scheduleAutoClose(tx: DbOrTx, complaint: { id: string; caseId?: string }, answeredAt: Date): Promise<void> {
  await enqueue(tx, {
    kind: AUTO_CLOSE_JOB,
    key: autoCloseJobKey(complaint.id, answeredAt),
    payload: { complaintId: complaint.id, answeredAt: answeredAt.toISOString() },
    runAt: satisfactionWindowEnd(answeredAt),
  });
}

/** Drops the pending auto-close of an answer (the citizen rated, reopened or withdrew first). */
export async function cancelAutoClose(tx: DbOrTx, complaint: { id: string; answeredAt: Date | null }): Promise<void> {
  if (complaint.answeredAt) await cancelJob(tx, autoCloseJobKey(complaint.id, complaint.answeredAt));
}

/**
 * The auto-close job: when the complaint is still `answered` by the answer the job was scheduled for (not
 * reopened and answered again since), the system takes `auto_close` and stamps `closed_at` — in the job's
 * transaction. Anything else (rated, reopened, withdrawn, answered again later) means there is nothing to do.
 */
export async function handleAutoClose(payload: Record<string, unknown>, { tx }: Pick<JobContext, 'tx'>): Promise<void> {
  const complaintId = String(payload.complaintId);
  const answeredAt = new Date(String(payload.answeredAt));
  if (!isUuid(complaintId) || Number.isNaN(answeredAt.getTime())) return;
  const [complaint] = await tx.select().from(complaints).where(eq(complaints.id, complaintId));
  // Within a second: the answer's instant may have been stored with microseconds.
  if (!complaint?.answeredAt || Math.abs(complaint.answeredAt.getTime() - answeredAt.getTime()) >= 1000) return;
  const c = await getCase(tx, complaint.caseId);
  if (!c || c.state !== 'answered') return;
  await transition(tx, {
    caseId: c.id, action: 'auto_close', actor: SYSTEM_ACTOR, expectedVersion: c.version,
    apply: async (t) => {
      const now = new Date();
      await t.update(complaints).set({ closedAt: now, updatedAt: now }).where(eq(complaints.id, complaint.id));
    },
  });
}

/** Registers the module's job handlers on a worker (the module's `registerJobs`). */
export function registerComplaintJobs(worker: JobWorker): void {
  worker.register(AUTO_CLOSE_JOB, handleAutoClose);
}
