import { DEFINITION_SERVICE } from '../../../core/access/services.js';
import { registerDocumentReader } from '../../../core/documents/store.js';
import type { AppContext } from '../../../core/http/context.js';
import type { ModuleDef } from '../../../core/http/module.js';
import { registerWorkflow } from '../../../core/workflow/definition.js';
import { judgeMayReadDocument } from './assignment.js';
import { seedFestivalDemo } from './demo.js';
import { entryRoutes } from './routes-entries.js';
import { judgingRoutes } from './routes-judging.js';
import { roundRoutes } from './routes-rounds.js';
import { showcaseRoutes } from './routes-showcase.js';
import { entryWorkflow } from './workflow.js';

registerWorkflow(entryWorkflow);
DEFINITION_SERVICE.set(entryWorkflow.key, 'festival');
registerDocumentReader(judgeMayReadDocument);

/**
 * Service 5: the festival of selected dehyari plans and rural entrepreneurs — rounds with axes and rubrics,
 * submissions by dehyaris and entrepreneurs, screening province → nation, judging with conflict-of-interest
 * exclusion, per-judge normalization and agreement, the announcement, and the public showcase that spreads the
 * winning experiences (replication marks, questions to the author, the spread report).
 */
export const festivalModule: ModuleDef = {
  key: 'festival',
  routes: (ctx: AppContext) => async (app) => {
    await app.register(roundRoutes(ctx));
    await app.register(entryRoutes(ctx));
    await app.register(judgingRoutes(ctx));
    await app.register(showcaseRoutes(ctx));
  },
  seedDemo: seedFestivalDemo,
};
