import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { jobs } from './schema.js';

export { JobWorker, type JobContext, type JobHandler, type WorkerOptions, type RunStats } from './worker.js';

/** A job to schedule. `key` makes scheduling idempotent: a second job with the same key is not added. */
export interface EnqueueInput {
  kind: string;
  key?: string;
  payload?: Record<string, unknown>;
  /** When it becomes due (default: now). */
  runAt?: Date;
  maxAttempts?: number;
}

/**
 * Schedules a job. Pass the transaction of the change that calls for it, so the job exists exactly when the change
 * commits. Returns the new job's id, or null when a job with the same key already exists (ON CONFLICT DO NOTHING).
 */
export async function enqueue(tx: DbOrTx, job: EnqueueInput): Promise<number | null> {
  const [row] = await tx
    .insert(jobs)
    .values({
      kind: job.kind,
      key: job.key ?? null,
      payload: job.payload ?? {},
      ...(job.runAt ? { runAt: job.runAt } : {}),
      ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
    })
    .onConflictDoNothing({ target: jobs.key })
    .returning({ id: jobs.id });
  return row?.id ?? null;
}

/**
 * Removes a job that has not started yet (e.g. the SLA job of a state the case just left), so the queue does not
 * fill with jobs that would only find nothing to do. A running or finished job is left alone. Returns whether one went.
 */
export async function cancelJob(tx: DbOrTx, key: string): Promise<boolean> {
  const gone = await tx.delete(jobs).where(and(eq(jobs.key, key), eq(jobs.status, 'pending'))).returning({ id: jobs.id });
  return gone.length > 0;
}

/** Counts of jobs by status (for the operator page and tests). */
export async function jobCounts(db: Db): Promise<Record<string, number>> {
  const rs = await db.select({ status: jobs.status, n: sql<number>`count(*)::int` }).from(jobs).groupBy(jobs.status);
  return Object.fromEntries(rs.map((r) => [r.status, Number(r.n)]));
}
