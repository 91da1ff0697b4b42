import { lazy } from 'react';
import { Route, Routes } from 'react-router';

// The instructor bank's public and instructor pages, each its own chunk: the app's route table (src/web/App.tsx)
// holds one lazy entry for all of them, so the first chunk every visitor downloads does not grow with this
// service's pages. Rendered under `/instructors/*`, `/verify/training-id/*` and `/rate/*` (paths below are
// relative to those).
const Landing = lazy(() => import('./Landing.js'));
const Profile = lazy(() => import('./Profile.js'));
const MyInstructorPage = lazy(() => import('./MyInstructor.js'));
const CertificatePage = lazy(() => import('./Certificate.js'));
const Verify = lazy(() => import('./Verify.js'));
const Rate = lazy(() => import('./Rate.js'));
const NotFound = lazy(() => import('../../../../web/pages/NotFound.js'));

/** `area` picks the table: the instructor's pages, the public verification of a training ID, or trainees' rating. */
export default function InstructorRoutes({ area = 'instructors' }: { area?: 'instructors' | 'verify' | 'rate' }) {
  if (area === 'verify') {
    return (
      <Routes>
        <Route index element={<Verify />} />
        <Route path=":id" element={<Verify />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    );
  }
  if (area === 'rate') {
    return (
      <Routes>
        <Route path=":token" element={<Rate />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route index element={<Landing />} />
      <Route path="profile" element={<Profile />} />
      <Route path="me" element={<MyInstructorPage />} />
      <Route path="me/certificate" element={<CertificatePage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
