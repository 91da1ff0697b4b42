import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DEFINITION_SERVICE } from '../../../core/access/services.js';
import type { AppContext } from '../../../core/http/context.js';
import type { ModuleDef } from '../../../core/http/module.js';
import { registerWorkflow } from '../../../core/workflow/definition.js';
import { ensureCategories } from './categories.js';
import { citizenRoutes } from './citizen-routes.js';
import { registerComplaintJobs } from './jobs.js';
import { open311Routes } from './open311/routes.js';
import { seedComplaintsDemo } from './demo.js';
import { staffRoutes } from './staff-routes.js';
import { ensureTemplates } from './templates.js';
import { complaintWorkflow } from './workflow.js';

registerWorkflow(complaintWorkflow);
DEFINITION_SERVICE.set(complaintWorkflow.key, 'complaints');

/** Service 6: public complaints and requests (سامانه رسیدگی به شکایات و درخواست‌های مردمی). */
export const complaintsModule: ModuleDef = {
  key: 'complaints',
  routes: (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
    await app.register(citizenRoutes(ctx));
    await app.register(staffRoutes(ctx));
    await app.register(open311Routes(ctx));
  },
  async init(db) {
    await ensureCategories(db);
    await ensureTemplates(db);
  },
  registerJobs: registerComplaintJobs,
  seedDemo: seedComplaintsDemo,
};
