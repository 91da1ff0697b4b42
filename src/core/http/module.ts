import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/client.js';
import type { JobWorker } from '../jobs/worker.js';
import type { DemoPlaces } from '../org/demo.js';
import type { AppContext } from './context.js';

/**
 * What a service module hands the platform: its routes, its background job handlers, and its demo data. The
 * core knows this shape and nothing else of any module; `src/modules/index.ts` lists the modules.
 */
export interface ModuleDef {
  key: string;
  /** Route plugin, registered after the core's. Register workflow definitions at import time of the module. */
  routes: (ctx: AppContext) => FastifyPluginAsyncZod;
  /** Reference data every installation needs (e.g. default categories); run at start-up, idempotent. */
  init?: (db: Db) => Promise<void>;
  /** Registers the module's job handlers on the instance's worker. */
  registerJobs?: (worker: JobWorker) => void;
  /** Fills the module with demo data (demo mode only; must be idempotent). */
  seedDemo?: (db: Db, places: DemoPlaces) => Promise<void>;
}
