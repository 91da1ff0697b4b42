import { DEFINITION_SERVICE } from '../../../core/access/services.js';
import type { AppContext } from '../../../core/http/context.js';
import type { ModuleDef } from '../../../core/http/module.js';
import { registerWorkflow } from '../../../core/workflow/definition.js';
import { seedAmriyehDemo } from './demo.js';
import { amriyehRoutes } from './routes.js';
import { amriyehWorkflow } from './workflow.js';

registerWorkflow(amriyehWorkflow);
DEFINITION_SERVICE.set(amriyehWorkflow.key, 'amriyeh');

/** Service 4: the rural firefighter amriyeh (سامانه صدور امریه آتش‌نشانان روستایی). */
export const amriyehModule: ModuleDef = {
  key: 'amriyeh',
  routes: (ctx: AppContext) => amriyehRoutes(ctx),
  seedDemo: seedAmriyehDemo,
};
