import { sql } from 'drizzle-orm';
import pino, { type Logger } from 'pino';
import { rows, type Db, type Tx, sqlList } from '../db/client.js';

/** The logger a worker writes to (pino, or anything with the same three methods). */
export type Log = Pick<Logger, 'info' | 'warn' | 'error'>;

/** A job as claimed by a worker. `attempts` counts this run. */
export interface ClaimedJob {
  id: number;
  kind: string;
  key: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
}

/**
 * What a handler gets besides the payload. Do all database work through `tx`: the job is marked done in that same
 * transaction, so its effects and its completion commit together (a crash in between retries the whole job, never
 * half of it). Never use another handle from inside a handler — on PGlite that would wait on this transaction forever.
 */
export interface JobContext {
  tx: Tx;
  job: ClaimedJob;
  log: Log;
}

/** Runs one job. Throwing rolls back its work and schedules a retry (or fails the job after its last attempt). */
export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

/** Worker tuning. */
export interface WorkerOptions {
  log?: Log;
  /** How long a claim holds before another worker may take the job over (a crashed worker's jobs). Default 300 s. */
  leaseSeconds?: number;
  /** Delay before retry number `attempt` + 1. Default 30 s × 2^(attempt−1), at most an hour. */
  backoffMs?: (attempt: number) => number;
}

/** What one round did. */
export interface RunStats {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
  /** Runs rolled back because another worker had taken the job over (lease expired). */
  lost: number;
}

class LeaseLost extends Error {}

const defaultBackoff = (attempt: number) => Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempt - 1));

/**
 * Runs jobs from the `jobs` table. Any number of workers (in one process or many instances) can poll the same
 * table: a job is claimed with `FOR UPDATE SKIP LOCKED` and a lease, and its completion is committed together with
 * its handler's work, guarded by the attempt number — so each job's effects are committed exactly once, even
 * when a lease expires and another worker takes the job over (the slower run rolls back).
 */
export class JobWorker {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly log: Log;
  private readonly leaseSeconds: number;
  private readonly backoffMs: (attempt: number) => number;
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private stopped = true;

  constructor(opts: WorkerOptions = {}) {
    this.log = opts.log ?? pino({ name: 'jobs' });
    this.leaseSeconds = opts.leaseSeconds ?? 300;
    this.backoffMs = opts.backoffMs ?? defaultBackoff;
  }

  /** Registers the handler of a job kind. This worker claims only kinds it has a handler for. */
  register(kind: string, handler: JobHandler): this {
    if (this.handlers.has(kind)) throw new Error(`job kind "${kind}" already has a handler`);
    this.handlers.set(kind, handler);
    return this;
  }

  /** Claims up to `limit` due jobs and runs them one after the other. Returns what happened. */
  async runOnce(db: Db, limit = 10): Promise<RunStats> {
    const stats: RunStats = { claimed: 0, done: 0, retried: 0, failed: 0, lost: 0 };
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return stats;
    const kindList = sqlList(kinds);
    // A job whose lease ran out after its last attempt (its worker died every time) will not be retried.
    await db.execute(sql`update jobs set status = 'failed', locked_until = null, last_error = coalesce(last_error, 'lease expired on the last attempt')
      where status = 'running' and locked_until < now() and attempts >= max_attempts and kind in (${kindList})`);
    const claimed = await rows<Record<string, unknown>>(db, sql`
      update jobs set status = 'running', locked_until = now() + ${this.leaseSeconds}::int * interval '1 second', attempts = attempts + 1
      where id in (
        select id from jobs
        where kind in (${kindList})
          and ((status = 'pending' and run_at <= now()) or (status = 'running' and locked_until < now() and attempts < max_attempts))
        order by run_at limit ${limit}
        for update skip locked)
      returning id, kind, key, payload, attempts, max_attempts`);
    stats.claimed = claimed.length;
    for (const r of claimed) {
      const job: ClaimedJob = {
        id: Number(r.id),
        kind: String(r.kind),
        key: (r.key as string | null) ?? null,
        payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
        attempts: Number(r.attempts),
        maxAttempts: Number(r.max_attempts),
      };
      const outcome = await this.runJob(db, job);
      stats[outcome]++;
    }
    return stats;
  }

  private async runJob(db: Db, job: ClaimedJob): Promise<'done' | 'retried' | 'failed' | 'lost'> {
    const handler = this.handlers.get(job.kind)!;
    try {
      await db.transaction(async (tx) => {
        await handler(job.payload, { tx, job, log: this.log });
        const marked = await rows(tx, sql`update jobs set status = 'done', done_at = now(), locked_until = null, last_error = null
          where id = ${job.id} and status = 'running' and attempts = ${job.attempts} returning id`);
        // Someone else took the job over after our lease ran out: undo our run, theirs counts.
        if (marked.length === 0) throw new LeaseLost();
      });
      return 'done';
    } catch (e) {
      if (e instanceof LeaseLost) {
        this.log.warn({ jobId: job.id, kind: job.kind }, 'job lease lost; this run was rolled back');
        return 'lost';
      }
      const last = job.attempts >= job.maxAttempts;
      const message = (e instanceof Error ? e.stack ?? e.message : String(e)).slice(0, 2000);
      this.log.error({ jobId: job.id, kind: job.kind, attempt: job.attempts, err: e }, last ? 'job failed for good' : 'job failed; will retry');
      await db.execute(sql`update jobs set
          status = ${last ? 'failed' : 'pending'},
          run_at = now() + ${Math.round(this.backoffMs(job.attempts))}::int * interval '1 millisecond',
          locked_until = null, last_error = ${message}
        where id = ${job.id} and status = 'running' and attempts = ${job.attempts}`);
      return last ? 'failed' : 'retried';
    }
  }

  /**
   * Polls every `intervalMs` until {@link stop}. A round that finds a full batch goes again at once. Errors (the
   * database is away, …) are logged and the loop carries on: a worker never brings the process down.
   */
  start(db: Db, intervalMs = 5_000, batch = 20): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = async (): Promise<void> => {
      try {
        while (!this.stopped && (await this.runOnce(db, batch)).claimed === batch);
      } catch (e) {
        this.log.error({ err: e }, 'job worker round failed');
      }
      if (this.stopped) return;
      this.timer = setTimeout(() => void (this.current = tick()), intervalMs);
      this.timer.unref(); // a pending poll must not keep a finished process alive
    };
    this.current = tick();
  }

  /** Stops polling and waits for the round in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current;
  }
}
