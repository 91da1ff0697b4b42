import './instructors.css';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { PageLoader } from '../../../../web/components/PageLoader.js';
import { useMe } from '../../../../web/session.js';
import { BASE, homePathOf, instViewerOf } from './shared.js';

const ApplicationList = lazy(() => import('./ApplicationList.js'));
const ApplicationPage = lazy(() => import('./ApplicationPage.js'));
const Bank = lazy(() => import('./Bank.js'));
const ProfilePage = lazy(() => import('./ProfilePage.js'));
const CertificatePage = lazy(() => import('./CertificatePage.js'));
const CourseList = lazy(() => import('./CourseList.js'));
const CourseNew = lazy(() => import('./CourseNew.js'));
const CoursePage = lazy(() => import('./CoursePage.js'));
const Criteria = lazy(() => import('./Criteria.js'));
const Fields = lazy(() => import('./Fields.js'));
const Reports = lazy(() => import('./Reports.js'));

/**
 * `/app/instructors`: where each role starts — the training expert at the applications, the committee at those
 * waiting for its decision, a training unit at its courses, the administrator at the criteria.
 */
function Home() {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  return <Navigate to={homePathOf(instViewerOf(me.data))} replace />;
}

/**
 * `/app/instructors/*`: qualification applications (list, review and decision), the bank of qualified instructors and
 * their profiles and certificates, courses (assignment, rating sheet, evaluation), the criteria versions and the
 * taxonomy, and the reports. Each screen is its own lazy chunk.
 */
export default function StaffInstructors() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route index element={<Home />} />
        <Route path="applications" element={<ApplicationList />} />
        <Route path="applications/:id" element={<ApplicationPage />} />
        <Route path="bank" element={<Bank />} />
        <Route path="profiles/:id" element={<ProfilePage />} />
        <Route path="profiles/:id/certificate" element={<CertificatePage />} />
        <Route path="courses" element={<CourseList />} />
        <Route path="courses/new" element={<CourseNew />} />
        <Route path="courses/:id" element={<CoursePage />} />
        <Route path="criteria" element={<Criteria />} />
        <Route path="fields" element={<Fields />} />
        <Route path="reports" element={<Reports />} />
        <Route path="*" element={<Navigate to={BASE} replace />} />
      </Routes>
    </Suspense>
  );
}
