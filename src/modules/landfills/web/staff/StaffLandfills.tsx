import './landfills.css';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { PageLoader } from '../../../../web/components/PageLoader.js';

const SitesHome = lazy(() => import('./SitesHome.js'));
const SiteForm = lazy(() => import('./SiteForm.js'));
const SitePage = lazy(() => import('./SitePage.js'));
const ImportPage = lazy(() => import('./ImportPage.js'));
const SummaryPage = lazy(() => import('./SummaryPage.js'));
const ScenariosHome = lazy(() => import('./ScenariosHome.js'));
const ScenarioCreate = lazy(() => import('./ScenarioCreate.js'));
const ScenarioCompare = lazy(() => import('./ScenarioCompare.js'));
const ScenarioPage = lazy(() => import('./ScenarioPage.js'));
const AllocationsHome = lazy(() => import('./AllocationsHome.js'));
const AllocationCreate = lazy(() => import('./AllocationCreate.js'));
const AllocationPage = lazy(() => import('./AllocationPage.js'));

/**
 * `/app/landfills/*`: the registry (sites list and map, one site, the site form, the import, the summary) and the
 * planning (consolidation scenarios, fund allocations). Each screen is its own lazy chunk.
 */
export default function StaffLandfills() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route index element={<SitesHome />} />
        <Route path="sites/new" element={<SiteForm />} />
        <Route path="sites/:id" element={<SitePage />} />
        <Route path="sites/:id/edit" element={<SiteForm />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="summary" element={<SummaryPage />} />
        <Route path="scenarios" element={<ScenariosHome />} />
        <Route path="scenarios/new" element={<ScenarioCreate />} />
        <Route path="scenarios/compare" element={<ScenarioCompare />} />
        <Route path="scenarios/:id" element={<ScenarioPage />} />
        <Route path="allocations" element={<AllocationsHome />} />
        <Route path="allocations/new" element={<AllocationCreate />} />
        <Route path="allocations/:id" element={<AllocationPage />} />
        <Route path="*" element={<Navigate to="/app/landfills" replace />} />
      </Routes>
    </Suspense>
  );
}
