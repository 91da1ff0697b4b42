import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The screens of the service modules inside the staff area, each a lazy chunk.
 * A module adds its entry here, e.g.
 *   { path: 'complaints/*', component: lazy(() => import('../../modules/complaints/web/StaffComplaints.js')) }
 * Paths are relative to `/app`. Any `/app/...` address without an entry shows «به‌زودی».
 */
export const staffRoutes: Array<{ path: string; component: LazyExoticComponent<ComponentType> }> = [
  { path: 'complaints/*', component: lazy(() => import('../../modules/complaints/web/staff/StaffComplaints.js')) },
  { path: 'amriyeh/*', component: lazy(() => import('../../modules/amriyeh/web/staff/StaffAmriyeh.js')) },
  { path: 'landfills/*', component: lazy(() => import('../../modules/landfills/web/staff/StaffLandfills.js')) },
  { path: 'grading/*', component: lazy(() => import('../../modules/grading/web/staff/StaffGrading.js')) },
  { path: 'instructors/*', component: lazy(() => import('../../modules/instructors/web/staff/StaffInstructors.js')) },
  { path: 'festival/*', component: lazy(() => import('../../modules/festival/web/staff/StaffFestival.js')) },
];
