import { DEFINITION_SERVICE } from '../../../core/access/services.js';
import type { AppContext } from '../../../core/http/context.js';
import type { ModuleDef } from '../../../core/http/module.js';
import { registerWorkflow } from '../../../core/workflow/definition.js';
import { SUBJECTS } from '../enums.js';
import { seedGradingDemo } from './demo.js';
import { ensureDefaultRules } from './rule-sets.js';
import { gradingRoutes } from './routes.js';
import { GRADING_WORKFLOWS } from './workflow.js';

for (const subject of SUBJECTS) {
  registerWorkflow(GRADING_WORKFLOWS[subject]);
  DEFINITION_SERVICE.set(GRADING_WORKFLOWS[subject].key, 'grading');
}

/** Service 3: municipality and dehyari grading — indicator sheets, rule-based grade, upgrade review, grade history. */
export const gradingModule: ModuleDef = {
  key: 'grading',
  routes: (ctx: AppContext) => gradingRoutes(ctx),
  init: ensureDefaultRules,
  seedDemo: seedGradingDemo,
};
