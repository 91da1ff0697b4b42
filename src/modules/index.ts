import type { ModuleDef } from '../core/http/module.js';
import { amriyehModule } from './amriyeh/server/index.js';
import { festivalModule } from './festival/server/index.js';
import { complaintsModule } from './complaints/server/index.js';
import { gradingModule } from './grading/server/index.js';
import { instructorsModule } from './instructors/server/index.js';
import { landfillsModule } from './landfills/server/index.js';

/** The service modules, in the order their routes are registered. Each module adds itself here. */
export const MODULES: ModuleDef[] = [complaintsModule, amriyehModule, landfillsModule, gradingModule, instructorsModule, festivalModule];
