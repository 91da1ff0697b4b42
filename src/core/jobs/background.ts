import type { FastifyBaseLogger } from 'fastify';
import { purgeExpiredSessions } from '../auth/sessions.js';
import type { AppContext } from '../http/context.js';
import { purgeExpiredRateLimits } from '../http/rate-limits.js';
import type { ModuleDef } from '../http/module.js';
import { deliverPending, LogProvider, type NotificationProvider } from '../notify/outbox.js';
import { registerSlaJobs } from '../workflow/sla.js';
import { JobWorker } from './worker.js';

/**
 * The background work of one server instance: the job queue (SLA escalations and whatever modules register),
 * outbox delivery, and housekeeping. Safe to run on every instance: each piece claims its rows with
 * SKIP LOCKED. Returns a stop function for graceful shutdown.
 */
export function startBackground(ctx: AppContext, log: FastifyBaseLogger, modules: ModuleDef[] = [], provider: NotificationProvider = new LogProvider(log)) {
  const worker = registerSlaJobs(new JobWorker({ log }));
  for (const m of modules) m.registerJobs?.(worker);
  worker.start(ctx.db, 5_000);
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> = Promise.resolve();
  let rounds = 0;
  const tick = async () => {
    try {
      await deliverPending(ctx.db, provider, { limit: 50 });
      if (rounds % 720 === 0) await purgeExpiredSessions(ctx.db); // about once an hour
      if (rounds % 60 === 0) await purgeExpiredRateLimits(ctx.db); // about every 5 minutes
      rounds++;
    } catch (e) {
      log.error({ err: e }, 'background round failed');
    }
    if (!stopped) {
      timer = setTimeout(() => void (current = tick()), 5_000);
      timer.unref();
    }
  };
  current = tick();
  return {
    worker,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
      await worker.stop();
    },
  };
}
