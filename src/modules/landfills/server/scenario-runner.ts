// Solves queued planning scenarios off the request path. A scenario is claimed atomically (`for update skip
// locked`, so two server processes on one PostgreSQL never take the same one), solved in a worker thread
// (plan-worker.ts) so the event loop stays free, and its progress written at most every PROGRESS_EVERY_MS with
// short single statements (PGlite has one connection: never hold a transaction open during a solve). One
// scenario at a time per process by default, which leaves the other cores to the requests.
//
// Every write after the claim is guarded by the claim's `started_at`: if a restarted process re-queued and
// re-claimed a scenario this one is still solving, only the newer run's writes land.
import { Worker } from 'node:worker_threads';
import { and, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import type { Db } from '../../../core/db/client.js';
import type { Log } from '../../../core/jobs/worker.js';
import type { ScenarioProgress, ScenarioResult } from '../api-types.js';
import type { PlanPhase, PlanProgress } from './plan.js';
import type { PlanJob, PlanWorkerMessage } from './plan-worker.js';
import { landfillScenarios } from './schema.js';

/** At most one progress write per this many milliseconds and scenario. */
export const PROGRESS_EVERY_MS = 500;
/** A solve stops at its time limit (default 50 s); a worker still busy this long after it is stopped. */
const WATCHDOG_GRACE_MS = 120_000;
const DEFAULT_TIME_LIMIT_S = 50;

export const PHASE_TITLES: Record<PlanPhase, string> = {
  prepare: 'آماده‌سازی داده‌ها',
  exact: 'حل دقیق',
  greedy: 'ساخت برنامهٔ اولیه',
  'local-search': 'بهبود برنامه با جابه‌جایی مراکز',
  bound: 'محاسبهٔ کران پایین',
  vns: 'جست‌وجوی برنامهٔ بهتر',
  capacity: 'رعایت ظرفیت مراکز',
  done: 'پایان حل',
};

export const RUN_FA = {
  crashed: 'حل سناریو به‌دلیل خطای داخلی متوقف شد. دوباره سناریو را بسازید و اگر تکرار شد به پشتیبانی خبر دهید.',
  timeout: 'حل سناریو بیش از زمان مجاز طول کشید و متوقف شد. سقف زمان حل را کمتر کنید یا محدوده را کوچک‌تر بگیرید.',
};

const progressOf = (p: PlanProgress): ScenarioProgress => ({
  phase: p.phase,
  phaseTitle: PHASE_TITLES[p.phase] ?? p.phase,
  fraction: p.fraction,
  best: p.best,
  lowerBound: p.lowerBound,
  elapsedMs: p.elapsedMs,
});

// The worker's file next to this one: `.ts` when running from sources (vitest, tsx), `.js` from the built dist/.
const WORKER_URL = new URL(`./plan-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

function spawnWorker(job: PlanJob): Worker {
  if (WORKER_URL.pathname.endsWith('.js')) return new Worker(WORKER_URL, { workerData: job });
  // From TypeScript sources. Node 20 does not apply loader hooks given as `execArgv: ['--import', 'tsx']` to a
  // worker's own entry file (ERR_UNKNOWN_FILE_EXTENSION), so a two-line bootstrap registers tsx, then imports it.
  // tsx is found from this file (an eval'd worker would resolve it from the working directory).
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(boot, { eval: true, workerData: job });
}

interface Claimed {
  id: number;
  startedAt: Date;
  job: PlanJob;
}

export class ScenarioRunner {
  private readonly log: Log;
  private readonly maxWorkers: number;
  private readonly loops = new Set<Promise<void>>();
  private readonly active = new Map<number, Worker>();
  private pending = false;
  private closed = false;

  constructor(
    private readonly db: Db,
    opts: { log?: Log; maxWorkers?: number } = {},
  ) {
    this.log = opts.log ?? pino({ name: 'landfills.scenarios' });
    this.maxWorkers = Math.max(1, Math.trunc(opts.maxWorkers ?? 1));
  }

  /** There may be queued scenarios: solve them (returns at once; the work goes on in the background). */
  kick(): void {
    if (this.closed) return;
    this.pending = true;
    if (this.loops.size >= this.maxWorkers) return; // a running loop looks again when it is done
    const loop: Promise<void> = this.loop()
      .catch((e: unknown) => this.log.error({ err: e }, 'scenario runner loop failed'))
      .finally(() => this.loops.delete(loop));
    this.loops.add(loop);
  }

  /** Waits until nothing is left to claim and every solve this process started has finished. */
  async drain(): Promise<void> {
    while (this.loops.size) await Promise.all([...this.loops]);
  }

  /**
   * At start-up: scenarios left `running` by a process that died are queued again, then solved. (With several
   * processes, one starting while another solves re-queues that solve too; the guarded writes keep one result.)
   */
  async resume(): Promise<void> {
    const requeued = await this.db
      .update(landfillScenarios)
      .set({ state: 'queued', startedAt: null, progress: null })
      .where(eq(landfillScenarios.state, 'running'))
      .returning({ id: landfillScenarios.id });
    if (requeued.length) this.log.warn({ ids: requeued.map((r) => r.id) }, 'scenarios left running by a stopped process are queued again');
    this.kick();
  }

  /** Stops: claims nothing more, stops the solves in progress and puts them back in the queue for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.active.values()].map((w) => w.terminate()));
    await this.drain();
  }

  private async loop(): Promise<void> {
    while (!this.closed) {
      this.pending = false;
      const claimed = await this.claim();
      if (!claimed) {
        if (this.pending && !this.closed) continue;
        return;
      }
      await this.solve(claimed);
    }
  }

  private async claim(): Promise<Claimed | null> {
    const t = landfillScenarios;
    const startedAt = new Date();
    const [row] = await this.db
      .update(t)
      .set({ state: 'running', startedAt, progress: progressOf({ phase: 'prepare', elapsedMs: 0, best: null, lowerBound: null, fraction: 0 }), error: null })
      .where(and(eq(t.state, 'queued'), eq(t.id, sql`(select id from landfill_scenarios where state = 'queued' order by id limit 1 for update skip locked)`)))
      .returning({ id: t.id, input: t.input, labels: t.labels });
    if (!row) return null;
    const names: Record<string, string> = {};
    const existingSiteIds: string[] = [];
    for (const [id, s] of Object.entries(row.labels.sites)) {
      names[id] = s.name;
      if (s.existing) existingSiteIds.push(id);
    }
    for (const [id, v] of Object.entries(row.labels.villages)) names[id] = v.name;
    return { id: row.id, startedAt, job: { kind: 'landfill-plan', input: row.input, names, existingSiteIds } };
  }

  /** The guard of every write of this run: still ours, still running. */
  private mine(c: Claimed) {
    const t = landfillScenarios;
    return and(eq(t.id, c.id), eq(t.state, 'running'), eq(t.startedAt, c.startedAt));
  }

  private async solve(c: Claimed): Promise<void> {
    const t = landfillScenarios;
    if (this.closed) {
      // closed while claiming: leave it for the next start
      await this.db.update(t).set({ state: 'queued', startedAt: null, progress: null }).where(this.mine(c));
      return;
    }
    this.log.info({ scenarioId: c.id, villages: c.job.input.villages.length, sites: c.job.input.sites.length }, 'solving scenario');
    let worker: Worker;
    try {
      worker = spawnWorker(c.job);
    } catch (e) {
      this.log.error({ err: e, scenarioId: c.id }, 'could not start the plan worker');
      await this.db.update(t).set({ state: 'failed', error: RUN_FA.crashed, finishedAt: new Date() }).where(this.mine(c));
      return;
    }
    this.active.set(c.id, worker);

    // progress: a report, written at most every PROGRESS_EVERY_MS, one write at a time
    let lastWrite = 0;
    let writing: Promise<void> = Promise.resolve();
    let inFlight = false;
    const writeProgress = (p: ScenarioProgress) => {
      inFlight = true;
      lastWrite = Date.now();
      writing = this.db
        .update(t)
        .set({ progress: p })
        .where(this.mine(c))
        .then(() => undefined, (e: unknown) => this.log.warn({ err: e, scenarioId: c.id }, 'scenario progress not written'))
        .finally(() => (inFlight = false));
    };

    const timeLimitMs = (c.job.input.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_S) * 1000;
    await new Promise<void>((resolve) => {
      let settled = false;
      let timedOut = false;
      const watchdog = setTimeout(() => {
        timedOut = true;
        void worker.terminate();
      }, timeLimitMs + WATCHDOG_GRACE_MS);
      watchdog.unref();
      const finish = (write: () => Promise<unknown>) => {
        if (settled) return;
        settled = true;
        clearTimeout(watchdog);
        void (async () => {
          try {
            await writing;
            await write();
          } catch (e) {
            this.log.error({ err: e, scenarioId: c.id }, 'scenario outcome not written');
          } finally {
            this.active.delete(c.id);
            await worker.terminate().catch(() => undefined);
            resolve();
          }
        })();
      };
      const fail = (error: string) => finish(() => this.db.update(t).set({ state: 'failed', error, finishedAt: new Date() }).where(this.mine(c)));
      const done = (result: ScenarioResult) =>
        finish(() =>
          this.db
            .update(t)
            .set({
              state: 'done', result, finishedAt: new Date(),
              progress: progressOf({ phase: 'done', elapsedMs: result.stats.elapsedMs, best: result.objective, lowerBound: result.lowerBound, fraction: 1 }),
            })
            .where(this.mine(c)),
        );

      worker.on('message', (m: PlanWorkerMessage) => {
        switch (m.type) {
          case 'progress':
            if (!inFlight && Date.now() - lastWrite >= PROGRESS_EVERY_MS) writeProgress(progressOf(m.progress));
            return;
          case 'done':
            this.log.info({ scenarioId: c.id, open: m.result.open.length, gap: m.result.gap, elapsedMs: m.result.stats.elapsedMs }, 'scenario solved');
            return done(m.result);
          case 'plan-error':
            this.log.info({ scenarioId: c.id, kind: m.kind, reason: m.en }, 'scenario has no plan');
            return fail(m.fa);
          case 'error':
            this.log.error({ scenarioId: c.id, err: m.message }, 'scenario solve failed');
            return fail(RUN_FA.crashed);
        }
      });
      worker.on('error', (e) => {
        this.log.error({ err: e, scenarioId: c.id }, 'plan worker failed');
        fail(RUN_FA.crashed);
      });
      worker.on('exit', () => {
        if (settled) return;
        if (this.closed) {
          // stopped on purpose: back to the queue, solved again at the next start
          finish(() => this.db.update(t).set({ state: 'queued', startedAt: null, progress: null }).where(this.mine(c)));
        } else {
          this.log.error({ scenarioId: c.id, timedOut }, 'plan worker stopped without a result');
          fail(timedOut ? RUN_FA.timeout : RUN_FA.crashed);
        }
      });
    });
  }
}
