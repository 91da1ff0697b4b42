import './amriyeh.css';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { PageLoader } from '../../../../web/components/PageLoader.js';

const CallsHome = lazy(() => import('./CallsHome.js'));
const CallCreate = lazy(() => import('./CallCreate.js'));
const CallPage = lazy(() => import('./CallPage.js'));
const ApplicationList = lazy(() => import('./ApplicationList.js'));
const ApplicationReview = lazy(() => import('./ApplicationReview.js'));

/** `/app/amriyeh/*`: the calls (dashboard), a new call, one call, the applications and one application. */
export default function StaffAmriyeh() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route index element={<CallsHome />} />
        <Route path="calls/new" element={<CallCreate />} />
        <Route path="calls/:id" element={<CallPage />} />
        <Route path="applications" element={<ApplicationList />} />
        <Route path="applications/:id" element={<ApplicationReview />} />
        <Route path="*" element={<Navigate to="/app/amriyeh" replace />} />
      </Routes>
    </Suspense>
  );
}
