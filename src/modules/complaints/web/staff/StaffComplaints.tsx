import './staff.css';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PageLoader } from '../../../../web/components/PageLoader.js';

const ComplaintList = lazy(() => import('./ComplaintList.js'));
const ComplaintCase = lazy(() => import('./ComplaintCase.js'));
// The charts (recharts) are loaded only by the dashboard.
const Dashboard = lazy(() => import('./Dashboard.js'));

/** `/app/complaints/*`: the inbox, one case, and the dashboard. */
export default function StaffComplaints() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route index element={<ComplaintList />} />
        <Route path="dashboard" element={<Dashboard />} />
        <Route path=":id" element={<ComplaintCase />} />
      </Routes>
    </Suspense>
  );
}
