import { DEFINITION_SERVICE } from '../../../core/access/services.js';
import type { AppContext } from '../../../core/http/context.js';
import type { ModuleDef } from '../../../core/http/module.js';
import { registerWorkflow } from '../../../core/workflow/definition.js';
import { seedLandfillsDemo } from './demo.js';
import { landfillRoutes } from './routes.js';
import { landfillSiteWorkflow } from './workflow.js';

registerWorkflow(landfillSiteWorkflow);
DEFINITION_SERVICE.set(landfillSiteWorkflow.key, 'landfills');

/** Service 2: the village landfill registry, consolidation planning and fund allocation. */
export const landfillsModule: ModuleDef = {
  key: 'landfills',
  routes: (ctx: AppContext) => landfillRoutes(ctx),
  seedDemo: seedLandfillsDemo,
};
