import './grading.css';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { PageLoader } from '../../../../web/components/PageLoader.js';
import { useMe } from '../../../../web/session.js';
import { gradingViewerOf, homeOf } from './shared.js';

const MyEntity = lazy(() => import('./MyEntity.js'));
const SheetEditor = lazy(() => import('./SheetEditor.js'));
const RequestNew = lazy(() => import('./RequestNew.js'));
const RequestList = lazy(() => import('./RequestList.js'));
const RequestPage = lazy(() => import('./RequestPage.js'));
const Rules = lazy(() => import('./Rules.js'));
const Dashboard = lazy(() => import('./Dashboard.js'));

/** `/app/grading`: the entity's page for a municipality or dehyari, the requests list for a reviewer. */
function Home() {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  const home = homeOf(gradingViewerOf(me.data));
  if (home === 'entity') return <MyEntity />;
  if (home === 'requests') return <RequestList />;
  if (home === 'dashboard') return <Dashboard />;
  return <Rules />;
}

/**
 * `/app/grading/*`: my grade and sheets (municipality / dehyari), one indicator sheet, a new upgrade request, the
 * requests list and one request (reviewers and the entity), the rules and the dashboard. Each screen is its own
 * lazy chunk.
 */
export default function StaffGrading() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route index element={<Home />} />
        <Route path="entity" element={<MyEntity />} />
        <Route path="sheets/new" element={<SheetEditor />} />
        <Route path="sheets/:id" element={<SheetEditor />} />
        <Route path="requests/new" element={<RequestNew />} />
        <Route path="requests" element={<RequestList />} />
        <Route path="requests/:id" element={<RequestPage />} />
        <Route path="rules" element={<Rules />} />
        <Route path="dashboard" element={<Dashboard />} />
        <Route path="*" element={<Navigate to="/app/grading" replace />} />
      </Routes>
    </Suspense>
  );
}
