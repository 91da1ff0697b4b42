import { DEFINITION_SERVICE } from '../../../core/access/services.js';
import type { AppContext } from '../../../core/http/context.js';
import type { ModuleDef } from '../../../core/http/module.js';
import { registerWorkflow } from '../../../core/workflow/definition.js';
import { courseRoutes } from './routes-courses.js';
import { registerInstructorJobs } from './decision.js';
import { ensureInstructorDefaults } from './defaults.js';
import { seedInstructorsDemo } from './demo.js';
import { instructorRoutes } from './routes.js';
import { qualificationWorkflow } from './workflow.js';

registerWorkflow(qualificationWorkflow);
DEFINITION_SERVICE.set(qualificationWorkflow.key, 'instructors');

/**
 * Service 1: the instructor qualification bank — self-registration, weighted versioned criteria, expert review per
 * field and committee decision, the training ID and its public verification, courses, trainees' ratings and reports.
 */
export const instructorsModule: ModuleDef = {
  key: 'instructors',
  routes: (ctx: AppContext) => async (app) => {
    await app.register(instructorRoutes(ctx));
    await app.register(courseRoutes(ctx));
  },
  init: ensureInstructorDefaults,
  registerJobs: registerInstructorJobs,
  seedDemo: seedInstructorsDemo,
};
